"""Web-Mercator tile arithmetic (XYZ addressing, as Leaflet and PMTiles use it)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

# numpy where it is used: the tile arithmetic the map needs to open a pack at start-up is plain math.
if TYPE_CHECKING:
    import numpy as np

EARTH_HALF_CIRCUMFERENCE = 20037508.342789244  # metres, EPSG:3857
MAX_LATITUDE = 85.0511287798


def lonlat_to_mercator(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Vectorised EPSG:4326 -> EPSG:3857 (metres)."""
    import numpy as np

    lat = np.clip(lat, -MAX_LATITUDE, MAX_LATITUDE)
    x = np.asarray(lon) * EARTH_HALF_CIRCUMFERENCE / 180.0
    y = np.log(np.tan(np.pi / 4 + np.radians(lat) / 2)) * EARTH_HALF_CIRCUMFERENCE / np.pi
    return x, y


def mercator_to_lonlat(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    import numpy as np

    lon = np.asarray(x) * 180.0 / EARTH_HALF_CIRCUMFERENCE
    lat = np.degrees(2 * np.arctan(np.exp(np.asarray(y) * np.pi / EARTH_HALF_CIRCUMFERENCE)) - np.pi / 2)
    return lon, lat


def mercator_coords(coords: np.ndarray) -> np.ndarray:
    """shapely.transform callback: (n, 2) lon/lat -> (n, 2) Web-Mercator metres."""
    import numpy as np

    x, y = lonlat_to_mercator(coords[:, 0], coords[:, 1])
    return np.column_stack([x, y])


def tile_bounds_mercator(z: int, x: int, y: int) -> tuple[float, float, float, float]:
    """(minx, miny, maxx, maxy) in metres of XYZ tile z/x/y (y counted from the north)."""
    size = 2 * EARTH_HALF_CIRCUMFERENCE / (1 << z)
    minx = -EARTH_HALF_CIRCUMFERENCE + x * size
    maxy = EARTH_HALF_CIRCUMFERENCE - y * size
    return minx, maxy - size, minx + size, maxy


def lonlat_to_tile(lon: float, lat: float, z: int) -> tuple[int, int]:
    n = 1 << z
    lat = max(min(lat, MAX_LATITUDE), -MAX_LATITUDE)
    x = int((lon + 180.0) / 360.0 * n)
    y = int((1.0 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2.0 * n)
    return min(max(x, 0), n - 1), min(max(y, 0), n - 1)


def tiles_covering(bounds: tuple[float, float, float, float], z: int) -> list[tuple[int, int]]:
    """Every (x, y) tile of zoom `z` that touches lon/lat `bounds` (west, south, east, north)."""
    west, south, east, north = bounds
    x0, y0 = lonlat_to_tile(west, north, z)
    x1, y1 = lonlat_to_tile(east, south, z)
    return [(x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]


def tile_lonlat_bounds(z: int, x: int, y: int) -> tuple[float, float, float, float]:
    import numpy as np

    minx, miny, maxx, maxy = tile_bounds_mercator(z, x, y)
    (west, east), (south, north) = mercator_to_lonlat(np.array([minx, maxx]), np.array([miny, maxy]))
    return float(west), float(south), float(east), float(north)
