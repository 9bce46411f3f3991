"""A patrol plan as JSON, and its saved versions inside the project file.

A saved plan holds everything needed to show and re-export it without the
incidents it was built from: sectors, risk, critical points, allocations,
visits, the units spec (with the commander's locks), seed, author, creation
time and version. Versions are numbered per period start: the second plan
saved for the week of 16/11/2026 is version 2 of that week. Critical points
are saved without their member incident ids, so a saved plan carries no
incident rows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

import numpy as np
from shapely.geometry import mapping, shape

from stationmap.analysis.critical_points import CriticalPoint
from stationmap.core.errors import StationMapError
from stationmap.core.shifts import Shift, ShiftPlan
from stationmap.planning.allocation import Assignment, ShiftAllocation, Unit
from stationmap.planning.dosage import Visit
from stationmap.planning.plan import PatrolPlan, UnitsSpec
from stationmap.planning.risk import RiskTable
from stationmap.planning.sectors import Sector
from stationmap.store.project import Project

FORMAT = "stationmap-plan"
FORMAT_VERSION = 1
ASSET_KIND = "plan"


def plan_to_json(plan: PatrolPlan) -> dict:
    return {
        "format": FORMAT, "format_version": FORMAT_VERSION,
        "period_start": plan.period_start.isoformat(), "period_end": plan.period_end.isoformat(),
        "shifts": [{"key": s.key, "start_hour": s.start_hour, "hours": s.hours} for s in plan.shifts.shifts],
        "sectors": [{"name": s.name, "geometry": mapping(s.geometry)} for s in plan.sectors],
        "risk": {"groups": plan.risk.groups, "values": plan.risk.values.tolist(),
                 "lookback_weeks": plan.risk.lookback_weeks, "incidents_used": plan.risk.incidents_used},
        "critical_points": [_point_to_json(p) for p in plan.critical_points],
        "point_sector": [int(g) for g in plan.point_sector],
        "allocations": [{"date": day.isoformat(), "shift": shift,
                         "assignments": [{"unit": a.unit.id, "kind": a.unit.kind, "sector": a.sector,
                                          "locked": a.locked, "reason": a.reason, "why": a.why,
                                          "why_data": dict(a.why_data)}
                                         for a in allocation.assignments]}
                        for (day, shift), allocation in plan.allocations.items()],
        "visits": [{"date": day.isoformat(), "shift": shift, "unit": unit,
                    "visits": [[v.place, v.start_minute, v.minutes] for v in visits]}
                   for (day, shift, unit), visits in plan.visits.items()],
        "spec": plan.spec.to_json(), "seed": plan.seed, "created_at": plan.created_at,
        "author": plan.author, "version": plan.version,
        "hour_weekday": np.asarray(plan.hour_weekday, dtype=float).tolist(),
        "warnings": [[code, values] for code, values in plan.warnings],
    }


def plan_from_json(data: dict) -> PatrolPlan:
    """The plan `plan_to_json` wrote; anything else raises `plan_ui.bad_saved_plan`."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise StationMapError("plan_ui.bad_saved_plan", detail="format")
    if int(data.get("format_version", 0)) > FORMAT_VERSION:
        raise StationMapError("plan_ui.bad_saved_plan", detail="format_version")
    try:
        shifts = ShiftPlan(tuple(Shift(str(s["key"]), int(s["start_hour"]), int(s["hours"]))
                                 for s in data["shifts"]))
        risk = data["risk"]
        return PatrolPlan(
            period_start=date.fromisoformat(data["period_start"]),
            period_end=date.fromisoformat(data["period_end"]),
            shifts=shifts,
            sectors=[Sector(str(s["name"]), shape(s["geometry"])) for s in data["sectors"]],
            risk=RiskTable([str(g) for g in risk["groups"]], shifts, np.asarray(risk["values"], dtype=float),
                           int(risk["lookback_weeks"]), int(risk["incidents_used"])),
            critical_points=[_point_from_json(p) for p in data["critical_points"]],
            point_sector=[int(g) for g in data["point_sector"]],
            allocations={(date.fromisoformat(a["date"]), str(a["shift"])): ShiftAllocation(
                str(a["shift"]), [_assignment(x) for x in a["assignments"]])
                for a in data["allocations"]},
            visits={(date.fromisoformat(v["date"]), str(v["shift"]), str(v["unit"])):
                    [Visit(str(place), int(start), int(minutes)) for place, start, minutes in v["visits"]]
                    for v in data["visits"]},
            spec=UnitsSpec.from_json(data["spec"]),
            seed=int(data["seed"]), created_at=str(data["created_at"]), author=str(data.get("author", "")),
            version=int(data.get("version", 1)),
            hour_weekday=np.asarray(data.get("hour_weekday", np.zeros((7, 24))), dtype=float),
            warnings=[(str(code), dict(values)) for code, values in data.get("warnings", [])])
    except StationMapError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise StationMapError("plan_ui.bad_saved_plan", detail=type(exc).__name__) from exc


def _assignment(data: dict) -> Assignment:
    """One assignment; plans saved before reasons had codes keep their Spanish text."""
    return Assignment(Unit(str(data["unit"]), str(data["kind"])), data["sector"], bool(data["locked"]),
                      str(data["reason"]), str(data.get("why", "")),
                      tuple(sorted(dict(data.get("why_data", {})).items())))


def _point_to_json(point: CriticalPoint) -> dict:
    return {"code": point.code, "lon": point.lon, "lat": point.lat, "weight": point.weight,
            "incidents": point.incidents, "cells": point.cells, "cell_m": point.cell_m, "street": point.street,
            "categories": dict(point.categories), "peak_hours": [int(h) for h in point.peak_hours]}


def _point_from_json(data: dict) -> CriticalPoint:
    return CriticalPoint(str(data["code"]), float(data["lon"]), float(data["lat"]), float(data["weight"]),
                         int(data["incidents"]), int(data["cells"]), float(data["cell_m"]), str(data["street"]),
                         {str(k): int(v) for k, v in data["categories"].items()},
                         [int(h) for h in data["peak_hours"]])


# --- versions in the project -------------------------------------------------------------------
@dataclass(frozen=True)
class SavedPlan:
    """One saved version as the list of plans shows it (read without decoding the plan)."""

    name: str
    period_start: date
    period_end: date
    version: int
    author: str
    created_at: str
    units: int          # unit-shifts planned over the period


def asset_name(period_start: date, version: int) -> str:
    return f"plan:{period_start.isoformat()}:{version}"


def saved_plans(project: Project) -> list[SavedPlan]:
    """Saved versions, newest period first, then newest version first."""
    found = []
    for asset in project.assets(ASSET_KIND):
        meta = asset["meta"]
        try:
            found.append(SavedPlan(asset["name"], date.fromisoformat(meta["period_start"]),
                                   date.fromisoformat(meta["period_end"]), int(meta["version"]),
                                   str(meta.get("author", "")), str(meta.get("created_at", "")),
                                   int(meta.get("units", 0))))
        except (KeyError, TypeError, ValueError):
            continue   # not written by save_plan: it is not offered as a plan
    return sorted(found, key=lambda p: (p.period_start, p.version), reverse=True)


def save_plan(project: Project, plan: PatrolPlan) -> SavedPlan:
    """Store the plan as the next version of its period; `plan.version` becomes that number."""
    versions = [p.version for p in saved_plans(project) if p.period_start == plan.period_start]
    plan.version = max(versions, default=0) + 1
    units = sum(len(a.assignments) for a in plan.allocations.values())
    saved = SavedPlan(asset_name(plan.period_start, plan.version), plan.period_start, plan.period_end,
                      plan.version, plan.author, plan.created_at, units)
    meta = {"period_start": plan.period_start.isoformat(), "period_end": plan.period_end.isoformat(),
            "version": plan.version, "author": plan.author, "created_at": plan.created_at, "units": units}
    text = json.dumps(plan_to_json(plan), ensure_ascii=False, separators=(",", ":"))
    project.put_asset(saved.name, ASSET_KIND, text.encode("utf-8"), meta)
    return saved


def load_plan(project: Project, name: str) -> PatrolPlan:
    raw = project.asset(name)
    if raw is None:
        raise StationMapError("plan_ui.saved_plan_missing", name=name)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StationMapError("plan_ui.bad_saved_plan", detail="json") from exc
    return plan_from_json(data)


def previous_week_plan(project: Project, period_start: date) -> SavedPlan | None:
    """The newest version of the latest plan that starts before `period_start` (usually last week's)."""
    earlier = [p for p in saved_plans(project) if p.period_start < period_start]
    return earlier[0] if earlier else None
