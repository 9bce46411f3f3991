"""A whole week's plan from incidents, sectors and a roster."""

from __future__ import annotations

from datetime import date

import pytest
from shapely.geometry import box

from factories import make_incidents
from stationmap.core.errors import StationMapError
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
