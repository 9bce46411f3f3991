"""The training station: sample_data/ turned into a ready project through the normal import.

The project is built under a temporary name and renamed at the end, so an
interrupted build never leaves a half-made sample where the app would open it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from stationmap.core.errors import ProjectError
from stationmap.core.model import ImportReport, Warning_
from stationmap.core.progress import Progress, no_progress, sub_progress
from stationmap.store import import_job
from stationmap.store.file_errors import path_too_long
from stationmap.store.paths import install_root
from stationmap.store.project import Project

SAMPLE_ENV = "STATIONMAP_SAMPLE_DIR"
STATION_META = {"name": "Comisaría PNP El Porvenir (datos sintéticos)", "synthetic": True}
# asset name -> file under sample_data/geo (real geography, see sample_data/PROVENANCE.md)
GEO_ASSETS = {
    "jurisdiction": "jurisdiccion_el_porvenir.geojson",
    "districts": "distritos_trujillo.geojson",
    "stations": "comisarias_trujillo.geojson",
}
BASEMAP_FILE = "trujillo.pmtiles"
OSM_CREDIT = "© OpenStreetMap contributors"
INCIDENT_PATTERNS = ("*.csv", "*.xlsx")


@dataclass
class SampleResult:
    path: Path
    report: ImportReport
    skipped: list[str] = field(default_factory=list)   # optional files not present


def sample_data_dir() -> Path:
    """`$STATIONMAP_SAMPLE_DIR`, a frozen build's bundled copy, or the source checkout's folder."""
    configured = os.environ.get(SAMPLE_ENV)
    return Path(configured) if configured else install_root() / "sample_data"


def write_sample_project(path: str | Path, source: Path | None = None,
                         progress: Progress = no_progress) -> SampleResult:
    """Build the sample station project at `path` (which must not exist yet)."""
    target = Path(path)
    # The build happens under "<name>.partial": that name must fit too.
    if path_too_long(target.with_name(target.name + ".partial")):
        raise ProjectError("project.path_too_long", path=str(target))
    if target.exists():
        raise ProjectError("project.already_exists", path=str(target))
    source = source or sample_data_dir()
    incident_files = sorted(p for pattern in INCIDENT_PATTERNS
                            for p in (source / "station").glob(pattern))
    if not incident_files:
        raise ProjectError("project.sample_file_missing", file=str(source / "station"))
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    skipped: list[str] = []
    try:
        with Project.create(partial) as project:
            # Geography first: the import flags points outside the jurisdiction.
            skipped = _store_geography(project, source)
            project.set_meta("station", STATION_META)
        report = import_job.run(import_job.ImportRequest(partial, incident_files),
                                sub_progress(progress, 0.1, 1.0))
        report.warnings.extend(Warning_(name, "project.sample_file_missing", {"file": name})
                               for name in skipped)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return SampleResult(target, report, skipped)


def _store_geography(project: Project, source: Path) -> list[str]:
    skipped = []
    with project.transaction():
        for name, file_name in GEO_ASSETS.items():
            file = source / "geo" / file_name
            if not file.exists():
                skipped.append(str(file))
                continue
            project.put_asset(name, "geojson", file.read_bytes(), {"file": file_name})
        packs = sorted((source / "basemap").glob("*.pmtiles"))
        for pack in packs:
            project.put_asset(pack.stem, "basemap", pack.read_bytes(),
                              {"file": pack.name, "format": "pmtiles", "attribution": OSM_CREDIT})
        if not packs:
            skipped.append(str(source / "basemap" / BASEMAP_FILE))
    return skipped
