"""The patrol plan in the window, on the sample station: resources, generate, override, rebalance,
versions, comparison with last week, export."""

from __future__ import annotations

import shutil
from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QComboBox, QMessageBox, QStyleOptionViewItem

from stationmap.planning import project_geography as geo
from stationmap.planning.plan import UnitsSpec
from stationmap.ui.app_config import SettingsStore
from stationmap.ui.main_window import MainWindow
from stationmap.ui.plan import install
from stationmap.ui.plan.assignments_model import SECTOR
from stationmap.ui.plan.generate_dialog import GenerateDialog, PlanChoices
from stationmap.ui.plan.sector_overlay import OVERLAY_NAME
from stationmap.ui.training.checks import ROLL_CALL_PDF

WEEK = date(2026, 11, 16)   # the Monday after the sample's last incident (Sunday 15/11/2026)


@pytest.fixture
def captured_boxes(monkeypatch):
    """Every message box text (errors, questions) without blocking; questions answer No."""
    texts: list[str] = []

    def fake_exec(box):
        texts.append(box.text())
        return QMessageBox.StandardButton.Ok

    def fake_question(parent, title, text, *args, **kwargs):
        texts.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "question", fake_question)
    return texts


@pytest.fixture
def station(qtbot, config_dir, tmp_path, sample_project_file, captured_boxes):
    """A window on a copy of the sample station (no sectors yet) with the plan installed."""
    path = tmp_path / "porvenir.stationmap"
    shutil.copy(sample_project_file, path)
    window = MainWindow(SettingsStore(config_dir))
    qtbot.addWidget(window)
    overlays: list[tuple] = []
    if window.map_panel is not None:
        window.map_panel.set_overlay = lambda name, geojson, **kw: overlays.append((name, geojson, kw))
    panel = install(window)
    assert window.open_project(path)
    yield window, panel, overlays
    panel.runner.wait()


def build(qtbot, panel, start=WEEK, seed=1, author="My. PNP Quispe"):
    with qtbot.waitSignal(panel.runner.finished, timeout=30_000):
        panel.generate_with(PlanChoices(start, start + timedelta(days=6), seed, author, 5))
    assert panel.plan is not None and panel.plan.period_start == start


def available(spec: UnitsSpec, shift: str) -> int:
    return sum(spec.per_shift.get(shift, {}).values())


def test_menu_and_dock_are_installed(station):
    window, panel, _ = station
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Patrullaje" in titles
    menu = window.extension_menu("patrol")
    assert [a.text() for a in menu.actions()] == ["Plan de patrullaje", "Generar plan…", "Exportar plan…"]
    assert window.findChild(type(panel), "plan_panel") is panel
    assert not panel.save_button.isEnabled()   # nothing to save or export before a plan exists
    assert not menu.actions()[2].isEnabled() and menu.actions()[1].isEnabled()


def test_resources_are_saved_with_the_project_and_reloaded(station, qtbot):
    window, panel, _ = station
    editor = panel.units_editor
    editor.counts[("noche", "motorizado")].setValue(2)
    editor.counts[("tarde", "a_pie")].setValue(3)
    editor.counts[("noche", "at_station")].setValue(2)
    editor.minimum.setValue(1)
    editor.cap.setValue(4)
    editor.calls_share.setValue(70)
    editor.save_button.click()
    saved = UnitsSpec.from_json(window.project.get_meta("units_spec"))
    assert saved.per_shift["noche"]["motorizado"] == 2 and saved.per_shift["tarde"]["a_pie"] == 3
    assert (saved.at_station["noche"], saved.minimum_per_sector, saved.cap_per_sector) == (2, 1, 4)
    assert saved.proactive_share == pytest.approx(0.30)

    path = window.project.path
    window.close_project()
    assert editor.counts[("noche", "motorizado")].value() == 0   # defaults without a project
    assert window.open_project(path)
    assert editor.spec() == saved
    assert editor.cap.value() == 4 and editor.calls_share.value() == 70


def test_generate_makes_sectors_and_places_every_unit(station, qtbot):
    window, panel, overlays = station
    assert geo.sectors(window.project) == []
    build(qtbot, panel)
    assert len(geo.sectors(window.project)) == 5   # generated and kept in the project
    spec = panel.plan.spec
    for (day, shift), allocation in panel.plan.allocations.items():
        assert len(allocation.assignments) == available(spec, shift)
    assert panel.plan.author == "My. PNP Quispe" and "sectores" in panel.status.text()
    assert window.extension_menu("patrol").actions()[2].isEnabled()   # Exportar plan…
    view = panel.plan_view
    assert view.day.count() == 7 and view.shift.count() == 3
    view.choose(WEEK + timedelta(days=4), "noche")
    rows = view.model.rowCount()
    assert rows == available(spec, "noche")
    assert "sin guardar" in panel.status.text() and "My. PNP Quispe" in panel.status.text()
    if window.map_panel is not None:
        name, geojson, options = overlays[-1]
        assert name == OVERLAY_NAME and options["label_property"] == "etiqueta"
        deployed = sum(1 for a in panel.plan.allocations[(WEEK + timedelta(days=4), "noche")].assignments
                       if a.sector)
        assert sum(f["properties"]["unidades"] for f in geojson["features"]) == deployed
        assert "Noche" in options["title"]


def test_override_locks_a_unit_and_rebalance_keeps_it_and_every_total(station, qtbot):
    window, panel, _ = station
    build(qtbot, panel)
    view = panel.plan_view
    day = WEEK + timedelta(days=2)
    view.choose(day, "noche")
    model = view.model
    row = next(r for r in range(model.rowCount()) if model.assignment(r).unit.id == "PT-02")
    current = model.assignment(row).sector
    target = next(s.name for s in panel.plan.sectors if s.name != current)
    # Through the sector combo, as the commander does it.
    index = model.index(row, SECTOR)
    delegate = view.table.itemDelegateForColumn(SECTOR)
    combo = delegate.createEditor(view.table, QStyleOptionViewItem(), index)
    delegate.setEditorData(combo, index)
    assert combo.currentText() == current
    combo.setCurrentIndex(combo.findData(target))
    delegate.setModelData(combo, model, index)
    qtbot.waitUntil(lambda: bool(panel.plan.spec.locked))   # the override arrives queued
    edited = next(model.assignment(r) for r in range(model.rowCount()) if model.assignment(r).unit.id == "PT-02")
    assert (edited.sector, edited.locked) == (target, True)
    assert panel.plan.spec.locked == {"PT-02": target}
    assert "PT-02 → " + target in view.locks.text()

    with qtbot.waitSignal(panel.runner.finished, timeout=30_000):
        panel.rebalance_button.click()
    plan = panel.plan
    for (d, shift), allocation in plan.allocations.items():
        assert len(allocation.assignments) == available(plan.spec, shift)
        pt02 = [a for a in allocation.assignments if a.unit.id == "PT-02"]
        assert [(a.sector, a.locked) for a in pt02] == [(target, True)]
    assert view.current() == (day, "noche")   # the commander keeps looking at the same shift
    assert not view.moves.isHidden() and view.moves.rowCount() > 0
    moved_pt02 = [view.moves.item(r, 4).text() for r in range(view.moves.rowCount())
                  if view.moves.item(r, 2).text() == "PT-02"]
    assert set(moved_pt02) <= {target}
    assert "asignaciones cambiaron" in view.moves_title.text()


def test_versions_are_saved_listed_opened_and_compared_with_last_week(station, qtbot, captured_boxes):
    window, panel, _ = station
    build(qtbot, panel, start=WEEK - timedelta(days=7))
    panel.compare_with_previous_week()
    assert captured_boxes[-1].startswith("No hay un plan guardado de una semana anterior al 09/11/2026")
    panel.save_button.click()
    last_week_units = sum(len(a.assignments) for a in panel.plan.allocations.values())
    build(qtbot, panel, start=WEEK, seed=2)
    panel.save_button.click()
    panel.save_button.click()
    assert "versión 2 guardada" in panel.status.text()
    versions = panel.versions
    assert versions.saved.rowCount() == 3
    assert [versions.saved.item(r, 1).text() for r in range(3)] == ["2", "1", "1"]
    assert versions.saved.item(2, 0).text() == "09/11/2026 – 15/11/2026"

    versions.previous_button.click()
    table = versions.units
    assert table.rowCount() > 0
    before = sum(int(table.item(r, 2).text()) for r in range(table.rowCount()))
    after = sum(int(table.item(r, 3).text()) for r in range(table.rowCount()))
    assert before == last_week_units
    assert after == sum(len(a.assignments) for a in panel.plan.allocations.values())
    assert "09/11/2026" in versions.title.text()
    assert versions.points.rowCount() >= len(panel.plan.critical_points)

    versions.saved.selectRow(2)
    versions.open_button.click()
    assert panel.plan.period_start == WEEK - timedelta(days=7) and panel.plan.version == 1
    assert "versión 1 guardada" in panel.status.text()
    assert panel.plan_view.model.rowCount() > 0

    # The versions survive closing the project.
    path = window.project.path
    window.close_project()
    assert panel.versions.saved.rowCount() == 0
    window.open_project(path)
    assert panel.versions.saved.rowCount() == 3


@pytest.mark.slow
def test_export_writes_every_file_and_offers_the_folder(station, qtbot, tmp_path, captured_boxes):
    window, panel, _ = station
    build(qtbot, panel)
    out = tmp_path / "exportado"
    with qtbot.waitSignal(panel.exported, timeout=60_000) as written:
        panel.export_to(out)
    names = {p.name for p in written.args[0]}
    assert ROLL_CALL_PDF == "plan_patrullaje.pdf"   # what the training's exercise looks for
    assert {"plan_patrullaje.pdf", "plan_patrullaje.html", "tarjetas_de_ruta.pdf", "plan.xlsx", "plan.geojson",
            "plan.kml", "puntos_criticos.gpx", "plan_asignaciones.csv"} <= names
    assert all((out / name).stat().st_size > 0 for name in names)
    assert (out / "plan_patrullaje.pdf").read_bytes().startswith(b"%PDF")
    assert "My. PNP Quispe" in (out / "plan_patrullaje.html").read_text(encoding="utf-8")
    assert captured_boxes[-1].startswith(f"Se escribieron {len(names)} archivos en {out}")


def test_generate_dialog_defaults_and_choices(qtbot):
    dialog = GenerateDialog(WEEK, WEEK + timedelta(days=6), author="Cap. Ruiz", needs_sectors=True)
    qtbot.addWidget(dialog)
    assert dialog.start.text() == "16/11/2026" and dialog.end.text() == "22/11/2026"
    assert not dialog.n_sectors.isHidden()
    dialog.seed.setValue(7)
    dialog.n_sectors.setValue(9)
    assert dialog.choices() == PlanChoices(WEEK, WEEK + timedelta(days=6), 7, "Cap. Ruiz", 9)
    with_sectors = GenerateDialog(WEEK, WEEK, author="", needs_sectors=False)
    qtbot.addWidget(with_sectors)
    assert with_sectors.n_sectors.isHidden()


@pytest.mark.parametrize("language", ["es", "en"])
def test_generate_dialog_shows_the_whole_author_hint(qtbot, qapp, language):
    """"Rank and name of wh…" was cut: the field is as wide as its hint in the language shown."""
    from PySide6.QtCore import QCoreApplication

    from stationmap.ui.translations import install_translators

    translators = install_translators(qapp, language)
    try:
        dialog = GenerateDialog(WEEK, WEEK, author="", needs_sectors=True)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        hint = dialog.author.placeholderText()
        assert hint.startswith("Grado" if language == "es" else "Rank")
        assert dialog.author.fontMetrics().horizontalAdvance(hint) <= dialog.author.width() - 12
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)


def test_choosing_a_sector_in_the_table_editor_overrides_at_once(station, qtbot):
    window, panel, _ = station
    build(qtbot, panel)
    window.show()
    qtbot.waitExposed(window)
    view = panel.plan_view
    view.choose(WEEK, "tarde")
    model = view.model
    current = model.assignment(0).sector
    target = next(s.name for s in panel.plan.sectors if s.name != current)
    view.table.edit(model.index(0, SECTOR))
    combo = view.table.viewport().findChild(QComboBox)
    assert combo is not None and combo.currentText() == current
    combo.setCurrentIndex(combo.findData(target))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: model.rowCount() > 0 and model.assignment(0).locked)
    assert model.assignment(0).sector == target
    assert panel.plan.spec.locked == {model.assignment(0).unit.id: target}


def test_leaving_an_unsaved_plan_asks_first_and_keeps_it_when_told(station, qtbot, unsaved_work_questions):
    """Quitting, or opening another project, with a generated plan not saved: the window asks to save,
    discard or stay; a saved plan is not asked about."""
    window, panel, _ = station
    build(qtbot, panel)
    path = window.project.path

    unsaved_work_questions.answer = "cancel"
    assert not window.close()                              # the window stays, the plan with it
    assert not window.open_project(path)
    assert window.project is not None and panel.plan is not None
    assert unsaved_work_questions.asked == ["El plan de patrullaje del 16/11/2026 – 22/11/2026 no está guardado."] * 2

    unsaved_work_questions.answer = "save"
    assert window.open_project(path)                       # saved as version 1, then the project reopened
    assert panel.versions.saved.rowCount() == 1 and panel.plan is None

    build(qtbot, panel)
    panel.save_button.click()
    asked = len(unsaved_work_questions.asked)
    assert window.close()                                  # nothing unsaved: no question
    assert len(unsaved_work_questions.asked) == asked


def test_each_weeks_export_gets_its_own_folder_and_replacing_one_is_asked(station, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    window, panel, _ = station
    plans = tmp_path / "planes"
    plans.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(plans))
    answers: list = []   # what "replace?" is answered, in order; each question pops one
    questions: list[str] = []

    def question(parent, title, text, *args, **kwargs):
        questions.append(text)
        return answers.pop(0) if answers else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    build(qtbot, panel, start=WEEK - timedelta(days=7))
    with qtbot.waitSignal(panel.runner.finished, timeout=60_000):   # the export ran to its end
        panel.export()
    build(qtbot, panel, start=WEEK)
    with qtbot.waitSignal(panel.runner.finished, timeout=60_000):   # the export ran to its end
        panel.export()
    weeks = sorted(p.name for p in plans.iterdir())
    assert weeks == ["plan_2026-11-09_a_2026-11-15", "plan_2026-11-16_a_2026-11-22"]
    last_week_pdf = (plans / weeks[0] / "plan_patrullaje.pdf").read_bytes()

    asked = len(questions)
    panel.export()                                  # this week again: asked, answered No
    assert len(questions) == asked + 1 and "ya tiene archivos" in questions[-1]
    answers.append(QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(panel.runner.finished, timeout=60_000):   # the export ran to its end
        panel.export()                              # answered Yes: replaced
    assert (plans / weeks[0] / "plan_patrullaje.pdf").read_bytes() == last_week_pdf


def test_the_panel_shows_the_plans_warnings(station, qtbot):
    """A week long after the data: the plan warns that the look-back holds no incidents, in the panel
    as on the printed plan."""
    window, panel, _ = station
    build(qtbot, panel, start=date(2030, 1, 7))
    warnings = panel.plan.warning_texts()
    assert warnings and all(f"⚠ {w}" in panel.status.text() for w in warnings)


def test_the_plan_table_gives_reasons_in_the_language_shown(station, qtbot):
    """A plan made in Spanish, looked at in English: the unit table's reasons follow the language."""
    from stationmap.core.messages import set_language
    from stationmap.ui.plan.assignments_model import REASON

    _, panel, _ = station
    build(qtbot, panel)
    model = panel.plan_view.model
    spanish = model.index(0, REASON).data()
    set_language("en")
    english = model.index(0, REASON).data()
    assert english != spanish and english == model._rows[0].reason_in("en")
    assert "risk" in english or "Station" in english or "station" in english
