"""Insertion fixes: a missing child written where the schema's sequence puts it, in the
file's own style (indentation, line ending, prefix), byte-exact elsewhere; refused with the
reason where the place is not certain, and not applied when it would add an issue."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ddexkit
from ddexkit.autofix import FixResult, _edits, _settled
from ddexkit.engine import resolve_settings, validate_bytes
from ddexkit.inputs import FolderAssets
from ddexkit.issues import Issue
from ddexkit.report import FileReport
from tests.conftest import GOOD_ALBUM
from tests.rules import builders

ALBUM = GOOD_ALBUM.read_bytes()
HEIGHT = b"          <ImageHeight>3000</ImageHeight>\n"
WIDTH = b"          <ImageWidth>3000</ImageWidth>\n"
NO_SIZE = ALBUM.replace(HEIGHT, b"", 1).replace(WIDTH, b"", 1)

# Every rule, and AST821, which is opt-in (outside the distributor's catalog).
WITH_AST821 = ddexkit.Config(select=("", "AST821"))


@pytest.fixture(scope="module")
def assets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return builders.good_album_assets("good", tmp_path_factory.mktemp("album"))


def _fixing(assets: Path, schema_dir: Path, raw: bytes, *, unsafe: bool = True) -> FixResult:
    return ddexkit.fix(raw, assets=assets, schema_dir=schema_dir, config=WITH_AST821,
                       unsafe=unsafe)


@functools.cache
def _missing_height_issue(assets: Path, schema_dir: Path) -> Issue:
    """AST821's issue for the cover's TechnicalImageDetails without ImageHeight."""
    report = ddexkit.validate(ALBUM.replace(HEIGHT, b"", 1), assets=assets,
                              schema_dir=schema_dir, config=WITH_AST821).files[0]
    (issue,) = [i for i in report.issues if i.code == "AST821"]
    return issue


def test_a_missing_image_size_is_added_where_the_schema_puts_it(
        assets: Path, schema_dir: Path) -> None:
    assert NO_SIZE != ALBUM
    whole = ddexkit.validate(NO_SIZE, assets=assets, schema_dir=schema_dir,
                             config=WITH_AST821)
    jsonschema.validate(json.loads(json.dumps(whole.to_dict())), ddexkit.report_schema())
    report = whole.files[0]
    found = [(i.code, i.severity.value, i.location.xpath, i.fix and i.fix.insert)
             for i in report.issues]
    xpath = ("/NewReleaseMessage/ResourceList/Image/ImageDetailsByTerritory/"
             "TechnicalImageDetails")
    assert found == [("AST821", "warning", xpath, "ImageHeight"),
                     ("AST821", "warning", xpath, "ImageWidth")]
    shape = report.to_dict()["issues"][0]["fix"]
    assert (shape["insert"], shape["replacement"], shape["safe"]) == ("ImageHeight", "3000",
                                                                    False)
    assert not _fixing(assets, schema_dir, NO_SIZE, unsafe=False).changed
    result = _fixing(assets, schema_dir, NO_SIZE)
    assert result.fixed == ALBUM and not result.report.issues
    at = NO_SIZE.index(b"</ImageCodecType>") + len(b"</ImageCodecType>")
    assert [(o.span, o.written) for o in result.applied] == [
        ((at, at), "\n" + HEIGHT.decode().rstrip("\n")),
        ((at, at), "\n" + WIDTH.decode().rstrip("\n"))]
    shape = result.to_dict()["applied"][0]
    assert (shape["insert"], shape["original"], shape["replacement"], shape["span"]) == (
        "ImageHeight", "", "3000", {"start": at, "end": at})


def test_crlf_stays_crlf_and_the_prefix_of_the_siblings_is_kept(
        assets: Path, schema_dir: Path) -> None:
    crlf = NO_SIZE.replace(b"\n", b"\r\n")
    assert _fixing(assets, schema_dir, crlf).fixed == ALBUM.replace(b"\n", b"\r\n")
    issue = _missing_height_issue(assets, schema_dir)
    prefixed = ALBUM.replace(HEIGHT, b"", 1).replace(
        b"<ImageCodecType>JPEG</ImageCodecType>", b"<x:ImageCodecType>JPEG</x:ImageCodecType>")
    prefixed = prefixed.replace(b"<TechnicalResourceDetailsReference>T4</", b"<x:Technical"
                                b"ResourceDetailsReference>T4</x:").replace(
        b"<ImageWidth>3000</ImageWidth>", b"<x:ImageWidth>3000</x:ImageWidth>").replace(
        b"<File>\n            <FileName>cover", b"<x:File>\n            <FileName>cover").replace(
        b"</FilePath>\n          </File>\n        </TechnicalImageDetails>",
        b"</FilePath>\n          </x:File>\n        </TechnicalImageDetails>")
    (edit,), refused = _edits(prefixed, [issue])
    assert not refused and edit.data == b"\n          <x:ImageHeight>3000</x:ImageHeight>"


def test_a_comment_after_the_sibling_on_its_line_stays_on_that_line(
        assets: Path, schema_dir: Path) -> None:
    noted = NO_SIZE.replace(b"<ImageCodecType>JPEG</ImageCodecType>",
                            b"<ImageCodecType>JPEG</ImageCodecType> <!-- a --><!-- b -->")
    result = _fixing(assets, schema_dir, noted)
    assert result.fixed == ALBUM.replace(
        b"<ImageCodecType>JPEG</ImageCodecType>",
        b"<ImageCodecType>JPEG</ImageCodecType> <!-- a --><!-- b -->")


def test_with_no_sibling_before_it_the_child_goes_first_indented_as_the_first(
        assets: Path, schema_dir: Path) -> None:
    issue = _missing_height_issue(assets, schema_dir)
    assert issue.fix is not None
    first = replace(issue, fix=replace(issue.fix, after=()))
    (edit,), _ = _edits(ALBUM.replace(HEIGHT, b"", 1), [first])
    assert edit.data == b"\n          <ImageHeight>3000</ImageHeight>"
    assert ALBUM[edit.start - len(b"<TechnicalImageDetails>"):edit.start] \
        == b"<TechnicalImageDetails>"


BASE = ALBUM.replace(HEIGHT, b"", 1)
CODEC = b"<ImageCodecType>JPEG</ImageCodecType>"


@pytest.mark.parametrize(("raw", "why"), [
    (ALBUM, "it already has ImageHeight"),
    (BASE.replace(CODEC, CODEC + b"oops", 1), "it holds text beside its children"),
    (BASE.replace(CODEC, b"<![CDATA[ ]]>", 1), "CDATA"),
    (BASE.replace(CODEC, b"<x:ImageCodecType>JPEG</x:ImageCodecType>", 1),
     "different namespace prefixes"),
    (BASE.replace(b"          " + CODEC + b"\n", b"", 1).replace(
        b"</File>\n        </TechnicalImageDetails>",
        b"</File>\n          " + CODEC + b"\n        </TechnicalImageDetails>", 1),
     "not in the schema's order"),
], ids=["present", "text", "cdata", "prefixes", "order"])
def test_an_uncertain_place_is_refused_with_the_reason(
        raw: bytes, why: str, assets: Path, schema_dir: Path) -> None:
    edits, refused = _edits(raw, [_missing_height_issue(assets, schema_dir)])
    assert not edits and why in (refused[0].reason or "")


def test_an_insertion_the_schema_does_not_allow_there_is_not_applied(
        assets: Path, schema_dir: Path) -> None:
    issue = _missing_height_issue(assets, schema_dir)
    assert issue.fix is not None
    raw = ALBUM.replace(HEIGHT, b"", 1)
    settings = replace(resolve_settings(WITH_AST821, schema_dir=schema_dir, assets=assets),
                       issue_cap=None).for_inputs(1)
    store = FolderAssets(assets)

    def check(data: bytes) -> FileReport:
        return validate_bytes(data, settings, store=store)

    late = replace(issue, fix=replace(issue.fix, after=(*issue.fix.after, "ImageWidth",
                                                        "File")))
    edits, _ = _edits(raw, [late])
    assert edits and edits[0].data.endswith(b"<ImageHeight>3000</ImageHeight>")
    kept, refused, _ = _settled(raw, edits, check(raw), check)
    assert not kept and "ERN006" in (refused[0].reason or "")


def _styled(raw: bytes, *, tabs: bool, crlf: bool) -> bytes:
    """``raw`` indented with tabs instead of two spaces, and with CRLF line endings."""
    if tabs:
        raw = re.sub(rb"(?m)^((?:  )+)", lambda m: b"\t" * (len(m[1]) // 2), raw)
    return raw.replace(b"\n", b"\r\n") if crlf else raw


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(missing=st.sampled_from([(HEIGHT,), (WIDTH,), (HEIGHT, WIDTH)]),
       codec=st.booleans(), tabs=st.booleans(), crlf=st.booleans())
def test_any_missing_size_in_any_style_is_added_as_the_file_writes_it(
        missing: tuple[bytes, ...], codec: bool, tabs: bool, crlf: bool, assets: Path,
        schema_dir: Path) -> None:
    complete = ALBUM if codec else ALBUM.replace(b"          " + CODEC + b"\n", b"", 1)
    faulty = complete
    for line in missing:
        faulty = faulty.replace(line, b"", 1)
    result = _fixing(assets, schema_dir, _styled(faulty, tabs=tabs, crlf=crlf))
    assert result.fixed == _styled(complete, tabs=tabs, crlf=crlf)
    assert [o.fix.insert for o in result.applied] == [
        line.strip().partition(b">")[0][1:].decode() for line in missing]
