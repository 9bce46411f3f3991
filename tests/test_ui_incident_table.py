"""Incident table model (numpy sort/filter) and the filter bar driving it through FilterState."""

from __future__ import annotations

from contextlib import contextmanager

from datetime import date, timedelta

import numpy as np
import pytest
from factories import local_ts, make_incidents
from PySide6.QtCore import QPoint, Qt

from stationmap.analysis.filtering import filter_mask
from stationmap.core.filters import IncidentFilter
from stationmap.ui.filter_state import FilterState
from stationmap.ui.incident_panel import IncidentPanel
from stationmap.ui.incident_table_model import COLUMNS, IncidentTableModel


def cell(model, row, key):
    return model.data(model.index(row, COLUMNS.index(key)))


def test_headers_are_spanish_and_cells_formatted(qtbot):
    frame = make_incidents(3)
    frame.loc[0, "start_ts"] = local_ts("2026-11-05 21:30")
    frame.loc[0, "end_ts"] = local_ts("2026-11-05 21:30")
    frame.loc[1, "time_known"] = 0
    frame.loc[2, ["lat", "lon"]] = np.nan
    model = IncidentTableModel()
    model.set_incidents(frame)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS))]
    assert headers == ["Fecha", "Hora", "Categoría", "Dirección", "Distrito", "Coordenadas", "Fuente"]
    assert cell(model, 0, "date") == "05/11/2026"
    assert cell(model, 0, "time") == "21:30"
    assert cell(model, 1, "time") == "desconocida"
    assert cell(model, 2, "coords") == "—"
    assert cell(model, 0, "source") == "D0000000"


def test_a_date_known_only_to_the_month_is_shown_as_the_month(qtbot, tmp_path):
    """UK street-level data gives a month ('2016-01'); the table must not invent a first-of-month day."""
    from conftest import shared_path
    from stationmap.store import import_job
    from stationmap.store.project import Project

    source = shared_path("data", "uk-police-city-of-london-street-2016-2017", "2016-01-city-of-london-street.csv")
    import_job.run(import_job.ImportRequest(tmp_path / "londres.stationmap", [source]))
    with Project.open(tmp_path / "londres.stationmap") as project:
        frame = project.incidents()
    frame = frame.head(2).copy()
    frame.loc[1, "date_precision"] = "date"            # one row with a day, for contrast
    model = IncidentTableModel()
    model.set_incidents(frame)
    assert [cell(model, 0, "date"), cell(model, 0, "time")] == ["01/2016", "desconocida"]
    assert cell(model, 1, "date") == "01/01/2016"


def test_time_window_shows_both_ends(qtbot):
    frame = make_incidents(1)
    frame["start_ts"] = local_ts("2026-11-05 08:00")
    frame["end_ts"] = local_ts("2026-11-05 16:00")
    model = IncidentTableModel()
    model.set_incidents(frame)
    assert cell(model, 0, "time") == "08:00–16:00"


def test_sorting_by_date_matches_numpy_and_unknown_dates_go_last(qtbot):
    frame = make_incidents(500, seed=3)
    frame["start_ts"] = frame["start_ts"].astype("float64")
    frame.loc[[10, 20], "start_ts"] = np.nan
    model = IncidentTableModel()
    model.set_incidents(frame)
    model.sort(COLUMNS.index("date"), Qt.SortOrder.DescendingOrder)
    expected_first = frame["start_ts"].idxmax()
    assert model.incident_id(0) == frame.loc[expected_first, "id"]
    assert {model.incident_id(498), model.incident_id(499)} == {11, 21}
    assert cell(model, 499, "date") == "—"


def test_sort_by_category_then_filter_keeps_order_and_exact_count(qtbot):
    frame = make_incidents(1000, seed=1)
    model = IncidentTableModel()
    model.set_incidents(frame)
    model.sort(COLUMNS.index("category"))
    mask = filter_mask(frame, IncidentFilter(categories=frozenset({"Robo", "Hurto"})))
    model.set_mask(mask)
    assert model.rowCount() == int(mask.sum()) == int(frame["category"].isin(["Robo", "Hurto"]).sum())
    shown = [cell(model, r, "category") for r in range(model.rowCount())]
    assert shown == sorted(shown) and set(shown) == {"Robo", "Hurto"}
    assert model.total_count() == 1000


def test_hundred_thousand_rows_sort_in_one_vector_pass(qtbot):
    frame = make_incidents(100_000, seed=2)
    model = IncidentTableModel()
    model.set_incidents(frame)
    model.sort(COLUMNS.index("address"), Qt.SortOrder.AscendingOrder)
    first = cell(model, 0, "address")
    assert first == min(frame["address"], key=str.lower)
    assert model.rowCount() == 100_000


@pytest.fixture
def panel(qtbot):
    state = FilterState()
    panel = IncidentPanel(state)
    qtbot.addWidget(panel)
    frame = make_incidents(1000, seed=0)
    panel.set_incidents(frame)
    return state, panel, frame


def test_category_menu_writes_filter_state_and_table_refilters(qtbot, panel):
    state, panel, frame = panel
    robo = next(a for a in panel.filter_bar.category_menu.actions() if a.text() == "Robo")
    with qtbot.waitSignal(state.changed, timeout=1000):
        robo.setChecked(True)
    assert state.filter().categories == frozenset({"Robo"})
    assert panel.model.rowCount() == int((frame["category"] == "Robo").sum())
    assert panel.filter_bar.category_button.text() == "Categoría: Robo"


def test_date_range_and_text_narrow_the_table(qtbot, panel):
    state, panel, frame = panel
    bar = panel.filter_bar
    bar.from_check.setChecked(True)
    bar.from_edit.setDate(bar.from_edit.date().fromString("01/10/2026", "dd/MM/yyyy"))
    bar.to_check.setChecked(True)
    bar.to_edit.setDate(bar.to_edit.date().fromString("15/10/2026", "dd/MM/yyyy"))
    assert state.filter().date_from == date(2026, 10, 1)
    assert state.filter().date_to == date(2026, 10, 15)
    lo, hi = local_ts("2026-10-01 00:00"), local_ts("2026-10-16 00:00")
    in_range = (frame["start_ts"] >= lo) & (frame["start_ts"] < hi)
    assert panel.model.rowCount() == int(in_range.sum())
    with qtbot.waitSignal(state.changed, timeout=2000):
        qtbot.keyClicks(bar.text_edit, "prueba 7")
    expected = in_range & frame["address"].str.lower().str.contains("prueba 7", regex=False)
    assert panel.model.rowCount() == int(expected.sum()) > 0


def test_map_selection_shows_a_chip_and_quitar_removes_it(qtbot, panel):
    state, panel, frame = panel
    counts = []
    panel.counts_changed.connect(lambda shown, total: counts.append((shown, total)))
    state.update(ids=frozenset({1, 2, 3, 4}))
    chip = panel.filter_bar.map_chip
    assert not chip.isHidden()
    assert chip.label.text() == "Selección del mapa: 4 incidentes"
    assert counts[-1] == (4, 1000)
    qtbot.mouseClick(chip.button, Qt.MouseButton.LeftButton)
    assert state.filter().ids is None and chip.isHidden()
    assert counts[-1] == (1000, 1000)


def test_empty_project_table_has_no_rows(qtbot):
    state = FilterState()
    panel = IncidentPanel(state)
    qtbot.addWidget(panel)
    empty = make_incidents(0)
    panel.set_incidents(empty)
    state.update(text="robo")
    assert panel.model.rowCount() == 0 and panel.model.total_count() == 0


@contextmanager
def panel_in_language(qtbot, qapp, language: str):
    """(filter state, incident panel with 50 incidents), the app's translators for `language` loaded meanwhile."""
    from PySide6.QtCore import QCoreApplication

    from stationmap.ui.translations import install_translators

    translators = install_translators(qapp, language)
    try:
        state = FilterState()
        panel = IncidentPanel(state)
        qtbot.addWidget(panel)
        panel.set_incidents(make_incidents(50, seed=0))
        yield state, panel
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize("language, one_hour, three_hours, one_incident", [
    ("es", "Selección de horas: 1 hora", "Selección de horas: 3 horas", "Selección del mapa: 1 incidente"),
    ("en", "Hour selection: 1 hour", "Hour selection: 3 hours", "Map selection: 1 incident"),
])
def test_selection_chips_say_one_hour_and_one_incident_in_the_singular(qtbot, qapp, language, one_hour,
                                                                       three_hours, one_incident):
    """Spanish is the source of "%n horas": its singular comes from stationmap_es.qm, English's from
    stationmap_en.qm, both loaded as the app loads them at start-up."""
    with panel_in_language(qtbot, qapp, language) as (state, panel):
        bar = panel.filter_bar
        state.update(cells=frozenset({(0, 3)}))
        assert bar.hours_chip.label.text() == one_hour
        state.update(cells=frozenset({(0, 3), (1, 4), (2, 5)}))
        assert bar.hours_chip.label.text() == three_hours
        state.update(cells=None, ids=frozenset({7}))   # the chip counts what the table shows of it
        assert bar.map_chip.label.text() == one_incident


def test_a_project_without_incidents_shows_today_not_the_previous_projects_dates(qtbot, panel):
    state, panel, frame = panel
    bar = panel.filter_bar
    first_day = date(1970, 1, 1) + timedelta(seconds=int(frame["start_ts"].min()))  # local seconds
    assert bar.from_edit.date().toString("dd/MM/yyyy") == first_day.strftime("%d/%m/%Y")
    panel.set_incidents(frame.iloc[:0])
    today = date.today().strftime("%d/%m/%Y")
    assert [bar.from_edit.date().toString("dd/MM/yyyy"), bar.to_edit.date().toString("dd/MM/yyyy")] == [today, today]
    assert not bar.isEnabled()


def _set_day(edit, text: str) -> None:
    edit.setDate(edit.date().fromString(text, "dd/MM/yyyy"))


def test_a_from_date_after_the_to_date_drags_the_to_date_along(qtbot, panel):
    state, panel, frame = panel
    bar = panel.filter_bar
    bar.from_check.setChecked(True)
    bar.to_check.setChecked(True)
    _set_day(bar.from_edit, "01/10/2026")
    _set_day(bar.to_edit, "15/10/2026")
    _set_day(bar.from_edit, "20/10/2026")       # past "Hasta": the range moves instead of emptying
    assert bar.to_edit.date().toString("dd/MM/yyyy") == "20/10/2026"
    assert state.filter().date_from == state.filter().date_to == date(2026, 10, 20)
    _set_day(bar.to_edit, "05/10/2026")         # and "Hasta" before "Desde" pulls "Desde" back
    assert bar.from_edit.date().toString("dd/MM/yyyy") == "05/10/2026"
    assert state.filter().date_from == state.filter().date_to == date(2026, 10, 5)
    assert panel.model.rowCount() > 0


def test_ticking_a_bound_that_would_cross_the_other_moves_the_newly_ticked_one(qtbot, panel):
    state, panel, frame = panel
    bar = panel.filter_bar
    _set_day(bar.from_edit, "20/10/2026")
    _set_day(bar.to_edit, "25/10/2026")
    bar.to_check.setChecked(True)
    _set_day(bar.to_edit, "10/10/2026")         # "Desde" is not in use yet; it follows silently
    bar.from_check.setChecked(True)             # ticked now: it must not push "Hasta" forward
    assert state.filter().date_to == date(2026, 10, 10)
    assert state.filter().date_from <= state.filter().date_to


def _placeholder_fits(edit) -> bool:
    """The whole hint shows: its text is no wider than the field less its frame, margins and clear button."""
    reserved = 12 + (edit.height() if edit.isClearButtonEnabled() else 0)
    return edit.fontMetrics().horizontalAdvance(edit.placeholderText()) <= edit.width() - reserved


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_search_hint_shows_whole_beside_the_map_at_1366_pixels(qtbot, qapp, language):
    """At 1366 x 768 the table and its bar get about 745 pixels beside the map dock."""
    with panel_in_language(qtbot, qapp, language) as (_state, panel):
        panel.resize(745, 400)
        panel.show()
        qtbot.waitExposed(panel)
        edit = panel.filter_bar.text_edit
        assert edit.placeholderText().startswith("Buscar" if language == "es" else "Search")
        assert _placeholder_fits(edit), (edit.placeholderText(), edit.width())


def test_the_map_chip_counts_what_its_place_holds_under_the_other_filters(qtbot, panel):
    """A map selection is a place (every incident inside it); the hours chosen on the chart narrow
    what the table and the chip show of it, and removing them widens both again."""
    from stationmap.analysis.temporal_cells import cells_mask

    state, panel, frame = panel
    place = frozenset(frame.loc[frame["lat"] > -8.07, "id"].astype(int))
    saturday_evening = frozenset({(5, h) for h in range(18, 24)})
    state.update(cells=saturday_evening)
    state.update(ids=place)
    in_both = int((frame["id"].isin(place).to_numpy() & cells_mask(frame, saturday_evening)).sum())
    assert 0 < in_both < len(place)
    chip = panel.filter_bar.map_chip
    assert panel.model.rowCount() == in_both
    assert chip.label.text() == f"Selección del mapa: {in_both} incidentes"
    qtbot.mouseClick(panel.filter_bar.hours_chip.button, Qt.MouseButton.LeftButton)
    assert state.filter().cells is None
    assert panel.model.rowCount() == len(place)
    assert chip.label.text() == f"Selección del mapa: {len(place)} incidentes"


def _category_action(bar, name):
    return next(a for a in bar.category_menu.actions() if a.text() == name)


def test_choosing_a_category_names_it_without_moving_the_date_fields(qtbot, panel):
    state, panel, frame = panel
    panel.resize(745, 400)
    panel.show()
    qtbot.waitExposed(panel)
    bar = panel.filter_bar
    x_before = bar.from_check.x()
    _category_action(bar, "Microcomercialización de drogas").setChecked(True)
    qtbot.waitUntil(lambda: bar.category_button.text().startswith("Categoría: "))
    text = bar.category_button.text()
    assert text.startswith("Categoría: Micro") and text.endswith("…")   # elided, not cut
    assert bar.category_button.sizeHint().width() <= bar.category_button.width()
    assert bar.category_button.toolTip() == "Microcomercialización de drogas"
    _category_action(bar, "Hurto").setChecked(True)
    assert bar.category_button.text() == "Categorías: 2"
    assert bar.category_button.toolTip() == "Hurto\nMicrocomercialización de drogas"
    for _ in range(3):   # a layout pass happens before the next paint
        qtbot.wait(10)
    assert bar.from_check.x() == x_before


def test_quitar_todos_los_filtros_shows_only_while_a_filter_is_in_use_and_clears_them(qtbot, panel):
    state, panel, frame = panel
    bar = panel.filter_bar
    assert bar.clear_all_button.isHidden()
    assert bar.clear_all_button.text() == "Quitar todos los filtros"
    state.update(text="prueba", categories=frozenset({"Robo"}), cells=frozenset({(0, 1)}),
                 ids=frozenset({1, 2}), date_from=date(2026, 10, 1))
    assert not bar.clear_all_button.isHidden()
    qtbot.keyClicks(bar.text_edit, " 7")   # typed just before: must not come back after the clearing
    qtbot.mouseClick(bar.clear_all_button, Qt.MouseButton.LeftButton)
    assert state.filter() == IncidentFilter()
    assert bar.clear_all_button.isHidden() and bar.map_chip.isHidden() and bar.hours_chip.isHidden()
    assert bar.text_edit.text() == "" and not bar.from_check.isChecked()
    assert panel.model.rowCount() == len(frame)
    qtbot.wait(400)   # longer than the text field's debounce
    assert state.filter() == IncidentFilter()


def _click_section(qtbot, edit, x: int) -> None:
    line = edit.lineEdit()
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton, pos=QPoint(x, line.height() // 2))


def test_a_date_typed_after_clicking_the_field_is_taken_once_typed(qtbot, panel):
    """Clicking puts the cursor inside the full day section; Qt alone then refused every digit."""
    state, panel, frame = panel
    panel.show()
    qtbot.waitExposed(panel)
    bar = panel.filter_bar
    bar.from_check.setChecked(True)
    bar.to_check.setChecked(True)
    _set_day(bar.from_edit, "17/11/2025")
    _set_day(bar.to_edit, "30/11/2026")
    changes = []
    state.changed.connect(changes.append)
    _click_section(qtbot, bar.from_edit, 6)           # in the day
    qtbot.keyClicks(bar.from_edit, "01112026")      # where the keys go: the field has the focus
    assert bar.from_edit.text() == "01/11/2026"
    assert changes == []                               # half-typed dates do not refilter
    qtbot.keyClick(bar.from_edit, Qt.Key.Key_Return)
    assert state.filter().date_from == date(2026, 11, 1)
    assert state.filter().date_to == date(2026, 11, 30)
    # A click in the year and four digits change the year alone.
    line = bar.to_edit.lineEdit()
    _click_section(qtbot, bar.to_edit, line.width() - 20)
    qtbot.keyClicks(bar.to_edit, "2027")
    assert bar.to_edit.text() == "30/11/2027" and state.filter().date_to == date(2026, 11, 30)
    qtbot.keyClick(bar.to_edit, Qt.Key.Key_Return)
    assert state.filter().date_to == date(2027, 11, 30)


def test_the_calendar_weeks_start_on_monday(panel):
    state, panel, frame = panel
    for edit in (panel.filter_bar.from_edit, panel.filter_bar.to_edit):
        assert edit.calendarPopup()
        assert edit.calendarWidget().firstDayOfWeek() == Qt.DayOfWeek.Monday
