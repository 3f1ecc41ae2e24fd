"""Hostile XML: each case is refused with one clear issue and a rule code, never a crash.

Bounded time and memory come from refusing early (a DOCTYPE is never parsed, an oversized file
is never parsed, libxml2's depth limit stays on), so the tests check *that* ddexkit refused
early rather than timing it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import ddexkit
from ddexkit.safexml import MAX_MESSAGE_BYTES, MAX_TAGS, read_document

from .conftest import GOOD_ALBUM

SECRET = "DDEXKIT-SECRET-7f3a9c"

BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 "lol">\n'
    + b"".join(
        b'<!ENTITY lol%d "%s">\n' % (level, b"&lol%d;" % (level - 1) * 10)
        for level in range(1, 10)
    )
    + b"]>\n<lolz>&lol9;</lolz>\n"
)
QUADRATIC_BLOWUP = (
    b'<?xml version="1.0"?>\n<!DOCTYPE q [<!ENTITY a "'
    + b"x" * 100_000
    + b'">]>\n<q>'
    + b"&a;" * 100_000
    + b"</q>\n"
)
EXTERNAL_DTD = (
    b'<?xml version="1.0"?>\n'
    b'<!DOCTYPE NewReleaseMessage SYSTEM "http://ddex.example/ern.dtd">\n'
    b"<NewReleaseMessage/>\n"
)
# A comment longer than any fixed look-ahead, so the DOCTYPE is far from the start.
LONG_COMMENT = b"<!--" + b"padding " * 20_000 + b"-->\n"


def _codes(report: ddexkit.Report) -> list[str]:
    return [issue.code for file in report.files for issue in file.issues]


def _only_file(report: ddexkit.Report) -> ddexkit.FileReport:
    assert len(report.files) == 1
    return report.files[0]


def _secret_file(folder: Path) -> Path:
    secret = folder / "secret.txt"
    secret.write_text(f"{SECRET}\n", encoding="utf-8")
    return secret


def _leaking_messages(secret: Path) -> dict[str, bytes]:
    """Every way an XML file can ask the parser to read a local file."""
    uri = secret.as_uri().encode()
    general = b'<!DOCTYPE r [<!ENTITY x SYSTEM "%s">]>\n<r>&x;</r>\n' % uri
    parameter = b'<!DOCTYPE r [<!ENTITY %% p SYSTEM "%s"> %%p;]>\n<r/>\n' % uri
    external = b'<!DOCTYPE r SYSTEM "%s">\n<r/>\n' % uri
    return {
        "general entity": b'<?xml version="1.0"?>\n' + general,
        "parameter entity": b'<?xml version="1.0"?>\n' + parameter,
        "external DTD": b'<?xml version="1.0"?>\n' + external,
        "general entity after a long comment": LONG_COMMENT + general,
        "parameter entity after a long comment": LONG_COMMENT + parameter,
        "external DTD after a long comment": LONG_COMMENT + external,
    }


def _run_cli(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ddexkit", "validate", "--no-config", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    "data",
    [BILLION_LAUGHS, QUADRATIC_BLOWUP, EXTERNAL_DTD, LONG_COMMENT + BILLION_LAUGHS[22:]],
    ids=["billion laughs", "quadratic blow-up", "external DTD", "laughs after a long comment"],
)
def test_entity_tricks_are_refused_before_parsing(data: bytes) -> None:
    document = read_document(data)
    assert document.tree is None
    assert document.facts.doctype is not None
    file = _only_file(ddexkit.validate(data))
    assert [i.code for i in file.issues] == ["ERN003"]
    assert file.status == "needs_fixes"
    assert file.issues[0].location.line is not None


def test_doctype_after_a_long_comment_points_at_its_line() -> None:
    data = b'<?xml version="1.0"?>\n' + LONG_COMMENT + BILLION_LAUGHS[22:]
    (issue,) = _only_file(ddexkit.validate(data)).issues
    assert issue.code == "ERN003"
    assert issue.location.line == 3


def test_no_local_file_is_read_or_shown(tmp_path: Path) -> None:
    secret = _secret_file(tmp_path)
    for name, data in _leaking_messages(secret).items():
        report = ddexkit.validate(data)
        assert _codes(report) == ["ERN003"], name
        assert SECRET not in json.dumps(report.to_dict()), name


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_parameter_entity_naming_a_device_does_not_hang(tmp_path: Path) -> None:
    # Regression: with the DOCTYPE beyond the old 64 KiB look-ahead, libxml2 opened this
    # parameter entity and read /dev/zero forever. Run in a child so a regression fails.
    path = tmp_path / "zero.xml"
    path.write_bytes(
        LONG_COMMENT + b'<!DOCTYPE r [<!ENTITY % p SYSTEM "file:///dev/zero"> %p;]>\n<r/>\n'
    )
    done = _run_cli("--format", "json", path, cwd=tmp_path)
    assert done.returncode == 1
    (file,) = json.loads(done.stdout)["files"]
    assert [issue["code"] for issue in file["issues"]] == ["ERN003"]


def test_parser_itself_never_opens_an_external_parameter_entity(tmp_path: Path) -> None:
    """Defence in depth, below the DOCTYPE scan: the lxml parser opens nothing outside the
    bytes. The entity names a file that is not a DTD, so reading it would fail the parse."""
    from lxml import etree

    from ddexkit.safexml import _make_parser

    not_a_dtd = tmp_path / "not-a.dtd"
    not_a_dtd.write_text(f"{SECRET} <<< this is no DTD", encoding="utf-8")
    data = b'<!DOCTYPE r [<!ENTITY %% p SYSTEM "%s"> %%p;]>\n<r/>' % not_a_dtd.as_uri().encode()
    root = etree.fromstring(data, _make_parser())
    assert root.tag == "r"


def test_leaks_never_reach_the_cli_output(tmp_path: Path) -> None:
    secret = _secret_file(tmp_path)
    paths = []
    for number, data in enumerate(_leaking_messages(secret).values()):
        path = tmp_path / f"leak{number}.xml"
        path.write_bytes(data)
        paths.append(path)
    for output_format in ("text", "json"):
        done = _run_cli("--format", output_format, *paths, cwd=tmp_path)
        assert done.returncode == 1
        assert "Traceback" not in done.stderr
        assert SECRET not in done.stdout + done.stderr
        assert done.stdout.count("ERN003") >= len(paths)


def test_deep_nesting_hits_the_depth_limit() -> None:
    depth = 100_000
    data = b"<a>" * depth + b"</a>" * depth
    document = read_document(data)
    assert document.tree is None
    assert document.facts.syntax_error is not None
    assert "depth" in document.facts.syntax_error.message.lower()
    (issue,) = _only_file(ddexkit.validate(data)).issues
    assert issue.code == "ERN001"
    assert issue.location.line == 1


def test_an_oversized_file_is_never_parsed(tmp_path: Path) -> None:
    big = tmp_path / "big.xml"
    with big.open("wb") as handle:  # sparse: 60 MB on the size, nothing on the disk
        handle.write(b'<?xml version="1.0"?>\n<a>')
        handle.truncate(60 * 1024 * 1024)
    document = read_document(b"<a>", size=big.stat().st_size)
    assert document.facts.too_large
    assert document.tree is None
    assert not document.facts.parsed
    file = _only_file(ddexkit.validate(big))
    assert [i.code for i in file.issues] == ["ERN008"]
    assert file.message_kind is None
    assert MAX_MESSAGE_BYTES == 51_200_000


def test_the_size_limit_is_exclusive() -> None:
    """Exactly 51,200,000 bytes is allowed (and parsed); one more byte is refused."""
    assert not read_document(b"<a/>", size=MAX_MESSAGE_BYTES).facts.too_large
    assert read_document(b"<a/>", size=MAX_MESSAGE_BYTES + 1).facts.too_large


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "ERN001"),
        (b"   \n\t\n", "ERN001"),
        (b'<?xml version="1.0"?>\n<a>\x00</a>\n', "ERN001"),
        (b"\x00" * 64, "ERN001"),
    ],
    ids=["empty", "only whitespace", "NUL in text", "only NULs"],
)
def test_not_xml_at_all(data: bytes, code: str) -> None:
    file = _only_file(ddexkit.validate(data))
    assert [i.code for i in file.issues] == [code]
    assert file.issues[0].message.startswith("The file is not well-formed XML")


def test_random_bytes_are_refused() -> None:
    import random

    generator = random.Random(20240601)
    for _ in range(20):
        data = bytes(generator.randrange(256) for _ in range(2_000))
        codes = set(_codes(ddexkit.validate(data)))
        assert codes and codes <= {"ERN001", "ERN002"}


def test_a_file_that_stops_halfway() -> None:
    album = GOOD_ALBUM.read_bytes()
    half = album[: album.index(b"\n", len(album) // 2) + 1]  # whole lines, as a cut download
    (issue,) = _only_file(ddexkit.validate(half)).issues
    assert issue.code == "ERN001"
    assert issue.location.line == half.count(b"\n") + 1
    assert "end of data" in issue.message.lower()


@pytest.mark.parametrize("encoding", ["UTF-16", "UTF-16-LE", "UTF-16-BE", "UTF-32"])
def test_utf16_and_utf32_files(encoding: str) -> None:
    text = GOOD_ALBUM.read_text(encoding="utf-8").replace(
        'encoding="UTF-8"', f'encoding="{encoding.split("-L")[0].split("-B")[0]}"'
    )
    data = text.encode(encoding.lower())
    file = _only_file(ddexkit.validate(data))
    assert "ERN002" in [i.code for i in file.issues]
    assert file.status == "needs_fixes"


def test_latin1_declared() -> None:
    text = GOOD_ALBUM.read_text(encoding="utf-8")
    text = text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
    assert 'encoding="ISO-8859-1"' in text
    file = _only_file(ddexkit.validate(text.encode("latin-1", errors="replace")))
    erns = [i for i in file.issues if i.code == "ERN002"]
    assert len(erns) == 1
    assert "ISO-8859-1" in erns[0].message
    assert erns[0].location.line == 1


def test_latin1_bytes_without_a_declaration() -> None:
    data = b"<a>\n  <b>Beyonc\xe9</b>\n</a>\n"
    (issue,) = _only_file(ddexkit.validate(data)).issues
    assert issue.code == "ERN002"
    assert (issue.location.line, issue.location.column) == (2, 12)


def test_invalid_utf8_in_the_middle_gives_line_and_column() -> None:
    lines = GOOD_ALBUM.read_bytes().split(b"\n")
    middle = len(lines) // 2
    lines[middle] = lines[middle] + b"\xc3\x28"  # a lead byte followed by "("
    (issue,) = _only_file(ddexkit.validate(b"\n".join(lines))).issues
    assert issue.code == "ERN002"
    assert issue.location.line == middle + 1
    assert issue.location.column == len(lines[middle].decode("utf-8", errors="replace")) - 1
    assert "0xC3" in issue.message


def test_cli_refuses_each_hostile_file_without_a_traceback(tmp_path: Path) -> None:
    album = GOOD_ALBUM.read_bytes()
    cases = {
        "laughs.xml": (BILLION_LAUGHS, "ERN003"),
        "deep.xml": (b"<a>" * 5_000 + b"</a>" * 5_000, "ERN001"),
        "empty.xml": (b"", "ERN001"),
        "half.xml": (album[: len(album) // 3], "ERN001"),
        "latin1.xml": (b"<a>caf\xe9</a>", "ERN002"),
        "nul.xml": (b"<a>\x00</a>", "ERN001"),
    }
    for name, (data, _) in cases.items():
        (tmp_path / name).write_bytes(data)
    for name, (_, code) in cases.items():
        done = _run_cli("--format", "json", name, cwd=tmp_path)
        assert done.returncode == 1, name
        assert "Traceback" not in done.stderr, name
        assert done.stderr == "", name
        (file,) = json.loads(done.stdout)["files"]
        assert code in [issue["code"] for issue in file["issues"]], name


def test_validation_never_touches_the_network(tmp_path: Path) -> None:
    """Every way an XML file can name a URL, pointed at a local server that records requests.
    A real server rather than a patched socket module, since libxml2 builds that still have
    an HTTP client would not go through Python (recent ones, 2.13+, have none)."""
    import http.server
    import threading

    requests: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'<!ENTITY leak "LEAKED">')

        def log_message(self, *args: object) -> None:
            return None

    server = http.server.HTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}".encode()
    messages = [
        b'<!DOCTYPE r SYSTEM "%s/ext.dtd">\n<r/>' % url,
        LONG_COMMENT + b'<!DOCTYPE r SYSTEM "%s/ext.dtd">\n<r>&leak;</r>' % url,
        LONG_COMMENT + b'<!DOCTYPE r [<!ENTITY %% p SYSTEM "%s/pe.dtd"> %%p;]>\n<r/>' % url,
        LONG_COMMENT + b'<!DOCTYPE r [<!ENTITY x SYSTEM "%s/ge">]>\n<r>&x;</r>' % url,
        b'<r xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="%s/xi"/></r>' % url,
        b'<?xml-stylesheet href="%s/style.xsl"?>\n<r/>' % url,
        GOOD_ALBUM.read_bytes().replace(
            b"MessageSchemaVersionId=",
            b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            b'xsi:schemaLocation="http://ddex.net/xml/ern/382 %s/x.xsd" MessageSchemaVersionId='
            % url,
            1,
        ),
    ]
    try:
        for data in messages:
            report = ddexkit.validate(data)
            assert "LEAKED" not in json.dumps(report.to_dict())
    finally:
        server.shutdown()
        server.server_close()
    assert requests == []


@pytest.mark.parametrize(("tags", "refused"), [(MAX_TAGS, False), (MAX_TAGS + 1, True)])
def test_more_tags_than_any_real_message_are_never_parsed(tags: int, refused: bool) -> None:
    """12,500,000 empty elements in 50 MB took 1.7 GB of tree; the gate counts before parsing."""
    raw = b"<r>" + b"<a/>" * (tags - 2) + b"</r>"
    document = read_document(raw)
    assert (document.tree is None) is refused
    assert document.facts.too_many_tags == (tags if refused else None)


def test_a_message_of_empty_elements_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "empty-elements.xml"
    path.write_bytes(b"<r>" + b"<a/>" * MAX_TAGS + b"</r>")
    result = subprocess.run([sys.executable, "-m", "ddexkit", "validate", str(path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert f"ERN001 [error] The file is not parsed: it holds {MAX_TAGS + 2:,} tags" in result.stdout


@pytest.mark.parametrize("reference", ["schemaLocation", "xinclude", "stylesheet"])
def test_local_files_named_by_the_message_are_never_opened(tmp_path: Path,
                                                           reference: str) -> None:
    """A FIFO hangs whoever opens it: the run finishing proves nothing opened it."""
    import os

    fifo = tmp_path / "trap.xsd"
    os.mkfifo(fifo)
    album = GOOD_ALBUM.read_bytes()
    if reference == "schemaLocation":
        data = album.replace(
            b"MessageSchemaVersionId=",
            b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation='
            b'"http://ddex.net/xml/ern/382 %s" MessageSchemaVersionId=' % str(fifo).encode(), 1)
    elif reference == "xinclude":
        data = (b'<r xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="%s"/></r>'
                % str(fifo).encode())
    else:
        data = b'<?xml-stylesheet type="text/xsl" href="%s"?>\n' % str(fifo).encode() + album
    path = tmp_path / "message.xml"
    path.write_bytes(data)
    result = subprocess.run([sys.executable, "-m", "ddexkit", "validate", "--no-config",
                             str(path)], capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr
    assert path.read_bytes() == data
