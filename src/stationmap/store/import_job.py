"""The import job: files in, rows accounted for, one transaction.

`run(request, progress)` reads every file (io.readers), normalises it
(io.normalize) with the project's category table and jurisdiction, and stores
the rows whose `source_key` the project does not hold yet, so a row seen before
counts as a duplicate instead of being stored twice: incidents as column chunks
(store.incident_chunks), aggregated counts with INSERT OR IGNORE. All files of a request are one
transaction: a crash, `kill -9` or `Cancelled` from the progress callback
leaves the project exactly as it was.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from stationmap.core.errors import InputFileError, MappingError, StationMapError
from stationmap.core.messages import render
from stationmap.core.model import (COUNT_COLUMNS, FileSummary, ImportReport,
                                   Rejection, TableKind, Warning_)
from stationmap.core.progress import Progress, no_progress, sub_progress
from stationmap.store import incident_chunks
from stationmap.store.project import Project, now_text
from stationmap.store.tables import insert_frame

if TYPE_CHECKING:
    import pandas as pd

    from stationmap.io.mapping import ColumnMapping

# Aggregated rows per INSERT batch: small enough for a responsive Cancel, large enough
# that the per-batch cost (progress callback, column conversion) does not show.
CHUNK_ROWS = 50_000
# Share of a file's progress spent reading and normalising; the rest is inserting.
READ_SHARE = 0.5


@dataclass
class ImportRequest:
    project: Path
    paths: list[Path]
    mapping: "ColumnMapping | None" = None   # None -> a matching saved profile, else the guess
    sheet: str | None = None


def run(request: ImportRequest, progress: Progress = no_progress) -> ImportReport:
    """Import `request.paths` into `request.project` (created if missing)."""
    from stationmap.io.readers import expand_inputs

    files = expand_inputs(request.paths)
    if not files:
        raise InputFileError("project.no_input_files",
                             paths=", ".join(str(p) for p in request.paths))
    with Project.open_or_create(request.project) as project:
        return _import_files(project, files, request, progress)


def _import_files(project: Project, files: list[Path], request: ImportRequest,
                  progress: Progress) -> ImportReport:
    categories = project.category_table()
    area = jurisdiction_area(project)
    profiles = project.mapping_profiles() if request.mapping is None else {}
    report = ImportReport()
    unreadable: list[StationMapError] = []
    # The files' checksums (import history) are computed beside the reading: hashlib
    # releases the GIL, so on two cores they cost next to nothing.
    hashing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sha256")
    checksums = hashing.submit(lambda: [_checksum_or_blank(f) for f in files])
    hashing.shutdown(wait=False)
    with project.transaction() as db:
        import_id = _begin_import(db, files)
        known = incident_chunks.KnownKeys(db)
        for index, file in enumerate(files):
            file_progress = sub_progress(progress, index / len(files), (index + 1) / len(files))
            try:
                _import_one(db, import_id, file, request, profiles, categories, area,
                            known, report, file_progress)
            except (InputFileError, MappingError) as error:
                if len(files) == 1:
                    raise
                # One unreadable month in a folder should not block the other eleven.
                unreadable.append(error)
                report.warnings.append(Warning_(str(file), error.code, dict(error.data)))
        if len(unreadable) == len(files):
            raise unreadable[0]
        progress(1.0, render("project.progress_committing"))
        _finish_import(db, import_id, report, checksums.result())
    return report


def _import_one(db: sqlite3.Connection, import_id: int, file: Path, request: ImportRequest,
                profiles: dict, categories: Any, area: Any, known: incident_chunks.KnownKeys,
                report: ImportReport, progress: Progress) -> None:
    from stationmap.io.normalize import normalize
    from stationmap.io.readers import read_table

    progress(0.0, render("project.progress_reading", {"file": file.name}))
    raw = read_table(file, sheet=request.sheet)
    mapping = request.mapping or matching_profile(profiles, list(raw.frame.columns))
    normalized = normalize(raw, mapping, categories=categories, area=area)
    rejections = list(raw.bad_rows) + list(normalized.rejections)
    summary = FileSummary(file=str(file), kind=normalized.kind,
                          rows_read=len(raw.frame) + len(raw.bad_rows),
                          encoding=raw.encoding, delimiter=raw.delimiter,
                          mapping=dict(normalized.mapping.fields))
    saving = sub_progress(progress, READ_SHARE, 1.0)
    if normalized.kind == TableKind.AGGREGATED:
        summary.imported = _insert_counts(db, import_id, normalized.table, file, saving)
    else:
        summary.imported = _store_incidents(db, import_id, normalized.table, file, known, saving)
    summary.duplicates = len(normalized.table) - summary.imported
    summary.rejected = len(rejections)
    _store_rejections(db, import_id, rejections)
    report.files.append(summary)
    report.rejections.extend(rejections)
    report.warnings.extend(list(raw.warnings) + list(normalized.warnings))


def _saving_progress(progress: Progress, file: Path) -> Callable[[int, int], None]:
    def report(done: int, total: int) -> None:
        progress(done / total if total else 1.0,
                 render("project.progress_saving", {"file": file.name, "done": done, "total": total}))
    return report


def _store_incidents(db: sqlite3.Connection, import_id: int, table: "pd.DataFrame", file: Path,
                     known: incident_chunks.KnownKeys, progress: Progress) -> int:
    saved = incident_chunks.append(db, import_id, incident_chunks.to_arrow(table), known,
                                   _saving_progress(progress, file))
    _saving_progress(progress, file)(len(table), len(table))
    return saved


def _insert_counts(db: sqlite3.Connection, import_id: int, table: "pd.DataFrame", file: Path,
                   progress: Progress) -> int:
    report = _saving_progress(progress, file)
    inserted = 0
    for start in range(0, len(table), CHUNK_ROWS):
        report(start, len(table))
        chunk = table.iloc[start:start + CHUNK_ROWS]
        inserted += insert_frame(db, "counts", chunk, COUNT_COLUMNS, {"import_id": import_id},
                                 or_ignore=True)
        inserted += _update_revised_counts(db, import_id, chunk)
    report(len(table), len(table))
    return inserted


def _update_revised_counts(db: sqlite3.Connection, import_id: int, chunk: "pd.DataFrame") -> int:
    """A later export's different count for a cell already stored replaces it (and counts as imported)."""
    counts = chunk["count"].astype("int64").tolist()
    keys = chunk["source_key"].astype(str).tolist()
    cursor = db.executemany("UPDATE counts SET count = ?, import_id = ? WHERE source_key = ? AND count != ?",
                            zip(counts, [import_id] * len(keys), keys, counts))
    return max(cursor.rowcount, 0)


def matching_profile(profiles: dict[str, "ColumnMapping"],
                     columns: list[str]) -> "ColumnMapping | None":
    """The saved profile that maps the most fields, among those whose columns all exist here."""
    present = set(columns)
    fitting = [m for m in profiles.values() if m.fields and set(m.fields.values()) <= present]
    return max(fitting, key=lambda m: len(m.fields), default=None)


def jurisdiction_area(project: Project) -> Any:
    """The station's jurisdiction (asset "jurisdiction", GeoJSON) as one shapely geometry."""
    data = project.asset("jurisdiction")
    if data is None:
        return None
    from shapely.geometry import shape
    from shapely.ops import unary_union

    document = json.loads(data)
    features = document.get("features", [document]) if isinstance(document, dict) else []
    shapes = [shape(f.get("geometry", f)) for f in features if f.get("geometry", f)]
    return unary_union(shapes) if shapes else None


def _checksum_or_blank(path: Path) -> str:
    """The file's sha256, or "" when it cannot be read (the reader says why, in words)."""
    try:
        return file_sha256(path)
    except OSError:
        return ""


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _begin_import(db: sqlite3.Connection, files: list[Path]) -> int:
    cursor = db.execute(
        "INSERT INTO imports (started_at, files, sha256s) VALUES (?, ?, '[]')",
        (now_text(), json.dumps([str(f) for f in files], ensure_ascii=False)))
    return int(cursor.lastrowid)


def _store_rejections(db: sqlite3.Connection, import_id: int,
                      rejections: list[Rejection]) -> None:
    db.executemany(
        "INSERT INTO rejections (import_id, file, row, code, data) VALUES (?, ?, ?, ?, ?)",
        ((import_id, r.file, int(r.row), r.code, json.dumps(r.data, ensure_ascii=False,
                                                            default=str))
         for r in rejections))


def _finish_import(db: sqlite3.Connection, import_id: int, report: ImportReport,
                   checksums: list[str]) -> None:
    # The rejected rows already sit in their own table; the stored report keeps the summary.
    summary = {"import_id": import_id, "rows_read": report.rows_read,
               "imported": report.imported, "duplicates": report.duplicates,
               "rejected": report.rejected, "kind": report.kind.value,
               "files": [f.to_json() for f in report.files],
               "warnings": [w.to_json() for w in report.warnings]}
    db.execute(
        "UPDATE imports SET finished_at = ?, sha256s = ?, rows_read = ?, imported = ?, duplicates = ?, "
        "rejected = ?, report_json = ? WHERE id = ?",
        (now_text(), json.dumps(checksums), report.rows_read, report.imported, report.duplicates, report.rejected,
         json.dumps(summary, ensure_ascii=False, default=str), import_id))
