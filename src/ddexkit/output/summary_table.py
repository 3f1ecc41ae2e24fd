"""The release summary as people read it (``ddexkit summary``): the release's facts, the
numbered track list, the artwork and the deals by territory, in aligned plain-text tables.
Absent values show as "—": the summary reports, it never invents."""

from __future__ import annotations

from collections.abc import Sequence

from ddexkit.printable import printable
from ddexkit.report import FileReport
from ddexkit.summary import DealSummary, Summary

_ABSENT = "—"


def _show(value: object) -> str:
    if value is None or value == "" or value == []:
        return _ABSENT
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _clock(seconds: int | None, raw: str | None) -> str:
    """``PT3M12S`` as ``3:12`` (``1:02:03`` past the hour); the raw value if unreadable."""
    if seconds is None:
        return _show(raw)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], indent: str = "  ") -> list[str]:
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return (indent + "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True))).rstrip()

    return [line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def _territories(deal: DealSummary) -> str:
    text = ", ".join(deal.territories) or _ABSENT
    if deal.excluded_territories:
        text += " except " + ", ".join(deal.excluded_territories)
    return text


def summary_lines(summary: Summary) -> list[str]:
    facts = [
        ("Title", _show(summary.title)),
        ("Artists", _show(", ".join(summary.primary_artists))),
        ("Label", _show(summary.label)),
        ("UPC", _show(summary.upc)),
        ("Release date", _show(summary.release_date)),
        ("Type", _show(summary.release_type)),
        ("Genre", _show(summary.genre)),
        ("Explicit", _show(summary.explicit)),
        ("℗ line", _show(summary.p_line)),
        ("© line", _show(summary.c_line)),
    ]
    width = max(len(name) for name, _ in facts)
    lines = [f"{name.ljust(width)}  {value}" for name, value in facts]
    total = sum(t.duration_seconds or 0 for t in summary.tracks)
    lines += ["", f"Tracks ({len(summary.tracks)}, {_clock(total, None)})"]
    if summary.tracks:
        lines += _table(
            ("#", "Title", "Artists", "ISRC", "Duration", "Explicit"),
            [
                (
                    _show(t.sequence),
                    _show(t.title),
                    _show(", ".join(t.primary_artists)),
                    _show(t.isrc),
                    _clock(t.duration_seconds, t.duration),
                    _show(t.explicit),
                )
                for t in summary.tracks
            ],
        )
    else:
        lines.append(f"  {_ABSENT}")
    art = summary.artwork
    if art is None:
        lines += ["", f"Artwork  {_ABSENT}"]
    else:
        size = f"{art.width}×{art.height}" if art.width and art.height else "size not given"
        lines += ["", f"Artwork  {_show(art.file)} ({size}, {art.resource_reference})"]
    lines += ["", f"Deals ({len(summary.deals)})"]
    if summary.deals:
        lines += _table(
            ("Territories", "Commercial models", "Use types", "From", "Until", "Release"),
            [
                (
                    _territories(d),
                    _show(", ".join(d.commercial_model_types)),
                    _show(", ".join(d.use_types)),
                    _show(d.start_date),
                    _show(d.end_date),
                    _show(d.release_reference),
                )
                for d in summary.deals
            ],
        )
    else:
        lines.append(f"  {_ABSENT}")
    return lines


def render_summary(file: FileReport) -> str:
    """The summary of one validated file, ending with its validation status."""
    lines = [f"{file.path or '<bytes>'}", ""]
    lines += summary_lines(file.summary or Summary())
    counts = file.counts
    verdict = "ready" if file.is_ready else "needs fixes"
    found = (
        f"{counts['error']} errors, {counts['warning']} warnings: `ddexkit validate` shows them"
        if file.issues else "no issues"
    )
    lines += ["", f"Status   {verdict} ({found})"]
    return "\n".join(map(printable, lines)) + "\n"  # titles from a delivery: see printable
