"""Import dialog: preview, editable guessed mapping, day-first question, profiles, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("stationmap.io.preview")
Project = pytest.importorskip("stationmap.store.project").Project

from stationmap.ui.import_dialog import ImportDialog  # noqa: E402

CSV_TEXT = (
    "fecha_hecho;hora;modalidad;latitud;longitud;direccion\n"
    "15/10/2026;21:30;ROBO;-8.07;-79.03;Av. Tahuantinsuyo 123\n"
    "16/10/2026;08:15;HURTO;-8.08;-79.04;Jr. Junin 645\n"
    "28/10/2026;23:00;ROBO;-8.06;-79.02;Mz. P Lt. 8\n"
)


@pytest.fixture
def project(tmp_path):
    with Project.create(tmp_path / "prueba.stationmap") as project:
        yield project


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


def test_preview_shows_rows_and_guessed_columns_and_edits_change_the_mapping(qtbot, tmp_path, project):
    csv_path = write(tmp_path / "denuncias.csv", CSV_TEXT)
    dialog = ImportDialog(project, [csv_path])
    qtbot.addWidget(dialog)
    assert dialog.preview_model.rowCount() == 3
    assert dialog.preview_model.horizontalHeaderItem(0).text() == "fecha_hecho"
    assert dialog.preview_model.item(0, 2).text() == "ROBO"
    assert "Separador: punto y coma" in dialog.info_label.text()
    combos = dialog.mapping_form.combos
    assert combos["date"].currentText() == "fecha_hecho"
    assert combos["time"].currentText() == "hora"
    assert combos["category"].currentText() == "modalidad"
    assert combos["lat"].currentText() == "latitud"
    assert combos["lon"].currentText() == "longitud"
    assert dialog.day_first_box.isHidden()   # 28/10 settles dd/mm
    assert dialog.import_button.isEnabled()
    assert dialog.request().mapping is None   # untouched guess: each file guessed on its own

    combos["address"].setCurrentText("(ninguna)")
    combos["description"].setCurrentText("direccion")
    mapping = dialog.request().mapping
    assert "address" not in mapping.fields
    assert mapping.fields["description"] == "direccion"
    assert mapping.fields["date"] == "fecha_hecho"


def test_ambiguous_dates_ask_day_first_before_import(qtbot, tmp_path, project):
    csv_path = write(tmp_path / "ambiguas.csv",
                     "fecha;hora;delito\n03/04/2026;10:00;ROBO\n05/06/2026;11:00;HURTO\n")
    dialog = ImportDialog(project, [csv_path])
    qtbot.addWidget(dialog)
    assert not dialog.day_first_box.isHidden()
    assert not dialog.import_button.isEnabled()
    dialog.month_first_radio.setChecked(True)
    assert dialog.import_button.isEnabled()
    assert dialog.request().mapping.day_first is False


def test_profile_saved_and_loaded_back(qtbot, tmp_path, project):
    csv_path = write(tmp_path / "denuncias.csv", CSV_TEXT)
    dialog = ImportDialog(project, [csv_path])
    qtbot.addWidget(dialog)
    dialog.mapping_form.combos["subcategory"].setCurrentText("direccion")
    dialog.save_profile("Export SIDPOL")
    assert project.mapping_profiles()["Export SIDPOL"].fields["subcategory"] == "direccion"

    again = ImportDialog(project, [csv_path])
    qtbot.addWidget(again)
    assert again.profile_combo.currentText() == "Export SIDPOL"
    assert again.mapping_form.combos["subcategory"].currentText() == "(ninguna)"
    again.load_profile("Export SIDPOL")
    assert again.mapping_form.combos["subcategory"].currentText() == "direccion"
    assert again.request().mapping.fields["subcategory"] == "direccion"


def test_a_folder_adds_its_supported_files(qtbot, tmp_path, project):
    folder = tmp_path / "mensual"
    folder.mkdir()
    write(folder / "2026-09.csv", CSV_TEXT)
    write(folder / "2026-10.csv", CSV_TEXT)
    write(folder / "notas.docx", "no es una tabla")
    dialog = ImportDialog(project, [folder])
    qtbot.addWidget(dialog)
    assert [p.name for p in dialog.paths] == ["2026-09.csv", "2026-10.csv"]


def test_a_corrupt_file_gives_a_message_without_traceback(qtbot, tmp_path, project, captured_boxes):
    broken = tmp_path / "roto.xlsx"
    broken.write_bytes(b"PK\x03\x04 esto no es un libro de Excel" + bytes(range(256)) * 8)
    dialog = ImportDialog(project, [broken])
    qtbot.addWidget(dialog)
    assert len(captured_boxes) == 1
    assert "Traceback" not in captured_boxes[0]
    assert "roto.xlsx" in captured_boxes[0]
    assert not dialog.import_button.isEnabled()


def test_an_empty_file_gives_a_message_without_traceback(qtbot, tmp_path, project, captured_boxes):
    empty = write(tmp_path / "vacio.csv", "")
    dialog = ImportDialog(project, [empty])
    qtbot.addWidget(dialog)
    assert len(captured_boxes) == 1 and "Traceback" not in captured_boxes[0]
    assert not dialog.import_button.isEnabled()


def test_excel_preview_names_its_sheet(qtbot, project):
    from conftest import SAMPLE_DATA

    files = sorted((SAMPLE_DATA / "station").glob("*.xlsx"))
    if not files:
        pytest.skip("sample_data/station has no Excel file")
    dialog = ImportDialog(project, files[:1])
    qtbot.addWidget(dialog)
    text = dialog.info_label.text()
    assert text.startswith("Hoja: ")
    assert "Codificación" not in text and "Separador" not in text   # a text file's, not a workbook's
    assert "Tipo: registro de incidentes" in text
    assert dialog.mapping_form.combos["date"].currentText() != "(ninguna)"


def test_real_sidpol_export_is_recognised_as_an_aggregated_table(qtbot, project):
    from conftest import shared_path

    path = shared_path("data", "peru-sidpol-cajamarca", "DATASET_DENUNCIAS.csv")
    dialog = ImportDialog(project, [path])
    qtbot.addWidget(dialog)
    assert "tabla agregada" in dialog.info_label.text()
    assert dialog.mapping_form.combos["count"].currentText() == "CANTIDAD"
    assert dialog.mapping_form.combos["ubigeo"].currentText() == "UBIGEO_HECHO"
    assert dialog.preview_model.rowCount() == 50


def test_the_encoding_is_described_in_the_users_language(qtbot, tmp_path, project):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from stationmap.ui.translations import i18n_dir

    header_only = tmp_path / "encabezado.csv"
    header_only.write_bytes("AÑO;MES;DISTRITO;MODALIDAD;CANTIDAD\n".encode("cp1252")
                            + "2018;1;ENCAÑADA;Extorsión;3\n".encode())
    some_rows = tmp_path / "filas.csv"
    some_rows.write_bytes(CSV_TEXT.replace("Junin", "Junín").encode()
                          + "29/10/2026;10:00;ROBO;-8.05;-79.01;Jr. Peña 12\n".encode("cp1252"))
    bom = write(tmp_path / "bom.csv", "\ufeff" + CSV_TEXT)

    def described(path: Path) -> str:
        dialog = ImportDialog(project, [path])
        qtbot.addWidget(dialog)
        return dialog.info_label.text()

    assert "Codificación: mixta: encabezado en CP1252, filas en UTF-8 ·" in described(header_only)
    assert "Codificación: mixta: UTF-8, salvo 1 línea en CP1252 ·" in described(some_rows)
    some_rows.write_bytes(some_rows.read_bytes() + "30/10/2026;11:00;HURTO;-8.05;-79.01;Jr. Peña 14\n".encode("cp1252"))
    assert "Codificación: mixta: UTF-8, salvo 2 líneas en CP1252 ·" in described(some_rows)
    assert "Codificación: UTF-8 con BOM ·" in described(bom)
    assert "Codificación: UTF-8 ·" in described(write(tmp_path / "plano.csv", CSV_TEXT))
    translator = QTranslator()
    assert translator.load("stationmap_en", str(i18n_dir()))
    QCoreApplication.installTranslator(translator)
    try:
        assert "mixed: header in CP1252, rows in UTF-8 ·" in described(header_only)
        assert "mixed: UTF-8 but for 2 lines in CP1252 ·" in described(some_rows)
        assert "UTF-8 with BOM ·" in described(bom)
    finally:
        QCoreApplication.removeTranslator(translator)


def long_export(path: Path, late_row: bytes, first_rows: int = 40_000) -> Path:
    """An export longer than the preview reads (1 MB), with `late_row` near its end."""
    row = "15/10/2026;21:30;ROBO;-8.07;-79.03;Av. Tahuantinsuyo 123\n".encode()
    path.write_bytes(CSV_TEXT.replace("Junin", "Junín").encode() + row * first_rows + late_row + row * 5)
    return path


def test_the_preview_does_not_claim_an_encoding_the_rest_of_the_file_contradicts(qtbot, tmp_path, project):
    """The preview reads the first rows; a CP1252 row near the end made the import say "mixta" where the
    preview had said "UTF-8". The rest of a UTF-8 start is checked; other starts say what they are judged on."""
    late = "29/10/2026;10:00;ROBO;-8.05;-79.01;Jr. Peña 12\n".encode("cp1252")

    def described(path: Path) -> str:
        dialog = ImportDialog(project, [path])
        qtbot.addWidget(dialog)
        return dialog.info_label.text()

    assert "Codificación: UTF-8 al comienzo; más adelante hay líneas en otra codificación, que la importación " \
           "leerá con la suya ·" in described(long_export(tmp_path / "tarde.csv", late))
    assert "Codificación: UTF-8 ·" in described(long_export(tmp_path / "utf8.csv", late.decode("cp1252").encode()))
    cp1252 = tmp_path / "latin.csv"
    cp1252.write_bytes(long_export(tmp_path / "tmp.csv", b"").read_text(encoding="utf-8").encode("cp1252"))
    assert "Codificación: CP1252 (según las primeras filas) ·" in described(cp1252)


def test_a_folder_of_only_subfolders_says_to_choose_one(qtbot, tmp_path, project, captured_boxes):
    datos = tmp_path / "datos"
    for name in ("2025", "2026"):
        (datos / name).mkdir(parents=True)
        write(datos / name / "enero.csv", CSV_TEXT)
    dialog = ImportDialog(project, [datos])
    qtbot.addWidget(dialog)
    [box] = captured_boxes
    assert "tiene 2 subcarpetas (2025, 2026). Elija una de ellas." in box
    assert dialog.paths == [] and not dialog.import_button.isEnabled()


def test_a_folder_of_real_monthly_files_is_listed_in_order(qtbot, project):
    from conftest import shared_path

    folder = shared_path("data", "uk-police-city-of-london-street-2016-2017")
    dialog = ImportDialog(project, [folder])
    qtbot.addWidget(dialog)
    names = [p.name for p in dialog.paths]
    assert len(names) == 18 and names == sorted(names) and names[0].startswith("2016-01")
    assert dialog.mapping_form.combos["lat"].currentText() == "Latitude"
    assert dialog.mapping_form.combos["lon"].currentText() == "Longitude"


@pytest.mark.parametrize("screen", [(1366, 768), (1280, 720), (1024, 600)])
def test_the_dialog_fits_a_small_laptop_screen_with_its_buttons(qtbot, tmp_path, project, monkeypatch, screen):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    width, height = screen
    taskbar, frame = 40, (16, 40)   # the frame: title bar and borders outside the dialog
    monkeypatch.setattr(QScreen, "availableGeometry", lambda self: QRect(0, 0, width, height - taskbar))
    dialog = ImportDialog(project, [write(tmp_path / "ambiguas.csv",
                                          "fecha;hora;delito\n03/04/2026;10:00;ROBO\n")])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.width() + frame[0] <= width and dialog.height() + frame[1] <= height - taskbar
    assert dialog.width() >= 640 and dialog.height() >= 440   # not shrunk past use on any of them
    for button in dialog.buttons.buttons():
        place = QRect(button.mapTo(dialog, button.rect().topLeft()), button.size())
        assert dialog.rect().contains(place), button.text()


def monthly_folder_with_a_corrupt_month(tmp_path: Path) -> Path:
    folder = tmp_path / "mensual"
    folder.mkdir()
    (folder / "2026-08.xlsx").write_bytes(b"PK\x03\x04 esto no es un libro de Excel" + bytes(range(256)) * 8)
    write(folder / "2026-09.csv", CSV_TEXT)
    write(folder / "2026-10.csv", CSV_TEXT)
    return folder


def test_an_unreadable_file_does_not_hold_back_the_others(qtbot, tmp_path, project, captured_boxes):
    dialog = ImportDialog(project, [monthly_folder_with_a_corrupt_month(tmp_path)])
    qtbot.addWidget(dialog)
    assert dialog.files_list.currentRow() == 0 and len(captured_boxes) == 1   # 2026-08.xlsx, said once
    assert dialog.import_button.isEnabled()
    assert "No se pudo leer 2026-08.xlsx. Puede quitarlo" in dialog.info_label.text()
    dialog.files_list.setCurrentRow(1)
    assert dialog.preview_model.rowCount() == 3
    dialog.files_list.setCurrentRow(0)   # looking at the bad one again
    assert dialog.import_button.isEnabled()
    assert [p.name for p in dialog.request().paths] == ["2026-08.xlsx", "2026-09.csv", "2026-10.csv"]


def test_files_are_removed_with_the_button_and_the_delete_key(qtbot, tmp_path, project, captured_boxes):
    from PySide6.QtCore import Qt

    dialog = ImportDialog(project, [monthly_folder_with_a_corrupt_month(tmp_path)])
    qtbot.addWidget(dialog)
    assert dialog.preview is None   # the corrupt month is shown first
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert [p.name for p in dialog.paths] == ["2026-09.csv", "2026-10.csv"]
    assert dialog.files_list.count() == 2 and dialog.preview_model.rowCount() == 3   # the next one
    assert "Separador: punto y coma" in dialog.info_label.text()

    dialog.files_list.setCurrentRow(1)
    qtbot.keyClick(dialog.files_list, Qt.Key.Key_Delete)
    assert [p.name for p in dialog.paths] == ["2026-09.csv"]
    assert dialog.import_button.isEnabled()
    dialog.files_list.selectAll()
    qtbot.keyClick(dialog.files_list, Qt.Key.Key_Delete)
    assert dialog.paths == [] and dialog.files_list.count() == 0
    assert dialog.preview_model.rowCount() == 0 and dialog.info_label.text() == ""
    assert not dialog.import_button.isEnabled() and not dialog.remove_button.isEnabled()
    assert len(captured_boxes) == 1


def test_the_english_mapping_form_labels_the_category_in_english(qtbot, tmp_path, project):
    from PySide6.QtCore import QCoreApplication, QTranslator
    from PySide6.QtWidgets import QLabel

    from stationmap.ui.translations import i18n_dir

    translator = QTranslator()
    assert translator.load("stationmap_en", str(i18n_dir()))
    QCoreApplication.installTranslator(translator)
    try:
        dialog = ImportDialog(project, [write(tmp_path / "denuncias.csv", CSV_TEXT)])
        qtbot.addWidget(dialog)
        combo = dialog.mapping_form.combos["category"]
        labels = [label.text() for label in dialog.mapping_form.findChildren(QLabel) if label.buddy() is combo]
        assert labels == ["Category (crime type)"]
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_workbook_of_several_sheets_offers_them_and_imports_the_one_chosen(qtbot, tmp_path, project):
    """A cover sheet first ("Resumen"), the register second, a second register third: the dialog
    shows the sheets, starts on the first it recognises, and the import takes the sheet chosen."""
    from openpyxl import Workbook

    from stationmap.store.import_job import run

    book = Workbook()
    book.active.title = "Resumen"
    book.active.append(["Resumen mensual de denuncias"])
    rows = [line.split(";") for line in CSV_TEXT.strip().splitlines()]
    for name, data in (("Denuncias", rows), ("Octubre", rows[:2])):
        sheet = book.create_sheet(name)
        for row in data:
            sheet.append(row)
    path = tmp_path / "registro.xlsx"
    book.save(path)

    dialog = ImportDialog(project, [path])
    qtbot.addWidget(dialog)
    assert dialog.sheet_combo.isVisibleTo(dialog)
    assert [dialog.sheet_combo.itemText(k) for k in range(3)] == ["Resumen", "Denuncias", "Octubre"]
    assert dialog.sheet_combo.currentText() == "Denuncias" and dialog.preview_model.rowCount() == 3
    dialog.sheet_combo.activated.emit(2)   # as when the user picks "Octubre"
    assert dialog.preview_model.rowCount() == 1 and dialog.request().sheet == "Octubre"
    project.close()
    report = run(dialog.request())
    assert report.imported == 1 and report.rows_read == 1


def test_a_text_file_shows_no_sheet_chooser(qtbot, tmp_path, project):
    dialog = ImportDialog(project, [write(tmp_path / "denuncias.csv", CSV_TEXT)])
    qtbot.addWidget(dialog)
    assert not dialog.sheet_combo.isVisibleTo(dialog) and dialog.request().sheet is None
