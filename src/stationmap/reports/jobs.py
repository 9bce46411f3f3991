"""The plan and brief as long jobs: `run(request, progress) -> result`.

The CLI (`stationmap plan`, `stationmap brief`) and the UI's worker call these
same functions, so a script and a commander get identical files.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np

from stationmap.core.messages import current_language
from stationmap.core.progress import Progress, no_progress, sub_progress
from stationmap.planning import project_geography as geo
from stationmap.planning.plan import PatrolPlan, UnitsSpec, build_plan
from stationmap.planning.sectors import Sector, balanced_sectors
from stationmap.store.project import Project

DEFAULT_SECTORS = 6
DEFAULT_UNITS = UnitsSpec(per_shift={"manana": {"patrullero": 3, "serenazgo": 2},
                                     "tarde": {"patrullero": 4, "serenazgo": 3},
                                     "noche": {"patrullero": 6, "serenazgo": 4}},
                          at_station={"noche": 1}, minimum_per_sector=0)


@dataclass
class StationContext:
    """What every report of a project needs: its incidents, sectors, basemap and name."""

    name: str
    synthetic: bool
    incidents: object
    sectors: list[Sector]
    sectors_generated: bool
    pack: object | None
    imports: object = None
    rejections: object = None


def load_station(project_path: Path, folder: Path, n_sectors: int = DEFAULT_SECTORS) -> StationContext:
    """Open the project; when it has no sectors yet, make `n_sectors` of equal workload and keep them."""
    from stationmap.maps.basemap.reader import open_pack
    from stationmap.maps.document import basemap_asset

    with Project.open(project_path) as project:
        incidents = project.incidents()
        station = project.get_meta("station", {}) or {}
        sectors = geo.sectors(project)
        generated = False
        if not sectors:
            area = geo.jurisdiction(project)
            sectors = balanced_sectors(area, incidents["lon"].to_numpy(dtype="float64", na_value=np.nan),
                                       incidents["lat"].to_numpy(dtype="float64", na_value=np.nan),
                                       incidents["weight"].to_numpy(dtype="float64", na_value=1.0), n_sectors)
            geo.save_sectors(project, sectors)
            generated = True
        pack_path = basemap_asset(project, folder)
        return StationContext(str(station.get("name") or project_path.stem), bool(station.get("synthetic")),
                              incidents, sectors, generated, open_pack(pack_path) if pack_path else None,
                              project.imports(), project.rejections())


@dataclass
class PlanRequest:
    project: Path
    start: date
    end: date
    out: Path
    units: UnitsSpec = field(default_factory=lambda: DEFAULT_UNITS)
    n_sectors: int = DEFAULT_SECTORS
    seed: int = 0
    author: str = ""


@dataclass
class PlanResult:
    plan: PatrolPlan
    files: list[Path]
    sectors_generated: bool


def run_plan(request: PlanRequest, progress: Progress = no_progress) -> PlanResult:
    from stationmap.maps.vector_features import StreetNamer
    from stationmap.reports.plan_export import export_plan

    with tempfile.TemporaryDirectory() as folder:
        progress(0.02, "proyecto")
        station = load_station(request.project, Path(folder), request.n_sectors)
        namer = StreetNamer(station.pack) if station.pack is not None and station.pack.kind == "vector" else None
        plan = build_plan(station.incidents, station.sectors, request.units, request.start, request.end,
                          seed=request.seed, author=request.author, street_namer=namer,
                          progress=sub_progress(progress, 0.05, 0.3))
        files = export_plan(plan, request.out, station=station.name, basemap=station.pack,
                            synthetic=station.synthetic, progress=sub_progress(progress, 0.3, 1.0))
        if station.pack is not None:
            station.pack.close()
    return PlanResult(plan, files, station.sectors_generated)


@dataclass
class BriefRequest:
    project: Path
    week: str             # ISO week, e.g. "2026-W46"
    out: Path
    threshold: int = 3    # participatory version: smallest count shown
    language: str | None = None   # None: the language the user chose (core.messages)


def run_brief(request: BriefRequest, progress: Progress = no_progress) -> list[Path]:
    from stationmap.analysis.density import density_surface
    from stationmap.maps.vector_features import StreetNamer, features
    from stationmap.reports.brief_content import build_brief, iso_week_bounds
    from stationmap.reports.brief_pdf import write_brief_pdf, write_participatory_pdf
    from stationmap.reports.html_documents import write_brief_html

    start, end = iso_week_bounds(request.week)
    request.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        progress(0.05, "proyecto")
        station = load_station(request.project, Path(folder))
        namer = StreetNamer(station.pack) if station.pack is not None and station.pack.kind == "vector" else None
        progress(0.2, "análisis")
        brief = build_brief(station.incidents, start, end, station=station.name, sectors=station.sectors,
                            imports=station.imports, rejections=station.rejections, synthetic=station.synthetic,
                            street_namer=namer)
        incidents = station.incidents
        lon = incidents["lon"].to_numpy(dtype="float64", na_value=np.nan)
        lat = incidents["lat"].to_numpy(dtype="float64", na_value=np.nan)
        located = brief.period_mask & np.isfinite(lon)
        density = density_surface(lon[located], lat[located], cell_m=75, bandwidth_m=250) if located.sum() else None
        import shapely

        bounds = shapely.union_all([s.geometry for s in station.sectors]).bounds
        basemap = list(features(station.pack, bounds)) if namer is not None else []
        progress(0.5, "PDF")
        label = brief.label
        language = request.language or current_language()
        files = [write_brief_pdf(brief, request.out / f"informe_semanal_{label}.pdf", sectors=station.sectors,
                                 basemap_features=basemap, density=density, language=language),
                 write_participatory_pdf(brief, incidents, station.sectors,
                                         request.out / f"informe_comunidad_{label}.pdf", threshold=request.threshold,
                                         language=language)]
        progress(0.8, "HTML")
        files.append(write_brief_html(brief, request.out / f"informe_semanal_{label}.html", sectors=station.sectors,
                                      features=basemap, density=density, language=language))
        files.append(write_brief_html(brief, request.out / f"informe_comunidad_{label}.html",
                                      sectors=station.sectors, participatory=True, incidents=incidents,
                                      threshold=request.threshold, language=language))
        if station.pack is not None:
            station.pack.close()
    progress(1.0, "")
    return files
