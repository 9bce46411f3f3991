"""Peru's districts (INEI 2007 limits), for counts whose districts a project has no shapes of.

SIDPOL's open exports count complaints per district (UBIGEO) and month, for any part of the
country, and a station imports them for its own province; the project's own district polygons (if
any) are those of the sample or of wherever the station drew them. Without shapes the counts could
not be mapped at all, so the country's 1,834 districts ship with the app (resources/geo, 0.44 MB
gzipped): for every province holding counts, its districts are drawn, those without a row as
"sin datos" beside those with counts. A station without a jurisdiction polygon can also take one or
more of these districts as its jurisdiction (`district_choices`), and a map without a basemap pack
shows the limits around its incidents, the only geography it has offline (`districts_around`).
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable

from stationmap.maps.layers import collection_bounds, feature_ubigeo
from stationmap.store.paths import resources_dir

if TYPE_CHECKING:
    import numpy as np

RESOURCE = "peru_distritos_inei2007.geojson.gz"
CREDIT = "INEI 2007"
# More districts than this around a map's incidents: they are spread over a region, where district
# outlines would be clutter rather than orientation.
MAX_AROUND = 60


@dataclass(frozen=True)
class DistrictChoice:
    ubigeo: str
    name: str
    province: str
    department: str
    incidents: int            # of the points given to district_choices that fall inside
    geometry: dict[str, Any]  # GeoJSON, lon/lat


@lru_cache(maxsize=1)
def _all_districts() -> tuple[dict[str, Any], ...]:
    """Every district with a geometry (8 of the 1,834 have none). Read once: 0.04 s."""
    with gzip.open(resources_dir("geo") / RESOURCE, "rb") as handle:
        collection = json.load(handle)
    return tuple(f for f in collection.get("features", []) if f.get("geometry") and feature_ubigeo(f))


def with_national_districts(own: dict[str, Any] | None,
                            count_ubigeos: Iterable[str]) -> tuple[dict[str, Any] | None, bool]:
    """`own` districts, plus the national districts of every province whose counts `own` cannot show.

    Returns the collection and whether national districts were added (the map then credits INEI).
    A district `own` has is never drawn twice. `own` is returned untouched when it covers every
    UBIGEO with counts, or when the national file is missing (a damaged install keeps its map).
    """
    own_features = list((own or {}).get("features", []))
    own_codes = {feature_ubigeo(f) for f in own_features} - {None}
    missing = {code for code in count_ubigeos if code and code not in own_codes}
    if not missing:
        return own, False
    provinces = {code[:4] for code in missing}
    try:
        national = _all_districts()
    except OSError:
        return own, False
    added = [f for f in national
             if feature_ubigeo(f)[:4] in provinces and feature_ubigeo(f) not in own_codes]
    if not added:
        return own, False
    return {"type": "FeatureCollection", "features": own_features + added}, True


def district_choices(lat: "np.ndarray", lon: "np.ndarray") -> list[DistrictChoice]:
    """Every district of Peru, with how many of the points (lat, lon; NaN skipped) fall inside it:
    those holding points first, most first, then the rest by department, province and name."""
    import numpy as np
    import shapely
    from shapely.geometry import shape

    features = _all_districts()
    located = np.isfinite(lat) & np.isfinite(lon)
    points = shapely.points(np.asarray(lon, dtype=float)[located], np.asarray(lat, dtype=float)[located])
    tree = shapely.STRtree([shape(f["geometry"]) for f in features])
    _, hit = tree.query(points, predicate="within") if len(points) else (None, np.zeros(0, dtype=np.int64))
    inside = np.bincount(hit, minlength=len(features))
    choices = []
    for feature, count in zip(features, inside.tolist()):
        props = feature["properties"]
        choices.append(DistrictChoice(feature_ubigeo(feature), str(props.get("NOMBDIST") or ""),
                                      str(props.get("NOMBPROV") or ""), str(props.get("NOMBDEP") or ""),
                                      int(count), feature["geometry"]))
    return sorted(choices, key=lambda c: (-c.incidents, c.department, c.province, c.name))


@lru_cache(maxsize=1)
def _extents() -> tuple[tuple[float, float, float, float], ...]:
    return tuple(collection_bounds({"features": [feature]}) for feature in _all_districts())


def districts_around(west: float, south: float, east: float, north: float) -> dict[str, Any] | None:
    """Outlines of the districts whose extent meets the box (lon/lat), with their names and UBIGEO;
    None when none does (incidents outside Peru), when there are too many, or without the file."""
    try:
        features, extents = _all_districts(), _extents()
    except OSError:
        return None
    hits = [feature for feature, (x0, y0, x1, y1) in zip(features, extents)
            if x0 <= east and x1 >= west and y0 <= north and y1 >= south]
    if not hits or len(hits) > MAX_AROUND:
        return None
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": f["geometry"],
         "properties": {"nombre": str(f["properties"].get("NOMBDIST") or ""), "ubigeo": feature_ubigeo(f)}}
        for f in hits]}


def limits_around(lat: "np.ndarray", lon: "np.ndarray") -> dict[str, Any] | None:
    """districts_around the box of the middle 96 % of the located points (lat, lon; NaN skipped):
    a few stray points do not widen it to a region."""
    import numpy as np

    lat, lon = np.asarray(lat, dtype=float), np.asarray(lon, dtype=float)
    located = np.isfinite(lat) & np.isfinite(lon)
    if not located.any():
        return None
    (south, north), (west, east) = np.percentile(lat[located], [2, 98]), np.percentile(lon[located], [2, 98])
    return districts_around(west, south, east, north)
