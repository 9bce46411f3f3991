"""Sector names on printed maps go inside their sector and clear of the numbered points."""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import Polygon, box

from stationmap.reports.label_placement import label_position

HALF_W, HALF_H, CLEARANCE = 20.0, 5.5, 7.0


def gap(position, obstacles) -> float:
    x, y = position
    label = box(x - HALF_W, y - HALF_H, x + HALF_W, y + HALF_H)
    return float(shapely.distance(label, shapely.points(obstacles)).min())


def test_a_clear_representative_point_is_kept():
    sector = box(0, 0, 200, 100)
    home = sector.representative_point()
    assert label_position(sector, np.array([[10.0, 10.0]]), HALF_W, HALF_H, CLEARANCE) == (home.x, home.y)
    assert label_position(sector, np.zeros((0, 2)), HALF_W, HALF_H, CLEARANCE) == (home.x, home.y)


def test_a_point_on_the_representative_point_moves_the_label_to_the_nearest_clear_spot_inside():
    sector = box(0, 0, 200, 100)
    home = sector.representative_point()
    points = np.array([[home.x, home.y], [home.x + 30, home.y + 5]])
    position = label_position(sector, points, HALF_W, HALF_H, CLEARANCE)
    assert gap(position, points) >= CLEARANCE
    x, y = position
    assert sector.contains(box(x - HALF_W, y - HALF_H, x + HALF_W, y + HALF_H))
    assert np.hypot(x - home.x, y - home.y) < 60       # near where it was, not in a far corner


def test_a_sector_full_of_points_gets_the_spot_farthest_from_them():
    sector = Polygon([(0, 0), (300, 0), (300, 120), (0, 120)])
    xs, ys = np.meshgrid(np.arange(10, 300, 25.0), np.arange(10, 120, 25.0))
    points = np.column_stack([xs.ravel(), ys.ravel()])
    position = label_position(sector, points, HALF_W, HALF_H, CLEARANCE)
    home = sector.representative_point()
    assert gap(position, points) >= gap((home.x, home.y), points)
