"""End to end in the window: import dialog -> worker -> project -> table and summary."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

pytest.importorskip("stationmap.store.import_job")

from stationmap.ui.app_config import SettingsStore  # noqa: E402
from stationmap.ui.import_summary import write_rejections_csv  # noqa: E402
from stationmap.ui.main_window import MainWindow  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CSV_TEXT = (
    "nro_denuncia;fecha_hecho;hora;modalidad;latitud;longitud;direccion\n"
    "D-1;15/10/2026;21:30;ROBO;-8.07;-79.03;Av. Tahuantinsuyo 123\n"
    "D-2;16/10/2026;08:15;HURTO;-8.08;-79.04;Jr. Junin 645\n"
    "D-3;31/02/2026;23:00;ROBO;-8.06;-79.02;Mz. P Lt. 8\n"
    "D-4;28/10/2026;;ROBO;-8.06;-79.02;Mz. P Lt. 9\n"
)


@pytest.fixture
def window(qtbot, config_dir, tmp_path, monkeypatch):
    # A message box would block the test; collect what it would say instead.
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Ok)
    window = MainWindow(SettingsStore(config_dir))
    qtbot.addWidget(window)
    assert window.create_project(tmp_path / "comisaria.stationmap")
    yield window
    window.imports.cancel()
    window.imports.wait()


def import_through_dialog(qtbot, window, paths):
    dialog = window.imports.dialog_for(paths)
    qtbot.addWidget(dialog)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(window.imports.runner.succeeded, timeout=20_000):
        window.imports.start(dialog.request())
    return window.imports.summary_dialog


def test_import_fills_table_and_summary_accounts_for_every_row(qtbot, window, tmp_path):
    csv_path = tmp_path / "denuncias.csv"
    csv_path.write_text(CSV_TEXT, encoding="utf-8")
    summary = import_through_dialog(qtbot, window, [csv_path])
    report = summary.report
    assert report["rows_read"] == 4
    assert report["rejected"] == 1                       # 31/02 does not exist
    assert report["imported"] == 3 and report["duplicates"] == 0
    assert summary.totals_label.text() == (
        "Filas leídas: 4 · importadas: 3 · duplicadas: 0 · rechazadas: 1")
    assert summary.rejections_table.rowCount() == 1
    assert summary.rejections_table.item(0, 1).text() == "4"   # spreadsheet row, header is 1
    assert window.incident_panel.model.rowCount() == 3
    assert window.counts_label.text() == "Incidentes: 3 de 3"
    assert window.settings.last_import_dir == str(tmp_path)

    exported = tmp_path / "rechazos.csv"
    write_rejections_csv(summary.rejections, exported)
    rows = list(csv.reader(exported.open(encoding="utf-8-sig")))
    assert rows[0][:4] == ["archivo", "fila", "codigo", "motivo"] and rows[1][1] == "4"
    assert rows[1][4:] == ["D-3", "31/02/2026", "23:00", "ROBO", "-8.06", "-79.02", "Mz. P Lt. 8"]


def test_importing_the_same_file_again_adds_nothing(qtbot, window, tmp_path):
    csv_path = tmp_path / "denuncias.csv"
    csv_path.write_text(CSV_TEXT, encoding="utf-8")
    import_through_dialog(qtbot, window, [csv_path])
    again = import_through_dialog(qtbot, window, [csv_path]).report
    assert (again["imported"], again["duplicates"], again["rejected"]) == (0, 3, 1)
    assert window.incident_panel.model.total_count() == 3

    from stationmap.ui.import_summary import ImportHistoryDialog

    history = ImportHistoryDialog(window.project)
    qtbot.addWidget(history)
    assert history.table.rowCount() == 2
    # When, as dates read in the app (day first, local time), not the stored ISO text with its offset.
    assert re.fullmatch(r"\d\d/\d\d/20\d\d \d\d:\d\d", history.table.item(0, 0).text())
    detail = history.report_for(1)
    assert detail["duplicates"] == 3 and len(detail["rejections"]) == 1


def test_sample_station_csv_imports_with_every_row_accounted_for(qtbot, window):
    station = ROOT / "sample_data" / "station"
    files = sorted(station.glob("*.csv"))
    if not files:
        pytest.skip("sample_data/station has no CSV")
    report = import_through_dialog(qtbot, window, files).report
    assert report["rows_read"] == report["imported"] + report["duplicates"] + report["rejected"]
    assert report["imported"] > 5000
    assert window.incident_panel.model.total_count() == report["imported"]


def test_start_page_builds_and_opens_the_sample_station(qtbot, config_dir, monkeypatch):
    pytest.importorskip("stationmap.store.sample")
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Ok)
    window = MainWindow(SettingsStore(config_dir))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.sample_runner.succeeded, timeout=60_000):
        qtbot.mouseClick(window.start_page.sample_button, Qt.MouseButton.LeftButton)
    assert window.project is not None
    assert Path(window.project.path).parent == config_dir
    assert window.incident_panel.model.total_count() > 5000
    assert window.counts_label.text().startswith("Incidentes: ")
    window.close()


def test_summary_groups_the_thousands_of_counts_but_not_of_row_numbers(qtbot):
    from stationmap.ui.import_summary import ImportSummaryDialog

    report = {"rows_read": 1_204_311, "imported": 1_190_000, "duplicates": 14_310, "rejected": 1,
              "files": [{"file": "/datos/2025.csv", "kind": "incidents", "rows_read": 1_204_311,
                         "imported": 1_190_000, "duplicates": 14_310, "rejected": 1}],
              "rejections": [{"file": "/datos/2025.csv", "row": 123_457, "code": "date.invalid",
                              "message": "fecha imposible"}], "warnings": []}
    summary = ImportSummaryDialog(report)
    qtbot.addWidget(summary)
    assert summary.totals_label.text() == (
        "Filas leídas: 1,204,311 · importadas: 1,190,000 · duplicadas: 14,310 · rechazadas: 1")
    assert [summary.files_table.item(0, c).text() for c in range(2, 6)] == ["1,204,311", "1,190,000", "14,310", "1"]
    assert summary.rejections_table.item(0, 1).text() == "123457"   # as the spreadsheet numbers its rows


def test_progress_dialog_keeps_its_width_so_cancel_stays_under_the_mouse(qtbot):
    from PySide6.QtWidgets import QPushButton

    from stationmap.ui.tasks import TaskProgressDialog, TaskRunner

    runner = TaskRunner()
    dialog = TaskProgressDialog(runner, "Importando…")
    qtbot.addWidget(dialog)
    dialog.show()
    cancel = dialog.findChild(QPushButton)
    where = (dialog.size(), cancel.geometry())
    for message in ("Leyendo denuncias.csv…",
                    "Guardando CUAJIMALPA_DE_MORELOS_2016_2022.csv: 12,345 de 67,890 filas…",
                    "Confirmando la importación…"):
        runner.progressed.emit(0.5, message)
        assert (dialog.size(), cancel.geometry()) == where, message
        if "CUAJIMALPA" in message:   # shortened on screen, whole in the tooltip
            assert dialog.labelText().endswith("67,890 filas…") and dialog.toolTip() == message


def held_import(monkeypatch, hold_when):
    """Make the window's import wait inside the progress report that `hold_when(fraction, message)`
    picks, until the test opens the returned gate: Cancel then lands at a known point."""
    import threading

    from stationmap.ui import import_flow

    held, gate = threading.Event(), threading.Event()
    real_run = import_flow._run_import

    def run(request, progress):
        def report(fraction, message=""):
            progress(fraction, message)
            if hold_when(fraction, message):
                held.set()
                gate.wait(20)
        return real_run(request, report)

    monkeypatch.setattr(import_flow, "_run_import", run)
    return held, gate


def click_cancel_when_held(qtbot, window, held, gate):
    from PySide6.QtWidgets import QPushButton

    from stationmap.ui.tasks import TaskProgressDialog

    qtbot.waitUntil(held.is_set, timeout=20_000)
    progress = window.findChild(TaskProgressDialog)
    qtbot.waitUntil(progress.isVisible, timeout=5000)
    cancel = progress.findChild(QPushButton)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert progress.isVisible() and not cancel.isEnabled()   # "Cancelando…" until it has stopped
    gate.set()


def test_cancel_imports_nothing_and_says_so(qtbot, window, tmp_path, monkeypatch):
    csv_path = tmp_path / "denuncias.csv"
    csv_path.write_text(CSV_TEXT, encoding="utf-8")
    held, gate = held_import(monkeypatch, lambda fraction, message: fraction < 1.0)
    dialog = window.imports.dialog_for([csv_path])
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(window.imports.runner.cancelled, timeout=20_000):
        window.imports.start(dialog.request())
        click_cancel_when_held(qtbot, window, held, gate)
    notice = window.imports.cancel_notice
    assert notice is not None and notice.isVisible()
    assert notice.text() == "Importación cancelada. No se importó nada: el proyecto quedó como estaba."
    assert window.project.incident_count() == 0 and window.project.imports().empty
    assert window.imports.summary_dialog is None


def test_cancel_while_committing_shows_what_was_imported(qtbot, window, tmp_path, monkeypatch):
    csv_path = tmp_path / "denuncias.csv"
    csv_path.write_text(CSV_TEXT, encoding="utf-8")
    held, gate = held_import(monkeypatch, lambda fraction, message: message.startswith("Confirmando"))
    dialog = window.imports.dialog_for([csv_path])
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(window.imports.runner.succeeded, timeout=20_000):
        window.imports.start(dialog.request())
        click_cancel_when_held(qtbot, window, held, gate)
    # Past its last report the import commits; saying "nothing was imported" would be false.
    assert window.imports.cancel_notice is None
    assert window.imports.summary_dialog.report["imported"] == 3
    assert window.project.incident_count() == 3


def test_history_shows_every_column_at_its_default_size(qtbot, tmp_path):
    from stationmap.store.import_job import ImportRequest, run
    from stationmap.store.project import Project
    from stationmap.ui.import_summary import ImportHistoryDialog

    names = ["CUAJIMALPA_DE_MORELOS.csv", "LA_MAGDALENA_CONTRERAS.csv", "MILPA_ALTA.csv"]
    for number, name in enumerate(names):
        (tmp_path / name).write_text(CSV_TEXT.replace("D-", f"{name[:3]}-"), encoding="utf-8")
    project_path = tmp_path / "comisaria.stationmap"
    run(ImportRequest(project_path, [tmp_path / name for name in names]))
    with Project.open(project_path) as project:
        history = ImportHistoryDialog(project)
        qtbot.addWidget(history)
        history.show()
        header = history.table.horizontalHeader()
        last = header.count() - 1
        assert header.sectionViewportPosition(last) + header.sectionSize(last) <= history.table.viewport().width()
        assert not history.table.horizontalScrollBar().isVisible()
        shown = history.table.item(0, 1)
        assert shown.toolTip() == ", ".join(names)   # the whole list, where the column is cut short


def test_rejections_are_offered_beside_the_project_not_among_the_monthly_files(qtbot, tmp_path, monkeypatch):
    # Saved in the folder of monthly exports, the rejected rows would be read back as one more month by
    # that folder's next import. They are offered beside the project file, dated.
    import datetime as dt

    from PySide6.QtWidgets import QFileDialog

    from stationmap.ui.import_summary import ImportSummaryDialog

    data, station = tmp_path / "datos", tmp_path / "comisaria"
    data.mkdir()
    station.mkdir()
    report = {"rows_read": 4, "imported": 3, "duplicates": 0, "rejected": 1,
              "files": [{"file": str(data / "denuncias.csv"), "kind": "incidents", "rows_read": 4,
                         "imported": 3, "duplicates": 0, "rejected": 1}],
              "rejections": [{"file": str(data / "denuncias.csv"), "row": 4, "code": "date.invalid",
                              "message": "fecha imposible"}], "warnings": []}
    offered = []

    def save_as(parent, caption, start, filter_):
        offered.append(start)
        return str(tmp_path / "elegido.csv"), filter_   # where the user saved it

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    summary = ImportSummaryDialog(report, project_folder=station)
    qtbot.addWidget(summary)
    qtbot.mouseClick(summary.export_button, Qt.MouseButton.LeftButton)
    assert offered == [str(station / f"rechazos_{dt.date.today():%Y-%m-%d}.csv")]
    assert (tmp_path / "elegido.csv").read_text(encoding="utf-8-sig").splitlines()[1].startswith(
        f"{data / 'denuncias.csv'},4,date.invalid")
    # Without a project folder (or with it gone): the home folder, still not the data folder.
    orphan = ImportSummaryDialog(report, project_folder=tmp_path / "retirado")
    qtbot.addWidget(orphan)
    qtbot.mouseClick(orphan.export_button, Qt.MouseButton.LeftButton)
    assert Path(offered[-1]).parent == Path.home()


def test_rejected_rows_export_with_their_cells_and_come_back_once_corrected(tmp_path):
    """The rejections CSV holds each rejected row as it was read, after the reasons: corrected in a
    spreadsheet, it imports as it is (the reason columns are not mapped), and the row arrives whole.
    The project keeps the cells too, so the history's export has them."""
    from stationmap.store.import_job import ImportRequest, run
    from stationmap.store.project import Project

    source = tmp_path / "denuncias.csv"
    source.write_text(CSV_TEXT, encoding="utf-8")
    project_path = tmp_path / "p.stationmap"
    report = run(ImportRequest(project_path, [source])).to_json()
    assert [(r["row"], r["cells"]["fecha_hecho"]) for r in report["rejections"]] == [(4, "31/02/2026")]
    with Project.open(project_path) as project:
        stored = project.rejections()
    assert stored["cells"].tolist() == [r["cells"] for r in report["rejections"]]

    exported = tmp_path / "rechazos.csv"
    write_rejections_csv(stored.to_dict("records"), exported)
    with open(exported, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["archivo", "fila", "codigo", "motivo", "nro_denuncia", "fecha_hecho", "hora", "modalidad",
                       "latitud", "longitud", "direccion"]
    assert rows[1][4:] == ["D-3", "31/02/2026", "23:00", "ROBO", "-8.06", "-79.02", "Mz. P Lt. 8"]

    rows[1][5] = "28/02/2026"   # the user's correction
    with open(exported, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    again = run(ImportRequest(project_path, [exported]))
    assert (again.imported, again.rejected, again.duplicates) == (1, 0, 0)
    with Project.open(project_path) as project:
        incidents = project.incidents()
    row = incidents[incidents["source_id"] == "D-3"].iloc[0]
    assert row["address"] == "Mz. P Lt. 8" and row["category_raw"] == "ROBO"


SIDPOL_TEXT = ("AÑO;MES;DEPARTAMENTO;PROVINCIA;DISTRITO;UBIGEO_HECHO;MODALIDAD;CANTIDAD\n"
               "2026;9;LA LIBERTAD;TRUJILLO;EL PORVENIR;130102;Robo;41\n"
               "2026;10;LA LIBERTAD;TRUJILLO;EL PORVENIR;130102;Robo;37\n"
               "2026;10;LA LIBERTAD;TRUJILLO;TRUJILLO;130101;Hurto;120\n")


def test_counts_imported_after_incidents_show_at_once_and_the_summary_says_what_they_are(qtbot, window, tmp_path):
    """QA: after a SIDPOL table the map kept only "Incidentes" and "Densidad" until the project was
    reopened, and the summary said nothing of what the 17,471 rows were."""
    incidents = tmp_path / "denuncias.csv"
    incidents.write_text(CSV_TEXT, encoding="utf-8")
    import_through_dialog(qtbot, window, [incidents])
    assert window.map_panel.document.districts is None
    table = tmp_path / "sidpol_trujillo.csv"
    table.write_text(SIDPOL_TEXT, encoding="cp1252")
    announced = []
    window.counts_changed.connect(announced.append)
    summary = import_through_dialog(qtbot, window, [table])
    qtbot.waitUntil(lambda: window.map_panel.is_ready, timeout=60_000)   # its page again, with the layer
    # The map's districts layer, coloured by the counts just imported, without reopening the project.
    layer = window.map_panel.document.districts
    assert layer is not None
    counted = {f["properties"]["ubigeo"]: f["properties"]["count"] for f in layer["geojson"]["features"]
               if f["properties"]["count"] is not None}
    assert counted == {"130102": 78, "130101": 120}
    from conftest import page_value

    qtbot.waitUntil(lambda: page_value(qtbot, window.map_panel, "!!SM.overlays.districts"), timeout=10_000)
    assert len(announced) == 1 and announced[0]["count"].sum() == 198
    # The summary says they are counts, how many denuncias they hold, and where to see them.
    text = summary.counts_label.text()
    assert summary.counts_label.isVisibleTo(summary)
    assert "conteos de denuncias por distrito y mes" in text and "198 denuncias en 2 distritos" in text
    assert "09/2026 a 10/2026" in text
    assert "«Distritos (conteos)»" in text and "Ver → Estadísticas agregadas" in text
    # The status bar tells of both.
    assert window.counts_label.text() == "Incidentes: 3 de 3 · Conteos por distrito y mes: 3 filas, 09/2026–10/2026"
    # The history's detail says the same.
    from stationmap.ui.import_summary import ImportHistoryDialog, ImportSummaryDialog

    history = ImportHistoryDialog(window.project)
    qtbot.addWidget(history)
    again = ImportSummaryDialog(history.report_for(1))
    qtbot.addWidget(again)
    assert again.counts_label.text() == text
    # An import of incidents says nothing of counts.
    assert not ImportSummaryDialog(history.report_for(0)).counts_label.text()


def test_the_same_warning_of_every_file_of_a_folder_is_one_line(qtbot):
    """QA: 18 monthly files gave 54 warning lines; the fact that no located row is in Peru was buried."""
    from stationmap.ui.import_summary import ImportSummaryDialog

    warnings = []
    for month, (outside, empty) in enumerate([(431, 15), (478, 31), (12, 0)], start=1):
        name = f"/datos/2016-{month:02d}-city-of-london-street.csv"
        warnings.append({"file": name, "code": "rows.time_none", "data": {},
                         "message": "El archivo no tiene columna de hora: los hechos se importaron solo con su fecha."})
        warnings.append({"file": name, "code": "rows.coords_outside_peru",
                         "data": {"count": str(outside), "rows": "2, 3, 4"},
                         "message": f"{outside} filas tienen coordenadas fuera del Perú; se importaron marcadas "
                                    "(filas 2, 3, 4)."})
        if empty:
            warnings.append({"file": name, "code": "rows.coords_empty", "data": {"count": str(empty), "rows": "9"},
                             "message": f"{empty} filas no tienen coordenadas (filas 9)."})
    report = {"rows_read": 0, "imported": 0, "duplicates": 0, "rejected": 0, "files": [], "rejections": [],
              "warnings": warnings}
    summary = ImportSummaryDialog(report)
    qtbot.addWidget(summary)
    lines = summary.warning_lines()
    assert len(lines) == 3
    assert lines[0] == ("El archivo no tiene columna de hora: los hechos se importaron solo con su fecha.\n"
                        "en 3 archivos: 2016-01-city-of-london-street.csv, 2016-02-city-of-london-street.csv, "
                        "2016-03-city-of-london-street.csv")
    # The rows of every file added up, and each file's own line a click away.
    assert lines[1].startswith("921 filas tienen coordenadas fuera del Perú; se importaron marcadas "
                               "(filas en el detalle de cada archivo).\nen 3 archivos: ")
    folded = summary.warnings_view.topLevelItem(1)
    assert [folded.child(i).text(0) for i in range(folded.childCount())] == [
        f"{w['file'].rsplit('/', 1)[1]}: {w['message']}" for w in warnings if w["code"] == "rows.coords_outside_peru"]
    assert lines[2].startswith("46 filas no tienen coordenadas") and "en 2 archivos:" in lines[2]
    # Many files: the first ones and the last are named, every one in the tooltip.
    many = [dict(warnings[0], file=f"/datos/2016-{m:02d}.csv") for m in range(1, 19)]
    summary = ImportSummaryDialog(dict(report, warnings=many))
    qtbot.addWidget(summary)
    assert summary.warning_lines()[0].endswith("en 18 archivos: 2016-01.csv, 2016-02.csv, …, 2016-18.csv")
    assert summary.warnings_view.topLevelItem(0).toolTip(0).count("\n") == 17
    # A warning of one file alone stays as it was: its file, its words.
    one = ImportSummaryDialog(dict(report, warnings=warnings[1:2]))
    qtbot.addWidget(one)
    assert one.warning_lines() == [f"2016-01-city-of-london-street.csv: {warnings[1]['message']}"]
