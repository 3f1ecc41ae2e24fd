"""Generate XSD-valid ERN 3.8.2 messages of a second, independent shape for the benchmark.

generate.py writes the lean album a small label ships; peak memory measured on it alone
could flatter a model that happens to fit that shape. This one stresses other parts of the
model, as a distributor's store-facing delivery does:

- several releases per track: the main Album plus a TrackRelease for every track (its
  ReleaseId the track's ISRC), each with its own long title and artists;
- many deals and territories: four deals for the album and, for every group of ten track
  releases, one ReleaseDeal of three deals; each deal lists 40 ISO 3166-1 codes (a window
  that moves per deal and group) with its own CommercialModelType, UseType and a
  ValidityPeriod with StartDate and EndDate;
- long titles (100 to 200 characters) with letters beyond ASCII, three display artists a
  track (two MainArtists and a FeaturedArtist).

The XML is not indented, as many export tools write it: indented, 10,000 tracks of this
shape would pass ERN008's 50,000 KB limit and the rules would not run. Identifiers carry
correct check characters (generate.py's helpers), so the message is clean.

    python bench/generate_deal_heavy.py 1000 > deal-heavy-1000.xml
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

from generate import _image as album_cover
from generate import dpid, gs1_check_digit, iswc_check_digit

SENDER_DPID = dpid("PADPIDA2019061401")
RECIPIENT_DPID = dpid("PADPIDA2011110701")
UPC_BODY = "76543210987"
LABEL = "Éditions Sœurs Lumière"
RELEASE_DATE = "2024-09-06"
TRACK_RELEASES_PER_DEAL = 10
TERRITORIES_PER_DEAL = 40

# 80 ISO 3166-1 alpha-2 codes; each deal takes 40 in a row (wrapping), so no list repeats one.
TERRITORIES = (
    "AD", "AE", "AR", "AT", "AU", "BE", "BG", "BR", "CA", "CH", "CL", "CO", "CY", "CZ", "DE", "DK",
    "EC", "EE", "EG", "ES", "FI", "FR", "GB", "GR", "GT", "HK", "HN", "HR", "HU", "ID", "IE", "IL",
    "IN", "IS", "IT", "JP", "KR", "KZ", "LI", "LT", "LU", "LV", "MA", "MC", "MT", "MX", "MY", "NG",
    "NI", "NL", "NO", "NZ", "PA", "PE", "PH", "PL", "PT", "PY", "QA", "RO", "RS", "SA", "SE", "SG",
    "SI", "SK", "SV", "TH", "TR", "TW", "UA", "US", "UY", "VN", "ZA", "BO", "CR", "DO", "JO", "LB",
)
_ARTISTS = ("Zoë Laurent", "Björn Ålund", "Ngozi Adéyemí", "Łucja Wróbel", "Joaquín Peña",
            "Søren Kjærgaard", "Mira Čapek")
_WORDS = ("Über", "den", "Dächern", "von", "São", "Paulo", "öffnet", "sich", "ein", "Fenster",
          "zur", "Nacht", "où", "chantent", "les", "étoiles", "encore", "mañana", "junto",
          "al", "río", "Ærø", "Kraków", "fjärran", "Straße", "café", "naïve", "Smørrebrød")
# (CommercialModelType, UseTypes, StartDate, EndDate): pairs DEA702 accepts; no two share a
# model and a use type, so no deals overlap (DEA708).
_ALBUM_DEALS = (
    ("SubscriptionModel", ("OnDemandStream", "NonInteractiveStream"), RELEASE_DATE,
     "2029-12-31"),
    ("AdvertisementSupportedModel", ("OnDemandStream",), "2024-10-01", "2027-06-30"),
    ("PayAsYouGoModel", ("PermanentDownload",), RELEASE_DATE, "2034-09-05"),
    ("SubscriptionModel", ("ConditionalDownload",), "2025-01-01", "2026-12-31"),
)
_TRACK_DEALS = _ALBUM_DEALS[:3]


def _title(number: int) -> str:
    """A title of 100 to 200 characters of whole words, different for every ``number``."""
    limit = 112 + (number * 53) % 89
    title = f"Nº {number}"
    step = 0
    while True:
        # 11 is prime to len(_WORDS): the words run through the whole list before repeating
        word = _WORDS[(number * 5 + step * 11) % len(_WORDS)]
        if len(title) + 1 + len(word) > limit:
            return title
        title += " " + word
        step += 1


def _artists(number: int) -> tuple[str, str, str]:
    """Two main artists and a featured one."""
    return (_ARTISTS[number % len(_ARTISTS)], _ARTISTS[(number + 2) % len(_ARTISTS)],
            _ARTISTS[(number + 4) % len(_ARTISTS)])


_DISPLAY_ROLES = ("MainArtist", "MainArtist", "FeaturedArtist")


def _display_artists(number: int) -> str:
    return "".join(f"""<DisplayArtist SequenceNumber="{sequence}">
<PartyName>
<FullName>{escape(name)}</FullName>
</PartyName>
<ArtistRole>{role}</ArtistRole>
</DisplayArtist>
""" for sequence, (name, role) in enumerate(zip(_artists(number), _DISPLAY_ROLES, strict=True), 1))


def _display_artist_name(number: int) -> str:
    first, second, featured = _artists(number)
    return escape(f"{first} & {second} feat. {featured}")


def _isrc(number: int) -> str:
    return f"FRZ0324{number:05d}"


def _seconds(number: int) -> int:
    return 120 + (number * 41) % 240


def _duration(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    return f"PT{hours}H{rest // 60}M{rest % 60:02d}S"


def _sound_recording(number: int) -> str:
    iswc_body = f"{80_000_000 + number:09d}"
    title = escape(_title(number))
    duration = _duration(_seconds(number))
    writer = escape(_ARTISTS[(number + 1) % len(_ARTISTS)])
    return f"""<SoundRecording>
<SoundRecordingType>MusicalWorkSoundRecording</SoundRecordingType>
<SoundRecordingId>
<ISRC>{_isrc(number)}</ISRC>
</SoundRecordingId>
<IndirectSoundRecordingId>
<ISWC>T{iswc_body}{iswc_check_digit(iswc_body)}</ISWC>
</IndirectSoundRecordingId>
<ResourceReference>A{number}</ResourceReference>
<ReferenceTitle>
<TitleText>{title}</TitleText>
</ReferenceTitle>
<LanguageOfPerformance>fr</LanguageOfPerformance>
<Duration>{duration}</Duration>
<SoundRecordingDetailsByTerritory>
<TerritoryCode>Worldwide</TerritoryCode>
<Title TitleType="DisplayTitle">
<TitleText>{title}</TitleText>
</Title>
{_display_artists(number)}<IndirectResourceContributor SequenceNumber="1">
<PartyName>
<FullName>{writer}</FullName>
</PartyName>
<IndirectResourceContributorRole>ComposerLyricist</IndirectResourceContributorRole>
</IndirectResourceContributor>
<DisplayArtistName>{_display_artist_name(number)}</DisplayArtistName>
<LabelName>{LABEL}</LabelName>
<ResourceReleaseDate>{RELEASE_DATE}</ResourceReleaseDate>
<PLine>
<Year>2024</Year>
<PLineText>(P) 2024 {LABEL}</PLineText>
</PLine>
<Genre>
<GenreText>Electronic</GenreText>
</Genre>
<ParentalWarningType>NotExplicit</ParentalWarningType>
<TechnicalSoundRecordingDetails>
<TechnicalResourceDetailsReference>T{number}</TechnicalResourceDetailsReference>
<AudioCodecType>FLAC</AudioCodecType>
<NumberOfChannels>2</NumberOfChannels>
<SamplingRate UnitOfMeasure="kHz">48</SamplingRate>
<BitsPerSample>24</BitsPerSample>
<Duration>{duration}</Duration>
<File>
<FileName>A{number}.flac</FileName>
<FilePath>resources/</FilePath>
</File>
</TechnicalSoundRecordingDetails>
</SoundRecordingDetailsByTerritory>
</SoundRecording>
"""


def _image(reference: int) -> str:
    """The front cover, as the first generator writes it, unindented like the rest."""
    return "".join(line.lstrip() + "\n" for line in album_cover(reference).splitlines())


def _album(tracks: int) -> Iterator[str]:
    cover = tracks + 1
    upc = UPC_BODY + gs1_check_digit(UPC_BODY)
    yield f"""<Release IsMainRelease="true">
<ReleaseId>
<ICPN>{upc}</ICPN>
</ReleaseId>
<ReleaseReference>R0</ReleaseReference>
<ReferenceTitle>
<TitleText>{escape(_title(0))}</TitleText>
</ReferenceTitle>
<ReleaseResourceReferenceList>
"""
    for number in range(1, tracks + 1):
        yield (f'<ReleaseResourceReference ReleaseResourceType="PrimaryResource">A{number}'
               "</ReleaseResourceReference>\n")
    yield f"""<ReleaseResourceReference ReleaseResourceType="SecondaryResource">A{cover}</ReleaseResourceReference>
</ReleaseResourceReferenceList>
<ReleaseType>Album</ReleaseType>
<ReleaseDetailsByTerritory>
<TerritoryCode>Worldwide</TerritoryCode>
<DisplayArtistName>{_display_artist_name(0)}</DisplayArtistName>
<LabelName>{LABEL}</LabelName>
<Title TitleType="DisplayTitle">
<TitleText>{escape(_title(0))}</TitleText>
</Title>
{_display_artists(0)}<ParentalWarningType>NotExplicit</ParentalWarningType>
<ResourceGroup>
<SequenceNumber>1</SequenceNumber>
"""
    for number in range(1, cover + 1):
        kind, resource = (("PrimaryResource", "SoundRecording") if number <= tracks
                          else ("SecondaryResource", "Image"))
        yield f"""<ResourceGroupContentItem>
<SequenceNumber>{number}</SequenceNumber>
<ResourceType>{resource}</ResourceType>
<ReleaseResourceReference ReleaseResourceType="{kind}">A{number}</ReleaseResourceReference>
</ResourceGroupContentItem>
"""
    total = sum(_seconds(n) for n in range(1, tracks + 1))
    yield f"""</ResourceGroup>
<Genre>
<GenreText>Electronic</GenreText>
</Genre>
<ReleaseDate>{RELEASE_DATE}</ReleaseDate>
</ReleaseDetailsByTerritory>
<Duration>{_duration(total)}</Duration>
<PLine>
<Year>2024</Year>
<PLineText>(P) 2024 {LABEL}</PLineText>
</PLine>
<CLine>
<Year>2024</Year>
<CLineText>(C) 2024 {LABEL}</CLineText>
</CLine>
<GlobalOriginalReleaseDate>{RELEASE_DATE}</GlobalOriginalReleaseDate>
</Release>
"""


def _track_release(number: int) -> str:
    title = escape(_title(number))
    return f"""<Release>
<ReleaseId>
<ISRC>{_isrc(number)}</ISRC>
</ReleaseId>
<ReleaseReference>R{number}</ReleaseReference>
<ReferenceTitle>
<TitleText>{title}</TitleText>
</ReferenceTitle>
<ReleaseResourceReferenceList>
<ReleaseResourceReference ReleaseResourceType="PrimaryResource">A{number}</ReleaseResourceReference>
</ReleaseResourceReferenceList>
<ReleaseType>TrackRelease</ReleaseType>
<ReleaseDetailsByTerritory>
<TerritoryCode>Worldwide</TerritoryCode>
<DisplayArtistName>{_display_artist_name(number)}</DisplayArtistName>
<LabelName>{LABEL}</LabelName>
<Title TitleType="DisplayTitle">
<TitleText>{title}</TitleText>
</Title>
{_display_artists(number)}<ParentalWarningType>NotExplicit</ParentalWarningType>
<ReleaseDate>{RELEASE_DATE}</ReleaseDate>
</ReleaseDetailsByTerritory>
<Duration>{_duration(_seconds(number))}</Duration>
</Release>
"""


def _deal(deal: tuple[str, tuple[str, ...], str, str], window: int) -> str:
    model, uses, start, end = deal
    territories = "".join(
        f"<TerritoryCode>{TERRITORIES[(window + i) % len(TERRITORIES)]}</TerritoryCode>\n"
        for i in range(TERRITORIES_PER_DEAL))
    use_types = "".join(f"<UseType>{use}</UseType>\n" for use in uses)
    price = (f"""<PriceInformation>
<PriceType Namespace="DPID:{RECIPIENT_DPID}">MID</PriceType>
<WholesalePricePerUnit CurrencyCode="EUR">0.69</WholesalePricePerUnit>
</PriceInformation>
""" if model == "PayAsYouGoModel" else "")
    return f"""<Deal>
<DealTerms>
<CommercialModelType>{model}</CommercialModelType>
<Usage>
{use_types}</Usage>
{territories}{price}<ValidityPeriod>
<StartDate>{start}</StartDate>
<EndDate>{end}</EndDate>
</ValidityPeriod>
</DealTerms>
</Deal>
"""


def _release_deal(references: range, deals: tuple[tuple[str, tuple[str, ...], str, str], ...],
                  group: int) -> str:
    names = "".join(f"<DealReleaseReference>R{r}</DealReleaseReference>\n" for r in references)
    body = "".join(_deal(deal, group * 7 + index * 13) for index, deal in enumerate(deals))
    return f"<ReleaseDeal>\n{names}{body}</ReleaseDeal>\n"


def generate(tracks: int) -> str:
    """An XSD-valid NewReleaseMessage: an album of ``tracks`` tracks, its cover, a
    TrackRelease per track, and territorial deals for every release."""
    if tracks < 1:
        raise ValueError("an album has at least one track")
    parts = [f"""<?xml version="1.0" encoding="UTF-8"?>
<ern:NewReleaseMessage xmlns:ern="http://ddex.net/xml/ern/382" MessageSchemaVersionId="ern/382" LanguageAndScriptCode="fr">
<MessageHeader>
<MessageThreadId>DEALS-{tracks}</MessageThreadId>
<MessageId>DEALS-{tracks}-01</MessageId>
<MessageSender>
<PartyId>{SENDER_DPID}</PartyId>
<PartyName>
<FullName>{LABEL}</FullName>
</PartyName>
</MessageSender>
<MessageRecipient>
<PartyId>{RECIPIENT_DPID}</PartyId>
<PartyName>
<FullName>Example Distribution</FullName>
</PartyName>
</MessageRecipient>
<MessageCreatedDateTime>2024-08-20T14:05:00Z</MessageCreatedDateTime>
<MessageControlType>LiveMessage</MessageControlType>
</MessageHeader>
<ResourceList>
"""]
    parts.extend(_sound_recording(n) for n in range(1, tracks + 1))
    parts.append(_image(tracks + 1))
    parts.append("</ResourceList>\n<ReleaseList>\n")
    parts.extend(_album(tracks))
    parts.extend(_track_release(n) for n in range(1, tracks + 1))
    parts.append("</ReleaseList>\n<DealList>\n")
    parts.append(_release_deal(range(0, 1), _ALBUM_DEALS, 0))
    for group, first in enumerate(range(1, tracks + 1, TRACK_RELEASES_PER_DEAL), start=1):
        last = min(first + TRACK_RELEASES_PER_DEAL, tracks + 1)
        parts.append(_release_deal(range(first, last), _TRACK_DEALS, group))
    parts.append("</DealList>\n</ern:NewReleaseMessage>\n")
    return "".join(parts)


def write_message(tracks: int, path: Path) -> Path:
    path.write_bytes(generate(tracks).encode("utf-8"))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write an XSD-valid ERN 3.8.2 album of N tracks with a TrackRelease per "
                    "track and many territorial deals.")
    parser.add_argument("tracks", type=int, help="number of tracks")
    parser.add_argument("-o", "--output", help="file to write (default: stdout)")
    args = parser.parse_args(argv)
    if args.output:
        write_message(args.tracks, Path(args.output))
    else:
        sys.stdout.write(generate(args.tracks))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
