"""Worker functions behind the Mapa menu (plain functions: no Qt, tested without a window)."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stationmap.core.progress import Progress, no_progress
from stationmap.maps.basemap.builder import build_pack
from stationmap.maps.basemap.reader import open_pack

BASEMAP_KIND = "basemap"


@dataclass
class BuildRequest:
    pbf: Path
    area: Any            # shapely geometry or (west, south, east, north), lon/lat
    name: str
    maxzoom: int = 16


def build_basemap(request: BuildRequest, progress: Progress = no_progress) -> tuple[str, bytes, dict]:
    """Cut the station's area out of an OpenStreetMap extract into a pack; returns (name, bytes, meta)."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"{request.name}.pmtiles"
        info = build_pack(request.pbf, out, area=request.area, maxzoom=request.maxzoom, name=request.name,
                          progress=progress)
        return request.name, out.read_bytes(), {"file": out.name, "format": "pmtiles", "tiles": info.tiles,
                                                "source": request.pbf.name,
                                                "attribution": "© OpenStreetMap contributors"}


def read_basemap(path: Path, progress: Progress = no_progress) -> tuple[str, bytes, dict]:
    """Check a pack made elsewhere (PMTiles/MBTiles, raster or vector) and return it for the project."""
    progress(0.1, path.name)
    with open_pack(path) as pack:   # coded GeometryError for a damaged or foreign file
        meta = {"file": path.name, "format": path.suffix.lstrip(".").lower(), "kind": pack.kind,
                "schema": pack.schema, "attribution": pack.attribution}
    return path.stem, path.read_bytes(), meta


def store_basemap(project: Any, name: str, data: bytes, meta: dict) -> None:
    """The station's one basemap: the new pack replaces any earlier one."""
    with project.transaction():
        for entry in project.assets(BASEMAP_KIND):
            project.delete_asset(entry["name"])
        project.put_asset(name, BASEMAP_KIND, data, meta)
