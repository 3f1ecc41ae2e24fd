"""The optional upload client (``pip install 'ddexkit[upload]'``): runs a delivery plan
against the distributor's API (docs/upload.md).

Why apart from the core: it needs an HTTP client (httpx) that validating and packaging never
do, so nothing below it imports it; it sits on top of the delivery plan it runs.
"""

from __future__ import annotations

from ddexkit.upload.api import login
from ddexkit.upload.errors import UploadError
from ddexkit.upload.runner import UploadResult, upload

__all__ = ["UploadError", "UploadResult", "login", "upload"]
