"""ID112 accepts documented partner namespaces (YouTube's ``YOUTUBE:…``) and the prefixes of
``partner-namespaces``; it reports each distinct bad Namespace once, at its first place, with
the number of places it is used in (rules.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

import ddexkit
from ddexkit.config import Config, ConfigError, config_from_table, load_config
from ddexkit.issues import Severity

GOOD = (Path(__file__).parent / "rules" / "cases" / "ID112" / "good.xml").read_text("utf-8")
DPID = "DPID:PADPIDA2014120301L"
GOOD_DPID = f'Namespace="{DPID}"'  # lines 26 (track A1) and 215 (the cover)


def _message(first: str, cover: str, second: str | None = None, third: str | None = None) -> str:
    """The good case with these Namespaces on track A1 (line 26) and the cover (line 215), and
    a ProprietaryId added on the ISRC line of track A2 (line 89) and A3 (line 152)."""
    head, middle, tail = GOOD.split(GOOD_DPID)
    text = f'{head}Namespace="{first}"{middle}Namespace="{cover}"{tail}'
    for isrc, namespace in (("GBAYE2400002", second), ("GBAYE2400003", third)):
        if namespace is not None:
            own = f'<ProprietaryId Namespace="{namespace}">NL-{isrc}</ProprietaryId>'
            text = text.replace(f"<ISRC>{isrc}</ISRC>", f"<ISRC>{isrc}</ISRC>{own}")
    return text


def _issues(text: str, config: Config | None = None) -> list[ddexkit.Issue]:
    chosen = (config or Config()).merged(select=("ID112",))
    report = ddexkit.validate(text.encode("utf-8"), config=chosen)
    return list(report.files[0].issues)


@pytest.mark.parametrize("namespace", ("YOUTUBE:CHANNEL_ID", "YOUTUBE:UCx9AbC", "YOUTUBE:"))
def test_youtube_namespaces_are_accepted(namespace: str) -> None:
    assert _issues(_message(namespace, namespace)) == []


@pytest.mark.parametrize("namespace", ("YOUTUBE", "YOUTUBE_CHANNEL_ID", "MYYOUTUBE:X"))
def test_a_value_that_does_not_start_with_the_prefix_is_still_reported(namespace: str) -> None:
    issues = _issues(_message(DPID, namespace))
    assert [(i.code, i.location.line, i.severity) for i in issues] == [
        ("ID112", 215, Severity.WARNING)]


def test_configured_partner_namespaces_are_accepted() -> None:
    text = _message("SPOTIFY:artist", "SPOTIFY:cover")
    assert [i.location.line for i in _issues(text)] == [26, 215]
    assert _issues(text, Config(partner_namespaces=("SPOTIFY:",))) == []


def test_partner_namespaces_is_read_from_the_configuration_file(tmp_path: Path) -> None:
    project = tmp_path / "pyproject.toml"
    project.write_text('[tool.ddexkit]\npartner-namespaces = ["SPOTIFY:", "DEEZER:"]\n')
    config = load_config(project)
    assert config.partner_namespaces == ("SPOTIFY:", "DEEZER:")
    assert _issues(_message("SPOTIFY:a", "DEEZER:b"), config) == []


@pytest.mark.parametrize("value", ("SPOTIFY:", ["SPOTIFY:", 3], [""], ["  "]))
def test_partner_namespaces_must_be_a_list_of_prefixes(value: object) -> None:
    with pytest.raises(ConfigError, match="partner-namespaces"):
        config_from_table({"partner-namespaces": value})


def test_a_bad_namespace_is_reported_once_at_its_first_place_with_its_count() -> None:
    text = _message("NorthernLights", "NorthernLights", "NorthernLights", "NorthernLights")
    issues = _issues(text)
    assert [(i.code, i.location.line) for i in issues] == [("ID112", 26)]
    assert issues[0].message == ("ProprietaryId Namespace 'NorthernLights' is not a DPID "
                                 "(used in 4 places)")


def test_each_distinct_bad_namespace_is_reported_once() -> None:
    text = _message(DPID, "NorthernLights", "Label X", "NorthernLights")
    issues = _issues(text)
    assert [(i.location.line, i.message) for i in issues] == [
        (89, "ProprietaryId Namespace 'Label X' is not a DPID (used in 1 place)"),
        (152, "ProprietaryId Namespace 'NorthernLights' is not a DPID (used in 2 places)"),
    ]


def test_a_mistyped_dpid_is_reported_once_with_its_count() -> None:
    bad = "DPID:PADPIDA2014120301M"
    issues = _issues(_message(bad, DPID, bad, bad))
    assert [i.location.line for i in issues] == [26]
    assert issues[0].message.endswith("(used in 3 places)")
    assert "PADPIDA2014120301L" in (issues[0].hint or "")
