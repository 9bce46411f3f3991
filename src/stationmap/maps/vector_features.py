"""Read a vector basemap pack back into geometries: for printing and for street names.

The PDF plan draws streets, water and parks as vector paths (crisp on any
printer, legible in black and white), and critical points are named after the
nearest street. Both come from the same pack the map shows, decoded from its
Mapbox Vector Tiles into shapely geometries in Web-Mercator metres.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator

import numpy as np
import shapely

from stationmap.maps.basemap.reader import BasemapPack
from stationmap.maps.basemap.tiling import (lonlat_to_mercator, lonlat_to_tile, tile_bounds_mercator,
                                            tiles_covering)

MVT_EXTENT = 4096
# Layer names of the schemas we know, mapped to the three things a printed map needs.
ROAD_LAYERS = {"roads": "kind", "transportation": "class", "transportation_name": "class"}
WATER_LAYERS = {"water", "waterway"}
PARK_KINDS = {"park", "pitch", "grass", "cemetery"}
PARK_LAYERS = {"park"}


def _decode(pack: BasemapPack, z: int, x: int, y: int) -> dict:
    import mapbox_vector_tile

    data = pack.tile(z, x, y, decompress=True)
    if not data or pack.kind != "vector":
        return {}
    return mapbox_vector_tile.decode(data, default_options={"y_coord_down": True})


def _to_mercator(geometry: dict, z: int, x: int, y: int):
    """A decoded MVT geometry (tile pixels) as a shapely geometry in Web-Mercator metres."""
    minx, miny, maxx, maxy = tile_bounds_mercator(z, x, y)
    scale = (maxx - minx) / MVT_EXTENT
    shape = shapely.geometry.shape(geometry)
    return shapely.transform(shape, lambda c: np.column_stack([minx + c[:, 0] * scale, maxy - c[:, 1] * scale]))


def features(pack: BasemapPack, bounds: tuple[float, float, float, float], zoom: int | None = None
             ) -> Iterator[tuple[str, dict, object]]:
    """(layer, properties, geometry in metres) of every feature in the tiles covering `bounds`."""
    z = min(pack.maxzoom, 15) if zoom is None else zoom
    for x, y in tiles_covering(bounds, z):
        for layer, content in _decode(pack, z, x, y).items():
            for feature in content.get("features", []):
                try:
                    geometry = _to_mercator(feature["geometry"], z, x, y)
                except (ValueError, TypeError, KeyError):
                    continue  # a degenerate geometry in one tile does not spoil the print
                yield layer, feature.get("properties", {}), geometry


def road_class(layer: str, props: dict) -> str | None:
    key = ROAD_LAYERS.get(layer)
    return None if key is None else str(props.get(key, "minor"))


class StreetNamer:
    """Nearest named street to a point, from the pack's most detailed roads."""

    def __init__(self, pack: BasemapPack, max_distance_m: float = 150.0) -> None:
        self.pack = pack
        self.zoom = pack.maxzoom
        self.max_distance_m = max_distance_m
        self._roads = lru_cache(maxsize=64)(self._roads_of_tile)

    def _roads_of_tile(self, x: int, y: int) -> tuple[list[str], list]:
        names, lines = [], []
        for layer, content in _decode(self.pack, self.zoom, x, y).items():
            if layer not in ROAD_LAYERS:
                continue
            for feature in content.get("features", []):
                name = feature.get("properties", {}).get("name")
                if name:
                    names.append(str(name))
                    lines.append(_to_mercator(feature["geometry"], self.zoom, x, y))
        return names, lines

    def __call__(self, lon: float, lat: float) -> str:
        tx, ty = lonlat_to_tile(lon, lat, self.zoom)
        px, py = lonlat_to_mercator(np.array([lon]), np.array([lat]))
        point = shapely.Point(float(px[0]), float(py[0]))
        # Web-Mercator metres are stretched by 1/cos(lat); compare real distances.
        stretch = 1.0 / np.cos(np.radians(lat))
        best, best_distance = "", self.max_distance_m * stretch
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                names, lines = self._roads(tx + dx, ty + dy)
                for name, line in zip(names, lines):
                    distance = line.distance(point)
                    if distance < best_distance:
                        best, best_distance = name, distance
        return best
