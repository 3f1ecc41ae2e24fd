"""The audio files of one release are of different formats (FLAC beside WAV or MP3).

Why it matters:
    A release is mastered and delivered as a whole: stores encode every track of it from
    one kind of source, and a release whose files mix lossless and lossy audio, or two
    containers, is a sign that a track was swapped for a draft or a download, which their
    quality checks hold back. The files of each main release's sound recordings are read
    (their real format, not the declared one: AST811 compares those); every file whose
    format differs from the one most of the release's files have is reported, the first
    track's format winning a tie.

Bad:
    <FileName>A2.wav</FileName>

Good:
    <FileName>A2.flac</FileName>

Source:
    Distributors' audio delivery specifications for the stores (one lossless format per
    release); no section of the Apple, Spotify or YouTube guides states it. DDEX ERN 3.8.2
    TechnicalSoundRecordingDetails/File.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.media import AssetFacts, AudioFacts, ReferencedFile
from ddexkit.rules.base import Rule, RuleContext, Stage


def check(facts: AssetFacts, context: RuleContext) -> Iterator[Finding]:
    if context.message is None:
        return
    by_resource: dict[str, list[tuple[ReferencedFile, AudioFacts]]] = {}
    for item, audio in facts.audio_files:
        if audio.format is not None:  # unreadable audio is AST811's
            by_resource.setdefault(item.resource.ref, []).append((item, audio))
    for release in context.main_release_candidates:
        files = [found for track in context.tracks(release)
                 for found in by_resource.get(track.reference, ())]
        formats = Counter(audio.format for _item, audio in files)
        if len(formats) < 2:
            continue
        usual = formats.most_common(1)[0][0]  # Counter keeps first-seen order on ties
        for item, audio in files:
            if audio.format == usual:
                continue
            yield Finding(
                at=item.file.loc,
                message=f"{item.package_path} of {context.main_release_name(release)} holds "
                f"{audio.format} audio, while {formats[usual]} of its {len(files)} audio "
                f"files are {usual}",
                hint=f"Deliver every track of the release from the same master format "
                f"({usual}), converted from the original, not from a lossy copy",
            )


RULE = Rule(
    code="AST820",
    severity=Severity.WARNING,
    summary="The audio files of one release are of different formats",
    stage=Stage.ASSETS,
    check=check,
    needs=frozenset({"assets"}),
    doc=__doc__ or "",
    opt_in=True,
)
