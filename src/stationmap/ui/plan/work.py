"""The plan editor's long work as plain `run(request, progress)` functions (no Qt).

Each opens the project file by path on the worker thread (its own SQLite
connection) so the window's connection is never shared across threads. They
go through the same functions as `stationmap plan`: reports.jobs.load_station
(which makes equal-workload sectors when the project has none, and keeps
them), planning.plan.build_plan and reports.plan_export.export_plan.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from stationmap.core.progress import Progress, sub_progress
from stationmap.planning.plan import PatrolPlan, UnitsSpec, build_plan
from stationmap.planning.sectors import Sector


@dataclass
class BuildRequest:
    project: Path
    spec: UnitsSpec
    start: date
    end: date
    seed: int = 0
    author: str = ""
    n_sectors: int = 6                                 # only used when the project has no sectors
    sectors: list[Sector] = field(default_factory=list)  # a rebalance keeps the plan's own sectors


@dataclass
class BuildResult:
    plan: PatrolPlan
    sectors_generated: bool
    sectors_kept: bool = False


def build_project_plan(request: BuildRequest, progress: Progress) -> BuildResult:
    from stationmap.maps.vector_features import StreetNamer
    from stationmap.reports.jobs import load_station

    with tempfile.TemporaryDirectory() as folder:
        progress(0.02, "proyecto")
        station = load_station(request.project, Path(folder), request.n_sectors)
        try:
            namer = StreetNamer(station.pack) if station.pack is not None and station.pack.kind == "vector" else None
            plan = build_plan(station.incidents, request.sectors or station.sectors, request.spec, request.start,
                              request.end, seed=request.seed, author=request.author, street_namer=namer,
                              progress=sub_progress(progress, 0.1, 1.0))
        finally:
            if station.pack is not None:
                station.pack.close()
    return BuildResult(plan, station.sectors_generated, station.sectors_kept)


@dataclass
class ExportRequest:
    project: Path
    plan: PatrolPlan
    out: Path


def export_project_plan(request: ExportRequest, progress: Progress) -> list[Path]:
    """Every export of the plan, with the project's basemap and station name."""
    from stationmap.maps.basemap.reader import open_pack
    from stationmap.maps.document import basemap_asset
    from stationmap.reports.plan_export import export_plan
    from stationmap.store.project import Project

    with tempfile.TemporaryDirectory() as folder:
        progress(0.02, "proyecto")
        with Project.open(request.project) as project:
            station = project.get_meta("station", {}) or {}
            pack_path = basemap_asset(project, Path(folder))
        pack = open_pack(pack_path) if pack_path else None
        try:
            return export_plan(request.plan, request.out, station=str(station.get("name") or request.project.stem),
                               basemap=pack, synthetic=bool(station.get("synthetic")),
                               progress=sub_progress(progress, 0.05, 1.0))
        finally:
            if pack is not None:
                pack.close()


def next_week(incidents: Any, today: date | None = None) -> tuple[date, date]:
    """Monday to Sunday of the week after the data's last day (after today without data)."""
    last = today or date.today()
    if incidents is not None and len(incidents):
        import pandas as pd

        latest = incidents["start_ts"].max()
        if not pd.isna(latest):   # some incident has a date
            last = (datetime(1970, 1, 1) + timedelta(seconds=int(latest))).date()
    start = last + timedelta(days=7 - last.weekday())
    return start, start + timedelta(days=6)
