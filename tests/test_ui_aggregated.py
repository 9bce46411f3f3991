"""The "Estadísticas agregadas" dock on a project built from the real SIDPOL Cajamarca export."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
from PySide6.QtCore import QLocale

from conftest import shared_path
from stationmap.analysis.aggregated import compare_month, month_span, monthly_series
from stationmap.store import import_job
from stationmap.store.project import Project
from stationmap.ui.brief import install
from stationmap.ui.brief.aggregated_panel import CURRENT, DISTRICT, UBIGEO, VS_LAST_YEAR, VS_PREVIOUS


@pytest.fixture(scope="module")
def cajamarca_project(tmp_path_factory):
    source = shared_path("data", "peru-sidpol-cajamarca", "DATASET_DENUNCIAS.csv")
    path = tmp_path_factory.mktemp("sidpol") / "cajamarca.stationmap"
    import_job.run(import_job.ImportRequest(path, [source]))
    return path


@pytest.fixture
def window(bare_window):
    return bare_window


def test_district_table_for_june_2024_matches_compare_month(qtbot, window, cajamarca_project):
    tools = install(window)
    window.open_project(cajamarca_project)
    panel = tools.aggregated_panel
    with Project.open(cajamarca_project) as project:
        counts = project.counts()
    assert panel.month.itemText(0) == "02/2026" and panel.month.count() == 98   # 2018-01 .. 2026-02, newest first
    with qtbot.waitSignal(panel.refreshed, timeout=10_000):
        panel.select_month(2024, 6)
    expected = compare_month(counts, 2024, 6)
    assert panel.table.rowCount() == len(expected) > 100
    shown = [(panel.table.item(r, UBIGEO).text(), panel.table.item(r, CURRENT).data(256))
             for r in range(panel.table.rowCount())]
    assert shown == [(c.ubigeo, c.current) for c in expected]
    top = expected[0]
    assert panel.table.item(0, DISTRICT).text() == top.district == "CAJAMARCA"
    # Short words in the cell, the change test's full sentence in its tooltip.
    assert panel.table.item(0, VS_PREVIOUS).toolTip() == top.vs_previous.sentence("es")
    assert panel.table.item(0, VS_LAST_YEAR).toolTip() == top.vs_last_year.sentence("es")
    words = {"up": "Sube", "down": "Baja", "normal": "Normal"}
    for row, change in enumerate(expected):
        for column, comparison in ((VS_PREVIOUS, change.vs_previous), (VS_LAST_YEAR, change.vs_last_year)):
            text = panel.table.item(row, column).text()
            assert text.startswith(words[comparison.verdict])
            # A district with no complaints before has no percent to show, only its usual count of 0.
            assert (f"({comparison.percent:+.0f}\u00a0%)" in text) if comparison.percent is not None \
                else text.endswith(" · habitual 0")
            # The usual is written as the counts beside it, a whole number: "353", not "353.3" beside "400".
            assert text.endswith(" · habitual " + QLocale().toString(int(round(comparison.expected))))
    assert {c.vs_previous.verdict for c in expected} == {"up", "down", "normal"}


def test_one_modalidad_and_one_district_drive_the_table_and_the_trend(qtbot, window, cajamarca_project):
    tools = install(window)
    window.open_project(cajamarca_project)
    panel = tools.aggregated_panel
    with Project.open(cajamarca_project) as project:
        counts = project.counts()
    panel.select_month(2024, 6)
    with qtbot.waitSignal(panel.refreshed, timeout=10_000):
        panel.category.setCurrentIndex(panel.category.findData("Hurto"))
    expected = compare_month(counts, 2024, 6, category="Hurto")
    assert panel.table.item(0, CURRENT).data(256) == expected[0].current
    # Choosing a district row makes the trend that district's Hurto per month.
    with qtbot.waitSignal(panel.refreshed, timeout=10_000):
        panel.table.selectRow(0)
    assert panel.series.currentData() == expected[0].ubigeo
    curve = panel.trend.plotItem.listDataItems()[0]
    one = counts[(counts["category"] == "Hurto") & (counts["ubigeo"] == expected[0].ubigeo)]
    assert np.array_equal(curve.getData()[1],
                          monthly_series(one, months=month_span(counts))["count"].to_numpy(dtype=float))
    # Back to the total: the whole region's monthly sum (171,501 complaints, PROVENANCE.md).
    panel.category.setCurrentIndex(0)
    panel.series.setCurrentIndex(0)
    assert panel.trend.plotItem.listDataItems()[0].getData()[1].sum() == 171_501


def test_a_narrow_panel_puts_the_trend_under_the_table(qtbot, cajamarca_project):
    # The bottom dock beside the map on a 1366 x 768 laptop is about 700 pixels wide: side by side,
    # the two columns of sentences got 30 pixels each, a letter a line.
    from PySide6.QtCore import Qt

    from stationmap.ui.brief.aggregated_panel import AggregatedPanel

    panel = AggregatedPanel()
    qtbot.addWidget(panel)
    with Project.open(cajamarca_project) as project:
        panel.set_counts(project.counts())
    panel.resize(700, 330)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel.splitter.orientation() == Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: min(panel.table.columnWidth(VS_PREVIOUS), panel.table.columnWidth(VS_LAST_YEAR)) >= 120)
    # Verdict and usual on one line where the column has room: the table showed two and a half districts.
    assert panel.table.viewport().height() >= 4 * panel.table.rowHeight(0)
    assert panel.table.rowHeight(0) < 2 * panel.table.fontMetrics().lineSpacing()
    # Where a column is too narrow for its sentence, the row grows: the usual is never cut off.
    panel.resize(560, 330)
    qtbot.waitUntil(lambda: any(panel.table.rowHeight(row) >= 2 * panel.table.fontMetrics().lineSpacing()
                                for row in range(panel.table.rowCount())))
    panel.resize(1300, 330)
    qtbot.waitUntil(lambda: panel.splitter.orientation() == Qt.Orientation.Horizontal)


def test_a_counts_only_project_puts_this_panel_in_front(qtbot, window, cajamarca_project):
    tools = install(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_project(cajamarca_project)
    qtbot.waitUntil(lambda: not tools.aggregated_panel.visibleRegion().isEmpty(), timeout=5000)
    assert window.temporal_panel.visibleRegion().isEmpty()


def test_a_project_without_counts_explains_what_to_import(window, tmp_path):
    tools = install(window)
    window.create_project(tmp_path / "vacio")
    panel = tools.aggregated_panel
    assert not panel.empty_label.isHidden() and "SIDPOL" in panel.empty_label.text()
    assert not panel.table.isEnabled() and panel.month.count() == 0


def _js(qtbot, panel, expression):
    box: list = []
    panel.run_javascript(f"JSON.stringify({expression})", box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=5000)
    return json.loads(box[0])


def test_showing_the_panel_switches_the_district_choropleth_back_on(qtbot, window, tmp_path, sample_project_file):
    """The sample station has Trujillo's district polygons; a small SIDPOL-style table gives them counts."""
    path = tmp_path / "estacion.stationmap"
    shutil.copy(sample_project_file, path)
    table = tmp_path / "sidpol_trujillo.csv"
    table.write_text("AÑO;MES;DEPARTAMENTO;PROVINCIA;DISTRITO;UBIGEO_HECHO;MODALIDAD;CANTIDAD\n"
                     "2026;9;LA LIBERTAD;TRUJILLO;EL PORVENIR;130102;Robo;41\n"
                     "2026;10;LA LIBERTAD;TRUJILLO;EL PORVENIR;130102;Robo;37\n"
                     "2026;10;LA LIBERTAD;TRUJILLO;TRUJILLO;130101;Hurto;120\n", encoding="cp1252")
    import_job.run(import_job.ImportRequest(path, [table]))
    tools = install(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_project(path)
    panel, map_panel = tools.aggregated_panel, window.map_panel
    assert panel.month.itemText(0) == "10/2026"
    # Incidents too: the panel waits in the Ver menu, the heat chart stays in front.
    assert tools.aggregated_dock.isHidden() and not window.temporal_panel.visibleRegion().isEmpty()
    qtbot.waitUntil(lambda: map_panel.is_ready, timeout=60_000)
    qtbot.waitUntil(lambda: _js(qtbot, map_panel, "SM.map.hasLayer(SM.overlays.districts)"), timeout=10_000)
    map_panel.run_javascript("SM.map.removeLayer(SM.overlays.districts)")   # the user unticks the layer
    qtbot.waitUntil(lambda: not _js(qtbot, map_panel, "SM.map.hasLayer(SM.overlays.districts)"), timeout=5000)
    tools.aggregated_dock.toggleViewAction().trigger()   # Ver → Estadísticas agregadas
    qtbot.waitUntil(lambda: not panel.visibleRegion().isEmpty(), timeout=5000)
    qtbot.waitUntil(lambda: _js(qtbot, map_panel, "SM.map.hasLayer(SM.overlays.districts)"), timeout=5000)


def _open_with_districts(qtbot, window, project_path):
    """The window with the brief tools, `project_path` open and its districts layer on the map."""
    tools = install(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_project(project_path)
    map_panel = window.map_panel
    qtbot.waitUntil(lambda: map_panel.is_ready, timeout=60_000)
    qtbot.waitUntil(lambda: _js(qtbot, map_panel, "!!SM.overlays.districts"), timeout=10_000)
    return tools, map_panel, tools.aggregated_panel


def _mapped_counts(qtbot, map_panel) -> dict[str, int]:
    shown = _js(qtbot, map_panel, "SM.overlays.districts.getLayers().map(l => l.feature.properties)")
    return {p["ubigeo"]: p["count"] for p in shown if p["count"] is not None}


def test_a_project_of_sidpol_counts_only_maps_them_on_perus_district_limits(qtbot, window, cajamarca_project):
    """Cajamarca has no district shapes in the project: the map draws the bundled INEI limits, coloured
    by what the statistics table shows (its month and modalidad)."""
    tools, map_panel, panel = _open_with_districts(qtbot, window, cajamarca_project)
    assert _js(qtbot, map_panel, "SM.map.hasLayer(SM.overlays.districts)")
    with Project.open(cajamarca_project) as project:
        counts = project.counts()
    assert "Límites distritales: INEI 2007" in _js(
        qtbot, map_panel, "document.querySelector('.leaflet-control-attribution').textContent")
    # The status bar says what the project holds, not "Incidentes: 0 de 0".
    qtbot.waitUntil(lambda: window.counts_label.text().startswith("Conteos"), timeout=10_000)
    assert window.counts_label.text() == (f"Conteos por distrito y mes: {QLocale().toString(len(counts))} filas, "
                                          "01/2018–02/2026")
    # The view opens on the department (Cajamarca city at -7.16, -78.51), not on the whole country.
    (south, west), (north, east) = _js(qtbot, map_panel, "SM.viewBounds()")
    assert south < -7.16 < north and west < -78.51 < east and east - west < 6

    # The panel opens on the newest month, and so does the map.
    latest = {c.ubigeo: c.current for c in compare_month(counts, 2026, 2)}
    assert sum(latest.values()) == counts[(counts["year"] == 2026) & (counts["month"] == 2)]["count"].sum()
    qtbot.waitUntil(lambda: _mapped_counts(qtbot, map_panel) == latest, timeout=5000)
    # Another month and one modalidad: the map's districts hold the table's numbers, the legend says which.
    with qtbot.waitSignal(panel.refreshed, timeout=10_000):
        panel.select_month(2024, 6)
    with qtbot.waitSignal(panel.refreshed, timeout=10_000):
        panel.category.setCurrentIndex(panel.category.findData("Hurto"))
    # A district the table lists with no complaint that month is a 0 on the map, not "sin datos".
    table = {c.ubigeo: c.current for c in compare_month(counts, 2024, 6, category="Hurto")}
    assert len(table) > 20 and 0 in table.values()
    qtbot.waitUntil(lambda: _mapped_counts(qtbot, map_panel) == table, timeout=5000)
    legend = _js(qtbot, map_panel, "(() => { const box = document.createElement('div'); "
                                   "SM.legendParts.districts.render(box); return box.textContent; })()")
    assert "Denuncias por distrito — 06/2024 · Hurto" in legend


def test_a_district_clicked_on_the_map_shows_its_row_and_trend_in_the_panel(qtbot, window, cajamarca_project):
    tools, map_panel, panel = _open_with_districts(qtbot, window, cajamarca_project)
    tools.quality_dock.show()                            # the user was looking at another tab
    tools.quality_dock.raise_()
    qtbot.waitUntil(lambda: panel.visibleRegion().isEmpty(), timeout=5000)
    with qtbot.waitSignal(map_panel.district_clicked, timeout=5000) as clicked:
        map_panel.run_javascript("SM.overlays.districts.getLayers()"
                                 ".find(l => l.feature.properties.ubigeo === '060801').fire('click')")
    assert clicked.args == ["060801"]
    qtbot.waitUntil(lambda: not panel.visibleRegion().isEmpty(), timeout=5000)
    rows = panel.table.selectionModel().selectedRows()
    assert [panel.table.item(r.row(), UBIGEO).text() for r in rows] == ["060801"]
    assert panel.table.item(rows[0].row(), DISTRICT).text() == "JAEN"
    assert panel.series.currentData() == "060801"
    outlined = ("SM.overlays.districts.getLayers().filter(l => l.options.weight > 3)"
                ".map(l => l.feature.properties.ubigeo)")
    qtbot.waitUntil(lambda: _js(qtbot, map_panel, outlined) == ["060801"], timeout=5000)
    # And the other way: the row chosen in the table is the district outlined on the map.
    other = next(r for r in range(panel.table.rowCount()) if panel.table.item(r, UBIGEO).text() == "060101")
    panel.table.selectRow(other)
    qtbot.waitUntil(lambda: _js(qtbot, map_panel, outlined) == ["060101"], timeout=5000)


def test_a_districts_trend_shows_its_months_without_denuncias_as_zero_on_a_time_axis(qtbot, cajamarca_project):
    """CUJILLO has denuncias in two months of the 98: drawn as two points side by side, the chart said
    nothing of the years between; every month of the export is on the axis, a month without denuncias as 0."""
    from stationmap.ui.brief.aggregated_panel import AggregatedPanel

    panel = AggregatedPanel()
    qtbot.addWidget(panel)
    with Project.open(cajamarca_project) as project:
        counts = project.counts()
    panel.set_counts(counts)
    with qtbot.waitSignal(panel.refreshed, timeout=10_000):
        panel.series.setCurrentIndex(panel.series.findData("060604"))
    x, y = panel.trend.plotItem.listDataItems()[0].getData()
    assert len(x) == 98 and np.allclose(np.diff(x), 1 / 12)   # 01/2018 .. 02/2026, a month apart
    assert x[0] == 2018 and np.isclose(x[-1], 2026 + 1 / 12)
    district = counts[counts["ubigeo"] == "060604"]
    assert (y > 0).sum() == district[["year", "month"]].drop_duplicates().shape[0] == 2
    assert y.sum() == district["count"].sum() and (y == 0).sum() == 96
    # The axis labels years where they fall, and the chosen month's line stands on its month.
    ticks = panel.trend.getAxis("bottom")._tickLevels[0]
    assert [label for _, label in ticks] == [str(year) for year in range(2018, 2027)]
    assert all(position == int(label) for position, label in ticks)


def test_counts_imported_into_the_open_project_reach_the_panel_at_once(qtbot, window, tmp_path):
    """The panel follows the window's counts_changed: before, it showed the counts only once the
    project was opened again."""
    from stationmap.store.import_job import ImportRequest

    tools = install(window)
    window.create_project(tmp_path / "comisaria")
    panel = tools.aggregated_panel
    assert panel.month.count() == 0
    table = tmp_path / "sidpol.csv"
    table.write_text("AÑO;MES;DEPARTAMENTO;PROVINCIA;DISTRITO;UBIGEO_HECHO;MODALIDAD;CANTIDAD\n"
                     "2026;9;LA LIBERTAD;TRUJILLO;EL PORVENIR;130102;Robo;41\n"
                     "2026;10;LA LIBERTAD;TRUJILLO;TRUJILLO;130101;Hurto;120\n", encoding="cp1252")
    with qtbot.waitSignal(window.counts_changed, timeout=20_000):
        window.imports.start(ImportRequest(project=window.project.path, paths=[table]))
    assert panel.month.itemText(0) == "10/2026" and panel.empty_label.isHidden()
    assert panel.table.item(0, DISTRICT).text() == "TRUJILLO" and panel.table.item(0, CURRENT).data(256) == 120
    window.imports.summary_dialog.close()
