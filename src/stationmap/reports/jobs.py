"""The plan and brief as long jobs: `run(request, progress) -> result`.

The CLI (`stationmap plan`, `stationmap brief`) and the UI's worker call these
same functions, so a script and a commander get identical files.
"""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np

from stationmap.core.errors import ProjectError, StationMapError
from stationmap.core.messages import current_language, render
from stationmap.core.progress import Progress, no_progress, sub_progress
from stationmap.planning import project_geography as geo
from stationmap.planning.plan import PatrolPlan, UnitsSpec, build_plan
from stationmap.planning.sectors import Sector, balanced_sectors
from stationmap.store.project import Project

log = logging.getLogger(__name__)

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
    sectors_kept: bool = False   # sectors made here were saved in the project (not on a locked stick)

    @property
    def provisional_sectors(self) -> int:
        """How many sectors were made for this report only (0 when the project's own are used)."""
        return len(self.sectors) if self.sectors_generated else 0


def load_station(project_path: Path, folder: Path, n_sectors: int = DEFAULT_SECTORS, *,
                 keep_sectors: bool = True, check=None) -> StationContext:
    """Open the project; when it has no sectors yet, make `n_sectors` of equal workload and, with
    `keep_sectors`, save them in it. `check(project, incidents)` runs before any sector is made, so a
    job can refuse its input first (the brief: a week the data do not cover, a project of counts only)."""
    from stationmap.maps.basemap.reader import open_pack
    from stationmap.maps.document import basemap_asset

    with Project.open(project_path) as project:
        incidents = project.incidents()
        if check is not None:
            check(project, incidents)
        station = project.get_meta("station", {}) or {}
        sectors = geo.sectors(project)
        generated = kept = False
        if not sectors:
            area = geo.jurisdiction(project)
            sectors = balanced_sectors(area, incidents["lon"].to_numpy(dtype="float64", na_value=np.nan),
                                       incidents["lat"].to_numpy(dtype="float64", na_value=np.nan),
                                       incidents["weight"].to_numpy(dtype="float64", na_value=1.0), n_sectors)
            kept = keep_sectors and _keep_sectors(project, sectors)
            generated = True
        pack_path = basemap_asset(project, folder)
        return StationContext(str(station.get("name") or project_path.stem), bool(station.get("synthetic")),
                              incidents, sectors, generated, open_pack(pack_path) if pack_path else None,
                              project.imports(), project.rejections(), kept)


# Refusals that leave a job its sectors in memory: the file cannot be written now (a locked stick).
_WRITE_REFUSED = ("project.read_only", "project.read_only_unfinished_save", "project.disk_full",
                  "project.io_error", "project.busy")


def _keep_sectors(project: Project, sectors: list[Sector]) -> bool:
    """Save sectors just made with the project, unless it cannot be written now (a write-protected
    stick): the plan or brief is still made from them, and a later writable run keeps its own.
    Whether they were saved (the user is told either way)."""
    if not project.writable():
        log.info("sectors made for %s not kept: the project cannot be written", project.path)
        return False
    try:
        geo.save_sectors(project, sectors)
    except ProjectError as error:
        if error.code not in _WRITE_REFUSED:
            raise
        log.info("sectors made for %s not kept: %s", project.path, error.code)
        return False
    return True


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
    sectors_kept: bool = False


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
    return PlanResult(plan, files, station.sectors_generated, station.sectors_kept)


@dataclass
class BriefRequest:
    project: Path
    week: str             # ISO week, e.g. "2026-W46"
    out: Path
    threshold: int = 3    # participatory version: smallest count shown
    language: str | None = None   # None: the language the user chose (core.messages)


class BriefFiles(list):
    """The files a brief wrote (a plain list to its callers), and how many provisional sectors it used."""

    provisional_sectors: int = 0


def check_out_folder(out: Path, product: str = "brief") -> None:
    """Raise StationMapError when the `product`'s files ("brief" or "plan", which name the codes)
    could not be written into `out`; nothing is created."""
    import os

    if out.exists() and not out.is_dir():
        raise StationMapError(f"{product}.out_is_file", path=str(out))
    existing = out
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise StationMapError(f"{product}.out_under_file", path=str(out), blocker=str(existing))
    if not os.access(existing, os.W_OK | os.X_OK):
        raise StationMapError(f"{product}.out_no_permission", path=str(out), folder=str(existing))


def _check_brief_input(start: date, end: date):
    """The brief's refusals, made before any sector is computed or any file written."""
    from stationmap.reports.brief_weeks import check_week_covered

    def check(project: Project, incidents) -> None:
        dated = incidents["start_ts"].notna().any() if len(incidents) else False
        if not dated and len(project.counts()):
            raise StationMapError("brief.counts_only")   # SIDPOL-style counts: no week to brief
        check_week_covered(incidents, start, end)
    return check


def make_out_folder(out: Path, product: str = "brief") -> None:
    """Make the folder `check_out_folder` accepted; a disk that refuses is said with the product's code."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StationMapError(f"{product}.out_failed", path=str(out),
                              detail=error.strerror or str(error)) from None


def run_brief(request: BriefRequest, progress: Progress = no_progress) -> BriefFiles:
    """Write the weekly brief and its community version (PDF and HTML) into `request.out`.

    Reads the project and never writes to it: a project without sectors gets provisional ones made
    in memory for this brief, and the brief says so. The folder is made only once there is a brief
    to write, so a refused week leaves nothing behind.
    """
    from stationmap.reports.brief_content import iso_week_bounds

    if request.threshold < 1:
        raise StationMapError("brief.bad_threshold", threshold=request.threshold)
    start, end = iso_week_bounds(request.week)
    check_out_folder(request.out)
    language = request.language or current_language()
    say = lambda key: render(f"brief.progress.{key}", language=language)  # noqa: E731
    with tempfile.TemporaryDirectory() as folder:
        progress(0.05, say("project"))
        station = load_station(request.project, Path(folder), keep_sectors=False,
                               check=_check_brief_input(start, end))
        try:
            files = BriefFiles(_brief_files(station, request, start, end, language, progress, say))
            files.provisional_sectors = station.provisional_sectors
        finally:
            if station.pack is not None:
                station.pack.close()
    progress(1.0, "")
    return files


def _brief_files(station: StationContext, request: BriefRequest, start: date, end: date, language: str,
                 progress: Progress, say) -> list[Path]:
    """Analyse the week, then make the folder and write the four documents into it."""
    import shapely

    from stationmap.analysis.density import density_surface
    from stationmap.maps.vector_features import StreetNamer, features
    from stationmap.reports.brief_content import build_brief

    namer = StreetNamer(station.pack) if station.pack is not None and station.pack.kind == "vector" else None
    progress(0.2, say("analysis"))
    brief = build_brief(station.incidents, start, end, station=station.name, sectors=station.sectors,
                        imports=station.imports, rejections=station.rejections, synthetic=station.synthetic,
                        street_namer=namer)
    brief.provisional_sectors = station.provisional_sectors
    lon = station.incidents["lon"].to_numpy(dtype="float64", na_value=np.nan)
    lat = station.incidents["lat"].to_numpy(dtype="float64", na_value=np.nan)
    located = brief.period_mask & np.isfinite(lon)
    density = density_surface(lon[located], lat[located], cell_m=75, bandwidth_m=250) if located.sum() else None
    bounds = shapely.union_all([s.geometry for s in station.sectors]).bounds
    basemap = list(features(station.pack, bounds)) if namer is not None else []
    make_out_folder(request.out)
    try:
        return _write_brief_files(brief, station, request, basemap, density, language, progress, say)
    except OSError as error:   # a full disk, a file open in another program (Windows)
        raise StationMapError("brief.out_failed", path=str(request.out),
                              detail=error.strerror or str(error)) from None


def _write_brief_files(brief, station: StationContext, request: BriefRequest, basemap, density, language: str,
                       progress: Progress, say) -> list[Path]:
    from stationmap.reports.brief_pdf import write_brief_pdf, write_participatory_pdf
    from stationmap.reports.html_documents import write_brief_html

    label, out, incidents = brief.label, request.out, station.incidents
    progress(0.5, say("pdf"))
    files = [write_brief_pdf(brief, out / f"informe_semanal_{label}.pdf", sectors=station.sectors,
                             basemap_features=basemap, density=density, language=language),
             write_participatory_pdf(brief, incidents, station.sectors, out / f"informe_comunidad_{label}.pdf",
                                     threshold=request.threshold, language=language)]
    progress(0.8, say("html"))
    files.append(write_brief_html(brief, out / f"informe_semanal_{label}.html", sectors=station.sectors,
                                  features=basemap, density=density, language=language))
    files.append(write_brief_html(brief, out / f"informe_comunidad_{label}.html", sectors=station.sectors,
                                  participatory=True, incidents=incidents, threshold=request.threshold,
                                  language=language))
    return files
