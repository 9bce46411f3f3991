"""Read an OpenStreetMap extract into classified features of the "stationmap-v1" schema.

One pass over the .osm.pbf with pyosmium (node locations kept in memory so ways get
geometries, multipolygons assembled into areas); every object that matters for a
basemap becomes an `OsmFeature` in lon/lat. The same features feed the tile builder
and the sample-station generator (streets and places to put incidents on).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stationmap.core.errors import GeometryError
from stationmap.core.progress import Progress, no_progress

ROAD_KINDS = {
    "motorway": "motorway", "motorway_link": "motorway", "trunk": "motorway", "trunk_link": "motorway",
    "primary": "primary", "primary_link": "primary",
    "secondary": "secondary", "secondary_link": "secondary",
    "tertiary": "tertiary", "tertiary_link": "tertiary",
    "residential": "residential", "unclassified": "residential", "living_street": "residential",
    "road": "residential",
    "service": "service",
    "footway": "path", "path": "path", "pedestrian": "path", "steps": "path", "cycleway": "path",
    "track": "track",
}
WATERWAY_KINDS = {"river": "river", "canal": "canal", "drain": "canal", "ditch": "canal", "stream": "stream"}
LANDUSE_KINDS = {
    ("leisure", "park"): "park", ("leisure", "garden"): "park", ("leisure", "pitch"): "pitch",
    ("landuse", "cemetery"): "cemetery", ("amenity", "grave_yard"): "cemetery",
    ("landuse", "residential"): "residential", ("landuse", "commercial"): "commercial",
    ("landuse", "retail"): "commercial", ("landuse", "industrial"): "industrial",
    ("landuse", "farmland"): "farmland", ("landuse", "orchard"): "farmland",
    ("landuse", "grass"): "grass", ("landuse", "meadow"): "grass", ("landuse", "recreation_ground"): "grass",
    ("natural", "sand"): "sand", ("natural", "beach"): "sand",
}
PLACE_KINDS = {"city": "city", "town": "town", "suburb": "suburb", "quarter": "suburb",
               "neighbourhood": "neighbourhood", "village": "village", "hamlet": "village"}
# Points of interest a station cares about (crime generators, services, landmarks).
POI_VALUES = {
    "amenity": {"marketplace", "bar", "nightclub", "pub", "school", "kindergarten", "college", "university",
                "police", "bank", "atm", "pharmacy", "hospital", "clinic", "bus_station", "fuel",
                "place_of_worship", "townhall", "restaurant", "fast_food", "cafe", "casino", "gambling",
                "internet_cafe", "courthouse", "prison", "money_lender", "pawnbroker", "fire_station",
                "post_office", "cinema", "theatre"},
    "shop": {"supermarket", "mall", "alcohol", "convenience", "mobile_phone", "pawnbroker", "department_store"},
    "leisure": {"park", "sports_centre", "stadium", "playground"},
}


@dataclass(frozen=True)
class OsmFeature:
    layer: str              # water, landuse, buildings, roads, places, pois, boundaries
    kind: str
    geometry: Any           # shapely geometry in lon/lat
    name: str | None = None
    ref: str | None = None


def _poi_kind(tags: Any) -> str | None:
    for key in ("amenity", "shop", "leisure"):
        value = tags.get(key)
        if value in POI_VALUES[key]:
            return value
    return None


def _landuse_kind(tags: Any) -> str | None:
    for key in ("leisure", "landuse", "amenity", "natural"):
        kind = LANDUSE_KINDS.get((key, tags.get(key)))
        if kind:
            return kind
    return None


def _is_water_area(tags: Any) -> bool:
    return (tags.get("natural") == "water" or tags.get("waterway") == "riverbank"
            or tags.get("landuse") in ("reservoir", "basin"))


def extract_bounds(pbf: str | Path) -> tuple[float, float, float, float] | None:
    """The (west, south, east, north) box an extract's header declares, or None when it has none."""
    import osmium

    try:
        reader = osmium.io.Reader(str(pbf), osmium.osm.osm_entity_bits.NOTHING)
        box = reader.header().box()
        reader.close()
    except RuntimeError as exc:
        raise GeometryError("basemap.osm_unreadable", path=str(pbf), detail=str(exc)) from exc
    if not box.valid():
        return None
    return box.bottom_left.lon, box.bottom_left.lat, box.top_right.lon, box.top_right.lat


def _district_boundary_ways(pbf: Path) -> dict[int, str]:
    """Way id -> district name, for the member ways of admin_level=8 boundary relations."""
    import osmium

    ways: dict[int, str] = {}
    relations = osmium.FileProcessor(str(pbf), osmium.osm.RELATION)
    for relation in relations:
        tags = relation.tags
        if tags.get("boundary") == "administrative" and tags.get("admin_level") == "8":
            for member in relation.members:
                if member.type == "w":
                    ways.setdefault(member.ref, tags.get("name", ""))
    return ways


def read_osm_features(pbf: str | Path, area: Any = None, *,
                      progress: Progress = no_progress) -> list[OsmFeature]:
    """Every basemap feature of `pbf` that intersects `area` (shapely geometry in lon/lat, or None)."""
    import osmium
    import shapely
    from shapely.geometry import Point

    pbf = Path(pbf)
    if not pbf.is_file():
        raise GeometryError("basemap.osm_missing", path=str(pbf))
    if area is not None:
        shapely.prepare(area)
    wkb = osmium.geom.WKBFactory()
    try:
        boundary_ways = _district_boundary_ways(pbf)
        processor = osmium.FileProcessor(str(pbf)).with_locations().with_areas()
    except RuntimeError as exc:
        raise GeometryError("basemap.osm_unreadable", path=str(pbf), detail=str(exc)) from exc

    features: list[OsmFeature] = []

    def keep(layer: str, kind: str, geometry: Any, tags: Any) -> None:
        if geometry is None or geometry.is_empty:
            return
        if area is not None and not shapely.intersects(area, geometry):
            return
        features.append(OsmFeature(layer, kind, geometry, tags.get("name"), tags.get("ref")))

    seen = 0
    try:
        for obj in processor:
            seen += 1
            if seen % 50_000 == 0:
                # The reader does not know the file's length in objects: report the stage only,
                # which still lets the user cancel.
                progress(0.0, "osm")
            tags = obj.tags
            if not len(tags):
                continue
            if obj.is_node():
                point = Point(obj.location.lon, obj.location.lat)
                place = PLACE_KINDS.get(tags.get("place"))
                if place and tags.get("name"):
                    keep("places", place, point, tags)
                poi = _poi_kind(tags)
                if poi:
                    keep("pois", poi, point, tags)
            elif obj.is_way():
                _read_way(obj, tags, wkb, boundary_ways, keep)
            elif obj.is_area():
                _read_area(obj, tags, wkb, keep)
    except RuntimeError as exc:  # truncated or corrupt PBF blocks
        raise GeometryError("basemap.osm_unreadable", path=str(pbf), detail=str(exc)) from exc
    return features


def _read_way(way: Any, tags: Any, wkb: Any, boundary_ways: dict[int, str], keep: Any) -> None:
    import shapely

    highway = tags.get("highway")
    waterway = tags.get("waterway")
    road = ROAD_KINDS.get(highway) if highway and tags.get("area") != "yes" else None
    water_line = WATERWAY_KINDS.get(waterway)
    district = boundary_ways.get(way.id)
    if not (road or water_line or district is not None):
        return
    try:
        line = shapely.from_wkb(wkb.create_linestring(way))
    except (RuntimeError, osmium_invalid_location()):
        return  # ways whose nodes fall outside the extract have no complete geometry
    if road:
        keep("roads", road, line, tags)
    if water_line:
        keep("water", water_line, line, tags)
    if district is not None:
        keep("boundaries", "district", line, {"name": district})


def _read_area(area_obj: Any, tags: Any, wkb: Any, keep: Any) -> None:
    import shapely

    water = _is_water_area(tags)
    landuse = _landuse_kind(tags)
    building = "building" in tags and tags.get("building") != "no"
    poi = _poi_kind(tags)
    if not (water or landuse or building or poi):
        return
    try:
        polygon = shapely.from_wkb(wkb.create_multipolygon(area_obj))
    except (RuntimeError, osmium_invalid_location()):
        return
    if not polygon.is_valid:
        polygon = shapely.make_valid(polygon)
    if water:
        keep("water", "water", polygon, tags)
    if landuse:
        keep("landuse", landuse, polygon, tags)
    if building:
        keep("buildings", "building", polygon, tags)
    if poi:
        keep("pois", poi, polygon.representative_point(), tags)


def osmium_invalid_location() -> type[Exception]:
    import osmium

    return osmium.InvalidLocationError
