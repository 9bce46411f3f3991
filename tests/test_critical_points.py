"""Critical points: planted repeat places are found, ranked and described."""

from __future__ import annotations

import numpy as np
import pandas as pd

from factories import local_ts, make_incidents
from stationmap.analysis.critical_points import find_critical_points
from stationmap.analysis.grid import to_lonlat, to_metres


def _planted(seed=0):
    rng = np.random.default_rng(seed)
    df = make_incidents(3000, seed=seed)  # background noise ~1 km around the centre
    x0, y0 = to_metres(np.array([-79.03]), np.array([-8.07]), 32717)
    spots = [(x0[0] + 600, y0[0] + 400, 150, 22), (x0[0] - 800, y0[0] - 300, 90, 2)]
    extra = []
    for sx, sy, n, hour in spots:
        px = sx + rng.normal(0, 15, n); py = sy + rng.normal(0, 15, n)
        lon, lat = to_lonlat(px, py, 32717)
        for i in range(n):
            extra.append((lon[i], lat[i], local_ts(f"2026-10-{1 + i % 28:02d} {hour:02d}:30")))
    add = make_incidents(len(extra), seed=seed + 1)
    add["id"] = np.arange(3001, 3001 + len(extra))
    add["lon"] = [e[0] for e in extra]; add["lat"] = [e[1] for e in extra]
    add["start_ts"] = add["end_ts"] = [e[2] for e in extra]
    add["category"] = "Robo"
    return pd.concat([df, add], ignore_index=True), spots


def test_planted_places_are_found_in_order_with_their_peak_hour_and_street():
    df, spots = _planted()
    named = []
    points = find_critical_points(df, cell_m=100, limit=5,
                                  street_namer=lambda lon, lat: named.append((lon, lat)) or "Av. Prueba")
    assert len(points) >= 2
    first, second = points[0], points[1]
    fx, fy = to_metres(np.array([first.lon]), np.array([first.lat]), 32717)
    assert abs(fx[0] - spots[0][0]) < 60 and abs(fy[0] - spots[0][1]) < 60
    sx, sy = to_metres(np.array([second.lon]), np.array([second.lat]), 32717)
    assert abs(sx[0] - spots[1][0]) < 60 and abs(sy[0] - spots[1][1]) < 60
    assert first.peak_hours[0] == 22 and second.peak_hours[0] == 2
    assert first.incidents >= 150 and first.categories["Robo"] >= 150
    assert first.street == "Av. Prueba" and len(named) == len(points)
    assert first.code == "PC-01" and first.weight >= second.weight


def test_no_points_without_coordinates():
    df = make_incidents(50)
    df["lon"] = np.nan
    assert find_critical_points(df) == []


def test_peak_hours_come_from_known_times_and_a_lone_incident_is_no_peak():
    """QA: PC-10 and PC-16 listed 00:00 first: one incident per hour tied, and the tie went to hour 0."""
    from stationmap.analysis.critical_points import peak_hours

    df, _ = _planted()
    # Unknown-time reports of the second spot, stored at 00:00 with a whole-day window: not a 00:00 peak.
    second = df[df["id"] > 3150].copy()
    second["id"] = second["id"] + 10_000
    second["start_ts"] = (second["start_ts"] // 86_400) * 86_400
    second["end_ts"] = second["start_ts"] + 86_400
    second["time_known"] = 0
    points = find_critical_points(pd.concat([df, second], ignore_index=True), cell_m=100, limit=5)
    spot = next(p for p in points if (p.member_ids > 13_000).any())
    assert spot.peak_hours[0] == 2 and 0 not in spot.peak_hours
    single = np.zeros(24)
    single[[0, 8, 11, 14, 19]] = 1.0
    assert peak_hours(single) == []
    single[19] = 2.0
    assert peak_hours(single) == [19]
