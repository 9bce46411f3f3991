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


def test_rebalance_applies_the_resources_just_saved(station, qtbot):
    """QA raised Serenazgo Mañana 2→3, Patrullaje integrado Noche 0→2 and the minimum per sector 0→1,
    saved, and pressed «Reequilibrar»: the plan kept its old units (built from the plan's own spec)."""
    window, panel, _ = station
    build(qtbot, panel)
    locked_day = WEEK + timedelta(days=1)
    panel.plan_view.choose(locked_day, "noche")
    target = panel.plan.sectors[0].name
    panel.override("PT-02", target)
    editor = panel.units_editor
    editor.counts[("manana", "serenazgo")].setValue(3)
    editor.counts[("noche", "integrado")].setValue(2)
    editor.minimum.setValue(1)
    assert "no son los de este plan" in panel.status.text()   # said before the rebalance, too
    editor.save_button.click()
    with qtbot.waitSignal(panel.runner.finished, timeout=30_000):
        panel.rebalance_button.click()
    plan = panel.plan
    assert plan.spec.per_shift["manana"]["serenazgo"] == 3 and plan.spec.minimum_per_sector == 1
    assert plan.spec.locked == {"PT-02": target}                 # the commander's lock is kept
    sectors = {s.name for s in plan.sectors}
    for (day, shift), allocation in plan.allocations.items():
        assert len(allocation.assignments) == available(plan.spec, shift)
        assert sectors <= {a.sector for a in allocation.assignments}   # every sector has its minimum unit
    night = plan.allocations[(locked_day, "noche")].assignments
    assert sum(a.unit.kind == "integrado" for a in night) == 2
    assert [a.sector for a in night if a.unit.id == "PT-02"] == [target]
    panel.plan_view.choose(WEEK, "manana")
    assert panel.plan_view.totals.text().startswith("6 unidades en el turno")
    assert "Se aplicaron los recursos" in panel.status.text()
    assert "no son los de este plan" not in panel.status.text()


def test_a_lock_on_a_unit_the_new_resources_lack_is_dropped_and_said(station, qtbot):
    _, panel, _ = station
    build(qtbot, panel)
    panel.plan_view.choose(WEEK, "noche")
    panel.override("PT-06", panel.plan.sectors[0].name)
    panel.units_editor.counts[("noche", "patrullero")].setValue(5)
    with qtbot.waitSignal(panel.runner.finished, timeout=30_000):
        panel.rebalance()
    assert panel.plan.spec.locked == {}
    assert "Ya no se fijan PT-06" in panel.status.text()


def show_dock(window, qtbot):
    """The window at the QA laptop's size with the plan dock shown (about 350 px tall there)."""
    from PySide6.QtWidgets import QDockWidget

    window.resize(1366, 740)
    window.show()
    qtbot.waitExposed(window)
    dock = window.findChild(QDockWidget, "plan_dock")
    dock.show()
    dock.raise_()   # a tab beside «Horas y días»
    qtbot.waitUntil(lambda: dock.isVisible() and dock.height() > 100)
    return dock


def _wheel(widget, notches: int = 1):
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, -120 * notches), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)
    return event


def test_the_wheel_scrolls_the_panel_not_the_counts_under_the_pointer(station, qtbot):
    """Scrolling the dock over the resources changed «Mínimo por sector» 1→0 and Patrullero Mañana 3→1;
    the shift combo of the plan tab changed the same way."""
    from PySide6.QtCore import Qt

    window, panel, _ = station
    build(qtbot, panel)
    editor = panel.units_editor
    cars = editor.counts[("manana", "patrullero")]
    editor.minimum.setValue(1)
    before = (cars.value(), editor.minimum.value(), panel.plan_view.shift.currentIndex())
    for widget in (cars, editor.minimum, editor.cap, editor.calls_share, panel.plan_view.shift):
        assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus   # the wheel does not give them focus
        event = _wheel(widget, 2)
        assert not event.isAccepted()   # left to the parents: the dock's scroll area scrolls
    assert (cars.value(), editor.minimum.value(), panel.plan_view.shift.currentIndex()) == before


    from stationmap.ui.plan.units_editor import UnitsEditor

    alone = UnitsEditor()
    qtbot.addWidget(alone)
    alone.show()
    qtbot.waitExposed(alone)
    alone.activateWindow()
    box = alone.counts[("manana", "patrullero")]
    box.setValue(3)
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    _wheel(box, 1)   # clicked into, it takes the wheel as usual
    assert box.value() == 2


def test_unsaved_resources_are_asked_about_before_leaving(station, qtbot, unsaved_work_questions):
    from stationmap.planning.plan import UnitsSpec

    window, panel, _ = station
    editor = panel.units_editor
    assert panel.unsaved_resources() is None and editor.unsaved_note.isHidden()
    editor.counts[("manana", "patrullero")].setValue(5)
    assert not editor.unsaved_note.isHidden()
    unsaved_work_questions.answer = "cancel"
    assert not window.close()
    assert unsaved_work_questions.asked == ["Los recursos de la pestaña Recursos tienen cambios sin guardar."]
    unsaved_work_questions.answer = "save"
    path = window.project.path
    assert window.open_project(path)
    assert UnitsSpec.from_json(window.project.get_meta("units_spec")).per_shift["manana"]["patrullero"] == 5
    assert panel.unsaved_resources() is None
    asked = len(unsaved_work_questions.asked)
    assert window.close()                      # saved: nothing more to ask
    assert len(unsaved_work_questions.asked) == asked


def test_the_reten_row_says_it_is_taken_from_the_units_above(station):
    _, panel, _ = station
    editor = panel.units_editor
    row = editor.table.rowCount() - 1
    assert editor.table.verticalHeaderItem(row).text() == "En comisaría (retén)"
    assert "no se suman" in editor.table.verticalHeaderItem(row).toolTip()
    assert "no suma unidades" in editor.reten_note.text()


def test_the_shift_table_is_readable_at_1366x768(station, qtbot):
    """«Visitas a punt…», visit lists cut mid-text and «Motivo» out of sight in the dock at 1366x768."""
    from PySide6.QtCore import Qt

    from stationmap.ui.plan.assignments_model import REASON, VISITS

    window, panel, _ = station
    build(qtbot, panel)
    show_dock(window, qtbot)
    view = panel.plan_view
    panel.tabs.setCurrentWidget(view)
    view.choose(WEEK, "noche")
    qtbot.waitUntil(lambda: view.table.viewport().width() > 0)
    header = view.table.horizontalHeader()
    columns = view.model.columnCount()
    assert header.sectionViewportPosition(REASON) + header.sectionSize(REASON) <= view.table.viewport().width()
    assert sum(header.sectionSize(c) for c in range(columns)) <= view.table.viewport().width()
    assert header.defaultAlignment() & Qt.TextFlag.TextWordWrap and view.table.wordWrap()
    row = next(r for r in range(view.model.rowCount()) if view.model.index(r, VISITS).data())
    shown = view.model.index(row, VISITS).data()
    tip = view.model.index(row, VISITS).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.split("\n") == shown.split(", ")
    # The row is as tall as its wrapped text.
    metrics = view.table.fontMetrics()
    needed = metrics.boundingRect(0, 0, header.sectionSize(VISITS) - 8, 10_000, Qt.TextFlag.TextWordWrap,
                                  shown).height()
    assert view.table.rowHeight(row) >= needed


def test_the_comparison_gets_the_room_of_a_short_dock(station, qtbot):
    """The panel in the dock's scroll area asked for its preferred height (~730 px) in a 350 px dock,
    so the comparison stood below the fold; now it fits, and the comparison tables are side by side."""
    from PySide6.QtCore import Qt

    window, panel, _ = station
    build(qtbot, panel, start=WEEK - timedelta(days=7))
    panel.save_button.click()
    build(qtbot, panel, seed=2)
    assert panel.heightForWidth(700) <= 420
    versions = panel.versions
    assert versions.comparison.orientation() == Qt.Orientation.Horizontal
    assert versions.comparison.indexOf(versions.units) == 0 and versions.comparison.indexOf(versions.points) == 1
    show_dock(window, qtbot)
    panel.tabs.setCurrentWidget(versions)
    versions.previous_button.click()
    top, comparison = versions.splitter.sizes()
    assert comparison > top


def test_generating_over_an_unsaved_plan_asks_first(station, qtbot, monkeypatch, unsaved_work_questions):
    """«Generar plan…» → «Generar» replaced an unsaved plan without a word; opening a version too."""
    from PySide6.QtWidgets import QDialog

    _, panel, _ = station
    monkeypatch.setattr(GenerateDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    build(qtbot, panel)
    first = panel.plan
    unsaved_work_questions.answer = "cancel"
    panel.generate()
    assert panel.plan is first and not panel.runner.is_running()
    assert unsaved_work_questions.asked == ["El plan de patrullaje del 16/11/2026 – 22/11/2026 no está guardado."]

    unsaved_work_questions.answer = "save"
    with qtbot.waitSignal(panel.runner.finished, timeout=30_000):
        panel.generate()
    assert panel.versions.saved.rowCount() == 1 and panel.plan is not first   # kept as version 1, then rebuilt

    unsaved_work_questions.answer = "cancel"
    rebuilt = panel.plan
    panel.open_version(panel.versions.selected_name())
    assert panel.plan is rebuilt and len(unsaved_work_questions.asked) == 3
    unsaved_work_questions.answer = "discard"
    panel.open_version(panel.versions.selected_name())
    assert panel.plan is not rebuilt and panel.plan.version == 1
