"""What a map shows, independent of where it is shown (embedded view or exported file).

The panel keeps one `MapDocument` up to date as the user works; the HTML export renders the same
document, so an export shows the layers, filter and view the user was looking at.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stationmap.maps import layers

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

# Peru's district limits around the incidents of a map without a basemap (limits_overlay).
LIMITS_OVERLAY = "district_limits"
LIMITS_STYLE = {"color": "#666", "weight": 1.2, "dashArray": "5 4", "fillColor": "#888", "fillOpacity": 0.03}

# Project assets the map reads: packs by kind, geography by name (as store.sample writes them),
# or by a kind of the same word (Project.assets(kind) / Project.asset(name)).
BASEMAP_KIND = "basemap"          # a PMTiles or MBTiles pack, bytes
JURISDICTION_KIND = "jurisdiction"  # GeoJSON polygons, UTF-8 bytes
DISTRICTS_KIND = "districts"      # GeoJSON polygons with a UBIGEO property
STATIONS_KIND = "stations"        # GeoJSON points of police stations


@dataclass
class MapDocument:
    incidents: "pd.DataFrame | None" = None
    visible: "np.ndarray | None" = None      # filter mask over `incidents`; None = all
    jurisdiction: dict[str, Any] | None = None
    districts: dict[str, Any] | None = None  # layers.districts_layer output
    # The district shapes behind `districts` and their credit (district_shapes): a map of another
    # month or modalidad (the statistics panel's) is coloured on the same shapes.
    district_shapes: tuple[dict[str, Any] | None, str] = (None, "")
    stations: dict[str, Any] | None = None
    density: dict[str, Any] | None = None    # layers.density_layer output (inline image)
    overlays: dict[str, dict[str, Any]] = field(default_factory=dict)
    basemap_path: Path | None = None
    language: str = "es"
    title: str = "StationMap"

    def area(self) -> tuple[float, float, float, float] | None:
        """The area a map is about: the jurisdiction, else the located incidents, else the districts
        with counts (a project of SIDPOL counts only)."""
        if self.jurisdiction:
            bounds = layers.collection_bounds(self.jurisdiction)
            if bounds:
                return bounds
        if self.incidents is not None and len(self.incidents):
            frame = self.incidents if self.visible is None else self.incidents[self.visible]
            lat, lon = frame["lat"].astype("float64"), frame["lon"].astype("float64")
            if lat.notna().any():
                return float(lon.min()), float(lat.min()), float(lon.max()), float(lat.max())
        if self.districts:
            return layers.counted_districts_bounds(self.districts)
        return None


def _geojson_asset(project: Any, name: str) -> dict[str, Any] | None:
    data = project.asset(name)
    if not data:
        data = next((project.asset(entry["name"]) for entry in project.assets(name)), None)
    return json.loads(data.decode("utf-8")) if data else None


def geography_from_project(project: Any) -> dict[str, dict[str, Any] | None]:
    """Jurisdiction, districts and stations stored in a project, as GeoJSON (None when absent)."""
    return {kind: _geojson_asset(project, kind)
            for kind in (JURISDICTION_KIND, DISTRICTS_KIND, STATIONS_KIND)}


def basemap_asset(project: Any, folder: Path) -> Path | None:
    """Write the project's basemap pack to `folder` (packs are read as files) and return its path."""
    for entry in project.assets(BASEMAP_KIND):
        data = project.asset(entry["name"])
        if not data:
            continue
        suffix = ".mbtiles" if data[:16].startswith(b"SQLite format 3") else ".pmtiles"
        path = folder / (Path(entry["name"]).stem + suffix)
        if not path.exists() or path.stat().st_size != len(data):
            path.write_bytes(data)
        return path
    return None


def apply_geography(document: MapDocument, geography: dict[str, dict[str, Any] | None],
                    counts: "pd.DataFrame | None") -> None:
    """Fill the document's jurisdiction, district and station layers from GeoJSON and counts."""
    jurisdiction = geography.get(JURISDICTION_KIND)
    document.jurisdiction = layers.outline_layer(jurisdiction) if jurisdiction else None
    document.district_shapes = shapes, credit = district_shapes(geography, counts)
    document.districts = layers.districts_layer(shapes, counts, credit=credit) if shapes else None
    stations = geography.get(STATIONS_KIND)
    document.stations = layers.points_layer(stations) if stations else None


def district_shapes(geography: dict[str, dict[str, Any] | None],
                    counts: "pd.DataFrame | None") -> tuple[dict[str, Any] | None, str]:
    """The districts a map of `counts` draws, and the credit it owes for them.

    The project's own district shapes, with Peru's (maps.national_districts) for the provinces
    they leave out. Chosen from every count, so that a map of one month or one modalidad draws the
    same districts as the map of them all.
    """
    if counts is None or not len(counts):
        return None, ""
    # Imported here: the first map of a project of incidents (the start-up path) has no counts.
    from stationmap.maps.national_districts import CREDIT, with_national_districts

    shapes, national = with_national_districts(geography.get(DISTRICTS_KIND), layers.count_ubigeos(counts))
    return shapes, CREDIT if national else ""


def limits_overlay(document: MapDocument) -> dict[str, Any] | None:
    """The overlay (SM.setOverlay's spec) of Peru's district limits around the document's incidents.

    Without a basemap pack (a station outside the sample's Trujillo) the incidents float on grey, and
    these limits, named on the map, are the geography it has offline. None over a basemap, beside the
    district counts (which draw the same limits), or for incidents outside Peru.
    """
    incidents = document.incidents
    if document.basemap_path is not None or document.districts is not None or incidents is None or not len(incidents):
        return None
    from stationmap.maps.labels import page_text
    from stationmap.maps.national_districts import CREDIT, limits_around

    limits = limits_around(incidents["lat"].to_numpy(dtype=float, na_value=float("nan")),
                           incidents["lon"].to_numpy(dtype=float, na_value=float("nan")))
    if limits is None:
        return None
    words = page_text(document.language)
    return {"geojson": limits, "title": f"{words['layer_district_limits']} ({CREDIT})", "style": LIMITS_STYLE,
            "label_property": "nombre", "visible": True, "label_permanent": True,
            "attribution": f"{words['districts_credit']}: {CREDIT}"}
