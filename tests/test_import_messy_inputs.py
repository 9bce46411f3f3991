"""Imports as users really make them: several files under one mapping that fits only some, a later
export with its columns reordered or added, projects holding keys of the first scheme, workbooks known
by their bytes and their sheets, coordinates missing or unreadable, progress and stored warnings."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from conftest import shared_path

from stationmap.core.errors import InputFileError
from stationmap.core.messages import set_language
from stationmap.core.progress import Cancelled
from stationmap.io import normalize as normalize_module
from stationmap.io.mapping import ColumnMapping
from stationmap.io.readers import read_table, sheet_names
from stationmap.store import schema
from stationmap.store.import_job import NORMALIZE_AT, READ_SHARE, ImportRequest, run
from stationmap.store.project import Project

LATLON = "fecha,hora,delito,latitud,longitud\n"


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


def _invariant(report) -> None:
    assert report.rows_read == report.imported + report.duplicates + report.rejected
    for summary in report.files:
        assert summary.rows_read == summary.imported + summary.duplicates + summary.rejected


# --- 1. a file the given mapping does not fit ---------------------------------------------------

CP_MAPPING = ColumnMapping({"date": "fecha", "time": "hora", "category": "delito", "lat": "latitud",
                            "lon": "longitud"})


def test_a_file_the_given_mapping_does_not_fit_uses_its_own_mapping_and_is_counted(tmp_path):
    latlon = _write(tmp_path / "a.csv", LATLON + "05/01/2025,14:30,Robo,-12.0464,-77.0428\n")
    utm = _write(tmp_path / "utm.csv", "fecha,hora,delito,este,norte\n05/01/2025,14:30,Robo,279000,8667000\n"
                                       "17/02/2025,08:05,Hurto,279100,8667100\n")
    report = run(ImportRequest(tmp_path / "p.stationmap", [latlon, utm], CP_MAPPING))
    _invariant(report)
    assert report.rows_read == 3 and report.imported == 3
    assert [Path(f.file).name for f in report.files] == ["a.csv", "utm.csv"]
    assert report.files[1].mapping["x"] == "este"
    fallback = [w for w in report.warnings if w.code == "mapping.fallback_automatic"]
    assert len(fallback) == 1 and fallback[0].file == str(utm)
    assert "latitud" in fallback[0].message("es") and "utm.csv" in fallback[0].message("en")


def test_a_saved_profile_that_fits_is_taken_before_the_automatic_mapping(tmp_path):
    project = tmp_path / "p.stationmap"
    with Project.create(project) as opened:
        opened.save_mapping_profile("comisaría norte", ColumnMapping(
            {"date": "F", "category": "D", "lat": "LA", "lon": "LO"}))
    other = _write(tmp_path / "norte.csv", "F;D;LA;LO\n05/01/2025;Robo;-12.05;-77.03\n")
    report = run(ImportRequest(project, [other], CP_MAPPING))
    assert report.imported == 1 and report.files[0].mapping == {"date": "F", "category": "D", "lat": "LA",
                                                                 "lon": "LO"}
    (warning,) = [w for w in report.warnings if w.code.startswith("mapping.fallback")]
    assert warning.code == "mapping.fallback_profile" and "comisaría norte" in warning.message("es")


def test_the_day_month_answer_still_applies_to_a_file_that_takes_its_own_mapping(tmp_path):
    given = ColumnMapping({"date": "fecha", "lat": "latitud", "lon": "longitud"}, day_first=False)
    ambiguous = _write(tmp_path / "amb.csv", "fecha,delito\n03/04/2025,Robo\n05/06/2025,Hurto\n")
    report = run(ImportRequest(tmp_path / "p.stationmap", [ambiguous], given))
    assert report.imported == 2
    with Project.open(tmp_path / "p.stationmap") as opened:
        starts = opened.incidents()["start_ts"].tolist()
    import datetime as dt
    assert [dt.datetime.fromtimestamp(s, dt.timezone.utc).strftime("%m-%d") for s in starts] == ["03-04", "05-06"]


def test_a_file_no_mapping_can_read_is_listed_with_its_rows_rejected(tmp_path):
    good = _write(tmp_path / "a.csv", LATLON + "05/01/2025,14:30,Robo,-12.0464,-77.0428\n")
    dateless = _write(tmp_path / "b.csv", "nombre,valor\nx,1\ny,2\n")
    report = run(ImportRequest(tmp_path / "p.stationmap", [good, dateless], CP_MAPPING))
    _invariant(report)
    assert report.rows_read == 3 and report.imported == 1 and report.rejected == 2
    assert report.files[1].file == str(dateless) and report.files[1].rejected == 2
    assert [(r.row, r.code) for r in report.rejections] == [(2, "mapping.no_date"), (3, "mapping.no_date")]
    with Project.open(tmp_path / "p.stationmap") as opened:
        assert len(opened.rejections()) == 2


def test_one_file_whose_given_mapping_does_not_fit_and_cannot_be_read_says_so(tmp_path):
    dateless = _write(tmp_path / "b.csv", "nombre,valor\nx,1\n")
    with pytest.raises(Exception) as caught:
        run(ImportRequest(tmp_path / "p.stationmap", [dateless], CP_MAPPING))
    assert getattr(caught.value, "code", "") == "mapping.column_missing"


# --- 2. duplicate keys: column order, added columns, legacy keys ------------------------------

EXPORT = [("13/01/2025", "10:13", "Robo", "-12.013", "-77.013"), ("13/01/2025", "10:13", "Robo", "-12.013", "-77.013"),
          ("14/01/2025", "10:14", "Hurto", "-12.014", "-77.014")]


def _export(path: Path, order=(0, 1, 2, 3, 4), extra: str | None = None) -> Path:
    names = ["fecha", "hora", "delito", "latitud", "longitud"]
    header = [names[i] for i in order] + (["estado"] if extra else [])
    lines = [",".join(header)] + [",".join([row[i] for i in order] + ([extra] if extra else [])) for row in EXPORT]
    return _write(path, "\n".join(lines) + "\n")


def test_a_reordered_export_or_one_with_an_added_column_adds_nothing(tmp_path):
    project = tmp_path / "p.stationmap"
    first = run(ImportRequest(project, [_export(tmp_path / "e1.csv")]))
    assert first.imported == 3   # the same row twice in one file is two incidents
    for name, order, extra in [("reordered.csv", (2, 0, 1, 4, 3), None), ("extra.csv", (0, 1, 2, 3, 4), "abierto")]:
        again = run(ImportRequest(project, [_export(tmp_path / name, order, extra)]))
        assert (again.imported, again.duplicates) == (0, 3), name


def _legacy_project(tmp_path: Path, monkeypatch, files: list[Path]) -> Path:
    """A project as the previous release left it: first-scheme keys, schema version 3."""
    project = tmp_path / "old.stationmap"
    with monkeypatch.context() as patch:
        patch.setattr(normalize_module, "key_fields", lambda fields: None)   # None: the first scheme
        run(ImportRequest(project, files))
    db = sqlite3.connect(project)
    db.execute("DELETE FROM meta WHERE key = ?", (schema.LEGACY_ROW_KEYS,))
    db.execute("ALTER TABLE rejections DROP COLUMN cells")   # added by version 5
    db.execute("PRAGMA user_version = 3")
    db.commit()
    db.close()
    return project


def test_a_project_imported_with_the_old_keys_recognises_its_rows_after_the_upgrade(tmp_path, monkeypatch):
    export = _export(tmp_path / "e1.csv")
    project = _legacy_project(tmp_path, monkeypatch, [export])
    with Project.open(project) as opened:   # migrates to the present version and marks it
        assert opened.get_meta(schema.LEGACY_ROW_KEYS) is True
        assert opened.incidents()["source_key"].str.startswith("h:").all()
    again = run(ImportRequest(project, [export]))
    assert (again.imported, again.duplicates) == (0, 3)
    # The next export, with one row more, adds that row only.
    _write(export, export.read_text() + "15/01/2025,09:00,Robo,-12.015,-77.015\n")
    later = run(ImportRequest(project, [export]))
    assert (later.imported, later.duplicates) == (1, 3)


def test_a_new_project_is_not_marked_for_old_keys(tmp_path):
    with Project.create(tmp_path / "p.stationmap") as opened:
        assert opened.get_meta(schema.LEGACY_ROW_KEYS) is None


def test_real_uk_month_reordered_with_an_added_column_adds_nothing(tmp_path):
    import pandas as pd

    month = shared_path("data", "uk-police-city-of-london-street-2016-2017", "2016-05-city-of-london-street.csv")
    frame = pd.read_csv(month, dtype=str, keep_default_na=False)
    altered = frame[list(reversed(frame.columns))].assign(Revisado="sí")
    copy = tmp_path / "2016-05-reordenado.csv"
    altered.to_csv(copy, index=False)
    project = tmp_path / "uk.stationmap"
    first = run(ImportRequest(project, [month]))
    again = run(ImportRequest(project, [copy]))
    _invariant(again)
    assert again.imported == 0 and again.duplicates == first.imported + first.duplicates


# --- 3 and 4. workbooks: the sheet with the table, the format by its bytes --------------------

def _two_sheet_workbook(path: Path, data_sheet_rows) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "Resumen"
    cover.append(["Resumen mensual"])
    cover.append(["nada aquí"])
    data = book.create_sheet("Denuncias")
    for row in data_sheet_rows:
        data.append(row)
    book.save(path)
    return path


def test_the_first_sheet_with_a_recognised_table_is_read_and_named(tmp_path):
    path = _two_sheet_workbook(tmp_path / "libro.xlsx", [["Fecha", "Delito"], ["05/01/2025", "Robo"]])
    table = read_table(path)
    assert table.sheet == "Denuncias" and len(table.frame) == 1
    (warning,) = [w for w in table.warnings if w.code == "read.sheet_chosen"]
    assert "Denuncias" in warning.message("es") and "--sheet" in warning.message("en")
    assert sheet_names(path) == ["Resumen", "Denuncias"]
    assert sheet_names(_write(tmp_path / "x.csv", "a,b\n1,2\n")) == []


def test_no_recognised_table_lists_the_sheets_and_how_to_choose(tmp_path):
    path = _two_sheet_workbook(tmp_path / "libro.xlsx", [["Nombre", "Valor"], ["x", "1"]])
    with pytest.raises(InputFileError) as caught:
        read_table(path)
    assert caught.value.code == "read.no_table_in_sheets"
    assert "Resumen, Denuncias" in caught.value.message("es") and "--sheet" in caught.value.message("es")
    assert read_table(path, sheet="Denuncias").sheet == "Denuncias"   # chosen by name, read as asked


def test_an_xlsx_renamed_xls_or_csv_is_read_as_the_workbook_it_is(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["fecha", "delito"])
    book.active.append(["05/01/2025", "Robo"])
    book.save(tmp_path / "real.xlsx")
    for name in ("renombrado.xls", "renombrado.csv"):
        (tmp_path / name).write_bytes((tmp_path / "real.xlsx").read_bytes())
        table = read_table(tmp_path / name)
        assert list(table.frame.columns) == ["fecha", "delito"] and len(table.frame) == 1, name


# --- 7. header only; coordinates that are missing, unreadable or out of range ------------------

def test_a_header_only_file_says_it_has_no_rows(tmp_path):
    report = run(ImportRequest(tmp_path / "p.stationmap", [_write(tmp_path / "h.csv", LATLON)]))
    assert report.rows_read == 0 and report.files[0].file.endswith("h.csv")
    (warning,) = [w for w in report.warnings if w.code == "read.header_only"]
    assert "encabezado" in warning.message("es") and "header but no rows" in warning.message("en")


def test_coordinates_missing_unreadable_and_out_of_range_are_told_apart(tmp_path):
    path = _write(tmp_path / "c.csv", LATLON + "05/01/2025,10:00,Robo,-12.05\n"
                                               "05/01/2025,10:00,Robo,abc,xyz\n"
                                               "05/01/2025,10:00,Robo,-95,-200\n"
                                               "05/01/2025,10:00,Robo,,\n")
    report = run(ImportRequest(tmp_path / "p.stationmap", [path]))
    codes = {w.code: w.data.get("rows") for w in report.warnings}
    assert codes["rows.coords_incomplete"] == "2"
    assert codes["rows.coords_unreadable"] == "3"
    assert codes["rows.coords_missing"] == "4"
    assert codes["rows.coords_empty"] == "5"


# --- 7. warnings stored as code and data, shown in the viewer's language -----------------------

def test_import_history_warnings_follow_the_viewers_language(tmp_path):
    project = tmp_path / "p.stationmap"
    set_language("es")
    run(ImportRequest(project, [_write(tmp_path / "h.csv", LATLON)]))
    try:
        set_language("en")
        with Project.open(project) as opened:
            stored = json.loads(opened.imports()["report_json"].iloc[0])
        assert "header but no rows" in stored["warnings"][0]["message"]
    finally:
        set_language("es")


def test_old_import_records_with_finished_text_are_still_read(tmp_path):
    project = tmp_path / "p.stationmap"
    run(ImportRequest(project, [_write(tmp_path / "h.csv", LATLON)]))
    old = {"warnings": [{"file": "x.csv", "code": "read.header_only", "message": "texto antiguo"}]}
    db = sqlite3.connect(project)
    db.execute("UPDATE imports SET report_json = ?", (json.dumps(old),))
    db.commit()
    db.close()
    with Project.open(project) as opened:
        assert json.loads(opened.imports()["report_json"].iloc[0])["warnings"][0]["message"] == "texto antiguo"


# --- 8. progress and Cancel between reading and storing -----------------------------------------

def test_progress_is_reported_between_reading_and_storing_and_cancel_works_there(tmp_path):
    path = _export(tmp_path / "e1.csv")
    seen: list[float] = []
    run(ImportRequest(tmp_path / "p.stationmap", [path]), lambda fraction, message="": seen.append(fraction))
    assert NORMALIZE_AT in seen and READ_SHARE in seen

    def cancel_after_reading(fraction: float, message: str = "") -> None:
        if 0 < fraction <= READ_SHARE:
            raise Cancelled()

    project = tmp_path / "q.stationmap"
    with pytest.raises(Cancelled):
        run(ImportRequest(project, [path]), cancel_after_reading)
    with Project.open(project) as opened:
        assert opened.incident_count() == 0 and opened.imports().empty


def test_a_cover_sheet_with_a_date_line_does_not_pass_for_the_register(tmp_path):
    """A cover ("Portada": a title and "Fecha: 01/10/2026") reads as a one-row table with a date; the
    register on the next sheet is the table, and no fake incident comes from the cover."""
    from openpyxl import Workbook

    book = Workbook()
    cover = book.active
    cover.title = "Portada"
    for row in (["POLICÍA NACIONAL DEL PERÚ"], ["Comisaría PNP El Porvenir"], [], ["Registro de denuncias"],
                ["Elaborado por: SO2 Pérez"], ["Fecha:", "02/11/2026"]):
        cover.append(row)
    register = book.create_sheet("Datos")
    register.append(["Fecha", "Hora", "Delito", "Latitud", "Longitud"])
    for day in range(1, 6):
        register.append([f"{day:02d}/10/2026", "21:30", "Robo", "-8.07", "-79.03"])
    path = tmp_path / "registro.xlsx"
    book.save(path)
    report = run(ImportRequest(tmp_path / "p.stationmap", [path]))
    assert (report.rows_read, report.imported, report.rejected) == (5, 5, 0)
    assert any(w.code == "read.sheet_chosen" and "Datos" in w.message("es") for w in report.warnings)


def test_a_row_with_extra_cells_keeps_them_for_its_correction(tmp_path):
    """Rejected for a cell too many, the row keeps every cell (the surplus as "extra_1"), so the
    exported rejections hold it whole and the user can move the stray text and import it again."""
    text = ("fecha,hora,delito,latitud,longitud,direccion\n"
            "05/10/2026,21:30,Robo,-8.07,-79.03,Calle 1\n"
            "06/10/2026,22:00,Hurto,-8.08,-79.04,Calle 2, cdra 3\n")
    report = run(ImportRequest(tmp_path / "p.stationmap", [_write(tmp_path / "d.csv", text)])).to_json()
    (rejection,) = report["rejections"]
    assert rejection["code"] == "read.extra_columns" and rejection["row"] == 3
    assert rejection["cells"] == {"fecha": "06/10/2026", "hora": "22:00", "delito": "Hurto", "latitud": "-8.08",
                                  "longitud": "-79.04", "direccion": "Calle 2", "extra_1": " cdra 3"}


# --- 10. rows the reader mends or cannot split, as the import reports them ----------------------

def test_a_line_with_an_unclosed_quote_is_exported_whole_for_its_correction(tmp_path):
    """The rejections CSV holds the line as written under "linea_original": the user splits it into the
    columns and imports it again."""
    from stationmap.ui.import_summary import write_rejections_csv

    broken = '06/10/2026,22:00,"Hurto,-8.08,-79.04,Calle 2 esquina con la avenida principal, frente al colegio'
    text = LATLON.replace("\n", ",direccion\n") + "05/10/2026,21:30,Robo,-8.07,-79.03,Calle 1\n" + broken + "\n"
    report = run(ImportRequest(tmp_path / "p.stationmap", [_write(tmp_path / "d.csv", text)])).to_json()
    (rejection,) = report["rejections"]
    assert (rejection["code"], rejection["row"], rejection["cells"]) == ("read.unbalanced_quote", 3,
                                                                          {"linea_original": broken})
    exported = tmp_path / "rechazos.csv"
    write_rejections_csv(report["rejections"], exported)
    with open(exported, encoding="utf-8-sig", newline="") as handle:
        header, row = list(csv.reader(handle))
    assert header[-1] == "linea_original" and row[-1] == broken


def test_short_rows_are_imported_with_a_warning_and_lines_of_spaces_are_skipped(tmp_path):
    text = (LATLON + "05/10/2026,21:30,Robo,-8.07,-79.03\n"
                     "05/10/2026,22:00,Hurto\n"
                     "   \n"
                     ",,,,\n"
                     "06/10/2026,08:00,Robo,-8.06,-79.02\n")
    report = run(ImportRequest(tmp_path / "p.stationmap", [_write(tmp_path / "d.csv", text)]))
    _invariant(report)
    assert (report.rows_read, report.imported, report.rejected) == (3, 3, 0)
    (short,) = [w for w in report.warnings if w.code == "read.short_rows"]
    assert short.message("es") == "1 fila tiene menos celdas que el encabezado; se completó con celdas vacías (fila 3)."
