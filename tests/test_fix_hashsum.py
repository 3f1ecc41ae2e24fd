"""AST822's fix: a File without a HashSum gets one holding the file's MD5, an element with
children written a level deeper in the file's own indentation and line endings, byte-exact
elsewhere; only with --unsafe, and only where AST822 is selected (it is opt-in)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import jsonschema
import pytest

import ddexkit
from ddexkit.autofix import FixResult
from ddexkit.output.sarif import to_sarif
from tests.conftest import GOOD_ALBUM
from tests.rules import builders

ALBUM = GOOD_ALBUM.read_bytes()
# Every rule, and AST822, which is opt-in, too.
WITH_AST822 = ddexkit.Config(select=("", "AST822"))
FILE_PATH_LINE = b"            <FilePath>resources/</FilePath>\n"
NAMES = ("A1.flac", "A2.flac", "A3.flac", "cover.jpg")


@pytest.fixture(scope="module")
def assets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return builders.good_album_assets("good", tmp_path_factory.mktemp("album"))


def _md5(assets: Path, name: str) -> str:
    return hashlib.md5((assets / "resources" / name).read_bytes()).hexdigest()


def _with_hash_sums(assets: Path) -> bytes:
    """The album as a person would write it with every File's HashSum."""
    fixed = ALBUM
    for name in NAMES:
        place = b"<FileName>" + name.encode() + b"</FileName>\n" + FILE_PATH_LINE
        assert fixed.count(place) == 1
        fixed = fixed.replace(place, place + (
            f"            <HashSum>\n              <HashSum>{_md5(assets, name)}</HashSum>\n"
            "              <HashSumAlgorithmType>MD5</HashSumAlgorithmType>\n"
            "            </HashSum>\n").encode())
    return fixed


def _fixing(assets: Path, schema_dir: Path, raw: bytes, *, unsafe: bool = True,
            config: ddexkit.Config = WITH_AST822) -> FixResult:
    return ddexkit.fix(raw, assets=assets, schema_dir=schema_dir, config=config, unsafe=unsafe)


def test_each_file_without_a_hash_sum_is_reported_with_its_md5(
        assets: Path, schema_dir: Path) -> None:
    whole = ddexkit.validate(ALBUM, assets=assets, schema_dir=schema_dir, config=WITH_AST822)
    jsonschema.validate(json.loads(json.dumps(whole.to_dict())), ddexkit.report_schema())
    issues = whole.files[0].issues
    assert [(i.code, i.severity.value, (i.location.xpath or "").rpartition("/")[2])
            for i in issues] == [("AST822", "warning", "File")] * 4
    shape = whole.files[0].to_dict()["issues"][3]["fix"]
    assert shape == {"replacement": "", "original": "", "safe": False, "attribute": None,
                     "description": "add the MD5 of resources/cover.jpg as its HashSum",
                     "insert": "HashSum",
                     "children": [{"name": "HashSum", "text": _md5(assets, "cover.jpg")},
                                  {"name": "HashSumAlgorithmType", "text": "MD5"}]}
    # Opt-in: the default selection leaves it out.
    assert not ddexkit.validate(ALBUM, assets=assets, schema_dir=schema_dir,
                                config=ddexkit.Config()).files[0].issues


def test_unsafe_fix_adds_the_hash_sums_and_nothing_else(assets: Path,
                                                        schema_dir: Path) -> None:
    assert not _fixing(assets, schema_dir, ALBUM, unsafe=False).changed
    result = _fixing(assets, schema_dir, ALBUM)
    assert result.fixed == _with_hash_sums(assets)
    assert not result.refused and not result.report.issues  # no AST822, nothing new
    outcome = result.to_dict()["applied"][0]
    assert outcome["insert"] == "HashSum" and outcome["children"][1] == {
        "name": "HashSumAlgorithmType", "text": "MD5"}


def test_crlf_is_kept_and_the_bytes_outside_the_insertions_are_the_same(
        assets: Path, schema_dir: Path) -> None:
    crlf = ALBUM.replace(b"\n", b"\r\n")
    result = _fixing(assets, schema_dir, crlf)
    assert result.fixed == _with_hash_sums(assets).replace(b"\n", b"\r\n")
    assert not result.report.issues
    kept, at = [], 0
    for outcome in result.applied:
        assert outcome.span is not None and outcome.written is not None
        start, end = outcome.span
        assert start == end and outcome.written.startswith("\r\n")
        kept.append(crlf[at:start])
        at = end
    kept.append(crlf[at:])
    assert b"".join(kept) == crlf
    assert re.search(rb"(?<!\r)\n", result.fixed) is None


def test_a_file_written_on_one_line_is_refused_with_the_reason(
        assets: Path, schema_dir: Path) -> None:
    place = b"<File>\n            <FileName>cover.jpg</FileName>\n" + FILE_PATH_LINE + \
        b"          </File>"
    one_line = ALBUM.replace(place, b"<File><FileName>cover.jpg</FileName>"
                             b"<FilePath>resources/</FilePath></File>")
    assert one_line != ALBUM
    result = _fixing(assets, schema_dir, one_line)
    assert [o.reason for o in result.refused] == [
        "its children are not on lines of their own, indented deeper than it"]
    assert len(result.applied) == 3


def test_sarif_carries_the_nested_insertion(assets: Path, schema_dir: Path,
                                            tmp_path: Path) -> None:
    path = tmp_path / "album.xml"
    path.write_bytes(ALBUM)
    report = ddexkit.validate(path, assets=assets, schema_dir=schema_dir, config=WITH_AST822)
    sarif = to_sarif(report)
    (inserted, *_) = [fix["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"]
                      for result in sarif["runs"][0]["results"] for fix in result["fixes"]]
    assert inserted == ("\n            <HashSum>\n              <HashSum>"
                        f"{_md5(assets, 'A1.flac')}</HashSum>\n              <HashSum"
                        "AlgorithmType>MD5</HashSumAlgorithmType>\n            </HashSum>")


def test_the_md5_of_a_file_without_a_hash_sum_is_gathered_once_per_path(
        assets: Path, tmp_path: Path) -> None:
    from ddexkit.inputs import FolderAssets
    from ddexkit.media import gather_assets
    from ddexkit.parser import parse

    cover = b"            <FileName>cover.jpg</FileName>\n" + FILE_PATH_LINE
    # The cover named twice: once with an SHA-1 HashSum (no MD5 read for it), once without.
    twice = ALBUM.replace(cover, cover + (
        "            <HashSum>\n              <HashSum>"
        + hashlib.sha1((assets / "resources" / "cover.jpg").read_bytes()).hexdigest()
        + "</HashSum>\n              <HashSumAlgorithmType>SHA1</HashSumAlgorithmType>\n"
        "            </HashSum>\n          </File>\n          <File>\n").encode() + cover)
    ern = tmp_path / "album.xml"
    ern.write_bytes(twice)
    facts = gather_assets(parse(ern), FolderAssets(assets))
    assert [(f.package_path, sorted(f.hashes)) for f in facts.files] == [
        ("resources/A1.flac", ["md5", "sha256"]), ("resources/A2.flac", ["md5", "sha256"]),
        ("resources/A3.flac", ["md5", "sha256"]), ("resources/cover.jpg", ["sha1", "sha256"]),
        ("resources/cover.jpg", ["md5", "sha256"])]
    assert facts.files[4].hashes["md5"] == _md5(assets, "cover.jpg")
