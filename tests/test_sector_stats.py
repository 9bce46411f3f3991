"""Sector table figures with known answers; merge and split keep every incident."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import shapely
from shapely.geometry import box

from factories import local_ts, make_incidents
from stationmap.core.errors import GeometryError
from stationmap.planning.sector_stats import (last_weeks, merge_sectors, rename_sector, sector_incident_ids,
                                              sector_stats, split_sector)
from stationmap.planning.sectors import Sector, assign_sectors

WEST = Sector("Oeste", box(-79.10, -8.10, -79.03, -8.04))
EAST = Sector("Este", box(-79.03, -8.10, -78.96, -8.04))


def placed(points):
    """Incidents at hand-placed (lon, lat, 'yyyy-mm-dd hh:mm', weight) positions."""
    frame = make_incidents(len(points))
    frame["lon"] = [p[0] for p in points]
    frame["lat"] = [p[1] for p in points]
    frame["start_ts"] = [local_ts(p[2]) for p in points]
    frame["weight"] = [p[3] for p in points]
    return frame


def test_counts_weights_previous_period_and_outside_by_hand():
    points = [(-79.05, -8.07, "2026-11-10 10:00", 5.0),    # west, this week
              (-79.05, -8.07, "2026-11-12 22:00", 3.0),    # west, this week
              (-79.00, -8.07, "2026-11-11 09:00", 10.0),   # east, this week
              (-79.00, -8.07, "2026-11-03 09:00", 1.0),    # east, previous week
              (-79.00, -8.07, "2026-11-04 09:00", 1.0),    # east, previous week
              (-78.90, -8.07, "2026-11-13 09:00", 2.0),    # outside both sectors, this week
              (np.nan, np.nan, "2026-11-14 09:00", 2.0),   # no coordinates, this week
              (-79.05, -8.07, "2026-10-01 09:00", 1.0)]    # long before: in neither period
    frame = placed(points)
    stats = sector_stats(frame, [WEST, EAST], local_ts("2026-11-09 00:00"), local_ts("2026-11-16 00:00"))
    table = stats.table.set_index("sector")
    assert table.loc["Oeste", "incidents"] == 2 and table.loc["Este", "incidents"] == 1
    assert table.loc["Oeste", "weighted"] == 8.0 and table.loc["Este", "weighted"] == 10.0
    assert table.loc["Oeste", "previous"] == 0 and table.loc["Este", "previous"] == 2
    assert pd.isna(table.loc["Oeste", "percent"]) and table.loc["Este", "percent"] == -50.0
    assert (stats.outside, stats.unlocated, stats.in_period) == (1, 1, 5)
    assert stats.table["incidents"].sum() == stats.in_period - stats.outside - stats.unlocated
    assert sector_incident_ids(frame, stats, 0) == frozenset({1, 2})


def test_change_verdict_separates_noise_from_a_real_rise():
    week = [(-79.05, -8.07, f"2026-11-{d:02d} 10:00", 1.0) for d in range(9, 16) for _ in range(8)]
    before = [(-79.05, -8.07, "2026-11-03 10:00", 1.0)] * 10
    east_now = [(-79.00, -8.07, "2026-11-10 10:00", 1.0)] * 3
    east_before = [(-79.00, -8.07, "2026-11-03 10:00", 1.0)] * 2
    stats = sector_stats(placed(week + before + east_now + east_before), [WEST, EAST],
                         local_ts("2026-11-09 00:00"), local_ts("2026-11-16 00:00"), language="es")
    verdicts = dict(zip(stats.table["sector"], stats.table["verdict"]))
    assert verdicts == {"Oeste": "up", "Este": "normal"}   # 56 vs 10 is real; 3 vs 2 is not
    assert all(stats.table["change"].str.len() > 10)


def test_last_weeks_ends_after_the_newest_incident_day():
    frame = placed([(-79.05, -8.07, "2026-11-15 23:30", 1.0), (-79.05, -8.07, "2026-11-01 00:00", 1.0)])
    start, end = last_weeks(frame, 2)
    assert end == local_ts("2026-11-16 00:00") and start == local_ts("2026-11-02 00:00")


def test_merge_keeps_every_incident_and_the_first_name():
    frame = make_incidents(500, center=(-8.07, -79.03))
    sectors = [WEST, EAST]
    merged = merge_sectors(sectors, 0, 1)
    assert [s.name for s in merged] == ["Oeste"]
    lon, lat = frame["lon"].to_numpy(), frame["lat"].to_numpy()
    assert (assign_sectors(lon, lat, merged) >= 0).sum() == (assign_sectors(lon, lat, sectors) >= 0).sum()
    with pytest.raises(GeometryError):
        merge_sectors(sectors, 1, 1)


def test_split_gives_two_halves_of_similar_workload_covering_the_sector():
    frame = make_incidents(2000, center=(-8.07, -79.06))   # mostly in the west sector
    sectors = [WEST, EAST]
    out = split_sector(sectors, 0, frame, cell_m=100.0)
    assert [s.name for s in out] == ["Oeste a", "Oeste b", "Este"]
    assert shapely.union_all([out[0].geometry, out[1].geometry]).symmetric_difference(WEST.geometry).area \
        < 1e-6 * WEST.geometry.area
    lon, lat = frame["lon"].to_numpy(), frame["lat"].to_numpy()
    before, after = assign_sectors(lon, lat, sectors), assign_sectors(lon, lat, out)
    assert (after >= 0).sum() == (before >= 0).sum()
    halves = np.bincount(after[after >= 0], minlength=3)[:2]
    assert halves.sum() == (before == 0).sum()
    assert abs(int(halves[0]) - int(halves[1])) < 0.2 * halves.sum()


def test_rename_refuses_an_empty_name():
    assert rename_sector([WEST, EAST], 1, "  Sector Norte ")[1].name == "Sector Norte"
    with pytest.raises(GeometryError) as caught:
        rename_sector([WEST, EAST], 0, "   ")
    assert caught.value.code == "hotspots.empty_name"
