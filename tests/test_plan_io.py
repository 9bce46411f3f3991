"""Saved plans: plan -> JSON -> plan keeps every table, re-exports, and versions number per week."""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import pytest

from stationmap.core.errors import StationMapError
from stationmap.planning import plan_io
from stationmap.planning import project_geography as geo
from stationmap.planning.plan import UnitsSpec, build_plan
from stationmap.planning.sectors import balanced_sectors
from stationmap.reports import plan_tables
from stationmap.reports.plan_export import export_plan
from stationmap.store.project import Project

SPEC = UnitsSpec(per_shift={"manana": {"patrullero": 2, "serenazgo": 1},
                            "tarde": {"patrullero": 3, "motorizado": 1},
                            "noche": {"patrullero": 4, "integrado": 1, "a_pie": 1}},
                 at_station={"noche": 1}, minimum_per_sector=0, cap_per_sector=3,
                 locked={"PT-02": "Sector 1"}, proactive_share=0.35)


@pytest.fixture(scope="module")
def station(sample_project_file):
    with Project.open(sample_project_file) as project:
        incidents = project.incidents()
        area = geo.jurisdiction(project)
    sectors = balanced_sectors(area, incidents["lon"].to_numpy(), incidents["lat"].to_numpy(),
                               incidents["weight"].to_numpy(), 4, cell_m=150)
    return incidents, sectors


@pytest.fixture(scope="module")
def plan(station):
    incidents, sectors = station
    return build_plan(incidents, sectors, SPEC, date(2026, 11, 16), date(2026, 11, 22), seed=5,
                      author="Cmdte. Ríos")


def round_trip(plan):
    text = json.dumps(plan_io.plan_to_json(plan), ensure_ascii=False)
    return plan_io.plan_from_json(json.loads(text))


def test_round_trip_keeps_every_table_of_the_plan(plan):
    again = round_trip(plan)
    for table in (plan_tables.assignments_table, plan_tables.visits_table, plan_tables.sectors_table,
                  plan_tables.critical_points_table):
        assert table(again).equals(table(plan)), table.__name__
    assert len(plan_tables.visits_table(plan)) > 0 and len(plan.critical_points) > 3
    assert again.spec == plan.spec and again.spec.locked == {"PT-02": "Sector 1"}
    assert (again.seed, again.author, again.created_at, again.version) == (5, "Cmdte. Ríos", plan.created_at, 1)
    assert again.shifts == plan.shifts and again.days == plan.days
    np.testing.assert_allclose(again.risk.values, plan.risk.values)
    np.testing.assert_allclose(again.hour_weekday, plan.hour_weekday)
    assert [s.geometry.equals_exact(t.geometry, 1e-12) for s, t in zip(again.sectors, plan.sectors)] == [True] * 4


def test_saved_plan_carries_no_incident_ids(plan):
    assert plan.critical_points[0].member_ids.size > 0
    data = plan_io.plan_to_json(plan)
    assert all("member_ids" not in p for p in data["critical_points"])


def test_a_reloaded_plan_exports_like_the_original(plan, tmp_path):
    files = export_plan(round_trip(plan), tmp_path / "again", station="Comisaría de prueba")
    names = {f.name for f in files}
    assert {"plan_patrullaje.pdf", "plan_patrullaje.html", "tarjetas_de_ruta.pdf", "plan.xlsx",
            "plan.geojson", "plan.kml", "puntos_criticos.gpx"} <= names
    original = export_plan(plan, tmp_path / "original", station="Comisaría de prueba")
    for name in ("plan_asignaciones.csv", "plan_visitas.csv", "plan.geojson", "puntos_criticos.gpx"):
        assert (tmp_path / "again" / name).read_bytes() == (tmp_path / "original" / name).read_bytes(), name
    assert len(files) == len(original)


def test_versions_number_per_week_and_list_newest_first(plan, tmp_path):
    with Project.create(tmp_path / "p.stationmap") as project:
        first = plan_io.save_plan(project, plan)
        second = plan_io.save_plan(project, plan)
        plan.period_start, plan.period_end = date(2026, 11, 23), date(2026, 11, 29)
        try:
            other_week = plan_io.save_plan(project, plan)
        finally:
            plan.period_start, plan.period_end, plan.version = date(2026, 11, 16), date(2026, 11, 22), 1
        assert (first.version, second.version, other_week.version) == (1, 2, 1)
        assert second.name == "plan:2026-11-16:2"
        listed = plan_io.saved_plans(project)
        assert [(p.period_start.day, p.version) for p in listed] == [(23, 1), (16, 2), (16, 1)]
        assert listed[1].units == sum(len(a.assignments) for a in plan.allocations.values())
        assert listed[1].author == "Cmdte. Ríos"
        loaded = plan_io.load_plan(project, second.name)
        assert loaded.version == 2
        assert plan_tables.assignments_table(loaded).equals(plan_tables.assignments_table(plan))
        assert plan_io.previous_week_plan(project, date(2026, 11, 23)).name == "plan:2026-11-16:2"
        assert plan_io.previous_week_plan(project, date(2026, 11, 16)) is None


def test_damaged_or_missing_saved_plans_raise_coded_errors(plan, tmp_path):
    with Project.create(tmp_path / "p.stationmap") as project:
        with pytest.raises(StationMapError) as missing:
            plan_io.load_plan(project, "plan:2026-11-16:9")
        assert missing.value.code == "plan_ui.saved_plan_missing"
        project.put_asset("plan:2026-11-16:1", "plan", b"{not json", {"period_start": "2026-11-16"})
        assert plan_io.saved_plans(project) == []   # meta incomplete: not offered
        with pytest.raises(StationMapError) as damaged:
            plan_io.load_plan(project, "plan:2026-11-16:1")
        assert damaged.value.code == "plan_ui.bad_saved_plan"
    data = plan_io.plan_to_json(plan)
    del data["allocations"]
    with pytest.raises(StationMapError) as truncated:
        plan_io.plan_from_json(data)
    assert truncated.value.code == "plan_ui.bad_saved_plan"
    with pytest.raises(StationMapError):
        plan_io.plan_from_json({**plan_io.plan_to_json(plan), "format_version": 99})


def test_a_reloaded_plan_keeps_its_warnings_and_explains_itself_in_either_language(plan):
    from dataclasses import replace

    # (the module's plan is shared: a copy carries the warning)
    warning = ("plan.warn.no_recent_incidents", {"weeks": 8, "start": "16/11/2026"})
    plan = replace(plan, warnings=[*plan.warnings, warning])
    loaded = round_trip(plan)
    assert loaded.warnings == plan.warnings and loaded.warnings
    assert loaded.warning_texts("en") == plan.warning_texts("en")
    for key, allocation in plan.allocations.items():
        for before, after in zip(allocation.assignments, loaded.allocations[key].assignments):
            assert after.reason_in("en") == before.reason_in("en") and after.reason_in("es") == before.reason
    locked = next(a for a in loaded.allocations[(date(2026, 11, 16), "manana")].assignments if a.unit.id == "PT-02")
    assert locked.reason_in("en").endswith("(locked by the commander)")
    assert locked.reason_in("es").endswith("(fijado por el comisario)")
