"""Where the map page's vendored web assets live, and which ones a page loads.

The files sit in ``resources/web`` at the top of the source tree (see its VERSIONS.md); a PyInstaller
build carries them as ``resources/web`` in its bundle, and ``STATIONMAP_WEB_ROOT`` can point anywhere
else. Nothing is ever fetched from a CDN.
"""

from __future__ import annotations

import os
from pathlib import Path

from stationmap.store.paths import resources_dir

# Order matters: Leaflet first, then the libraries that extend it, then our page script last.
PAGE_SCRIPTS: tuple[str, ...] = (
    "stationmap/prefetch.js",   # first: the embedded view's incidents are on their way while the rest loads
    "leaflet/leaflet.js",
    "pmtiles/pmtiles.js",
    "protomaps-leaflet/protomaps-leaflet.js",
    "stationmap/basemap-style.js",
    "stationmap/points.js",
    "stationmap/selection.js",
    "stationmap/map.js",
)
# The basemap's renderer, in its loading order. A page that links its scripts (the embedded view)
# leaves these out and map.js loads them after its first drawing (config "basemap_scripts"): parsed
# up front they held the first incidents back by about 0.04 s. A page with its assets inline carries them.
BASEMAP_SCRIPTS: tuple[str, ...] = (
    "pmtiles/pmtiles.js",
    "protomaps-leaflet/protomaps-leaflet.js",
    "stationmap/basemap-style.js",
)
LINKED_PAGE_SCRIPTS: tuple[str, ...] = tuple(s for s in PAGE_SCRIPTS if s not in BASEMAP_SCRIPTS)
PAGE_STYLES: tuple[str, ...] = ("leaflet/leaflet.css", "stationmap/map.css")
PAGE_TEMPLATE = "stationmap/page.html"

CONTENT_TYPES: dict[str, str] = {
    ".js": "text/javascript",
    ".css": "text/css",
    ".html": "text/html",
    ".png": "image/png",
    ".json": "application/json",
    ".pmtiles": "application/octet-stream",
    ".mvt": "application/vnd.mapbox-vector-tile",
    ".pbf": "application/vnd.mapbox-vector-tile",
    ".jpg": "image/jpeg",
    ".webp": "image/webp",
}


def web_root() -> Path:
    override = os.environ.get("STATIONMAP_WEB_ROOT")
    return Path(override) if override else resources_dir("web")


def asset_path(relative: str) -> Path | None:
    """The file for ``relative`` under the web root, or None if it is missing or escapes the root."""
    root = web_root().resolve()
    candidate = (root / relative).resolve()
    if not candidate.is_relative_to(root) or not candidate.is_file():
        return None
    return candidate


def read_text(relative: str) -> str:
    path = asset_path(relative)
    if path is None:
        raise FileNotFoundError(relative)
    return path.read_text(encoding="utf-8")


def content_type(name: str) -> str:
    return CONTENT_TYPES.get(Path(name).suffix.lower(), "application/octet-stream")
