"""A whole week's plan from incidents, sectors and a roster."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from shapely.geometry import box

from factories import make_incidents
from stationmap.core.errors import StationMapError
from stationmap.planning.dosage import DETOUR_FACTOR, SPEED_KMH
from stationmap.planning.plan import UnitsSpec, build_plan
from stationmap.planning.sectors import balanced_sectors

AREA = box(-79.05, -8.09, -79.01, -8.05)
SPEC = UnitsSpec(per_shift={"manana": {"patrullero": 3, "serenazgo": 2},
                            "tarde": {"patrullero": 4, "serenazgo": 3},
                            "noche": {"patrullero": 6, "serenazgo": 4}},
                 at_station={"noche": 1}, minimum_per_sector=1, locked={"SZ-01": "Sector 1"})


def _sectors(df):
    return balanced_sectors(AREA, df["lon"].to_numpy(), df["lat"].to_numpy(), None, 4, cell_m=200)


@pytest.fixture(scope="module")
def plan():
    df = make_incidents(4000, seed=4, start="2026-08-24", days=84, center=(-8.07, -79.03))
    sectors = _sectors(df)
    return build_plan(df, sectors, SPEC, date(2026, 11, 16), date(2026, 11, 22), seed=11)


def test_every_available_unit_is_placed_every_day_and_shift(plan):
    assert len(plan.allocations) == 7 * 3
    for (day, shift), allocation in plan.allocations.items():
        expected = sum(SPEC.per_shift[shift].values())
        assert len(allocation.assignments) == expected
        at_station = sum(a.sector is None for a in allocation.assignments)
        assert at_station == SPEC.at_station.get(shift, 0)
        for sector in plan.sectors:
            assert len(allocation.units_in(sector.name)) >= 1
        locked = next(a for a in allocation.assignments if a.unit.id == "SZ-01")
        assert locked.sector == "Sector 1" and locked.locked


def test_visits_stay_inside_their_shift_and_sector(plan):
    assert plan.visits, "the sample has critical points, so there must be visits"
    codes = {p.code: owner for p, owner in zip(plan.critical_points, plan.point_sector)}
    for (day, shift, unit_id), visits in plan.visits.items():
        allocation = plan.allocations[(day, shift)]
        sector = next(a.sector for a in allocation.assignments if a.unit.id == unit_id)
        sector_index = [s.name for s in plan.sectors].index(sector)
        hours = next(s.hours for s in plan.shifts.shifts if s.key == shift)
        for v in visits:
            assert codes[v.place] == sector_index
            assert 0 <= v.start_minute and v.start_minute + v.minutes <= hours * 60


def test_same_seed_same_plan_and_another_seed_changes_only_visit_times(plan):
    df = make_incidents(4000, seed=4, start="2026-08-24", days=84, center=(-8.07, -79.03))
    sectors = _sectors(df)
    again = build_plan(df, sectors, SPEC, date(2026, 11, 16), date(2026, 11, 22), seed=11)
    assert again.allocations == plan.allocations and again.visits == plan.visits
    other = build_plan(df, sectors, SPEC, date(2026, 11, 16), date(2026, 11, 22), seed=12)
    assert other.allocations == plan.allocations and other.visits != plan.visits


def test_units_spec_round_trip_and_bad_specs():
    assert UnitsSpec.from_json(SPEC.to_json()) == SPEC
    with pytest.raises(StationMapError) as err:
        UnitsSpec.from_json({"per_shift": {"noche": {"tanque": 1}}}).units("noche")
    assert err.value.code == "plan.unknown_unit_kind"
    with pytest.raises(StationMapError):
        UnitsSpec.from_json({"shifts": {}})


def _implied_speeds(plan):
    """Straight-line km/h each unit needs between consecutive visits of a shift."""
    points = {p.code: p for p in plan.critical_points}
    speeds = []
    for visits in plan.visits.values():
        ordered = sorted(visits, key=lambda v: v.start_minute)
        for a, b in zip(ordered, ordered[1:]):
            pa, pb = points[a.place], points[b.place]
            dx = np.radians(pb.lon - pa.lon) * np.cos(np.radians((pa.lat + pb.lat) / 2))
            km = 6371.0 * np.hypot(dx, np.radians(pb.lat - pa.lat))
            free = b.start_minute - (a.start_minute + a.minutes)
            speeds.append(np.inf if free <= 0 and km > 0 else (km / (free / 60) if km > 0 else 0.0))
    return np.array(speeds)


def test_consecutive_visits_leave_time_to_drive_between_places(plan):
    speeds = _implied_speeds(plan)
    assert len(speeds) > 100
    # The fastest kind (motorizado, 25 km/h on streets 1.3x longer than the straight line); cars 20 km/h.
    assert speeds.max() <= max(SPEED_KMH.values()) / DETOUR_FACTOR + 1e-9


def test_many_units_in_a_sector_are_staggered_at_its_points():
    df = make_incidents(4000, seed=4, start="2026-08-24", days=84, center=(-8.07, -79.03))
    crowded = UnitsSpec(per_shift={k: {"patrullero": 20, "serenazgo": 20} for k in ("manana", "tarde", "noche")},
                        minimum_per_sector=2)
    plan = build_plan(df, _sectors(df), crowded, date(2026, 11, 16), date(2026, 11, 17), seed=1)
    at_place: dict = {}
    for (day, shift, _), visits in plan.visits.items():
        for v in visits:
            at_place.setdefault((day, shift, v.place), []).append((v.start_minute, v.start_minute + v.minutes))
    assert sum(map(len, at_place.values())) > 500
    for times in at_place.values():
        times.sort()
        assert all(later[0] >= earlier[1] for earlier, later in zip(times, times[1:]))
    assert _implied_speeds(plan).max() <= max(SPEED_KMH.values()) / DETOUR_FACTOR + 1e-9


def test_no_incidents_in_the_lookback_warns_and_shares_units_evenly():
    df = make_incidents(2000, seed=4, start="2026-01-05", days=60, center=(-8.07, -79.03))
    spec = UnitsSpec(per_shift={k: {"patrullero": 7} for k in ("manana", "tarde", "noche")})
    plan = build_plan(df, _sectors(df), spec, date(2026, 11, 16), date(2026, 11, 22))
    assert [code for code, _ in plan.warnings] == ["plan.warn.no_recent_incidents"]
    assert "no incidents in the 8 weeks before 16/11/2026" in plan.warning_texts("en")[0]
    per_sector = [sum(len(al.units_in(s.name)) for al in plan.allocations.values()) for s in plan.sectors]
    assert max(per_sector) - min(per_sector) <= 1, per_sector
    reason = plan.allocations[(date(2026, 11, 16), "noche")].assignments[0].reason_in("en")
    assert reason.endswith("Night: no incidents in the last 8 weeks; shared evenly among sectors")


def test_critical_points_come_from_the_stations_own_sectors_only():
    """Incidents east of the sectors (the neighbouring station's) make no critical point of this plan:
    before, their clusters came in as points no unit could visit, each with a warning."""
    df = make_incidents(4000, seed=4, start="2026-08-24", days=84, center=(-8.07, -79.03))
    west = balanced_sectors(box(-79.05, -8.09, -79.031, -8.05), df["lon"].to_numpy(), df["lat"].to_numpy(),
                            None, 2, cell_m=200)
    plan = build_plan(df, west, SPEC, date(2026, 11, 16), date(2026, 11, 17), seed=2)
    assert len(plan.critical_points) >= 4 and all(owner >= 0 for owner in plan.point_sector)
    assert all(p.lon <= -79.031 for p in plan.critical_points)
    assert not [w for w in plan.warnings if w[0] == "plan.warn.points_outside"]


@pytest.mark.parametrize("data, code", [
    ({"per_shift": {"mañana": {"patrullero": 3}, "tarde": {}, "noche": {}}}, None),
    ({"per_shift": {"MAÑANA": {"patrullero": 3}}}, None),
    ({"per_shift": {"mornin": {"patrullero": 3}}}, "plan.units_unknown_shift"),
    ({"per_shift": {"manana": {}, "tarde": {}, "noche": {}}}, "plan.no_units"),
    ({"per_shift": {"manana": {"patrullero": 0}}}, "plan.no_units"),
    ({"per_shift": {"noche": {"patrullero": 2}}, "at_station": {"noche": 5}}, "plan.station_exceeds_units"),
])
def test_units_spec_is_checked_against_the_stations_shifts(data, code):
    df = make_incidents(500, seed=4, start="2026-10-01", days=40, center=(-8.07, -79.03))
    spec = UnitsSpec.from_json(data)
    if code is None:
        plan = build_plan(df, _sectors(df), spec, date(2026, 11, 16), date(2026, 11, 16))
        assert len(plan.allocations[(date(2026, 11, 16), "manana")].assignments) == 3
        return
    with pytest.raises(StationMapError) as err:
        build_plan(df, _sectors(df), spec, date(2026, 11, 16), date(2026, 11, 16))
    assert err.value.code.startswith(code)


def test_unknown_shift_suggests_the_right_key_in_both_languages():
    df = make_incidents(500, seed=4, start="2026-10-01", days=40, center=(-8.07, -79.03))
    with pytest.raises(StationMapError) as err:
        build_plan(df, _sectors(df), UnitsSpec.from_json({"per_shift": {"tardes": {"patrullero": 1}}}),
                   date(2026, 11, 16), date(2026, 11, 16))
    assert "¿Quiso decir «tarde»?" in err.value.message("es")
    assert "Did you mean “tarde”?" in err.value.message("en") and "manana, tarde, noche" in err.value.message("en")


@pytest.mark.parametrize("data, code, words_en", [
    ({"per_shift": {"manana": {"patrullero": 3}}, "cap_per_sector": 0}, "plan.bad_cap", "at least 1"),
    ({"per_shift": {"manana": {"patrullero": 3}}, "proactive_share": 40}, "plan.bad_proactive_share",
     "between 0 and 1"),
    ({"per_shift": {"manana": {"patrullero": -2}}}, "plan.bad_count", "whole number"),
    ({"per_shift": {"manana": {"patrullero": "tres"}}}, "plan.bad_count", "whole number"),
    ({"per_shif": {"manana": {"patrullero": 3}}}, "plan.units_unknown_key_hint", "Did you mean “per_shift”?"),
    ({"per_shift": {"manana": {"patrulero": 3}}}, "plan.unknown_unit_kind_hint", "Did you mean “patrullero”?"),
    ([1, 2, 3], "plan.units_not_object", "JSON object"),
])
def test_bad_units_specs_say_what_is_wrong(data, code, words_en):
    with pytest.raises(StationMapError) as err:
        UnitsSpec.from_json(data)
    assert err.value.code == code and words_en in err.value.message("en")
    assert err.value.message("es") != err.value.message("en")


def test_a_cap_that_keeps_units_home_is_a_warning():
    df = make_incidents(500, seed=4, start="2026-10-01", days=40, center=(-8.07, -79.03))
    spec = UnitsSpec.from_json({"per_shift": {"noche": {"patrullero": 10}, "manana": {"patrullero": 4},
                                              "tarde": {"patrullero": 4}}, "cap_per_sector": 2})
    plan = build_plan(df, _sectors(df), spec, date(2026, 11, 16), date(2026, 11, 16))
    assert ("plan.warn.cap_leaves_units", {"shift": "noche", "cap": 2, "sectors": 4, "kept": 2}) in plan.warnings
    assert "2 unit(s) of the Night shift stay at the station" in " ".join(plan.warning_texts("en"))


def test_a_plan_longer_than_a_month_is_refused_clearly():
    df = make_incidents(500, seed=4, start="2026-10-01", days=40, center=(-8.07, -79.03))
    with pytest.raises(StationMapError) as err:
        build_plan(df, _sectors(df), SPEC, date(2026, 11, 16), date(2027, 11, 16))
    assert err.value.code == "plan.period_too_long" and "366" in err.value.message("en")
