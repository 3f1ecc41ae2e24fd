"""Fuzzing with hypothesis: whatever the bytes, validation gives a report, never an exception.

Byte-level mutations (flip, insert, delete) of corpus/good/album.xml and of a valid release
ZIP, random bytes, and structured mutations of the parsed album (drop, duplicate or reorder
elements; odd text values) go through ``ddexkit.validate``; ``ddexkit.parse`` may raise
``ParseError`` only; ``ddexkit.package`` writes a whole ZIP or nothing. For every input: no
exception escapes, no issue says "internal error" (the engine's wrapper for a crashing rule),
both renderers work, and validating twice gives the same report.

How many examples:
- CI (the default, hypothesis profile ``ci``): a few hundred in all, derandomized so CI is
  reproducible.
- Locally, more and random: ``DDEXKIT_FUZZ_EXAMPLES=5000 python -m pytest tests/test_fuzz.py``
  (profile ``deep``: that many examples per test; a falling example is printed by hypothesis
  with the seed to reproduce it).
"""

from __future__ import annotations

import copy
import functools
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import ddexkit
from ddexkit.config import Config
from ddexkit.output import FORMATS

from .conftest import GOOD_ALBUM, shared_schema_dir

_DEEP_EXAMPLES = int(os.environ.get("DDEXKIT_FUZZ_EXAMPLES") or 0)
settings.register_profile(
    "ci",
    max_examples=50,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "deep",
    parent=settings.get_profile("ci"),
    max_examples=max(_DEEP_EXAMPLES, 1),
    derandomize=False,
)
FUZZ = settings.get_profile("deep" if _DEEP_EXAMPLES else "ci")
# The slower targets (a ZIP with media, packaging) get a fifth of the examples.
FUZZ_SLOW = settings(FUZZ, max_examples=max(FUZZ.max_examples // 5, 5))

ALBUM = GOOD_ALBUM.read_bytes()
SCHEMA_DIR = shared_schema_dir()  # None without ../shared: then the XSD stage is skipped
CONFIG = Config()  # never the repo's or the user's configuration


def _validate(source: bytes | Path, **options: Any) -> ddexkit.Report:
    return ddexkit.validate(source, schema_dir=SCHEMA_DIR, config=CONFIG, **options)


def _check(source: bytes | Path, **options: Any) -> ddexkit.Report:
    """Validate twice; assert the report is sound, renderable and deterministic."""
    report = _validate(source, **options)
    again = _validate(source, **options)
    assert report.to_dict() == again.to_dict()
    assert len(report.files) == 1
    for issue in report.files[0].issues:
        assert "internal error" not in issue.message, issue
        assert issue.code and issue.message
    json.loads(FORMATS["json"](report, False))
    assert FORMATS["text"](report, False)
    return report


# --- byte-level --------------------------------------------------------------------------

_OPERATION = st.tuples(
    st.sampled_from(["flip", "insert", "delete", "replace"]),
    st.floats(min_value=0, max_value=1, allow_nan=False),
    st.integers(min_value=0, max_value=255),
    st.integers(min_value=1, max_value=64),
)


def _mutate(data: bytes, operations: list[tuple[str, float, int, int]]) -> bytes:
    buffer = bytearray(data)
    for kind, where, value, length in operations:
        at = min(int(where * len(buffer)), max(len(buffer) - 1, 0))
        if kind == "flip" and buffer:
            buffer[at] ^= 1 << (value % 8)
        elif kind == "insert":
            buffer[at:at] = bytes([value]) * length
        elif kind == "delete":
            del buffer[at : at + length]
        elif kind == "replace" and buffer:
            buffer[at] = value
    return bytes(buffer)


@FUZZ
@given(st.binary(max_size=4096))
def test_random_bytes(data: bytes) -> None:
    report = _check(data)
    assert report.files[0].status == "needs_fixes"


@FUZZ
@given(st.lists(_OPERATION, min_size=1, max_size=8))
def test_byte_mutations_of_the_album(operations: list[tuple[str, float, int, int]]) -> None:
    _check(_mutate(ALBUM, operations))


@FUZZ
@given(st.lists(_OPERATION, min_size=0, max_size=8), st.booleans())
def test_parse_raises_parse_error_only(
    operations: list[tuple[str, float, int, int]], cut: bool
) -> None:
    data = _mutate(ALBUM, operations)
    if cut:
        data = data[: len(data) // 2]
    try:
        message = ddexkit.parse(data)
    except ddexkit.ParseError as error:
        assert str(error).startswith("cannot parse the message")
    else:
        assert isinstance(message, ddexkit.Message)


@functools.cache
def _release_zip() -> bytes:
    from tests.rules import builders

    with tempfile.TemporaryDirectory() as folder:
        return builders._zip(Path(folder), builders._album_zip_entries(Path(folder))).read_bytes()


@FUZZ_SLOW
@given(st.lists(_OPERATION, min_size=1, max_size=6))
def test_byte_mutations_of_a_release_zip(operations: list[tuple[str, float, int, int]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "release.zip"
        mutated = _mutate(_release_zip(), operations)
        path.write_bytes(mutated)
        report = _check(path)
        assert report.files[0].path == str(path)
        assert path.read_bytes() == mutated  # the input is only read


@FUZZ_SLOW
@given(st.lists(_OPERATION, min_size=1, max_size=4))
def test_package_writes_a_whole_zip_or_nothing(
    operations: list[tuple[str, float, int, int]],
) -> None:
    from tests.rules import builders

    with tempfile.TemporaryDirectory() as folder:
        assets = builders.album_assets(Path(folder) / "release")
        ern = assets / "album.xml"
        ern.write_bytes(_mutate(ALBUM, operations))
        out = Path(folder) / "out"
        out.mkdir()
        target = out / "release.zip"
        result = ddexkit.package(ern, assets=assets, output=target, config=CONFIG,
                                 schema_dir=SCHEMA_DIR)
        for issue in result.report.files[0].issues:
            assert "internal error" not in issue.message, issue
        if result.written:
            assert list(out.iterdir()) == [target]
            assert _validate(target).files[0].counts["error"] == 0
        else:
            assert result.report.has_errors
            assert list(out.iterdir()) == []  # no partial or temporary file left


# --- structured: mutate the parsed album, serialise it back --------------------------------

_ODD_TEXT = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "\t\n  \n",
            "x" * 100_000,
            "Ωμέγα €😀 \u202eevil\u202c",
            "e\u0301\u0301\u0301",
            "0",
            "-1",
            "1e309",
            "NaN",
            "99999999999999999999999999",
            "<>&\"'",
            "&amp;",
            "]]>",
            "P",
            "PT",
            "2025-02-30",
            "--",
            "UserDefined",
        ]
    ),
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"
        ),
        max_size=40,
    ),
)


def _album_tree() -> etree._Element:
    return etree.fromstring(ALBUM)  # our own trusted sample


@st.composite
def _structured_mutation(draw: st.DrawFn) -> bytes:
    root = _album_tree()
    for _ in range(draw(st.integers(min_value=1, max_value=5))):
        elements = [e for e in root.iter() if isinstance(e.tag, str)]
        element = elements[draw(st.integers(min_value=0, max_value=len(elements) - 1))]
        parent = element.getparent()
        kind = draw(st.sampled_from(["drop", "duplicate", "reorder", "text", "attribute"]))
        if kind == "drop" and parent is not None:
            parent.remove(element)
        elif kind == "duplicate" and parent is not None:
            parent.insert(parent.index(element) + 1, copy.deepcopy(element))
        elif kind == "reorder" and parent is not None and len(parent) > 1:
            children = list(parent)
            order = draw(st.permutations(range(len(children))))
            for child in children:
                parent.remove(child)
            for position in order:
                parent.append(children[position])
        elif kind == "text":
            element.text = draw(_ODD_TEXT)
        elif kind == "attribute" and element.attrib:
            name = draw(st.sampled_from(sorted(element.attrib)))
            element.set(name, draw(_ODD_TEXT))
    mutated: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return mutated


@FUZZ
@given(_structured_mutation())
def test_structured_mutations_of_the_album(data: bytes) -> None:
    report = _check(data)
    file = report.files[0]
    assert file.message_kind == "NewReleaseMessage"
    assert "ERN001" not in [i.code for i in file.issues]  # lxml wrote well-formed XML


@FUZZ
@given(_structured_mutation())
def test_structured_mutations_parse_into_a_model(data: bytes) -> None:
    message = ddexkit.parse(data)
    assert isinstance(message, ddexkit.Message)
