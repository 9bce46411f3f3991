"""The station's jurisdiction and sectors as kept in its project file.

Geography lives in the project as assets (GeoJSON text, PMTiles bytes) so a
station's whole world travels in one file on a USB stick.
"""

from __future__ import annotations

import json
import shapely
from shapely.geometry import mapping, shape

from stationmap.core.errors import StationMapError
from stationmap.planning.sectors import Sector
from stationmap.store.project import Project

JURISDICTION = "jurisdiction"
SECTORS = "sectors"


def _features(text: bytes) -> list[dict]:
    data = json.loads(text)
    if data.get("type") == "FeatureCollection":
        return data["features"]
    if data.get("type") == "Feature":
        return [data]
    return [{"type": "Feature", "geometry": data, "properties": {}}]


def jurisdiction(project: Project):
    raw = project.asset(JURISDICTION)
    if raw is None:
        raise StationMapError("plan.no_jurisdiction")
    return shapely.union_all([shape(f["geometry"]) for f in _features(raw) if f.get("geometry")])


def sectors(project: Project) -> list[Sector]:
    raw = project.asset(SECTORS)
    if raw is None:
        return []
    out = []
    for index, feature in enumerate(_features(raw), start=1):
        props = feature.get("properties") or {}
        out.append(Sector(str(props.get("nombre") or props.get("name") or f"Sector {index}"),
                          shape(feature["geometry"])))
    return out


def save_sectors(project: Project, items: list[Sector]) -> None:
    collection = {"type": "FeatureCollection",
                  "features": [{"type": "Feature", "properties": {"nombre": s.name},
                                "geometry": mapping(s.geometry)} for s in items]}
    project.put_asset(SECTORS, "geojson", json.dumps(collection).encode("utf-8"), {"count": len(items)})
