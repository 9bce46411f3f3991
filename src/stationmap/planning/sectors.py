"""Patrol sectors: a grid of cuadrantes, or N contiguous sectors of equal workload.

Sectors are shapely polygons in lon/lat with a name. Generation works in the
local UTM zone so cell sizes are metres. Balanced sectors come from recursive
weighted bisection of the jurisdiction's cells (split the longer side at the
weighted median, each half getting its share of the sectors), followed by a
contiguity repair: a piece cut off from its sector joins the neighbour it
touches most, so every sector is one piece a patrol can drive around in.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon, box

from stationmap.analysis.grid import Grid, geometry_to_lonlat, geometry_to_metres, to_metres, utm_epsg_for
from stationmap.analysis.numerics import dilate, label
from stationmap.core.errors import GeometryError


@dataclass
class Sector:
    name: str
    geometry: Polygon | MultiPolygon  # lon/lat


def _projected(jurisdiction):
    epsg = utm_epsg_for(jurisdiction.centroid.x)
    return epsg, geometry_to_metres(jurisdiction, epsg)


def grid_sectors(jurisdiction, size_m: float, prefix: str = "C") -> list[Sector]:
    """Square cuadrantes of `size_m` metres clipped to the jurisdiction, numbered west-east, north-south."""
    epsg, area = _projected(jurisdiction)
    minx, miny, maxx, maxy = area.bounds
    xs = np.arange(np.floor(minx / size_m) * size_m, maxx, size_m)
    ys = np.arange(np.floor(miny / size_m) * size_m, maxy, size_m)[::-1]
    sectors = []
    for y in ys:
        for x in xs:
            piece = area.intersection(box(x, y, x + size_m, y + size_m))
            if piece.area >= 0.05 * size_m * size_m:  # slivers along the border join no one
                sectors.append(geometry_to_lonlat(piece, epsg))
    width = len(str(len(sectors)))
    return [Sector(f"{prefix}-{i:0{width}d}", g) for i, g in enumerate(sectors, start=1)]


def balanced_sectors(jurisdiction, lon: np.ndarray, lat: np.ndarray, weights: np.ndarray | None,
                     n: int, *, cell_m: float = 100.0, prefix: str = "Sector") -> list[Sector]:
    """`n` contiguous sectors with roughly equal incident weight."""
    epsg, area = _projected(jurisdiction)
    minx, miny, maxx, maxy = area.bounds
    grid = Grid.covering(np.array([minx, maxx]), np.array([miny, maxy]), cell_m, epsg)
    inside = grid.inside_mask(jurisdiction)
    if inside.sum() < n:
        raise GeometryError("sectors.too_many", requested=n, cells=int(inside.sum()))
    x, y = to_metres(lon, lat, epsg)
    w = np.ones(len(x)) if weights is None else np.asarray(weights, dtype=float)
    # A little weight everywhere so empty land is still shared out by area.
    load = grid.counts(x, y, w) + max(w.sum(), 1.0) / inside.sum() * 0.25
    load[~inside] = 0.0
    labels = np.full(grid.shape, -1, dtype=int)
    _bisect(np.argwhere(inside), load, n, 0, labels)
    _repair_contiguity(labels, n)
    sectors = []
    for k in range(n):
        cells = np.argwhere(labels == k)
        squares = [box(grid.x0 + c * cell_m, grid.y0 + r * cell_m,
                       grid.x0 + (c + 1) * cell_m, grid.y0 + (r + 1) * cell_m) for r, c in cells]
        piece = shapely.union_all(squares).intersection(area)
        sectors.append(geometry_to_lonlat(piece, epsg))
    order = np.lexsort(([-s.centroid.y for s in sectors],))  # number from north to south
    return [Sector(f"{prefix} {i}", sectors[k]) for i, k in enumerate(order, start=1)]


def _bisect(cells: np.ndarray, load: np.ndarray, parts: int, first_label: int, labels: np.ndarray) -> None:
    if parts == 1:
        labels[cells[:, 0], cells[:, 1]] = first_label
        return
    left_parts = parts // 2
    rows, cols = cells[:, 0], cells[:, 1]
    axis = 0 if np.ptp(rows) >= np.ptp(cols) else 1
    order = np.argsort(cells[:, axis] + np.random.default_rng(0).random(len(cells)) * 1e-3, kind="stable")
    cumulative = np.cumsum(load[rows[order], cols[order]])
    target = cumulative[-1] * left_parts / parts
    split = int(np.searchsorted(cumulative, target))
    split = min(max(split, left_parts), len(cells) - (parts - left_parts))
    _bisect(cells[order[:split]], load, left_parts, first_label, labels)
    _bisect(cells[order[split:]], load, parts - left_parts, first_label + left_parts, labels)


def _repair_contiguity(labels: np.ndarray, n: int) -> None:
    """Give every detached piece of a sector to the neighbouring sector it borders most."""
    for _ in range(4):  # a reassignment can detach nothing new, but allow a few passes
        changed = False
        for k in range(n):
            pieces, count = label(labels == k)
            if count <= 1:
                continue
            sizes = np.bincount(pieces.ravel(), minlength=count + 1)[1:]
            keep = 1 + int(np.argmax(sizes))
            for piece in range(1, count + 1):
                if piece == keep:
                    continue
                mask = pieces == piece
                ring = dilate(mask) & ~mask
                neighbours = labels[ring]
                neighbours = neighbours[(neighbours >= 0) & (neighbours != k)]
                if len(neighbours):
                    labels[mask] = np.bincount(neighbours).argmax()
                    changed = True
        if not changed:
            return


def assign_sectors(lon: np.ndarray, lat: np.ndarray, sectors: list[Sector]) -> np.ndarray:
    """Index into `sectors` for each point, -1 outside every sector (or without coordinates)."""
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    result = np.full(len(lon), -1, dtype=np.int64)
    valid = np.isfinite(lon) & np.isfinite(lat)
    if not sectors or not valid.any():
        return result
    tree = shapely.STRtree([s.geometry for s in sectors])
    points = shapely.points(lon[valid], lat[valid])
    point_index, sector_index = tree.query(points, predicate="intersects")
    hits = np.full(int(valid.sum()), -1, dtype=np.int64)
    # A point on a shared border belongs to the first sector listed, deterministically.
    order = np.lexsort((sector_index, point_index))
    point_index, sector_index = point_index[order], sector_index[order]
    first = np.r_[True, point_index[1:] != point_index[:-1]]
    hits[point_index[first]] = sector_index[first]
    result[np.flatnonzero(valid)] = hits
    return result
