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
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from stationmap.core.errors import InputFileError, MappingError, ProjectError, StationMapError
from stationmap.core.messages import render
from stationmap.core.model import (COUNT_COLUMNS, FileSummary, ImportReport,
                                   Rejection, TableKind, Warning_)
from stationmap.core.progress import Progress, no_progress, sub_progress
from stationmap.store import incident_chunks
from stationmap.store.project import Project, now_text
from stationmap.store.schema import LEGACY_ROW_KEYS
from stationmap.store.tables import insert_frame

if TYPE_CHECKING:
    import pandas as pd

    from stationmap.io.mapping import ColumnMapping

# Aggregated rows per INSERT batch: small enough for a responsive Cancel, large enough
# that the per-batch cost (progress callback, column conversion) does not show.
CHUNK_ROWS = 50_000
# Shares of a file's progress: reading ends at NORMALIZE_AT, normalising at READ_SHARE; the rest is inserting.
NORMALIZE_AT = 0.3
READ_SHARE = 0.5


@dataclass
class ImportRequest:
    project: Path
    paths: list[Path]
    mapping: "ColumnMapping | None" = None   # None -> a matching saved profile, else the guess
    sheet: str | None = None
    # `stationmap import --project NEW` makes the project; the window imports only into the project it
    # has open, and a file that has gone (moved, deleted, stick pulled out) must not come back empty.
    create_missing: bool = True


def run(request: ImportRequest, progress: Progress = no_progress) -> ImportReport:
    """Import `request.paths` into `request.project` (created if missing and `create_missing`)."""
    from stationmap.io.readers import expand_inputs

    files = expand_inputs(request.paths)
    if not files:
        raise InputFileError("project.no_input_files",
                             paths=", ".join(str(p) for p in request.paths))
    with _open_project(request) as project:
        return _import_files(project, files, request, progress)


def _open_project(request: ImportRequest) -> Project:
    if request.create_missing:
        return Project.open_or_create(request.project)
    if not Path(request.project).exists():
        raise ProjectError("project.gone", path=str(request.project))
    return Project.open(request.project)


def _import_files(project: Project, files: list[Path], request: ImportRequest,
                  progress: Progress) -> ImportReport:
    context = _Context(request, project.category_table(), jurisdiction_area(project),
                       project.mapping_profiles(), bool(project.get_meta(LEGACY_ROW_KEYS, False)),
                       single_file=len(files) == 1)
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
                _import_one(db, import_id, file, context, known, report, file_progress)
            except InputFileError as error:
                if len(files) == 1:
                    raise
                # One unreadable month in a folder should not block the other eleven; its rows
                # cannot be counted, so the file is named in the warnings.
                unreadable.append(error)
                report.warnings.append(Warning_(str(file), error.code, dict(error.data)))
        if len(unreadable) == len(files):
            raise unreadable[0]
        progress(1.0, render("project.progress_committing"))
        _finish_import(db, import_id, report, checksums.result())
    return report


@dataclass
class _Context:
    """What every file of one request is imported with."""
    request: ImportRequest
    categories: Any
    area: Any
    profiles: dict[str, "ColumnMapping"]
    legacy_keys: bool      # the project may hold first-scheme keys (store.schema, version 4)
    single_file: bool


def _import_one(db: sqlite3.Connection, import_id: int, file: Path, context: _Context,
                known: incident_chunks.KnownKeys, report: ImportReport, progress: Progress) -> None:
    from stationmap.io.readers import read_table

    progress(0.0, render("project.progress_reading", {"file": file.name}))
    raw = read_table(file, sheet=context.request.sheet)
    progress(NORMALIZE_AT, render("project.progress_normalizing", {"file": file.name}))
    warnings = list(raw.warnings)
    if raw.rows_read == 0:
        warnings.append(Warning_(str(file), "read.header_only", {"file": str(file)}))
    try:
        normalized = _normalize(raw, context, warnings)
    except MappingError as error:
        if context.single_file:
            raise
        _reject_whole_file(db, import_id, raw, error, report, warnings)
        return
    progress(READ_SHARE, render("project.progress_normalizing", {"file": file.name}))
    # In row order, as the user goes through the file to correct them (the reader's come first otherwise).
    rejections = sorted(raw.bad_rows + with_cells(normalized.rejections, raw), key=lambda r: r.row)
    summary = FileSummary(file=str(file), kind=normalized.kind, rows_read=raw.rows_read,
                          encoding=raw.encoding, delimiter=raw.delimiter,
                          mapping=dict(normalized.mapping.fields))
    saving = sub_progress(progress, READ_SHARE, 1.0)
    if normalized.kind == TableKind.AGGREGATED:
        summary.imported = _insert_counts(db, import_id, normalized.table, file, saving)
    else:
        table = _without_legacy_duplicates(normalized, known)
        summary.imported = _store_incidents(db, import_id, table, file, known, saving)
    summary.duplicates = len(normalized.table) - summary.imported
    summary.rejected = len(rejections)
    _store_rejections(db, import_id, rejections)
    report.files.append(summary)
    report.rejections.extend(rejections)
    report.warnings.extend(warnings + list(normalized.warnings))


def _normalize(raw: Any, context: _Context, warnings: list[Warning_]) -> Any:
    """The file normalised with the request's mapping or, when its columns are not all in this file
    (one confirmed mapping is sent for every file), with a saved profile that fits or the file's own
    automatic mapping, said in a warning. The answer to the day/month question still applies."""
    from stationmap.io.normalize import normalize

    columns = list(raw.frame.columns)
    given = context.request.mapping
    mapping = given or matching_profile(context.profiles, columns)
    missing = _missing_column(given, columns) if given is not None else None
    if missing is not None:
        field_name, column = missing
        name, profile = _fitting_profile(context.profiles, columns)
        code = "mapping.fallback_profile" if profile is not None else "mapping.fallback_automatic"
        warnings.append(Warning_(raw.file, code, {"file": raw.file, "field": field_name, "column": column,
                                                  "profile": name}))
        mapping = _keeping_answers(profile, given, raw)
    try:
        return normalize(raw, mapping, categories=context.categories, area=context.area,
                         legacy_keys=context.legacy_keys)
    except MappingError as error:
        if missing is None or not context.single_file:
            raise
        # One file and a mapping given for it: what the user must fix is that mapping.
        raise MappingError("mapping.column_missing", file=raw.file, field=missing[0],
                           column=missing[1]) from error


def _missing_column(mapping: "ColumnMapping", columns: list[str]) -> tuple[str, str] | None:
    """(field, column) of the first mapped column this file lacks, or None when the mapping fits."""
    present = set(columns)
    return next(((f, c) for f, c in mapping.fields.items() if c not in present), None)


def _keeping_answers(profile: "ColumnMapping | None", given: "ColumnMapping", raw: Any) -> "ColumnMapping":
    """`profile` (or the file's own guessed mapping) with the user's day/month and UTM-zone answers
    where it has none of its own."""
    from stationmap.io.mapping import guess_table_mapping

    if profile is None:
        profile = guess_table_mapping(raw.frame)
    return replace(profile,
                   day_first=profile.day_first if profile.day_first is not None else given.day_first,
                   utm_zone=profile.utm_zone or given.utm_zone)


def _reject_whole_file(db: sqlite3.Connection, import_id: int, raw: Any, error: MappingError,
                       report: ImportReport, warnings: list[Warning_]) -> None:
    """A file that was read but whose columns cannot be mapped: every row is counted, rejected with
    the reason, so the totals still add up and the user sees why."""
    data = dict(error.data)
    rejections = sorted(raw.bad_rows + with_cells(
        [Rejection(raw.file, int(line), error.code, {**data, "row": int(line)}) for line in raw.line_numbers], raw),
        key=lambda r: r.row)
    report.files.append(FileSummary(file=raw.file, kind=TableKind.INCIDENTS, rows_read=raw.rows_read,
                                    rejected=len(rejections), encoding=raw.encoding,
                                    delimiter=raw.delimiter))
    _store_rejections(db, import_id, rejections)
    report.rejections.extend(rejections)
    report.warnings.extend(warnings + [Warning_(raw.file, error.code, data)])


def _without_legacy_duplicates(normalized: Any, known: incident_chunks.KnownKeys) -> "pd.DataFrame":
    """The rows whose first-scheme key the project does not hold either (see store.schema, version 4)."""
    if normalized.legacy_keys is None or normalized.table.empty:
        return normalized.table
    import pyarrow as pa

    fresh = known.new_rows(pa.array(normalized.legacy_keys, type=pa.large_string()))
    return normalized.table if fresh.all() else normalized.table[fresh].reset_index(drop=True)


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
    return _fitting_profile(profiles, columns)[1]


def _fitting_profile(profiles: dict[str, "ColumnMapping"],
                     columns: list[str]) -> tuple[str, "ColumnMapping | None"]:
    """(name, profile) of matching_profile; ("", None) when none fits."""
    present = set(columns)
    fitting = [(name, m) for name, m in profiles.items() if m.fields and set(m.fields.values()) <= present]
    return max(fitting, key=lambda item: len(item[1].fields), default=("", None))


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
    # file_digest reads into one reused buffer: reading a block into a new bytes object each time
    # costs the import 30,000 page faults per 120 MB, on the core that the parser needs.
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _begin_import(db: sqlite3.Connection, files: list[Path]) -> int:
    cursor = db.execute(
        "INSERT INTO imports (started_at, files, sha256s) VALUES (?, ?, '[]')",
        (now_text(), json.dumps([str(f) for f in files], ensure_ascii=False)))
    return int(cursor.lastrowid)


def with_cells(rejections: list[Rejection], raw: Any) -> list[Rejection]:
    """`rejections` of rows of `raw`, each with its cells as read: what the user corrects before
    importing the rows again (ui.import_summary writes them back out as a CSV)."""
    if not rejections:
        return []
    import pandas as pd

    positions = pd.Index(raw.line_numbers).get_indexer([r.row for r in rejections])
    columns = list(raw.frame.columns)
    rows = raw.frame.iloc[[p for p in positions if p >= 0]].astype(str).to_numpy().tolist()
    cells = iter(dict(zip(columns, row)) for row in rows)
    return [replace(r, cells=next(cells)) if position >= 0 else r for r, position in zip(rejections, positions)]


def _store_rejections(db: sqlite3.Connection, import_id: int,
                      rejections: list[Rejection]) -> None:
    db.executemany(
        "INSERT INTO rejections (import_id, file, row, code, data, cells) VALUES (?, ?, ?, ?, ?, ?)",
        ((import_id, r.file, int(r.row), r.code, json.dumps(r.data, ensure_ascii=False, default=str),
          None if r.cells is None else json.dumps(r.cells, ensure_ascii=False))
         for r in rejections))


def _finish_import(db: sqlite3.Connection, import_id: int, report: ImportReport,
                   checksums: list[str]) -> None:
    # The rejected rows already sit in their own table; the stored report keeps the summary.
    summary = {"import_id": import_id, "rows_read": report.rows_read,
               "imported": report.imported, "duplicates": report.duplicates,
               "rejected": report.rejected, "kind": report.kind.value,
               "files": [f.to_json() for f in report.files],
               # Codes and data, not sentences: the history is shown in the viewer's language.
               "warnings": [{"file": w.file, "code": w.code, "data": w.data} for w in report.warnings]}
    db.execute(
        "UPDATE imports SET finished_at = ?, sha256s = ?, rows_read = ?, imported = ?, duplicates = ?, "
        "rejected = ?, report_json = ? WHERE id = ?",
        (now_text(), json.dumps(checksums), report.rows_read, report.imported, report.duplicates, report.rejected,
         json.dumps(summary, ensure_ascii=False, default=str), import_id))
