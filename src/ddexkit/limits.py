"""The distributor API's size limits, written once.

Why one module: the message reader, the ZIP gates, the asset rules and the packager all ask
"is this within what the ingest takes?", and each used to carry its own copy of the number.
The API counts KB as 1,024 bytes and MB as 1,048,576 bytes.
"""

from __future__ import annotations

# POST /api/v1/release: one ERN, or a ZIP of the ERN and its files, of at most 50,000 KB.
RELEASE_LIMIT_BYTES = 51_200_000
# POST /api/v1/release/image: a real image of at most 50 MB.
ARTWORK_LIMIT_BYTES = 52_428_800
# POST /api/v1/file/upload: one file (or one part of a file) of at most 10 MB.
FILE_UPLOAD_LIMIT_BYTES = 10_485_760
