"""The HTML report (--format html): self-contained, deterministic, escaped, with the cover and
the audio facts when the files are at hand, and rendered by a real browser (headless
Chromium) without a console message and not blank."""

from __future__ import annotations

import base64
import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

import ddexkit
from ddexkit.cli import main
from ddexkit.config import Config
from ddexkit.issues import Issue, Location, Severity
from ddexkit.media import image_thumbnail
from ddexkit.output import FORMATS
from ddexkit.output.html import HTML_ISSUES_PER_CODE, HtmlOptions, render
from ddexkit.profiles import ProfileVerdict
from ddexkit.report import FileReport, Report
from tests.conftest import GOOD_ALBUM, OUR_CORPUS, REPO
from tests.rules.builders import png_bomb

PACKAGE = OUR_CORPUS / "package"
PACKAGE_ERN = PACKAGE / "album.xml"
QUIET = Config(ignore=("ERN007",))  # these cases do not depend on ../shared's XSD
XSS = "<script>alert(1)</script>"
# The sun of the sample cover (tools/make_sample_package.py): seen in a screenshot, the
# embedded thumbnail was drawn.
SUN = (247, 196, 77)


def _page(*paths: Path, assets: Path | None = None) -> str:
    files = tuple(file for path in paths
                  for file in ddexkit.validate(path, config=QUIET, assets=assets).files)
    report = Report(files=files, tool={"name": "ddexkit", "version": ddexkit.__version__})
    return render(report, options=HtmlOptions(assets=assets))


def _data_uris(page: str) -> list[bytes]:
    return [base64.b64decode(found)
            for found in re.findall(r'src="data:image/jpeg;base64,([A-Za-z0-9+/=]+)"', page)]


def _copy_package(tmp_path: Path) -> Path:
    target = tmp_path / "package"
    shutil.copytree(PACKAGE, target)
    return target


# Content ----------

def test_the_package_page_shows_verdict_summary_cover_and_tracks() -> None:
    page = _page(PACKAGE_ERN, assets=PACKAGE)
    assert '<span class="badge ready">ready</span>' in page
    for shown in ("Harbour Lights", "Northern Lights Records", "123456789012", "2024-05-17",
                  "<dt>Explicit</dt><dd>no</dd>", "SubscriptionModel", "Worldwide",
                  "GBAYE2400003", "verseone"):
        assert shown in page
    (thumbnail,) = _data_uris(page)
    with Image.open(io.BytesIO(thumbnail)) as image:
        assert image.format == "JPEG" and max(image.size) <= 320 and image.size[0] > 100
    # ERN duration beside the audio file's real duration and format
    row = re.search(r"<tr><td class=\"num\">3</td>.*?</tr>", page)
    assert row is not None
    assert "PT4S" in row.group(0) and "resources/A3.wav" in row.group(0)
    assert "<td>0:04</td><td>PCM, 44.1 kHz, 16 bit, mono</td>" in row.group(0)


def test_without_the_files_the_page_says_the_cover_is_not_at_hand() -> None:
    page = _page(PACKAGE_ERN)
    assert _data_uris(page) == []
    assert "cover resources/cover.jpg not at hand" in page
    assert "<td>PT4S" in page and "PCM, 44.1 kHz" not in page


def test_a_zip_shows_its_own_cover_and_audio(tmp_path: Path) -> None:
    release = tmp_path / "release.zip"
    result = ddexkit.package(PACKAGE_ERN, assets=PACKAGE, output=release, config=QUIET)
    assert result.written
    page = _page(release)
    assert len(_data_uris(page)) == 1 and "PCM, 44.1 kHz, 16 bit, mono" in page


EPS = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 3000 3000\n%%EndComments\nshowpage\n"


@pytest.mark.parametrize("cover", [b"not an image at all", png_bomb(30000, 30000), EPS],
                         ids=["not-an-image", "decompression-bomb", "eps-named-jpg"])
def test_a_cover_that_cannot_be_shown_is_left_out(tmp_path: Path, cover: bytes) -> None:
    package = _copy_package(tmp_path)
    (package / "resources" / "cover.jpg").write_bytes(cover)
    report = ddexkit.validate(package / "album.xml", config=QUIET, assets=package)
    assert {"AST805", "AST808"} & {i.code for i in report.files[0].issues}
    page = render(report, options=HtmlOptions(assets=package))
    assert _data_uris(page) == [] and "not at hand" in page


def test_a_damaged_zip_gives_a_page_without_media(tmp_path: Path) -> None:
    release = tmp_path / "release.zip"
    assert ddexkit.package(PACKAGE_ERN, assets=PACKAGE, output=release, config=QUIET).written
    data = release.read_bytes()
    cut = tmp_path / "cut.zip"
    cut.write_bytes(data[: len(data) // 2])
    not_a_zip = tmp_path / "text.zip"
    not_a_zip.write_bytes(b"not a zip")
    # media entries damaged inside (their CRC fails when read whole), in a ZIP that lists
    damaged = bytearray(data)
    for name in (b"resources/cover.jpg", b"resources/A1.wav"):
        start = data.index(name) + len(name) + 2000
        damaged[start:start + 64] = bytes(64)
    bad_crc = tmp_path / "bad_crc.zip"
    bad_crc.write_bytes(bytes(damaged))
    page = _page(cut, not_a_zip)
    assert _data_uris(page) == [] and page.count('<h2>') == 2
    page = _page(bad_crc)  # the page is made; what was damaged, the issues say
    codes = {i.code for i in ddexkit.validate(bad_crc, config=QUIET).files[0].issues}
    assert codes and all(f">{code}<" in page for code in codes)


def test_issues_are_grouped_by_severity_with_the_source_line_in_context() -> None:
    broken = OUR_CORPUS / "broken" / "bad_deal.xml"
    page = _page(broken)
    assert page.index("<h3>Errors") < page.index("TER501")
    lines = broken.read_text(encoding="utf-8").splitlines()
    (issue,) = [i for i in ddexkit.validate(broken, config=QUIET).files[0].issues
                if i.code == "TER501"]
    assert issue.location.line is not None and issue.location.xpath is not None
    assert issue.location.xpath in page and "hint: " in page
    marked = re.search(r'<span class="at">(.*?)</span>', page[page.index("TER501"):])
    assert marked is not None
    assert marked.group(0).endswith(
        f'{issue.location.line} | {lines[issue.location.line - 1].rstrip()}'
        .replace("<", "&lt;").replace(">", "&gt;") + "</span>")


def _issue(code: str, severity: Severity, line: int) -> Issue:
    return Issue(code=code, severity=severity, message=f"{code} here",
                 location=Location(xpath="/NewReleaseMessage", line=line))


def test_warnings_follow_errors_and_a_long_run_of_one_code_is_capped() -> None:
    many = tuple(_issue("ID105", Severity.WARNING, n) for n in range(1, HTML_ISSUES_PER_CODE + 51))
    file = FileReport(path=None, message_kind="NewReleaseMessage", schema_version="ern/382",
                      xsd="valid", issues=(*many, _issue("TER501", Severity.ERROR, 999)))
    page = render(Report(files=(file,), tool={"name": "ddexkit", "version": "0"}))
    assert page.index("<h3>Errors (1)</h3>") < page.index(f"<h3>Warnings ({len(many)})</h3>")
    assert page.count("ID105 here") == HTML_ISSUES_PER_CODE
    assert "… and 50 more ID105 (see --format json)" in page


def test_a_declared_profile_nobody_selected_shows_its_own_issues_apart() -> None:
    shared = _issue("TER501", Severity.ERROR, 5)
    own = _issue("PRF001", Severity.ERROR, 7)
    declared = ProfileVerdict(name="ddex-audio-album", title="DDEX Audio Album",
                              status="needs_fixes", counts={"error": 2, "warning": 0},
                              selected=False, issues=(shared, own))
    file = FileReport(path=None, message_kind="NewReleaseMessage", schema_version="ern/382",
                      xsd="valid", issues=(shared,), profiles=(declared,))
    page = render(Report(files=(file,)))
    assert "(declared by the message, not selected)" in page
    apart = page[page.index("<h3>Only for ddex-audio-album (DDEX Audio Album)</h3>"):]
    assert "PRF001 here" in apart and page.count("TER501 here") == 1


def test_a_batch_has_an_index_of_files_and_counts_by_code() -> None:
    broken = sorted((OUR_CORPUS / "broken").glob("*.xml"))
    page = _page(*broken)
    index = page[page.index("<h3>Files</h3>"):page.index('id="file-1"')]
    for number, path in enumerate(broken, 1):
        assert f'<a href="#file-{number}">{path}</a>' in index
        assert f'id="file-{number}"' in page
    by_code = index[index.index("Issues by code"):]
    assert re.search(r'TER501</td><td><span class="badge error">error</span></td>'
                     r'<td class="num">1</td><td>\w', by_code)


# Escaping and self-containment ----------

def _hostile_album(tmp_path: Path) -> Path:
    text = GOOD_ALBUM.read_text(encoding="utf-8").replace(
        "<TitleText>Harbour Lights</TitleText>",
        "<TitleText>&lt;script&gt;alert(1)&lt;/script&gt;</TitleText>").replace(
        "<LabelName>Northern Lights Records</LabelName>",
        '<LabelName>" onmouseover="alert(2)</LabelName>')
    hostile = tmp_path / 'a"<b>.xml'
    hostile.write_text(text, encoding="utf-8")
    return hostile


def test_every_text_from_the_message_is_escaped(tmp_path: Path) -> None:
    page = _page(_hostile_album(tmp_path))
    assert "<script" not in page and 'onmouseover="' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&quot; onmouseover=&quot;alert(2)" in page
    assert "a&quot;&lt;b&gt;.xml" in page


def test_the_page_is_self_contained_and_deterministic() -> None:
    first = _page(PACKAGE_ERN, OUR_CORPUS / "broken" / "bad_deal.xml", assets=PACKAGE)
    assert first == _page(PACKAGE_ERN, OUR_CORPUS / "broken" / "bad_deal.xml", assets=PACKAGE)
    assert not re.search(r"<script|<link|@import|url\(|(src|href)=\"(?!data:|#)", first)
    assert "Content-Security-Policy" in first and "default-src 'none'" in first


def test_registered_as_a_format_and_written_by_the_cli(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert FORMATS["html"](ddexkit.validate(GOOD_ALBUM, config=QUIET), False).startswith(
        "<!DOCTYPE html>")
    output = tmp_path / "report.html"
    code = main(["validate", "--no-config", "--ignore", "ERN007", "--format", "html",
                 "--assets", str(PACKAGE), "--output", str(output), str(PACKAGE_ERN)])
    assert code == 0 and capsys.readouterr().out == ""
    assert len(_data_uris(output.read_text(encoding="utf-8"))) == 1
    assert main(["validate", "--no-config", "--format", "html", str(GOOD_ALBUM)]) in (0, 1)
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")
    assert main(["validate", "--format", "html", "--quiet", str(GOOD_ALBUM)]) == 2
    assert "--quiet is for --format text" in capsys.readouterr().err


# In a real browser ----------

def _chromium() -> str:
    """Debian's chromium; .ci/run installs it, so in CI its absence fails the test."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have chromium (.ci/run installs Debian's package)")
        pytest.skip("needs chromium for the browser test (apt-get install chromium)")
    return found


def _screenshot(page: str, tmp_path: Path, name: str) -> tuple[Path, list[str]]:
    """Render the page in headless Chromium: the screenshot and the console's messages."""
    html_file = tmp_path / f"{name}.html"
    html_file.write_text(page, encoding="utf-8")
    shot = tmp_path / f"{name}.png"
    run = subprocess.run(
        [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
         "--window-size=1200,2000", f"--screenshot={shot}", html_file.as_uri()],
        capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    # Chromium's own noise (no D-Bus in a container) is not the page's: a page's console
    # messages, and a Content-Security-Policy violation, are logged as CONSOLE.
    console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
    return shot, console


def _pixels(shot: Path) -> list[tuple[int, int, int]]:
    """The screenshot's pixels, scaled down to 300×500 (enough to see text and the cover)."""
    with Image.open(shot) as image:
        assert image.size == (1200, 2000)
        data = image.convert("RGB").resize((300, 500)).tobytes()
    return [(data[i], data[i + 1], data[i + 2]) for i in range(0, len(data), 3)]


def test_chromium_shows_the_package_report_with_its_cover(tmp_path: Path) -> None:
    shot, console = _screenshot(_page(PACKAGE_ERN, assets=PACKAGE), tmp_path, "package")
    assert console == []
    pixels = _pixels(shot)
    assert len(set(pixels)) > 10
    assert sum(1 for p in pixels if sum(p) < 200) > 50  # text
    assert any(all(abs(c - s) < 30 for c, s in zip(p, SUN, strict=True)) for p in pixels)


def test_chromium_shows_the_corpus_batch_and_runs_no_injected_script(tmp_path: Path) -> None:
    corpus = sorted(p for p in OUR_CORPUS.rglob("*.xml"))
    page = _page(*corpus, _hostile_album(tmp_path))
    shot, console = _screenshot(page, tmp_path, "corpus")
    # An unescaped script would run (console) or be refused by the policy (console too).
    assert console == []
    pixels = _pixels(shot)
    assert len(set(pixels)) > 10 and any(sum(p) < 200 for p in pixels)
    dom = subprocess.run(
        [_chromium(), "--headless", "--no-sandbox", "--disable-gpu",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
         (tmp_path / "corpus.html").as_uri()],
        capture_output=True, text=True, timeout=120, check=True).stdout
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom and "<script" not in dom


def test_readme_shows_a_screenshot_of_the_report() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "](docs/html-report.png)" in readme and "--format html" in readme
    screenshot = REPO / "docs" / "html-report.png"
    assert screenshot.stat().st_size < 300_000
    with Image.open(screenshot) as image:
        assert image.format == "PNG" and image.size[0] == 1200


def test_the_thumbnail_opens_only_jpeg_and_png(monkeypatch: pytest.MonkeyPatch) -> None:
    """An EPS or a GIF named cover.jpg is never decoded: no Ghostscript, no other plugin."""
    from PIL import EpsImagePlugin

    calls: list[object] = []

    def refuse(*args: object, **kwargs: object) -> object:
        calls.append(args)
        raise OSError("Ghostscript was run")

    monkeypatch.setattr(EpsImagePlugin, "Ghostscript", refuse)
    gif = io.BytesIO()
    Image.new("RGB", (400, 400), SUN).save(gif, "GIF")
    assert image_thumbnail(io.BytesIO(EPS)) is None
    assert image_thumbnail(io.BytesIO(gif.getvalue())) is None
    assert calls == []
    png = io.BytesIO()
    Image.new("RGBA", (400, 200), (*SUN, 255)).save(png, "PNG")
    thumbnail = image_thumbnail(io.BytesIO(png.getvalue()))
    assert thumbnail is not None
    with Image.open(io.BytesIO(thumbnail)) as image:
        assert (image.format, image.size, image.mode) == ("JPEG", (320, 160), "RGB")
