"""`stationmap` on the command line: exit codes, the JSON report, one-line errors, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import SAMPLE_DATA, shared_path

from stationmap import __version__
from stationmap.cli import main
from stationmap.store.project import Project

REPORT_KEYS = {"rows_read", "imported", "duplicates", "rejected", "kind", "files", "rejections",
               "warnings"}


def _import(tmp_path, *paths, extra=()):
    report = tmp_path / "report.json"
    code = main(["import", *map(str, paths), "--project", str(tmp_path / "p.stationmap"),
                 "--report", str(report), *extra])
    return code, (json.loads(report.read_text(encoding="utf-8")) if report.exists() else None)


def _check_report(data: dict) -> None:
    assert REPORT_KEYS <= set(data)
    assert data["rows_read"] == data["imported"] + data["duplicates"] + data["rejected"]
    assert len(data["rejections"]) == data["rejected"]
    for rejection in data["rejections"]:
        # "cells": the row as read, when the reader had it (a row of the wrong width has none)
        assert {"file", "row", "code", "message"} <= set(rejection) <= {"file", "row", "code", "message", "cells"}
        assert rejection["row"] >= 1 and rejection["message"]


def test_partly_bad_file_exits_0_and_lists_its_rejections(tmp_path, capsys):
    path = tmp_path / "mixed.csv"
    path.write_text("fecha;hora;modalidad;latitud;longitud\n"
                    "03/11/2026;21:40;HURTO;-8.07;-79.01\n"
                    "31/02/2026;10:00;HURTO;-8.07;-79.01\n"      # no 31 February
                    "04/11/2026;08:05;ROBO AGRAVADO;-8.08;-79.02\n"
                    "no es una fecha;08:05;ROBO;-8.08;-79.02\n", encoding="utf-8")
    code, data = _import(tmp_path, path)
    assert code == 0
    _check_report(data)
    assert (data["rows_read"], data["imported"], data["rejected"]) == (4, 2, 2)
    assert sorted(r["row"] for r in data["rejections"]) == [3, 5]
    assert data["kind"] == "incidents"
    assert "4 filas leídas: 2 importadas" in capsys.readouterr().out


def test_english_messages_on_request(tmp_path, capsys):
    path = tmp_path / "one.csv"
    path.write_text("fecha;modalidad\n03/11/2026;HURTO\n31/02/2026;HURTO\n", encoding="utf-8")
    code, data = _import(tmp_path, path, extra=["--lang", "en"])
    assert code == 0
    assert "2 rows read: 1 imported" in capsys.readouterr().out
    assert data["rejections"][0]["message"].isascii()


@pytest.mark.parametrize("content", [b"", bytes(range(256)) * 40, b"\x00\x00\x00fecha\x00\x00"])
def test_unreadable_file_exits_2_with_one_line(tmp_path, capsys, content):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    code, data = _import(tmp_path, path)
    assert code == 2 and data is None
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "bad.csv" in err
    assert "Traceback" not in err


def test_a_project_that_is_not_a_project_exits_2(tmp_path, capsys):
    (tmp_path / "p.stationmap").write_text("not sqlite")
    code, _ = _import(tmp_path, SAMPLE_DATA / "station")
    assert code == 2
    err = capsys.readouterr().err
    assert "no es un proyecto de StationMap" in err and len(err.strip().splitlines()) == 1


def test_unexpected_error_exits_1_and_writes_the_traceback_to_the_log(tmp_path, capsys,
                                                                      config_dir, monkeypatch):
    import stationmap.store.import_job as import_job

    def explode(request, progress=None):
        raise KeyError("bug in the importer")

    monkeypatch.setattr(import_job, "run", explode)
    code, _ = _import(tmp_path, SAMPLE_DATA / "station")
    assert code == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert str(config_dir / "stationmap.log") in err
    log = (config_dir / "stationmap.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "bug in the importer" in log


def test_mapping_profile_file_is_applied(tmp_path):
    path = tmp_path / "libro.csv"
    path.write_text("REGISTRO;HECHO;TIPO\n20/11/2026;03/11/2026;HURTO\n", encoding="utf-8")
    profile = tmp_path / "perfil.json"
    profile.write_text(json.dumps({"fields": {"date": "HECHO", "category": "TIPO"},
                                   "day_first": True}), encoding="utf-8")
    code, data = _import(tmp_path, path, extra=["--mapping", str(profile)])
    assert code == 0 and data["files"][0]["mapping"]["date"] == "HECHO"
    profile.write_text("{broken", encoding="utf-8")
    code, _ = _import(tmp_path, path, extra=["--mapping", str(profile)])
    assert code == 2


@pytest.mark.parametrize("folder, kind, rows", [
    ("peru-sidpol-cajamarca", "aggregated", 17_471),
    pytest.param("mexico-cdmx-fgj-victimas-alcaldias", "incidents", 36_870, marks=pytest.mark.slow),
    pytest.param("uk-police-city-of-london-street-2016-2017", "incidents", 10_118,
                 marks=pytest.mark.slow),
])
def test_real_public_datasets(tmp_path, folder, kind, rows):
    code, data = _import(tmp_path, shared_path("data", folder))
    assert code == 0
    _check_report(data)
    assert data["kind"] == kind and data["rows_read"] == rows
    assert data["imported"] > rows * 0.5
    code, again = _import(tmp_path, shared_path("data", folder))
    assert (again["imported"], again["duplicates"]) == (0, data["imported"] + data["duplicates"])


def test_sample_command_builds_the_training_station(tmp_path, capsys):
    target = tmp_path / "ejemplo.stationmap"
    assert main(["sample", "--project", str(target)]) == 0
    with Project.open(target) as project:
        assert project.get_meta("station") == {
            "name": "Comisaría PNP El Porvenir (datos sintéticos)", "synthetic": True}
        assert project.incident_count() > 5000
        assert {a["name"] for a in project.assets("geojson")} == {"jurisdiction", "districts",
                                                                   "stations"}
        if (SAMPLE_DATA / "basemap").is_dir():
            assert len(project.assets("basemap")) == 1
        assert (project.incidents()["coord_status"] == "outside_area").any()
    assert main(["sample", "--project", str(target)]) == 2  # never overwrites
    assert not list(tmp_path.glob("*.partial"))


def test_gui_command_hands_the_path_to_the_app(tmp_path, monkeypatch, config_dir):
    import stationmap.app

    opened = []
    monkeypatch.setattr(stationmap.app, "run_gui", lambda path=None: opened.append(path) or 0)
    assert main(["gui", str(tmp_path / "x.stationmap")]) == 0
    assert main([]) == 0
    assert main(["gui", "--sample"]) == 0
    assert opened[:2] == [tmp_path / "x.stationmap", None]
    assert opened[2] == config_dir / "estacion_de_ejemplo.stationmap" and opened[2].exists()


def test_entry_points_run_without_qt_or_pandas_for_version_and_help():
    probe = ("import sys; from stationmap.cli import main\n"
             "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
             "heavy = [m for m in ('pandas', 'PySide6', 'pyarrow') if m in sys.modules]\n"
             "print('HEAVY', heavy)")
    for flag in ("--version", "--help"):
        done = subprocess.run([sys.executable, "-c", probe, flag], capture_output=True, text=True,
                              timeout=60)
        assert "HEAVY []" in done.stdout
    version = subprocess.run([sys.executable, "-m", "stationmap", "--version"],
                             capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout.strip() == f"stationmap {__version__}"


def test_real_process_prints_no_traceback_for_a_binary_file(tmp_path):
    path = tmp_path / "foto.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    done = subprocess.run([sys.executable, "-m", "stationmap", "import", str(path), "--project",
                           str(tmp_path / "p.stationmap")], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


# --- QA round 1 ---------------------------------------------------------------------------------

def test_an_unwritable_report_path_exits_2_before_importing(tmp_path, capsys):
    path = tmp_path / "one.csv"
    path.write_text("fecha,delito\n05/01/2025,Robo\n", encoding="utf-8")
    project = tmp_path / "p.stationmap"
    code = main(["import", str(path), "--project", str(project), "--report", str(tmp_path / "no" / "r.json")])
    assert code == 2 and not project.exists()
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "«" in err[0] and "--report" in err[0] and "Traceback" not in err[0]


def test_summary_shows_rejections_and_named_warnings_with_how_many_more(tmp_path, capsys):
    path = tmp_path / "malo.csv"
    rows = "".join("31/02/2025,Robo,abc,xyz\n" for _ in range(8))
    path.write_text("fecha,delito,latitud,longitud\n" + rows, encoding="utf-8")
    code, data = _import(tmp_path, path)
    assert code == 0 and data["rejected"] == 8
    out = capsys.readouterr().out
    assert out.count("✗ malo.csv: Fila") == 5
    assert "…y 3 rechazos más; detalle en" in out and "report.json" in out


def test_warnings_name_their_file_and_say_how_many_more(tmp_path, capsys):
    files = []
    for n in range(12):
        path = tmp_path / f"m{n:02d}.csv"
        path.write_text("fecha,delito\n05/01/2025,Robo\n", encoding="utf-8")   # each: no time, no coordinates...
        files.append(path)
    code, data = _import(tmp_path, *files)
    assert code == 0 and len(data["warnings"]) > 10
    out = capsys.readouterr().out
    assert "! m00.csv: " in out and out.count("  ! ") == 10
    assert f"…y {len(data['warnings']) - 10} advertencias más" in out


def test_project_without_suffix_gets_it_as_in_the_window(tmp_path):
    path = tmp_path / "one.csv"
    path.write_text("fecha,delito\n05/01/2025,Robo\n", encoding="utf-8")
    assert main(["import", str(path), "--project", str(tmp_path / "e3")]) == 0
    assert (tmp_path / "e3.stationmap").exists() and not (tmp_path / "e3").exists()


def test_the_reports_mapping_block_can_be_passed_back(tmp_path):
    path = tmp_path / "libro.csv"
    path.write_text("F;D\n05/01/2025;Robo\n", encoding="utf-8")
    profile = tmp_path / "bloque.json"
    profile.write_text(json.dumps({"date": "F", "category": "D"}), encoding="utf-8")
    code, data = _import(tmp_path, path, extra=["--mapping", str(profile)])
    assert code == 0 and data["files"][0]["mapping"] == {"date": "F", "category": "D"}
    again = tmp_path / "again.json"
    again.write_text(json.dumps(data["files"][0]["mapping"]), encoding="utf-8")
    assert main(["import", str(path), "--project", str(tmp_path / "q.stationmap"), "--mapping", str(again)]) == 0


def test_a_second_sheet_workbook_and_a_renamed_xlsx_import_from_the_command_line(tmp_path, capsys):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Resumen"
    book.active.append(["Resumen mensual"])
    data_sheet = book.create_sheet("Denuncias")
    data_sheet.append(["Fecha", "Delito"])
    data_sheet.append(["05/01/2025", "Robo"])
    book.save(tmp_path / "dos_hojas.xlsx")
    (tmp_path / "renombrado.xls").write_bytes((tmp_path / "dos_hojas.xlsx").read_bytes())
    code, data = _import(tmp_path, tmp_path / "dos_hojas.xlsx", tmp_path / "renombrado.xls")
    assert code == 0 and data["imported"] == 1 and data["duplicates"] == 1
    assert "Denuncias" in capsys.readouterr().out


# --- QA round 2: the summary's words and figures, and a reader that stops reading ----------------

def _summary(data: dict, language: str, capsys, report_path=None) -> str:
    from stationmap.cli import _print_summary
    from stationmap.core.messages import set_language

    set_language(language)
    _print_summary({"rejections": [], "warnings": [], **data}, report_path)
    return capsys.readouterr().out


@pytest.mark.parametrize("kind, es, en", [("incidents", "incidentes", "incidents"),
                                          ("aggregated", "conteos agregados", "aggregated counts")])
def test_summary_says_what_each_file_held_in_the_users_language(capsys, kind, es, en):
    data = {"rows_read": 3, "imported": 3, "duplicates": 0, "rejected": 0,
            "files": [{"file": "DATASET_DENUNCIAS.csv", "kind": kind, "rows_read": 3, "imported": 3}]}
    assert "  DATASET_DENUNCIAS.csv: 3 / 3 (" + es + ")\n" in _summary(data, "es", capsys)
    assert "  DATASET_DENUNCIAS.csv: 3 / 3 (" + en + ")\n" in _summary(data, "en", capsys)


def test_summary_groups_every_figure_as_the_window_does_and_says_one_in_the_singular(capsys):
    data = {"rows_read": 36870, "imported": 21066, "duplicates": 1000, "rejected": 14804,
            "files": [{"file": "a.csv", "kind": "incidents", "rows_read": 13508, "imported": 13504}]}
    out = _summary(data, "es", capsys)
    assert out.startswith("36,870 filas leídas: 21,066 importadas, 1,000 duplicadas, 14,804 rechazadas.\n")
    assert "  a.csv: 13,504 / 13,508 (incidentes)" in out
    one = {"rows_read": 1, "imported": 1, "duplicates": 1, "rejected": 1, "files": []}
    assert _summary(one, "es", capsys) == "1 fila leída: 1 importada, 1 duplicada, 1 rechazada.\n"
    assert _summary(one, "en", capsys) == "1 row read: 1 imported, 1 duplicate, 1 rejected.\n"
    none = {"rows_read": 0, "imported": 0, "duplicates": 0, "rejected": 0, "files": []}
    assert _summary(none, "en", capsys) == "0 rows read: 0 imported, 0 duplicates, 0 rejected.\n"
    # One over the lines shown: "1 rechazo más", not "1 rechazos más"; thousands grouped there too.
    rejection = {"file": "a.csv", "row": 12345, "code": "x", "message": "Fila 12345: mal"}
    warning = {"file": "a.csv", "message": "aviso"}
    out = _summary({**none, "rejections": [rejection] * 6, "warnings": [warning] * 11}, "es", capsys, "r.json")
    assert "…y 1 rechazo más; detalle en r.json." in out and "…y 1 advertencia más; detalle en r.json." in out
    assert "Fila 12345" in out                    # a row number is not a count: never grouped
    out = _summary({**none, "rejections": [rejection] * 1205}, "en", capsys)
    assert "…and 1,200 more rejections; details with --report." in out


def test_a_real_import_prints_grouped_figures_and_the_translated_kind(tmp_path, capsys):
    code, data = _import(tmp_path, shared_path("data", "peru-sidpol-cajamarca"))
    assert code == 0 and data["rows_read"] == 17_471
    out = capsys.readouterr().out
    assert out.startswith("17,471 filas leídas: 17,471 importadas, 0 duplicadas, 0 rechazadas.\n")
    assert "DATASET_DENUNCIAS.csv: 17,471 / 17,471 (conteos agregados)" in out
    assert "aggregated" not in out


@pytest.mark.parametrize("unbuffered", ["1", None])
def test_a_closed_pipe_ends_the_import_quietly_and_the_report_is_written(tmp_path, unbuffered):
    import os

    path = tmp_path / "malo.csv"
    path.write_text("fecha,delito,latitud,longitud\n05/01/2025,Robo,abc,xyz\n"
                    + "31/02/2025,Robo,1,2\n" * 7, encoding="utf-8")
    report, project = tmp_path / "r.json", tmp_path / "p.stationmap"
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = unbuffered
    # A reader that has already gone, as `| head -0` is, so that the very first line meets a closed pipe.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run([sys.executable, "-m", "stationmap", "import", str(path), "--project", str(project),
                               "--report", str(report)], stdout=write_end, stderr=subprocess.PIPE, text=True,
                              env=env, timeout=120)
    finally:
        os.close(write_end)
    assert done.returncode == 0 and done.stderr == ""
    data = json.loads(report.read_text(encoding="utf-8"))
    assert (data["rows_read"], data["imported"], data["rejected"]) == (8, 1, 7)
    with Project.open(project) as opened:
        assert opened.incident_count() == 1


class _ClosedPipe:
    """A standard output whose reader has gone: every write fails as a closed pipe does."""

    def write(self, text):
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self):
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_pipe_ends_the_sample_command_quietly_once_it_is_written(tmp_path, capsys, monkeypatch):
    target = tmp_path / "ejemplo.stationmap"
    with monkeypatch.context() as patch:
        patch.setattr(sys, "stdout", _ClosedPipe())
        assert main(["sample", "--project", str(target)]) == 0
    assert capsys.readouterr().err == ""
    with Project.open(target) as project:
        assert project.incident_count() > 5000


def test_the_self_test_goes_on_when_its_reader_stops_reading(monkeypatch, capsys):
    """`stationmap --self-test | head -1` ended in 'Error inesperado (BrokenPipeError)': its lines now go
    nowhere once the reader has gone, and the test goes on, so that its exit code still tells."""
    from stationmap import selftest

    with monkeypatch.context() as patch:
        patch.setattr(sys, "stdout", _ClosedPipe())
        selftest._report("Autoprueba de StationMap")     # the first line meets the closed pipe
        selftest._report("mapa … bien")                   # and the next ones go on without a word
    assert capsys.readouterr().err == ""
