"""Comparing plans: unit-shifts per sector and shift, critical points by place, units that moved."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from shapely.geometry import box

from stationmap.analysis.critical_points import CriticalPoint
from stationmap.core.shifts import DEFAULT_SHIFTS
from stationmap.planning.allocation import Assignment, ShiftAllocation, Unit
from stationmap.planning.plan import PatrolPlan, UnitsSpec
from stationmap.planning.plan_compare import STATION, compare_plans, moved_units
from stationmap.planning.risk import RiskTable
from stationmap.planning.sectors import Sector

SECTORS = [Sector("Norte", box(-79.03, -8.06, -79.02, -8.05)), Sector("Sur", box(-79.03, -8.07, -79.02, -8.06))]


def point(code: str, lon: float, lat: float) -> CriticalPoint:
    return CriticalPoint(code, lon, lat, 5.0, 5, 1, 75.0, street=f"Calle {code}")


def hand_made(start: date, days: int, placing: dict[str, list[str | None]], points: list[CriticalPoint]) -> PatrolPlan:
    """`placing[shift]` gives the sector of PT-01, PT-02... every day of that shift."""
    allocations = {}
    for k in range(days):
        for shift, sectors in placing.items():
            allocations[(start + timedelta(days=k), shift)] = ShiftAllocation(
                shift, [Assignment(Unit(f"PT-{i:02d}", "patrullero"), s, False, "") for i, s in
                        enumerate(sectors, start=1)])
    risk = RiskTable(["Norte", "Sur"], DEFAULT_SHIFTS, np.zeros((2, 3, 7)), 8, 0)
    return PatrolPlan(start, start + timedelta(days=days - 1), DEFAULT_SHIFTS, SECTORS, risk, points,
                      [0] * len(points), allocations, {}, UnitsSpec(per_shift={}), 0, "2026-11-10T08:00:00")


def test_units_per_sector_and_shift_then_and_now():
    last_week = hand_made(date(2026, 11, 9), 7, {"noche": ["Norte", "Norte", "Sur", None], "manana": ["Sur"]}, [])
    this_week = hand_made(date(2026, 11, 16), 7, {"noche": ["Norte", "Sur", "Sur", "Sur"], "tarde": ["Norte"]}, [])
    rows = {(r.sector, r.shift): (r.before, r.after, r.change) for r in compare_plans(last_week, this_week).units}
    assert rows == {("Norte", "noche"): (14, 7, -7), ("Sur", "noche"): (7, 21, 14),
                    (STATION, "noche"): (7, 0, -7), ("Sur", "manana"): (7, 0, -7),
                    ("Norte", "tarde"): (0, 7, 7)}
    # Sectors in plan order, the station last; shifts in the day's order.
    order = [(r.sector, r.shift) for r in compare_plans(last_week, this_week).units]
    assert order == [("Norte", "tarde"), ("Norte", "noche"), ("Sur", "manana"), ("Sur", "noche"),
                     (STATION, "noche")]


def test_critical_points_are_matched_by_place_not_by_code():
    # 0.0005 degrees of latitude is about 55 m: the same place renumbered; 0.01 degrees is over 1 km.
    before = [point("PC-01", -79.025, -8.055), point("PC-02", -79.025, -8.065)]
    after = [point("PC-01", -79.021, -8.051), point("PC-02", -79.025, -8.0555)]
    comparison = compare_plans(hand_made(date(2026, 11, 9), 1, {}, before),
                               hand_made(date(2026, 11, 16), 1, {}, after))
    assert [(p.status, p.code) for p in comparison.points] == [("new", "PC-01"), ("kept", "PC-02"),
                                                               ("dropped", "PC-02")]
    assert [p.street for p in comparison.points_with("dropped")] == ["Calle PC-02"]
    assert [p.lat for p in comparison.points_with("dropped")] == [-8.065]


def test_moved_units_lists_only_changed_assignments():
    before = hand_made(date(2026, 11, 16), 2, {"noche": ["Norte", "Sur", None]}, [])
    after = hand_made(date(2026, 11, 16), 2, {"noche": ["Norte", "Norte", "Sur"]}, [])
    moves = [(m.day.day, m.unit, m.before, m.after) for m in moved_units(before, after)]
    assert moves == [(16, "PT-02", "Sur", "Norte"), (16, "PT-03", None, "Sur"),
                     (17, "PT-02", "Sur", "Norte"), (17, "PT-03", None, "Sur")]
    assert moved_units(before, before) == []


def test_keep_unit_places_renames_units_of_a_kind_so_only_real_changes_are_moves():
    from stationmap.planning.dosage import Visit
    from stationmap.planning.plan_compare import keep_unit_places

    day = date(2026, 11, 16)
    before = hand_made(day, 1, {"noche": ["A", "B", "C", "D"]}, [])
    # After locking PT-01 in D, the allocation hands the free slots out in unit order: every car shifts.
    after = hand_made(day, 1, {"noche": ["D", "A", "B", "C"]}, [])
    al = after.allocations[(day, "noche")]
    al.assignments[0] = Assignment(Unit("PT-01", "patrullero"), "D", True, "fijado")
    al.assignments.append(Assignment(Unit("SZ-01", "serenazgo"), "A", False, ""))
    before.allocations[(day, "noche")].assignments.append(Assignment(Unit("SZ-01", "serenazgo"), "A", False, ""))
    after.visits = {(day, "noche", "PT-02"): [Visit("PC-07", 5, 12)],
                    (day, "noche", "PT-03"): [Visit("PC-02", 9, 12)]}
    assert len(moved_units(before, after)) == 4

    kept = keep_unit_places(before, after)
    placed = [(a.unit.id, a.sector, a.locked) for a in kept.allocations[(day, "noche")].assignments]
    assert placed == [("PT-01", "D", True), ("PT-04", "A", False), ("PT-02", "B", False), ("PT-03", "C", False),
                      ("SZ-01", "A", False)]
    # Only the locked car and the one that left D to make room moved.
    assert [(m.unit, m.before, m.after) for m in moved_units(before, kept)] == [("PT-01", "A", "D"),
                                                                                ("PT-04", "D", "A")]
    # Visits follow the slot (its sector's places), now under the unit that fills it.
    assert kept.visits == {(day, "noche", "PT-04"): [Visit("PC-07", 5, 12)],
                           (day, "noche", "PT-02"): [Visit("PC-02", 9, 12)]}
    assert after.allocations[(day, "noche")].assignments[1].unit.id == "PT-02"   # the input is left alone
