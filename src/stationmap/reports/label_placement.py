"""Where a sector's name goes on a printed or exported map: inside the sector, clear of the points.

A sector's representative point often falls on a numbered critical point (they sit where incidents
crowd, and so do sectors' middles), and the point's black disc then hides half the name. Both map
renderers (pdf_drawing, svg) ask here, in their own page units, for a spot whose label box stays
clear of every point: the representative point when it is clear, else the clear spot of a grid
over the sector nearest to it, else the spot farthest from any point.
"""

from __future__ import annotations

import numpy as np
import shapely

GRID = 9   # candidate spots per side of the sector's bounding box


def _into(x: float, y: float, half_width: float, half_height: float, frame) -> tuple[float, float]:
    """(x, y) moved the least so that its label box lies inside `frame` (minx, miny, maxx, maxy)."""
    if frame is None:
        return float(x), float(y)
    fx0, fy0, fx1, fy1 = frame
    x = min(max(x, fx0 + half_width), fx1 - half_width) if fx1 - fx0 >= 2 * half_width else (fx0 + fx1) / 2
    y = min(max(y, fy0 + half_height), fy1 - half_height) if fy1 - fy0 >= 2 * half_height else (fy0 + fy1) / 2
    return float(x), float(y)


def label_position(sector, obstacles: np.ndarray, half_width: float, half_height: float,
                   clearance: float, frame: tuple[float, float, float, float] | None = None) -> tuple[float, float]:
    """A label centre for `sector` (a shapely geometry in page units).

    `obstacles`: (n, 2) page positions of the points; a label box (centre +- half sizes) is clear
    when it is at least `clearance` from every one of them and lies inside the sector.
    `frame`: the map's visible rectangle (minx, miny, maxx, maxy) in the same units; the label box
    always ends inside it, never cut by the map's edge.
    """
    home = sector.representative_point()
    minx, miny, maxx, maxy = sector.bounds
    if frame is not None:   # only the part of the sector on the map can hold its name
        visible = sector.intersection(shapely.box(*frame))
        if not visible.is_empty and visible.area > 0:
            sector = visible
            home = sector.representative_point()
            minx, miny, maxx, maxy = sector.bounds
    if not len(obstacles):
        if frame is None or shapely.box(*frame).contains(shapely.box(home.x - half_width, home.y - half_height,
                                                                     home.x + half_width, home.y + half_height)):
            return _into(home.x, home.y, half_width, half_height, frame)
        obstacles = np.zeros((0, 2))
    xs, ys = np.meshgrid(np.linspace(minx, maxx, GRID), np.linspace(miny, maxy, GRID))
    candidates = np.vstack([[home.x, home.y], np.column_stack([xs.ravel(), ys.ravel()])])
    boxes = shapely.box(candidates[:, 0] - half_width, candidates[:, 1] - half_height,
                        candidates[:, 0] + half_width, candidates[:, 1] + half_height)
    inside = shapely.contains(sector, boxes)
    if frame is not None:
        inside &= shapely.contains(shapely.box(*frame), boxes)
    if not len(obstacles):   # no points: any spot of the sector whose box is on the map, nearest home
        if inside.any():
            best = int(np.argmin(np.where(inside, np.hypot(candidates[:, 0] - home.x, candidates[:, 1] - home.y),
                                          np.inf)))
            return _into(candidates[best, 0], candidates[best, 1], half_width, half_height, frame)
        return _into(home.x, home.y, half_width, half_height, frame)
    inside[0] = True   # the representative point stays a candidate even for a sector too thin for a box
    gaps = np.array([shapely.distance(box, shapely.points(obstacles)).min() for box in boxes])
    gaps[~inside] = -np.inf
    clear = gaps >= clearance
    if clear[0]:
        return _into(home.x, home.y, half_width, half_height, frame)
    if clear.any():
        distance_home = np.hypot(candidates[:, 0] - home.x, candidates[:, 1] - home.y)
        best = int(np.argmin(np.where(clear, distance_home, np.inf)))
    else:
        best = int(np.argmax(gaps))
    return _into(candidates[best, 0], candidates[best, 1], half_width, half_height, frame)


def spread_markers(positions: np.ndarray, radius: float, gap: float = 2.0, rounds: int = 200) -> np.ndarray:
    """Marker centres moved apart, as little as may be, so that no two discs of `radius` come closer
    than `gap` (page units): two critical points a few metres apart would otherwise print as one blot
    with two half-hidden numbers. The renderers draw a thin line from each moved disc to its place."""
    xy = np.array(positions, dtype=float).reshape(-1, 2)
    need = 2 * radius + gap
    for _ in range(rounds):
        moved = False
        for i in range(len(xy)):
            for j in range(i + 1, len(xy)):
                delta = xy[j] - xy[i]
                d = float(np.hypot(*delta))
                if d >= need - 1e-6:
                    continue
                direction = delta / d if d > 1e-9 else np.array([np.cos(i + j), np.sin(i + j)])
                push = (need - d) / 2 + 1e-3
                xy[i] -= direction * push
                xy[j] += direction * push
                moved = True
        if not moved:
            break
    return xy
