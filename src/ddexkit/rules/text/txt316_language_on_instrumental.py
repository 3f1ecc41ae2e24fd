"""An instrumental recording names a language of performance.

Why it matters:
    Stores file a recording under the language it is sung or spoken in (for search, lyrics
    and the language shelves of their catalogues); an instrumental has none, and a language
    set on it puts it among songs in that language, which the stores' style guides ask to
    avoid. A SoundRecording counts as instrumental when its IsInstrumental is true or the
    SubTitle of its title says "Instrumental"; each LanguageOfPerformance it gives is
    reported. (ERN 3.8.2's language list has no code for "no linguistic content", ISO 639-2
    zxx: an instrumental leaves the element out.)

Bad:
    <IsInstrumental>true</IsInstrumental>
      <LanguageOfPerformance>en</LanguageOfPerformance>

Good:
    <IsInstrumental>true</IsInstrumental>
      <Duration>PT3M12S</Duration>

Source:
    Spotify Metadata Style Guide, 20. Language; DDEX ERN 3.8.2 SoundRecording/IsInstrumental
    and LanguageOfPerformance.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ddexkit.issues import Finding, Severity
from ddexkit.model import Message, Resource
from ddexkit.rules.base import Rule, RuleContext, Stage

_INSTRUMENTAL = re.compile(r"\binstrumental\b", re.IGNORECASE)


def _said_instrumental_in_sub_title(resource: Resource) -> bool:
    titles = [resource.reference_title, *(t for d in resource.details for t in d.titles)]
    return any(t is not None and t.sub_title is not None
               and _INSTRUMENTAL.search(t.sub_title.value) for t in titles)


def check(message: Message, context: RuleContext) -> Iterator[Finding]:
    # IsInstrumental is a child of its SoundRecording: the elements it stands in, by identity
    flagged = {id(text.element.getparent()) for text in message.indexed("IsInstrumental")
               if text.as_bool() is True}
    for resource in message.sound_recordings:
        if not resource.languages:
            continue
        if id(resource.element) not in flagged and not _said_instrumental_in_sub_title(resource):
            continue
        for language in resource.languages:
            yield Finding(
                at=language.loc,
                message=f"SoundRecording {resource.ref or '(no reference)'} is instrumental "
                f"but gives the LanguageOfPerformance {language.stripped!r}",
                hint="Leave out LanguageOfPerformance on an instrumental; if the recording "
                "has vocals in that language, set IsInstrumental to false",
            )


RULE = Rule(
    code="TXT316",
    severity=Severity.WARNING,
    summary="An instrumental recording names a language of performance",
    stage=Stage.MESSAGE,
    check=check,
    doc=__doc__ or "",
    indexes=frozenset({"IsInstrumental"}),
    opt_in=True,
)
