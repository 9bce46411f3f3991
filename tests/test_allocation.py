"""Allocation of whole units to sectors, and Koper dosage schedules."""

from __future__ import annotations

import numpy as np
import pytest

from stationmap.core.errors import StationMapError
from stationmap.planning.allocation import SectorRisk, Unit, allocate_shift, apportion
from stationmap.planning.dosage import DosageRules, places_within_budget, schedule_visits, travel_minutes


def _bounded_quota(total, w, lo, hi):
    """Water-filling by a fine scan of lambda, independent of the implementation;
    None when the risky sectors cannot absorb the total (then no quota is defined)."""
    if np.clip(1e9 * w, lo, hi).sum() < total:
        return None
    top = 1.0
    while np.clip(top * w, lo, hi).sum() < total:
        top *= 2
    lams = np.linspace(0, top, 400001)
    sums = np.clip(np.outer(lams, w), lo, hi).sum(axis=1)
    return np.clip(lams[np.searchsorted(sums, total)] * w, lo, hi)


@pytest.mark.parametrize("seed", range(25))
def test_apportion_totals_bounds_and_proportionality(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 12))
    weights = rng.gamma(1.0, 10.0, n) * (rng.random(n) > 0.15)
    lower = rng.integers(0, 2, n)
    upper = lower + rng.integers(1, 6, n)
    total = int(rng.integers(lower.sum(), upper.sum() + 5))
    alloc = apportion(total, weights, lower, upper)
    assert alloc.sum() == min(total, upper.sum())
    assert (alloc >= lower).all() and (alloc <= upper).all()
    quota = _bounded_quota(min(total, upper.sum()), weights, lower, upper)
    if quota is not None:
        assert np.abs(alloc - quota).max() < 1.0 + 1e-3, (alloc, quota)


def test_apportion_without_bounds_is_hamilton():
    # 10 units, risks 5:3:2 -> exactly 5, 3, 2; risks 1:1:1 with 10 units -> 4,3,3 (tie to first)
    assert apportion(10, np.array([5, 3, 2]), np.zeros(3), np.full(3, 99)).tolist() == [5, 3, 2]
    assert sorted(apportion(10, np.array([1, 1, 1]), np.zeros(3), np.full(3, 99)).tolist()) == [3, 3, 4]


def test_minimums_that_exceed_the_units_are_a_clear_error():
    with pytest.raises(StationMapError) as err:
        apportion(3, np.ones(4), np.ones(4), np.full(4, 5))
    assert err.value.code == "plan.minimums_exceed_units"
    assert "4" in err.value.message("es") and "3" in err.value.message("es")


def _units(cars=6, serenazgo=4):
    return [Unit(f"PT-{i:02d}", "patrullero") for i in range(1, cars + 1)] + \
           [Unit(f"SZ-{i:02d}", "serenazgo") for i in range(1, serenazgo + 1)]


SECTORS = [SectorRisk("Sector 1", 40.0, minimum=1), SectorRisk("Sector 2", 25.0, minimum=1),
           SectorRisk("Sector 3", 10.0, minimum=1, cap=2), SectorRisk("Sector 4", 5.0, minimum=1)]


def test_the_reten_is_a_police_unit_not_the_municipal_serenazgo():
    """QA: with 6 patrol cars on the night shift, serenazgo SZ-04 was kept at the station as its retén."""
    units = ([Unit(f"PT-{k:02d}", "patrullero") for k in range(1, 7)]
             + [Unit(f"SZ-{k:02d}", "serenazgo") for k in range(1, 5)])
    plan = allocate_shift("Noche", units, SECTORS, at_station=1)
    (reten,) = [a.unit for a in plan.assignments if a.sector is None]
    assert reten.kind == "patrullero" and reten.id == "PT-06"      # the last car; PT-01 goes out
    assert {a.unit.id for a in plan.assignments if a.sector} == {u.id for u in units} - {"PT-06"}
    only_serenazgo = [Unit(f"SZ-{k:02d}", "serenazgo") for k in range(1, 6)]
    plan = allocate_shift("Noche", only_serenazgo, SECTORS, at_station=1)
    assert [a.unit.kind for a in plan.assignments if a.sector is None] == ["serenazgo"]


def test_shift_allocation_places_every_unit_and_explains_itself():
    plan = allocate_shift("Noche", _units(), SECTORS, at_station=1)
    assert len(plan.assignments) == 10
    assert sum(a.sector is None for a in plan.assignments) == 1
    per_sector = {s.name: len(plan.units_in(s.name)) for s in SECTORS}
    assert all(v >= 1 for v in per_sector.values()) and per_sector["Sector 3"] <= 2
    assert per_sector["Sector 1"] >= per_sector["Sector 2"] >= per_sector["Sector 4"]
    s1 = next(a for a in plan.assignments if a.sector == "Sector 1")
    assert s1.reason.startswith("Sector 1, Noche: 50 % del riesgo")  # 40 of 80
    # Cars go to the riskiest sector before serenazgo units do.
    assert plan.units_in("Sector 1")[0].kind == "patrullero"


def test_locked_units_survive_rebalancing():
    locked = {"SZ-04": "Sector 4", "PT-01": "Sector 4"}
    plan = allocate_shift("Tarde", _units(), SECTORS, locked=locked)
    where = {a.unit.id: a for a in plan.assignments}
    assert where["SZ-04"].sector == "Sector 4" and where["SZ-04"].locked
    assert where["PT-01"].sector == "Sector 4" and "fijado" in where["PT-01"].reason
    assert sum(a.sector is not None for a in plan.assignments) == 10
    with pytest.raises(StationMapError):
        allocate_shift("Tarde", _units(), SECTORS, locked={"PT-01": "Sector 9"})


def test_same_inputs_same_plan():
    a = allocate_shift("Noche", _units(), SECTORS, at_station=2)
    b = allocate_shift("Noche", _units(), SECTORS, at_station=2)
    assert a == b


@pytest.mark.parametrize("seed", range(20))
def test_dosage_respects_shift_bounds_spacing_and_budget(seed):
    rules = DosageRules()
    shift = 480
    places = [f"P{i}" for i in range(5)]
    visits = schedule_visits(places, shift, np.random.default_rng(seed), rules)
    kept = places_within_budget(len(places), shift, rules)
    visited = {v.place for v in visits}
    assert visited == set(places[:kept]) and rules.places_per_unit[0] <= kept <= rules.places_per_unit[1]
    assert all(0 <= v.start_minute and v.start_minute + v.minutes <= shift for v in visits)
    assert all(rules.visit_minutes[0] <= v.minutes <= rules.visit_minutes[1] for v in visits)
    assert sum(v.minutes for v in visits) <= rules.proactive_share * shift
    starts = sorted(v.start_minute for v in visits)
    ends = sorted(v.start_minute + v.minutes for v in visits)
    assert all(s >= e for s, e in zip(starts[1:], ends[:-1]))  # one place at a time
    for place in visited:
        times = [v.start_minute for v in visits if v.place == place]
        assert times[0] <= rules.max_gap_minutes
        assert max(np.diff(times), default=0) <= rules.max_gap_minutes


def test_dosage_is_random_but_reproducible():
    places = ["A", "B", "C"]
    one = schedule_visits(places, 480, np.random.default_rng(7))
    assert one == schedule_visits(places, 480, np.random.default_rng(7))
    assert one != schedule_visits(places, 480, np.random.default_rng(8))


def test_apportion_shares_spare_units_among_equal_sectors_in_turn():
    # No risk anywhere (no incidents in the look-back): 7 units over 6 sectors, 21 shifts.
    # Before: Sector 1 took the spare unit every shift (42 vs 21 unit-shifts).
    totals = sum(apportion(7, np.zeros(6), np.zeros(6), np.full(6, 99), rotate=k) for k in range(21))
    assert totals.max() - totals.min() <= 1 and totals.sum() == 147


def _line_of_places(n, metres_apart):
    lon = -79.03 + np.arange(n) * metres_apart / (111_320 * np.cos(np.radians(8.07)))
    return lon, np.full(n, -8.07)


def test_travel_time_follows_distance_detour_and_unit_speed():
    lon, lat = _line_of_places(3, 1500)
    # 1.5 km straight x 1.3 street detour = 1.95 km: ~6 min by car at 20 km/h, ~30 min on foot at 4 km/h.
    assert travel_minutes(lon, lat, "patrullero")[0, 1] == 6
    assert travel_minutes(lon, lat, "motorizado")[0, 1] == 5
    assert travel_minutes(lon, lat, "a_pie")[0, 1] == 30
    assert travel_minutes(lon, lat, "patrullero")[0, 2] == 12


@pytest.mark.parametrize("kind", ["patrullero", "motorizado", "a_pie"])
@pytest.mark.parametrize("seed", range(8))
def test_dosage_leaves_time_to_travel_between_places(seed, kind):
    rules = DosageRules()
    shift = 480
    travel = travel_minutes(*_line_of_places(5, 2950), kind)   # QA: points 2.95 km apart
    places = [f"P{i}" for i in range(5)]
    visits = schedule_visits(places, shift, np.random.default_rng(seed), rules, travel=travel)
    assert visits
    index = {p: i for i, p in enumerate(places)}
    ordered = sorted(visits, key=lambda v: v.start_minute)
    for a, b in zip(ordered, ordered[1:]):
        free = b.start_minute - (a.start_minute + a.minutes)
        assert free >= travel[index[a.place], index[b.place]], (a, b)
    assert all(0 <= v.start_minute and v.start_minute + v.minutes <= shift for v in visits)
    moving = sum(travel[index[a.place], index[b.place]] for a, b in zip(ordered, ordered[1:]))
    assert sum(v.minutes for v in visits) + moving <= rules.proactive_share * shift


def test_units_sharing_places_never_meet_there():
    rules = DosageRules()
    travel = travel_minutes(*_line_of_places(3, 800), "patrullero")
    busy: dict = {}
    rng = np.random.default_rng(1)
    for _ in range(7):   # seven units, three places (QA: 5 units at PC-13 at 14:18)
        for v in schedule_visits(["A", "B", "C"], 480, rng, rules, travel=travel, busy=busy):
            assert all(v.start_minute >= e or v.start_minute + v.minutes <= s for s, e in busy.get(v.place, []))
            busy.setdefault(v.place, []).append((v.start_minute, v.start_minute + v.minutes))
    assert sum(len(x) for x in busy.values()) > 30
