"""Export the current map as ONE self-contained HTML file (no Qt, usable from the CLI).

Scripts and styles are inlined, incidents and layers are JSON data blocks, and the basemap of the
exported area is cut out of the pack (BasemapPack.extract) and embedded as base64, read in the page
through a Blob. The file opens with the network cut and references no http(s) resource.
"""

from __future__ import annotations

import base64
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stationmap.core.errors import StationMapError
from stationmap.core.progress import Progress, no_progress
from stationmap.maps.document import MapDocument
from stationmap.maps.page import basemap_spec, page_config, render_page
from stationmap.maps.points import incident_payload

# A basemap cut to the area plus a margin, so a user can pan a little around the exported area.
AREA_MARGIN_FRACTION = 0.15


@dataclass(frozen=True)
class ExportResult:
    path: Path
    size_bytes: int
    points: int
    basemap_included: bool


def _padded(bounds: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    min_lon, min_lat, max_lon, max_lat = bounds
    dx = max((max_lon - min_lon) * AREA_MARGIN_FRACTION, 0.002)
    dy = max((max_lat - min_lat) * AREA_MARGIN_FRACTION, 0.002)
    return min_lon - dx, min_lat - dy, max_lon + dx, max_lat + dy


def _embedded_basemap(path: Path, area: tuple[float, float, float, float] | None,
                      progress: Progress) -> tuple[Any, str] | None:
    """(pack, base64 of a PMTiles extract of `area`), vector or raster; None without an area."""
    from stationmap.maps.basemap import open_pack

    pack = open_pack(path)
    if area is None:
        return None
    with tempfile.TemporaryDirectory(prefix="stationmap-export-") as folder:
        out = Path(folder) / "area.pmtiles"
        pack.extract(_padded(area), out)
        progress(0.6, "basemap")
        return pack, base64.b64encode(out.read_bytes()).decode("ascii")


def export_html(path: str | Path, document: MapDocument, *,
                area: tuple[float, float, float, float] | None = None,
                start_view: tuple[float, float, float, float] | None = None,
                progress: Progress = no_progress) -> ExportResult:
    """Write `document` to `path`.

    `area` (min_lon, min_lat, max_lon, max_lat) is what the basemap is embedded for, by default the
    document's area (jurisdiction, else the incidents); `start_view` is where the page opens (the
    view the user had), by default the area.
    """
    target = Path(path)
    area = area or document.area()
    progress(0.05, "incidents")
    layers: dict[str, Any] = {}
    points = 0
    if document.incidents is not None and len(document.incidents):
        frame = document.incidents if document.visible is None else document.incidents[document.visible]
        payload = incident_payload(frame)
        layers["incidents"] = payload.data
        points = payload.count
    for name in ("jurisdiction", "districts", "stations", "density"):
        value = getattr(document, name)
        if value:
            layers[name] = value
    if document.overlays:
        layers["overlays"] = document.overlays
    if start_view is not None:
        min_lon, min_lat, max_lon, max_lat = start_view
        layers["view"] = [[min_lat, min_lon], [max_lat, max_lon]]
    progress(0.2, "basemap")
    spec, basemap_b64 = None, None
    if document.basemap_path is not None:
        embedded = _embedded_basemap(document.basemap_path, area, progress)
        if embedded is not None:
            pack, basemap_b64 = embedded
            spec = basemap_spec(pack, url=None, inline=True)
    config = page_config(mode="export", language=document.language, basemap=spec, bounds=area)
    html = render_page(config, inline_assets=True, title=document.title, layers=layers,
                       basemap_b64=basemap_b64)
    progress(0.9, "write")
    try:
        target.write_text(html, encoding="utf-8")
    except OSError as error:
        raise StationMapError("map.export_write_failed", path=str(target), detail=str(error)) from error
    progress(1.0, "")
    return ExportResult(path=target, size_bytes=target.stat().st_size, points=points,
                        basemap_included=basemap_b64 is not None)


def export_project_html(project: Any, path: str | Path, *, incident_filter: Any = None,
                        language: str = "es", density: bool = True,
                        progress: Progress = no_progress) -> ExportResult:
    """Headless export (CLI): a project's incidents (optionally filtered), geography, density, basemap."""
    from stationmap.analysis.filtering import filter_mask
    from stationmap.maps.document import (LIMITS_OVERLAY, apply_geography, basemap_asset, geography_from_project,
                                         limits_overlay)
    from stationmap.maps.layers import density_of

    incidents = project.incidents()
    document = MapDocument(incidents=incidents, language=language)
    if incident_filter is not None:
        document.visible = filter_mask(incidents, incident_filter)
    apply_geography(document, geography_from_project(project), project.counts())
    if density:
        shown = incidents if document.visible is None else incidents[document.visible]
        document.density = density_of(shown, language)
    with tempfile.TemporaryDirectory(prefix="stationmap-pack-") as folder:
        document.basemap_path = basemap_asset(project, Path(folder))
        limits = limits_overlay(document)
        if limits is not None:
            document.overlays[LIMITS_OVERLAY] = limits
        return export_html(path, document, progress=progress)
