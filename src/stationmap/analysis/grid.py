"""A square grid in metres over a station's area, in the local UTM zone.

Hot-spot counts, kernel density, Gi* and the PAI evaluation all work on cells
of a fixed size in metres (DESIGN.md section 5: heat in metres, not pixels).
Peru spans UTM zones 17S, 18S and 19S; the zone is chosen from the data's
central longitude so distortion stays under 0.1 % across a city.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np


def utm_epsg_for(lon: float, lat: float = -10.0) -> int:
    """EPSG code of the WGS 84 UTM zone containing (lon, lat); southern unless lat >= 0."""
    zone = int(np.floor((lon + 180.0) / 6.0)) + 1
    return (32600 if lat >= 0 else 32700) + min(max(zone, 1), 60)


@lru_cache(maxsize=8)
def transformers(epsg: int):
    from pyproj import Transformer

    forward = Transformer.from_crs(4326, epsg, always_xy=True)
    inverse = Transformer.from_crs(epsg, 4326, always_xy=True)
    return forward, inverse


def geometry_to_metres(geometry, epsg: int):
    """A shapely geometry in lon/lat, in the metres of `epsg`."""
    import shapely

    forward, _ = transformers(epsg)
    return shapely.transform(geometry, forward.transform, interleaved=False)


def geometry_to_lonlat(geometry, epsg: int):
    import shapely

    _, inverse = transformers(epsg)
    return shapely.transform(geometry, inverse.transform, interleaved=False)


def to_metres(lon: np.ndarray, lat: np.ndarray, epsg: int) -> tuple[np.ndarray, np.ndarray]:
    forward, _ = transformers(epsg)
    x, y = forward.transform(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))
    return np.asarray(x), np.asarray(y)


def to_lonlat(x: np.ndarray, y: np.ndarray, epsg: int) -> tuple[np.ndarray, np.ndarray]:
    _, inverse = transformers(epsg)
    lon, lat = inverse.transform(np.asarray(x, dtype=float), np.asarray(y, dtype=float))
    return np.asarray(lon), np.asarray(lat)


def default_cell_size(area_m2: float) -> float:
    """A cell size from the study area, as sfhotspot does: the shorter side / 50,
    rounded to 10 m and kept within the 50-250 m that micro-place analysis uses."""
    side = float(np.sqrt(max(area_m2, 1.0)))
    return float(np.clip(round(side / 50.0 / 10.0) * 10.0, 50.0, 250.0))


@dataclass(frozen=True)
class Grid:
    """Cells of `cell_m` metres; cell (row, col) spans x0+col*cell .. and y0+row*cell ..

    Row 0 is the southern edge (y grows northwards, as in UTM).
    """

    epsg: int
    x0: float
    y0: float
    cell_m: float
    nx: int
    ny: int

    @classmethod
    def covering(cls, x: np.ndarray, y: np.ndarray, cell_m: float, epsg: int,
                 margin_cells: int = 0) -> "Grid":
        if len(x) == 0:
            raise ValueError("a grid needs at least one point or a bounding box")
        x0 = np.floor(np.min(x) / cell_m) * cell_m - margin_cells * cell_m
        y0 = np.floor(np.min(y) / cell_m) * cell_m - margin_cells * cell_m
        nx = int(np.floor((np.max(x) - x0) / cell_m)) + 1 + margin_cells
        ny = int(np.floor((np.max(y) - y0) / cell_m)) + 1 + margin_cells
        return cls(epsg, float(x0), float(y0), float(cell_m), nx, ny)

    @property
    def shape(self) -> tuple[int, int]:
        return (self.ny, self.nx)

    @property
    def cell_area_m2(self) -> float:
        return self.cell_m * self.cell_m

    def cell_of(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(row, col, inside) of points in metres; `inside` is False off the grid and for NaN."""
        x = np.asarray(x, dtype=float)
        y = np.asarray(y, dtype=float)
        finite = np.isfinite(x) & np.isfinite(y)
        col = np.floor((np.where(finite, x, self.x0) - self.x0) / self.cell_m).astype(np.int64)
        row = np.floor((np.where(finite, y, self.y0) - self.y0) / self.cell_m).astype(np.int64)
        inside = finite & (col >= 0) & (col < self.nx) & (row >= 0) & (row < self.ny)
        return row, col, inside

    def counts(self, x: np.ndarray, y: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
        """Weighted number of points per cell, shape (ny, nx)."""
        row, col, inside = self.cell_of(x, y)
        flat = row[inside] * self.nx + col[inside]
        w = None if weights is None else np.asarray(weights, dtype=float)[inside]
        return np.bincount(flat, weights=w, minlength=self.nx * self.ny).reshape(self.shape).astype(float)

    def centres(self) -> tuple[np.ndarray, np.ndarray]:
        """Cell-centre coordinates in metres, each of shape (ny, nx)."""
        xs = self.x0 + (np.arange(self.nx) + 0.5) * self.cell_m
        ys = self.y0 + (np.arange(self.ny) + 0.5) * self.cell_m
        return np.meshgrid(xs, ys)

    def cell_polygon_lonlat(self, row: int, col: int) -> list[tuple[float, float]]:
        """The cell's outline in lon/lat (for maps, GeoJSON, KML)."""
        xs = self.x0 + np.array([col, col + 1, col + 1, col, col]) * self.cell_m
        ys = self.y0 + np.array([row, row, row + 1, row + 1, row]) * self.cell_m
        lon, lat = to_lonlat(xs, ys, self.epsg)
        return list(zip(lon.tolist(), lat.tolist()))

    def inside_mask(self, polygon_lonlat) -> np.ndarray:
        """Cells whose centre lies inside a shapely polygon given in lon/lat."""
        import shapely

        projected = geometry_to_metres(polygon_lonlat, self.epsg)
        cx, cy = self.centres()
        return shapely.contains_xy(projected, cx.ravel(), cy.ravel()).reshape(self.shape)
