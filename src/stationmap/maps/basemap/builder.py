"""Build a vector basemap pack (PMTiles, schema "stationmap-v1") from an .osm.pbf extract.

Pure Python and wheels only (pyosmium, shapely, mapbox-vector-tile, pmtiles), so a station
on Windows can build a pack for its own jurisdiction from a USB stick, with no tilemaker
and no network. Geometries are projected once to Web-Mercator metres, indexed per layer,
then clipped, simplified and encoded tile by tile.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from stationmap.core.errors import GeometryError
from stationmap.core.progress import Progress, no_progress, sub_progress
from stationmap.maps.basemap.osm_features import OsmFeature, extract_bounds, read_osm_features
from stationmap.maps.basemap.tiling import mercator_coords, tile_bounds_mercator, tiles_covering

SCHEMA = "stationmap-v1"
ATTRIBUTION = "© OpenStreetMap contributors"
EXTENT = 4096
BUFFER_FRACTION = 1 / 32        # features reach a little past the tile edge so strokes join up
MAX_TILES = 20_000              # a city-sized pack; larger areas need a smaller maxzoom

LAYERS = ("water", "landuse", "buildings", "roads", "places", "pois", "boundaries")
POLYGON_LAYERS = {"water", "landuse", "buildings"}
# Smallest zoom at which each kind appears: a city overview shows avenues, street zoom shows all.
KIND_MINZOOM = {
    "roads": {"motorway": 0, "primary": 0, "secondary": 11, "tertiary": 12, "residential": 13,
              "service": 14, "track": 14, "path": 15},
    "places": {"city": 0, "town": 0, "suburb": 12, "neighbourhood": 13, "village": 12},
    "water": {"river": 0, "canal": 12, "stream": 13},
    "pois": {"marketplace": 13, "police": 13, "hospital": 13, "bus_station": 13},
}
LAYER_MINZOOM = {"buildings": 15, "pois": 14}
FIELDS = {"roads": ("kind", "name", "ref"), "buildings": ()}
DEFAULT_FIELDS = ("kind", "name")


@dataclass(frozen=True)
class PackInfo:
    path: Path
    tiles: int
    minzoom: int
    maxzoom: int
    bounds: tuple[float, float, float, float]
    size_bytes: int
    features: dict[str, int]


def _area_geometry(area: Any) -> Any:
    from shapely.geometry import box

    if area is None:
        raise GeometryError("basemap.area_missing")
    if isinstance(area, (tuple, list)) and len(area) == 4:
        west, south, east, north = (float(v) for v in area)
        if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
            raise GeometryError("basemap.area_invalid", bounds=str(tuple(area)))
        return box(west, south, east, north)
    if getattr(area, "is_empty", True):
        raise GeometryError("basemap.area_invalid", bounds=str(area))
    return area


class _LayerIndex:
    """One layer's features in Web-Mercator metres with a spatial index."""

    def __init__(self, features: list[OsmFeature]) -> None:
        import shapely

        self.geoms = np.array([shapely.transform(f.geometry, mercator_coords) for f in features], dtype=object)
        self.kinds = np.array([f.kind for f in features], dtype=object)
        self.names = [f.name for f in features]
        self.refs = [f.ref for f in features]
        self.areas = shapely.area(self.geoms) if len(self.geoms) else np.zeros(0)
        self.tree = shapely.STRtree(self.geoms)


def _minzoom(layer: str, kind: str) -> int:
    return KIND_MINZOOM.get(layer, {}).get(kind, LAYER_MINZOOM.get(layer, 0))


def _tile_layer(layer: str, index: _LayerIndex, z: int, rect: tuple[float, float, float, float],
                origin: tuple[float, float], pixel_m: float) -> list[dict[str, Any]]:
    import shapely

    def to_tile_units(coords: np.ndarray) -> np.ndarray:
        # Quantise here, vectorised, rather than per vertex in the encoder's Python callback.
        return np.round((coords - origin) / pixel_m)

    candidates = index.tree.query(shapely.box(*rect))
    features = []
    min_area = (2 * pixel_m * 16) ** 2  # drop polygons smaller than ~2 screen pixels square
    for i in candidates:
        kind = index.kinds[i]
        if z < _minzoom(layer, kind):
            continue
        if layer in POLYGON_LAYERS and index.areas[i] and index.areas[i] < min_area:
            continue
        geom = index.geoms[i]
        if layer not in ("places", "pois"):
            dimension = shapely.get_dimensions(geom)
            geom = shapely.clip_by_rect(geom, *rect)
            geom = shapely.simplify(geom, 2 * pixel_m, preserve_topology=dimension == 2)
            geom = _keep_dimension(geom, dimension)
        if geom is None or geom.is_empty:
            continue
        geom = shapely.transform(geom, to_tile_units)
        props = {"kind": kind, "name": index.names[i], "ref": index.refs[i]}
        fields = FIELDS.get(layer, DEFAULT_FIELDS)
        features.append({"geometry": geom, "properties": {k: props[k] for k in fields if props[k]}})
    return features


def _keep_dimension(geom: Any, dimension: int) -> Any:
    """Clipping can leave slivers of a lower dimension (a polygon touching the edge becomes a line)."""
    import shapely

    parts = [p for p in shapely.get_parts(geom) if shapely.get_dimensions(p) == dimension and not p.is_empty]
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return shapely.multipolygons(parts) if dimension == 2 else shapely.multilinestrings(parts)


def _encode_tile(indexes: dict[str, _LayerIndex], z: int, x: int, y: int) -> bytes | None:
    import mapbox_vector_tile

    minx, miny, maxx, maxy = tile_bounds_mercator(z, x, y)
    size = maxx - minx
    pad = size * BUFFER_FRACTION
    rect = (minx - pad, miny - pad, maxx + pad, maxy + pad)
    pixel_m = size / EXTENT
    layers = []
    for name in LAYERS:
        if name in indexes:
            features = _tile_layer(name, indexes[name], z, rect, (minx, miny), pixel_m)
            if features:
                layers.append({"name": name, "features": features})
    if not layers:
        return None
    data = mapbox_vector_tile.encode(layers, default_options={
        "extents": EXTENT,
        "on_invalid_geometry": mapbox_vector_tile.encoder.on_invalid_geometry_make_valid})
    return gzip.compress(data, mtime=0)


def _metadata(name: str, bounds: tuple[float, ...], center: tuple[float, float, int],
              minzoom: int, maxzoom: int) -> dict[str, Any]:
    fields = {layer: {k: "String" for k in FIELDS.get(layer, DEFAULT_FIELDS)} for layer in LAYERS}
    return {
        "name": name, "attribution": ATTRIBUTION, "schema": SCHEMA, "format": "pbf",
        "description": "StationMap basemap built from OpenStreetMap data",
        "vector_layers": [{"id": layer, "fields": fields[layer],
                           "minzoom": LAYER_MINZOOM.get(layer, minzoom), "maxzoom": maxzoom} for layer in LAYERS],
        "bounds": list(bounds), "center": list(center), "minzoom": minzoom, "maxzoom": maxzoom,
    }


def build_pack(pbf: str | Path, out: str | Path, *, area: Any, minzoom: int = 11, maxzoom: int = 16,
               name: str | None = None, progress: Progress = no_progress) -> PackInfo:
    """Cut `area` (shapely geometry or (west, south, east, north) in lon/lat) of `pbf` into a PMTiles pack."""
    if not 0 <= minzoom <= maxzoom <= 18:
        raise GeometryError("basemap.zoom_invalid", minzoom=minzoom, maxzoom=maxzoom)
    from shapely.geometry import box

    geometry = _area_geometry(area)
    bounds = tuple(float(v) for v in geometry.bounds)
    jobs = [(z, x, y) for z in range(minzoom, maxzoom + 1) for x, y in tiles_covering(bounds, z)]
    if len(jobs) > MAX_TILES:
        raise GeometryError("basemap.area_too_large", tiles=len(jobs), limit=MAX_TILES)
    if not Path(pbf).is_file():
        raise GeometryError("basemap.osm_missing", path=str(pbf))
    declared = extract_bounds(pbf)
    if declared is not None and not geometry.intersects(box(*declared)):
        raise GeometryError("basemap.area_empty", path=str(pbf))  # known without reading the whole file
    progress(0.0, "osm")
    features = read_osm_features(pbf, geometry.envelope, progress=sub_progress(progress, 0.0, 0.3))
    if not features:
        raise GeometryError("basemap.area_empty", path=str(pbf))
    by_layer: dict[str, list[OsmFeature]] = {}
    for feature in features:
        by_layer.setdefault(feature.layer, []).append(feature)
    indexes = {layer: _LayerIndex(items) for layer, items in by_layer.items()}
    progress(0.35, "tiles")
    tiles = []
    for done, (z, x, y) in enumerate(jobs):
        data = _encode_tile(indexes, z, x, y)
        if data is not None:
            tiles.append((z, x, y, data))
        if done % 20 == 0:
            progress(0.35 + 0.6 * done / len(jobs), "tiles")
    if not tiles:
        raise GeometryError("basemap.area_empty", path=str(pbf))
    center = ((bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, min(max(minzoom, 14), maxzoom))
    out = Path(out)
    from stationmap.maps.basemap.pmtiles_io import write_pmtiles

    progress(0.96, "write")
    written = write_pmtiles(out, tiles, tile_type="mvt", tile_compression="gzip",
                            metadata=_metadata(name or out.stem, bounds, center, minzoom, maxzoom),
                            bounds=bounds, center=center)
    progress(1.0, "done")
    return PackInfo(path=out, tiles=written, minzoom=minzoom, maxzoom=maxzoom, bounds=bounds,
                    size_bytes=out.stat().st_size, features={k: len(v) for k, v in by_layer.items()})
