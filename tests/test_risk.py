"""Risk per sector and shift, from hand-placed incidents."""

from __future__ import annotations

import numpy as np
import pytest

from factories import local_ts, make_incidents
from stationmap.planning.risk import risk_by_group

PLAN_START = local_ts("2026-11-16 00:00")  # a Monday


def _table(rows):
    df = make_incidents(len(rows))
    df["start_ts"] = [local_ts(r[0]) for r in rows]
    df["end_ts"] = [local_ts(r[1]) for r in rows]
    df["time_known"] = [r[2] for r in rows]
    df["weight"] = [r[3] for r in rows]
    return df


def test_risk_goes_to_the_right_sector_shift_and_day_without_recency():
    df = _table([
        ("2026-11-13 23:00", "2026-11-13 23:00", 1, 6.0),   # Friday night shift, sector 0
        ("2026-11-14 02:00", "2026-11-14 04:00", 1, 3.0),   # Sat 02-04 still Friday's night shift, sector 0
        ("2026-11-12 10:00", "2026-11-12 10:00", 1, 1.0),   # Thursday morning, sector 1
        ("2026-11-12 00:00", "2026-11-12 23:59", 0, 1.68),  # unknown time, sector 1: spread over the week
        ("2026-08-01 10:00", "2026-08-01 10:00", 1, 99.0),  # older than 8 weeks: ignored
        ("2026-11-16 10:00", "2026-11-16 10:00", 1, 99.0),  # after the plan starts: ignored
    ])
    group = np.array([0, 0, 1, 1, 0, 1])
    table = risk_by_group(df, group, ["S0", "S1"], PLAN_START, half_life_weeks=None)
    assert table.incidents_used == 4
    manana, tarde, noche = 0, 1, 2
    assert table.values[0, noche, 4] == pytest.approx(9.0)  # Friday
    assert table.values[0].sum() == pytest.approx(9.0)
    # Sector 1: 1.0 on Thursday morning plus 1.68/168 per hour of the week.
    assert table.values[1, manana, 3] == pytest.approx(1.0 + 0.08)
    assert table.values[1].sum() == pytest.approx(1.0 + 1.68)
    assert table.per_shift()[1, tarde] == pytest.approx(7 * 0.08)


def test_recent_incidents_weigh_more():
    df = _table([("2026-11-15 10:00", "2026-11-15 10:00", 1, 1.0),
                 ("2026-10-18 10:00", "2026-10-18 10:00", 1, 1.0)])  # exactly 4 weeks earlier
    table = risk_by_group(df, np.array([0, 1]), ["new", "old"], PLAN_START, half_life_weeks=4)
    new, old = table.values.sum(axis=(1, 2))
    assert old / new == pytest.approx(0.5, rel=0.01)
