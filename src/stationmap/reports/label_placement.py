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


def label_position(sector, obstacles: np.ndarray, half_width: float, half_height: float,
                   clearance: float) -> tuple[float, float]:
    """A label centre for `sector` (a shapely geometry in page units).

    `obstacles`: (n, 2) page positions of the points; a label box (centre +- half sizes) is clear
    when it is at least `clearance` from every one of them and lies inside the sector.
    """
    home = sector.representative_point()
    if not len(obstacles):
        return home.x, home.y
    minx, miny, maxx, maxy = sector.bounds
    xs, ys = np.meshgrid(np.linspace(minx, maxx, GRID), np.linspace(miny, maxy, GRID))
    candidates = np.vstack([[home.x, home.y], np.column_stack([xs.ravel(), ys.ravel()])])
    boxes = shapely.box(candidates[:, 0] - half_width, candidates[:, 1] - half_height,
                        candidates[:, 0] + half_width, candidates[:, 1] + half_height)
    inside = shapely.contains(sector, boxes)
    inside[0] = True   # the representative point stays a candidate even for a sector too thin for a box
    gaps = np.array([shapely.distance(box, shapely.points(obstacles)).min() for box in boxes])
    gaps[~inside] = -np.inf
    clear = gaps >= clearance
    if clear[0]:
        return home.x, home.y
    if clear.any():
        distance_home = np.hypot(candidates[:, 0] - home.x, candidates[:, 1] - home.y)
        best = int(np.argmin(np.where(clear, distance_home, np.inf)))
    else:
        best = int(np.argmax(gaps))
    return float(candidates[best, 0]), float(candidates[best, 1])
