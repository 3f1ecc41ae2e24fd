"""Generate large, XSD-valid ERN 3.8.2 albums of our own for the benchmark.

The shape follows corpus/good/album.xml (clean and XSD-valid): N sound recordings plus a
front cover, one main release whose ResourceGroup lists the tracks 1..N, two deals with
Worldwide territory and a StartDate. Identifiers are unique and carry correct check
characters (ISRC syntax, ISWC, GS1 UPC, DPID ISO 7064 Mod 37,36), so a rule that checks them
finds nothing to say and the benchmark measures the clean path a label ships.

    python bench/generate.py 1000 > album-1000.xml
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from xml.sax.saxutils import escape

_ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ARTISTS = ("Aurora Vale", "Sam Okafor", "Lena Brandt", "Tomás Ruiz", "Mei Arakawa")
_WORDS = ("Northern", "Lights", "Harbour", "Walls", "Long", "Field", "Quiet", "River",
          "Glass", "Morning", "Salt", "Ember", "Paper", "Moon", "Signal", "Cedar")


def gs1_check_digit(digits: str) -> str:
    """The GS1 check digit for ``digits`` (weights 3, 1, ... from the right)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return str((10 - total % 10) % 10)


def iswc_check_digit(nine_digits: str) -> str:
    total = 1 + sum(int(d) * (i + 1) for i, d in enumerate(nine_digits))
    return str((10 - total % 10) % 10)


def mod37_36_check(body: str) -> str:
    """ISO 7064 Mod 37,36 check character over ``body`` (digits and upper-case letters)."""
    product = 36
    for char in body:
        total = (product + _ALPHANUMERIC.index(char)) % 36 or 36
        product = (total * 2) % 37
    return _ALPHANUMERIC[(37 - product) % 36]


def dpid(body: str) -> str:
    return body + mod37_36_check(body)


SENDER_DPID = dpid("PADPIDA2014120301")
RECIPIENT_DPID = dpid("PADPIDA2007040502")
UPC_BODY = "12345678901"


def _title(number: int) -> str:
    first = _WORDS[number % len(_WORDS)]
    second = _WORDS[(number // len(_WORDS) + 3) % len(_WORDS)]
    return f"{first} {second} {number}"


# AudioCodecType → the extension of the track files the message names.
AUDIO_EXTENSIONS = {"FLAC": "flac", "PCM": "wav"}


def _duration(number: int, seconds: int | None = None) -> tuple[str, int]:
    if seconds is None:
        seconds = 150 + (number * 37) % 180
    minutes = f"{seconds // 60}M" if seconds >= 60 else ""
    return f"PT{minutes}{seconds % 60:02d}S", seconds


def _sound_recording(number: int, seconds: int | None = None, codec: str = "FLAC") -> str:
    isrc = f"GBAYE24{number:05d}"
    iswc_body = f"{70_000_000 + number:09d}"
    iswc = f"T{iswc_body}{iswc_check_digit(iswc_body)}"
    title = escape(_title(number))
    duration, _ = _duration(number, seconds)
    file_name = f"A{number}.{AUDIO_EXTENSIONS[codec]}"
    artist = escape(_ARTISTS[number % len(_ARTISTS)])
    producer = escape(_ARTISTS[(number + 1) % len(_ARTISTS)])
    writer = escape(_ARTISTS[(number + 2) % len(_ARTISTS)])
    return f"""    <SoundRecording>
      <SoundRecordingType>MusicalWorkSoundRecording</SoundRecordingType>
      <SoundRecordingId>
        <ISRC>{isrc}</ISRC>
      </SoundRecordingId>
      <IndirectSoundRecordingId>
        <ISWC>{iswc}</ISWC>
      </IndirectSoundRecordingId>
      <ResourceReference>A{number}</ResourceReference>
      <ReferenceTitle>
        <TitleText>{title}</TitleText>
      </ReferenceTitle>
      <LanguageOfPerformance>en</LanguageOfPerformance>
      <Duration>{duration}</Duration>
      <SoundRecordingDetailsByTerritory>
        <TerritoryCode>Worldwide</TerritoryCode>
        <Title TitleType="DisplayTitle">
          <TitleText>{title}</TitleText>
        </Title>
        <DisplayArtist SequenceNumber="1">
          <PartyName>
            <FullName>{artist}</FullName>
          </PartyName>
          <ArtistRole>MainArtist</ArtistRole>
        </DisplayArtist>
        <ResourceContributor SequenceNumber="1">
          <PartyName>
            <FullName>{producer}</FullName>
          </PartyName>
          <ResourceContributorRole>Producer</ResourceContributorRole>
        </ResourceContributor>
        <IndirectResourceContributor SequenceNumber="1">
          <PartyName>
            <FullName>{writer}</FullName>
          </PartyName>
          <IndirectResourceContributorRole>ComposerLyricist</IndirectResourceContributorRole>
        </IndirectResourceContributor>
        <DisplayArtistName>{artist}</DisplayArtistName>
        <LabelName>Northern Lights Records</LabelName>
        <ResourceReleaseDate>2024-05-17</ResourceReleaseDate>
        <PLine>
          <Year>2024</Year>
          <PLineText>(P) 2024 Northern Lights Records</PLineText>
        </PLine>
        <Genre>
          <GenreText>Pop</GenreText>
          <SubGenre>Indie Pop</SubGenre>
        </Genre>
        <ParentalWarningType>NotExplicit</ParentalWarningType>
        <TechnicalSoundRecordingDetails>
          <TechnicalResourceDetailsReference>T{number}</TechnicalResourceDetailsReference>
          <AudioCodecType>{codec}</AudioCodecType>
          <NumberOfChannels>2</NumberOfChannels>
          <SamplingRate UnitOfMeasure="kHz">44.1</SamplingRate>
          <BitsPerSample>16</BitsPerSample>
          <Duration>{duration}</Duration>
          <File>
            <FileName>{file_name}</FileName>
            <FilePath>resources/</FilePath>
          </File>
        </TechnicalSoundRecordingDetails>
      </SoundRecordingDetailsByTerritory>
    </SoundRecording>
"""


def _image(reference: int) -> str:
    return f"""    <Image>
      <ImageType>FrontCoverImage</ImageType>
      <ImageId>
        <ProprietaryId Namespace="DPID:{SENDER_DPID}">NL-IMG-0001</ProprietaryId>
      </ImageId>
      <ResourceReference>A{reference}</ResourceReference>
      <ImageDetailsByTerritory>
        <TerritoryCode>Worldwide</TerritoryCode>
        <TechnicalImageDetails>
          <TechnicalResourceDetailsReference>T{reference}</TechnicalResourceDetailsReference>
          <ImageCodecType>JPEG</ImageCodecType>
          <ImageHeight>3000</ImageHeight>
          <ImageWidth>3000</ImageWidth>
          <File>
            <FileName>cover.jpg</FileName>
            <FilePath>resources/</FilePath>
          </File>
        </TechnicalImageDetails>
      </ImageDetailsByTerritory>
    </Image>
"""


def _reference(number: int, kind: str) -> str:
    return (f'        <ReleaseResourceReference ReleaseResourceType="{kind}">A{number}'
            "</ReleaseResourceReference>\n")


def _group_item(number: int, resource_type: str, kind: str) -> str:
    return f"""          <ResourceGroupContentItem>
            <SequenceNumber>{number}</SequenceNumber>
            <ResourceType>{resource_type}</ResourceType>
            <ReleaseResourceReference ReleaseResourceType="{kind}">A{number}</ReleaseResourceReference>
          </ResourceGroupContentItem>
"""


def _total_duration(tracks: int, track_seconds: int | None = None) -> str:
    seconds = sum(_duration(n, track_seconds)[1] for n in range(1, tracks + 1))
    hours, rest = divmod(seconds, 3600)
    return f"PT{hours}H{rest // 60}M{rest % 60:02d}S"


def generate(tracks: int, *, seconds: int | None = None, codec: str = "FLAC") -> str:
    """An XSD-valid NewReleaseMessage: an album of ``tracks`` tracks plus its cover.

    ``seconds``: every track's length (default: 2:30 to 5:29, varying); ``codec``: the
    AudioCodecType of the track files (FLAC, files A<n>.flac; PCM, files A<n>.wav).
    """
    if tracks < 1:
        raise ValueError("an album has at least one track")
    cover = tracks + 1
    upc = UPC_BODY + gs1_check_digit(UPC_BODY)
    parts = [f"""<?xml version="1.0" encoding="UTF-8"?>
<ern:NewReleaseMessage xmlns:ern="http://ddex.net/xml/ern/382" MessageSchemaVersionId="ern/382" LanguageAndScriptCode="en">
  <MessageHeader>
    <MessageThreadId>BENCH-{tracks}</MessageThreadId>
    <MessageId>BENCH-{tracks}-01</MessageId>
    <MessageSender>
      <PartyId>{SENDER_DPID}</PartyId>
      <PartyName>
        <FullName>Northern Lights Records</FullName>
      </PartyName>
    </MessageSender>
    <MessageRecipient>
      <PartyId>{RECIPIENT_DPID}</PartyId>
      <PartyName>
        <FullName>Example Distribution</FullName>
      </PartyName>
    </MessageRecipient>
    <MessageCreatedDateTime>2024-04-02T09:30:00Z</MessageCreatedDateTime>
    <MessageControlType>LiveMessage</MessageControlType>
  </MessageHeader>
  <ResourceList>
"""]
    parts.extend(_sound_recording(n, seconds, codec) for n in range(1, tracks + 1))
    parts.append(_image(cover))
    parts.append(f"""  </ResourceList>
  <ReleaseList>
    <Release IsMainRelease="true">
      <ReleaseId>
        <ICPN IsEan="false">{upc}</ICPN>
      </ReleaseId>
      <ReleaseReference>R0</ReleaseReference>
      <ReferenceTitle>
        <TitleText>Harbour Lights</TitleText>
      </ReferenceTitle>
      <ReleaseResourceReferenceList>
""")
    parts.extend(_reference(n, "PrimaryResource") for n in range(1, tracks + 1))
    parts.append(_reference(cover, "SecondaryResource"))
    parts.append("""      </ReleaseResourceReferenceList>
      <ReleaseType>Album</ReleaseType>
      <ReleaseDetailsByTerritory>
        <TerritoryCode>Worldwide</TerritoryCode>
        <DisplayArtistName>Aurora Vale</DisplayArtistName>
        <LabelName>Northern Lights Records</LabelName>
        <Title TitleType="DisplayTitle">
          <TitleText>Harbour Lights</TitleText>
        </Title>
        <DisplayArtist SequenceNumber="1">
          <PartyName>
            <FullName>Aurora Vale</FullName>
          </PartyName>
          <ArtistRole>MainArtist</ArtistRole>
        </DisplayArtist>
        <ParentalWarningType>NotExplicit</ParentalWarningType>
        <ResourceGroup>
          <SequenceNumber>1</SequenceNumber>
""")
    parts.extend(_group_item(n, "SoundRecording", "PrimaryResource")
                 for n in range(1, tracks + 1))
    parts.append(_group_item(cover, "Image", "SecondaryResource"))
    parts.append(f"""        </ResourceGroup>
        <Genre>
          <GenreText>Pop</GenreText>
          <SubGenre>Indie Pop</SubGenre>
        </Genre>
        <ReleaseDate>2024-05-17</ReleaseDate>
      </ReleaseDetailsByTerritory>
      <Duration>{_total_duration(tracks, seconds)}</Duration>
      <PLine>
        <Year>2024</Year>
        <PLineText>(P) 2024 Northern Lights Records</PLineText>
      </PLine>
      <CLine>
        <Year>2024</Year>
        <CLineText>(C) 2024 Northern Lights Records</CLineText>
      </CLine>
      <GlobalOriginalReleaseDate>2024-05-17</GlobalOriginalReleaseDate>
    </Release>
  </ReleaseList>
  <DealList>
    <ReleaseDeal>
      <DealReleaseReference>R0</DealReleaseReference>
      <Deal>
        <DealTerms>
          <CommercialModelType>SubscriptionModel</CommercialModelType>
          <Usage>
            <UseType>OnDemandStream</UseType>
            <UseType>NonInteractiveStream</UseType>
          </Usage>
          <TerritoryCode>Worldwide</TerritoryCode>
          <ValidityPeriod>
            <StartDate>2024-05-17</StartDate>
          </ValidityPeriod>
        </DealTerms>
      </Deal>
      <Deal>
        <DealTerms>
          <CommercialModelType>PayAsYouGoModel</CommercialModelType>
          <Usage>
            <UseType>PermanentDownload</UseType>
          </Usage>
          <TerritoryCode>Worldwide</TerritoryCode>
          <PriceInformation>
            <PriceType Namespace="DPID:{RECIPIENT_DPID}">FRONTLINE</PriceType>
            <WholesalePricePerUnit CurrencyCode="EUR">5.99</WholesalePricePerUnit>
          </PriceInformation>
          <ValidityPeriod>
            <StartDate>2024-05-17</StartDate>
          </ValidityPeriod>
        </DealTerms>
      </Deal>
    </ReleaseDeal>
  </DealList>
</ern:NewReleaseMessage>
""")
    return "".join(parts)


def write_album(tracks: int, path: Path, *, seconds: int | None = None,
                codec: str = "FLAC") -> Path:
    path.write_bytes(generate(tracks, seconds=seconds, codec=codec).encode("utf-8"))
    return path


def write_catalogue(count: int, folder: Path, *, tracks: int = 12) -> list[Path]:
    """``count`` distinct albums (own MessageId, thread and UPC), as a label's catalogue folder;
    identical files would make a result cache look better than it is."""
    text = generate(tracks)
    upc = UPC_BODY + gs1_check_digit(UPC_BODY)
    paths = []
    for number in range(count):
        body = f"{number:011d}"
        album = (text.replace(f"BENCH-{tracks}", f"BENCH-{tracks}-{number}")
                 .replace(upc, body + gs1_check_digit(body)))
        paths.append(folder / f"album-{number:05d}.xml")
        paths[-1].write_bytes(album.encode("utf-8"))
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write an XSD-valid ERN 3.8.2 album of N tracks.")
    parser.add_argument("tracks", type=int, help="number of tracks")
    parser.add_argument("-o", "--output", help="file to write (default: stdout)")
    args = parser.parse_args(argv)
    if args.output:
        write_album(args.tracks, Path(args.output))
    else:
        sys.stdout.write(generate(args.tracks))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
