"""The temporal panel with real mouse events: selecting cells filters the incident table."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from factories import make_incidents
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from stationmap.core.filters import IncidentFilter
from stationmap.ui.charts import TemporalPanel
from stationmap.ui.filter_state import FilterState
from stationmap.ui.incident_panel import IncidentPanel

MON, FRI, SAT = 0, 4, 5
LEFT = Qt.MouseButton.LeftButton
NO_BUTTON = Qt.MouseButton.NoButton


def planted_incidents(n: int = 3000):
    """Random exact times, plus windows of up to 10 h and some unknown times."""
    rng = np.random.default_rng(11)
    frame = make_incidents(n, seed=11)
    frame["end_ts"] = frame["start_ts"] + rng.choice([0, 0, 0, 1800, 3 * 3600, 10 * 3600], n)
    frame.loc[rng.random(n) < 0.08, "time_known"] = 0
    return frame


def touching_count(frame, cells) -> int:
    """Incidents whose window touches any of `cells`, walked row by row (independent of cells_mask)."""
    count = 0
    for start, end, known in frame[["start_ts", "end_ts", "time_known"]].itertuples(index=False):
        if not known:
            continue
        last = (end - 1) // 3600 if end > start else start // 3600
        touched = {divmod((hour + 72) % 168, 24) for hour in range(start // 3600, last + 1)}
        count += bool(touched & cells)
    return count


@pytest.fixture
def linked(qtbot):
    state = FilterState()
    panel = TemporalPanel(state, language="es")
    table = IncidentPanel(state)
    qtbot.addWidget(panel)
    qtbot.addWidget(table)
    frame = planted_incidents()
    frame.insert(0, "id", frame.pop("id"))
    table.set_incidents(frame)
    panel.set_incidents(frame)
    panel.resize(1200, 650)
    panel.show()
    qtbot.waitExposed(panel)
    return state, panel, table, frame


def _viewport_pos(panel: TemporalPanel, weekday: int, hour: int):
    return panel.heat.mapFromScene(panel.heat.cell_scene_centre(weekday, hour))


def _mouse(panel, kind, weekday, hour, button, buttons, modifiers=Qt.KeyboardModifier.NoModifier):
    viewport = panel.heat.viewport()
    local = QPointF(_viewport_pos(panel, weekday, hour))
    event = QMouseEvent(kind, local, QPointF(viewport.mapToGlobal(local.toPoint())),
                        button, buttons, modifiers)
    QApplication.sendEvent(viewport, event)


def click(panel, weekday, hour, modifiers=Qt.KeyboardModifier.NoModifier):
    _mouse(panel, QEvent.Type.MouseButtonPress, weekday, hour, LEFT, LEFT, modifiers)
    _mouse(panel, QEvent.Type.MouseButtonRelease, weekday, hour, LEFT, NO_BUTTON, modifiers)


def drag(panel, start, end):
    _mouse(panel, QEvent.Type.MouseButtonPress, *start, LEFT, LEFT)
    _mouse(panel, QEvent.Type.MouseMove, start[0], start[1] - 1, NO_BUTTON, LEFT)
    _mouse(panel, QEvent.Type.MouseMove, *end, NO_BUTTON, LEFT)
    _mouse(panel, QEvent.Type.MouseButtonRelease, *end, LEFT, NO_BUTTON)


def test_clicking_a_cell_filters_the_table_to_the_incidents_touching_it(qtbot, linked):
    state, panel, table, frame = linked
    cell = frozenset({(FRI, 21)})
    with qtbot.waitSignal(table.counts_changed, timeout=2000) as counted:
        click(panel, FRI, 21)
    assert state.filter().cells == cell
    want = touching_count(frame, cell)
    assert 0 < want < len(frame)
    assert counted.args == [want, len(frame)]


def test_dragging_friday_evening_into_saturday_selects_that_night(qtbot, linked):
    state, panel, table, frame = linked
    night = frozenset({(FRI, 20), (FRI, 21), (FRI, 22), (FRI, 23), (SAT, 0), (SAT, 1)})
    with qtbot.waitSignal(table.counts_changed, timeout=2000) as counted:
        drag(panel, (FRI, 20), (SAT, 1))
    assert state.filter().cells == night
    assert counted.args == [touching_count(frame, night), len(frame)]
    # The chart keeps its context: it still shows the whole week, with the night outlined.
    with qtbot.waitSignal(panel.redrawn, timeout=2000):
        pass
    assert panel.summary.n_total == len(frame)


def test_shift_click_adds_and_escape_clears(qtbot, linked):
    state, panel, table, _ = linked
    click(panel, MON, 8)
    click(panel, SAT, 2, Qt.KeyboardModifier.ShiftModifier)
    assert state.filter().cells == {(MON, 8), (SAT, 2)}
    panel.heat.setFocus()
    qtbot.keyClick(panel.heat, Qt.Key.Key_Escape)
    assert state.filter().cells is None
    click(panel, SAT, 2)
    panel.clear_button.click()
    assert state.filter() == IncidentFilter()


def test_hover_shows_the_cells_figure(qtbot, linked):
    _, panel, _, _ = linked
    _mouse(panel, QEvent.Type.MouseMove, FRI, 21, NO_BUTTON, NO_BUTTON)
    value = panel.summary.matrix[FRI, 21]
    assert 0 < value < 100 and value != round(value)   # an aoristic weight: its decimal is shown
    assert panel.heat.cells.toolTip() == f"vie 21:00–22:00\n{value:.1f} incidentes"


def test_filter_changes_elsewhere_are_debounced_into_one_redraw(qtbot, linked):
    state, panel, _, frame = linked
    redraws = []
    panel.redrawn.connect(lambda: redraws.append(panel.summary.n_total))
    with qtbot.waitSignal(panel.redrawn, timeout=2000):
        for category in ("Robo", "Hurto", "Lesiones"):
            state.update(categories=frozenset({category}))
    assert redraws == [int((frame["category"] == "Lesiones").sum())]


def test_method_choice_and_shares_beside_the_chart(qtbot, linked):
    _, panel, _, frame = linked
    with qtbot.waitSignal(panel.redrawn, timeout=2000):
        panel.method.setCurrentIndex(panel.method.findData("start"))
    assert panel.summary.method == "start"
    unknown = int((frame["time_known"] == 0).sum())
    assert panel.summary.total == pytest.approx(len(frame) - unknown)
    assert panel.unknown_label.text().startswith(f"Hora desconocida: {unknown:,} de {len(frame):,}")
    long_windows = int(((frame["end_ts"] - frame["start_ts"] > 8 * 3600)
                        & (frame["time_known"] == 1)).sum())
    assert panel.long_label.text().startswith(f"Ventana mayor de 8 h: {long_windows} (")


def test_charts_and_tables_export(qtbot, linked, tmp_path):
    from openpyxl import load_workbook

    from stationmap.ui.charts.export import save_chart

    _, panel, _, _ = linked
    png = save_chart(panel.heat, tmp_path / "horas.png", 800, 300)
    svg = save_chart(panel.trend_chart, tmp_path / "tendencia.svg")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<svg" in svg.read_text(encoding="utf-8")
    save_chart(panel.heat, tmp_path / "horas.svg")
    assert ">sáb<" in (tmp_path / "horas.svg").read_text(encoding="utf-8")
    sheet = load_workbook(panel.export_table("shifts", tmp_path / "turnos.xlsx")).active
    totals = [row[-1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sum(totals) == pytest.approx(panel.summary.total, abs=0.05)


def test_a_map_selection_redraws_the_charts_with_only_those_incidents(qtbot, linked):
    state, panel, _, frame = linked
    chosen = frozenset(frame["id"].iloc[:250].tolist())
    with qtbot.waitSignal(panel.redrawn, timeout=2000):
        state.update(ids=chosen)
    assert panel.summary.n_total == 250
    known = frame.iloc[:250]["time_known"].sum()
    assert panel.summary.total == pytest.approx(known)


def test_a_project_without_incidents_says_so_instead_of_charting_zeros(qtbot):
    # A new project, or one of counts only (SIDPOL): the heat chart was a purple block of zeros.
    panel = TemporalPanel(FilterState(), language="es")
    qtbot.addWidget(panel)
    panel.set_incidents(pd.DataFrame())
    panel.resize(900, 400)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.no_incidents_label.isVisible() and "Estadísticas agregadas" in panel.no_incidents_label.text()
    assert not panel.tabs.isVisible() and not panel.export_button.isEnabled()
    frame = planted_incidents()
    frame.insert(0, "id", frame.pop("id"))
    panel.set_incidents(frame)
    assert panel.tabs.isVisible() and not panel.no_incidents_label.isVisible() and panel.export_button.isEnabled()


def test_a_log_without_times_shows_its_weekly_trend_and_not_flat_hour_charts(qtbot):
    """Every incident with only a date (or a month): the heat chart would be one flat colour."""
    panel = TemporalPanel(FilterState(), language="es")
    qtbot.addWidget(panel)
    frame = planted_incidents()
    frame.insert(0, "id", frame.pop("id"))
    hourless = frame.assign(time_known=0)
    panel.set_incidents(hourless)
    heat, bars = panel.tabs.indexOf(panel.heat), 1
    assert panel.tabs.currentWidget() is panel.trend_chart
    assert not panel.tabs.isTabEnabled(heat) and not panel.tabs.isTabEnabled(bars)
    assert panel.tabs.tabToolTip(heat).startswith("Ninguno de los incidentes mostrados tiene hora conocida")
    assert panel.trend is not None and panel.trend.current.sum() > 0   # the dates still make a trend
    panel.set_incidents(frame)                                          # a log with times again
    assert panel.tabs.isTabEnabled(heat) and panel.tabs.isTabEnabled(bars) and panel.tabs.tabToolTip(heat) == ""


def test_the_trend_chart_leaves_a_gap_where_the_references_are_unknown(qtbot):
    from stationmap.analysis.temporal_series import WeeklyTrend
    from stationmap.ui.charts.companions import TrendChart

    chart = TrendChart(language="es")
    qtbot.addWidget(chart)
    weeks = [date(2026, 1, 5 + 7 * k) for k in range(4)]
    chart.set_trend(WeeklyTrend(weeks, np.array([3.0, 5, 4, 6]), np.array([np.nan, np.nan, 2, 7]),
                                np.full(4, np.nan)))
    low, high = chart.viewRange()[1]
    assert (low, high) == (0, pytest.approx(7 * 1.15))
    xs, ys = chart.previous.getData()
    assert np.isnan(ys[:2]).all() and ys[2:].tolist() == [2, 7]


def test_english_labels(qtbot):
    from stationmap.ui.charts.heat_chart import HeatChart

    chart = HeatChart(language="en")
    qtbot.addWidget(chart)
    ticks = [label for _, label in chart.plot.getAxis("left")._tickLevels[0]]
    assert ticks[:7] == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert chart.cell_text(6, 23) == "Sun 23:00–00:00\n0 incidents"


def test_heat_chart_renders_headless_in_a_process_without_an_application(tmp_path):
    import os
    import subprocess
    import sys

    script = (
        "import sys; sys.path.insert(0, 'tests')\n"
        "from factories import make_incidents\n"
        "from stationmap.analysis.temporal import hour_weekday_matrix\n"
        "from stationmap.ui.charts.export import render_heat_chart_png\n"
        f"render_heat_chart_png(hour_weekday_matrix(make_incidents(300)), r'{tmp_path / 'c.png'}', 600, 260)\n")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-c", script], cwd=str(Path(__file__).parents[1]), env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(tmp_path / "c.png"))
    assert (image.width(), image.height()) == (600, 260)


def test_weekly_trend_ticks_show_the_year_when_the_axis_leaves_one_year():
    from datetime import date, timedelta

    from stationmap.ui.charts.companions import _week_ticks

    def weeks(first: date, count: int) -> list[date]:
        return [first + timedelta(weeks=k) for k in range(count)]

    # 2016-2022: ticks 68 weeks apart must not read as four months of one year.
    long_axis = _week_ticks(weeks(date(2016, 4, 11), 340))
    assert [label for _, label in long_axis] == ["04/2016", "07/2017", "11/2018", "03/2020", "06/2021"]
    # Across a new year in a few months: the day still matters, the year is added.
    winter = [label for _, label in _week_ticks(weeks(date(2025, 11, 3), 16))]
    assert winter[0] == "03/11/25" and winter[-1].endswith("/26")
    # Within one year the ticks stay as short as before.
    assert [label for _, label in _week_ticks(weeks(date(2026, 3, 2), 10))][:2] == ["02/03", "16/03"]


def test_every_total_of_the_heat_chart_is_written_in_one_format(qtbot):
    """Aoristic weights are fractional: "37.8" beside "192" made one total look more exact than another."""
    from stationmap.analysis.temporal import hour_weekday_matrix
    from stationmap.ui.charts.heat_chart import HeatChart

    chart = HeatChart(language="en")
    qtbot.addWidget(chart)
    frame = make_incidents(400, seed=3)
    frame["end_ts"] = frame["start_ts"] + 5 * 3600      # spread over five hours: fractional totals
    chart.set_summary(hour_weekday_matrix(frame, method="aoristic"))
    texts = [item.toPlainText() for item in [*chart._row_totals, *chart._column_totals, chart._grand_total]]
    assert any(float(t.replace(",", "")) < 100 for t in texts) and chart._grand_total.toPlainText() == "400"
    assert not any("." in t for t in texts), texts          # the grand total is large: all whole
    small = make_incidents(12, seed=3)
    small["end_ts"] = small["start_ts"] + 5 * 3600
    chart.set_summary(hour_weekday_matrix(small, method="aoristic"))
    texts = [item.toPlainText() for item in [*chart._row_totals, *chart._column_totals, chart._grand_total]]
    assert all(t.count(".") == 1 for t in texts), texts     # all small: one decimal for every total
    assert chart._grand_total.toPlainText() == "12.0"


def test_the_midnight_total_keeps_clear_of_the_axis(qtbot):
    from stationmap.ui.charts.heat_chart import HeatChart

    chart = HeatChart(language="en")
    qtbot.addWidget(chart)
    chart.resize(700, 300)
    chart.show()
    qtbot.waitExposed(chart)
    midnight = chart._column_totals[0]
    view = chart.plot.getViewBox()
    qtbot.waitUntil(lambda: view.mapViewToScene(QPointF(1, 0)).x() - view.mapViewToScene(QPointF(0, 0)).x() > 10)
    # The axis' box includes its ticks: none may reach into the plot, next to the total.
    axis_right = chart.plot.getAxis("left").sceneBoundingRect().right()
    plot_left = chart.plot.getViewBox().sceneBoundingRect().left()
    assert axis_right <= plot_left + 0.5
    assert midnight.sceneBoundingRect().left() >= plot_left + 3
