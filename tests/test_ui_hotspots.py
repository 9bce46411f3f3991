"""The "Sectores y puntos críticos" dock driven on the sample station (real window, real map page)."""

from __future__ import annotations

import json
import shutil
import zipfile
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import page_value
import shapely
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QMessageBox
from shapely.geometry import box, mapping

from stationmap.planning import project_geography as geo
from stationmap.store import import_job
from stationmap.ui.app_config import SettingsStore
from stationmap.ui.hotspots import install
from stationmap.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]

# Chromium's GPU probing under Xvfb with software GL logs these; they say nothing about the map.
pytestmark = [pytest.mark.webengine,
              pytest.mark.qt_log_ignore("vulkan", "Vulkan", "GPU vendor", "DRI3", "GPUInfo")]
LOAD_MS = 30_000


@pytest.fixture
def boxes(monkeypatch):
    """Texts of the message boxes the panel would show, without blocking."""
    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: texts.append(box.text()) or QMessageBox.StandardButton.Ok)
    return texts


@pytest.fixture
def questions(monkeypatch):
    """Questions asked, answered with the next queued answer (Yes when none is queued)."""
    asked: list[str] = []
    answers: list[QMessageBox.StandardButton] = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return answers.pop(0) if answers else QMessageBox.StandardButton.Yes
    monkeypatch.setattr(QMessageBox, "question", question)
    return asked, answers


def open_window(qtbot, config_dir, project_path):
    window = MainWindow(SettingsStore(config_dir))
    qtbot.addWidget(window, before_close_func=lambda w: w.map_panel.wait_idle())
    panel = install(window)
    window.resize(1400, 900)
    window.show()
    with qtbot.waitSignal(window.map_panel.loaded, timeout=LOAD_MS):
        assert window.open_project(project_path)
    return window, panel


@pytest.fixture
def station(qtbot, config_dir, tmp_path, sample_project_file):
    path = tmp_path / "porvenir.stationmap"
    shutil.copy(sample_project_file, path)
    return open_window(qtbot, config_dir, path)


def js(qtbot, window, script):
    return page_value(qtbot, window.map_panel, script)


def overlays(qtbot, window):
    return js(qtbot, window, "SM.stats().overlays")


def select_rows(view, rows):
    view.clearSelection()
    for row in rows:
        view.selectionModel().select(view.model().index(row, 0),
                                     QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def on_worker(qtbot, tab, action, *args):
    """Start a tab action that runs on its worker and wait until the result is saved (or shown)."""
    with qtbot.waitSignal(tab.runner.finished, timeout=20_000):
        action(*args)


def table_total(tab) -> int:
    return int(tab.model.frame["incidents"].sum())


def halves_of(jurisdiction):
    minx, miny, maxx, maxy = jurisdiction.bounds
    middle = (minx + maxx) / 2
    return (jurisdiction.intersection(box(minx, miny, middle, maxy)),
            jurisdiction.intersection(box(middle, miny, maxx, maxy)))


def test_sector_files_in_two_formats_are_imported_saved_drawn_and_counted(qtbot, station, tmp_path, boxes):
    window, panel = station
    menu = [a.text() for a in window.extension_menu("analysis").actions()]
    assert menu == ["Sectores y jurisdicción…", "Importar sectores…", "Capa de puntos calientes…",
                    "Puntos críticos…", "Evaluar métodos de puntos calientes…"]
    west, east = halves_of(geo.jurisdiction(window.project))
    bowtie = [(-79.03, -8.05), (-79.02, -8.04), (-79.02, -8.05), (-79.03, -8.04), (-79.03, -8.05)]
    collection = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"nombre": "Oeste"}, "geometry": mapping(west)},
        {"type": "Feature", "properties": {"nombre": "Este"}, "geometry": mapping(east)},
        {"type": "Feature", "properties": {"nombre": "Moño"},
         "geometry": {"type": "Polygon", "coordinates": [bowtie]}}]}
    geojson = tmp_path / "sectores.geojson"
    geojson.write_text(json.dumps(collection), encoding="utf-8")
    on_worker(qtbot, panel.sectors, panel.sectors.import_sectors_file, geojson)
    assert [s.name for s in geo.sectors(window.project)] == ["Oeste", "Este", "Moño"]
    assert "se reparó" in panel.sectors.notes.text()     # the self-intersecting bow tie
    qtbot.waitUntil(lambda: "sectors" in overlays(qtbot, window), timeout=5000)

    ring = " ".join(f"{x},{y}" for x, y in west.exterior.coords)
    kml = (f'<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark>'
           f"<name>Zona Única</name><Polygon><outerBoundaryIs><LinearRing><coordinates>{ring}</coordinates>"
           f"</LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>")
    kmz = tmp_path / "zona.kmz"
    with zipfile.ZipFile(kmz, "w") as archive:
        archive.writestr("doc.kml", kml)
    on_worker(qtbot, panel.sectors, panel.sectors.import_sectors_file, kmz)
    assert [s.name for s in geo.sectors(window.project)] == ["Zona Única"]
    stats = panel.sectors.stats
    assert table_total(panel.sectors) == stats.in_period - stats.outside - stats.unlocated
    assert stats.outside > 0 and f"Fuera de los sectores: {stats.outside}" in panel.sectors.outside_label.text()
    assert boxes == []


def test_broken_files_give_translated_messages_and_change_nothing(qtbot, station, tmp_path, boxes):
    window, panel = station
    broken = tmp_path / "sectores.shp"
    broken.write_bytes(b"not a shapefile at all" * 10)
    on_worker(qtbot, panel.sectors, panel.sectors.import_sectors_file, broken)
    empty = tmp_path / "vacio.geojson"
    empty.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    on_worker(qtbot, panel.sectors, panel.sectors.import_jurisdiction_file, empty)
    assert len(boxes) == 2 and "sectores.shp" in boxes[0] and "ningún polígono" in boxes[1]
    assert geo.sectors(window.project) == []
    assert all("Traceback" not in text for text in boxes)


def test_generated_sectors_account_for_every_incident_of_the_period_through_merge_and_split(
        qtbot, station, boxes, questions):
    window, panel = station
    tab = panel.sectors
    tab.period_weeks.setValue(8)
    on_worker(qtbot, tab, tab.generate_balanced, 5)
    assert len(geo.sectors(window.project)) == 5
    stats = tab.stats
    incidents = window.incidents
    ts = incidents["start_ts"].to_numpy(dtype="float64", na_value=np.nan)
    in_period = int(((ts >= stats.start_ts) & (ts < stats.end_ts)).sum())
    lon = incidents["lon"].to_numpy(dtype="float64", na_value=np.nan)
    lat = incidents["lat"].to_numpy(dtype="float64", na_value=np.nan)
    union = shapely.union_all([s.geometry for s in geo.sectors(window.project)])
    recent = (ts >= stats.start_ts) & (ts < stats.end_ts) & np.isfinite(lon)
    inside = shapely.contains_xy(union, lon[recent], lat[recent]) | shapely.intersects_xy(union, lon[recent],
                                                                                          lat[recent])
    assert stats.in_period == in_period
    assert table_total(tab) == in_period - stats.outside - stats.unlocated == int(inside.sum())
    total = table_total(tab)

    select_rows(tab.table, [0, 1])
    tab.merge_selected()
    assert tab.model.rowCount() == 4 and table_total(tab) == total
    select_rows(tab.table, [0])
    tab.split_selected()
    assert tab.model.rowCount() == 5 and table_total(tab) == total
    halves = tab.model.frame.iloc[0:2]
    assert list(halves["sector"].str[-2:]) == [" a", " b"]

    select_rows(tab.table, [2])
    ids = window.filter_state.filter().ids
    assert ids is not None and len(ids) == int(tab.model.frame.iloc[2]["incidents"])
    tab.model.setData(tab.model.index(2, 0), "Sector Mercado")
    assert geo.sectors(window.project)[2].name == "Sector Mercado"
    tab.model.setData(tab.model.index(2, 0), "   ")
    assert boxes == ["El nombre de un sector no puede quedar vacío."]

    asked, answers = questions
    answers.append(QMessageBox.StandardButton.No)
    tab.generate_grid(1000)
    assert asked == ["Los 5 sectores actuales serán reemplazados. ¿Continuar?"] and not tab.runner.is_running()
    assert geo.sectors(window.project)[2].name == "Sector Mercado"   # the answer was No
    on_worker(qtbot, tab, tab.generate_grid, 1000)
    names = [s.name for s in geo.sectors(window.project)]
    assert len(names) > 20 and names[0] == "C-01"
    assert table_total(tab) == in_period - tab.stats.outside - tab.stats.unlocated


def test_hot_spot_layer_reaches_the_map_with_a_legend_and_the_bandwidth_is_guarded(qtbot, station, boxes):
    window, panel = station
    tab = panel.hotspots
    tab.method.setCurrentIndex(tab.method.findData("gistar"))
    tab.recency.setChecked(True)
    with qtbot.waitSignal(tab.layer_drawn, timeout=20_000) as drawn:
        tab.compute()
    cells = drawn.args[0]
    assert len(cells["features"]) > 10
    assert tab.legend.text().startswith("Gi* con FDR · celda 120 m · últimas 8 semanas (ponderación reciente")
    # Next to the layer: what it was computed from, since the table's filters do not apply to it.
    assert tab.basis.text().startswith("Calculado con todos los incidentes del ")
    assert "(últimas 8 semanas)" in tab.basis.text() and "No sigue los filtros de la tabla" in tab.basis.text()
    qtbot.waitUntil(lambda: "hotspots" in overlays(qtbot, window), timeout=5000)
    titles = js(qtbot, window, "Array.from(document.querySelectorAll('.leaflet-control-layers-overlays span'))"
                               ".map((s) => s.textContent)")
    assert any("Puntos calientes: Gi* con FDR · celda 120 m" in t for t in titles)
    # The map's legend says what the red cells are, as long as their layer is on.
    legend = "document.querySelector('.sm-legend').textContent"
    qtbot.waitUntil(lambda: "Puntos calientes" in js(qtbot, window, legend), timeout=5000)
    assert tab.legend.text() in js(qtbot, window, legend)
    assert "No sigue los filtros de la tabla ni del mapa." in js(qtbot, window, legend)

    tab.method.setCurrentIndex(tab.method.findData("kde_quartic"))
    tab.cell.setValue(150)
    tab.bandwidth.setValue(100)
    with qtbot.waitSignal(tab.runner.finished, timeout=10_000):
        tab.compute()
    assert len(boxes) == 1 and "ancho de banda (100 m) es menor que el tamaño de celda (150 m)" in boxes[0]
    # Refused: the layer drawn before stays, and so does its legend (not "Calculando…").
    assert tab.legend.text().startswith("Gi* con FDR · celda 120 m")
    assert tab.basis.text().startswith("Calculado con todos los incidentes del ")

    # Another project (here the same file opened again) starts without the old layer.
    with qtbot.waitSignal(window.map_panel.loaded, timeout=LOAD_MS):
        assert window.open_project(window.project.path)
    assert "hotspots" not in overlays(qtbot, window) and tab.legend.text() == "" and tab.basis.text() == ""
    assert "Puntos calientes" not in js(qtbot, window, legend)


def test_automatic_cell_size_is_named_when_the_tab_is_built_after_the_project_opened(
        qtbot, config_dir, tmp_path, sample_project_file):
    # The app builds its feature docks when they are first shown, long after the project opened.
    from stationmap.ui.hotspots.jobs import default_cell

    path = tmp_path / "porvenir.stationmap"
    shutil.copy(sample_project_file, path)
    window = MainWindow(SettingsStore(config_dir))
    qtbot.addWidget(window, before_close_func=lambda w: w.map_panel.wait_idle())
    with qtbot.waitSignal(window.map_panel.loaded, timeout=LOAD_MS):
        assert window.open_project(path)
    panel = install(window)
    metres = default_cell(panel.station.jurisdiction)
    assert panel.station.jurisdiction is not None and 20 <= metres <= 250
    assert panel.hotspots.cell.specialValueText() == f"automático ({metres:.0f} m)"


def test_critical_points_list_filters_and_exports_in_four_formats(qtbot, station, tmp_path, boxes):
    window, panel = station
    tab = panel.critical
    from stationmap.planning.risk import DEFAULT_LOOKBACK_WEEKS

    assert tab.weeks.value() == DEFAULT_LOOKBACK_WEEKS   # the plan's look-back: the same PC-01 in both
    with qtbot.waitSignal(tab.runner.succeeded, timeout=20_000):
        tab.find()
    frame = tab.model.frame
    assert len(frame) >= 5 and frame["Peso"].is_monotonic_decreasing   # heaviest place first
    assert frame["Calle"].str.len().gt(0).sum() >= len(frame) // 2   # named from the basemap's streets
    # Peak hours, or "—" where no hour holds more than one incident's worth (analysis.critical_points).
    assert all(frame["Horas pico"].str.fullmatch(r"\d\d:00(, \d\d:00)*|—"))
    assert frame["Horas pico"].iloc[0] != "—"
    qtbot.waitUntil(lambda: "critical_points" in overlays(qtbot, window), timeout=5000)
    select_rows(tab.table, [0])
    assert window.filter_state.filter().ids == frozenset(int(i) for i in tab.points[0].member_ids)

    for name in ("pc.csv", "pc.xlsx", "pc.geojson", "pc.kml"):
        assert tab.export(tmp_path / name)
    assert len(pd.read_csv(tmp_path / "pc.csv", encoding="utf-8-sig")) == len(frame)
    assert len(pd.read_excel(tmp_path / "pc.xlsx", engine="openpyxl")) == len(frame)
    assert len(json.loads((tmp_path / "pc.geojson").read_text(encoding="utf-8"))["features"]) == len(frame)
    assert (tmp_path / "pc.kml").read_text(encoding="utf-8").count("<Placemark>") == len(frame)
    assert not tab.export(tmp_path / "pc.docx")
    assert boxes == ["«pc.docx»: solo se puede exportar a CSV, XLSX, GeoJSON o KML."]


def test_critical_points_say_they_take_every_incident_of_the_period_not_the_tables_filters(
        qtbot, station, boxes):
    # QA: with the table on a week's Friday and Saturday nights, PC-01 read "Hurto (4), Robo (2)" and
    # nothing said the list took every incident of its period. It still does (the plan's PC-01), and says so.
    from stationmap.core.messages import set_language
    from stationmap.planning.sector_stats import last_weeks

    window, panel = station
    tab = panel.critical
    incidents = panel.station.incidents
    window.filter_state.update(date_from=date(2026, 11, 13), date_to=date(2026, 11, 14))
    tab.weeks.setValue(1)
    with qtbot.waitSignal(tab.runner.succeeded, timeout=20_000):
        tab.find()
    start, end = last_weeks(incidents, 1)
    ts = incidents["start_ts"].to_numpy(dtype="float64", na_value=np.nan)
    located = int((incidents["lon"].notna() & incidents["lat"].notna()).to_numpy()[(ts >= start) & (ts < end)].sum())
    assert tab.basis.text() == (
        "Calculado con todos los incidentes del 09/11/2026 al 15/11/2026 (última semana): "
        f"{located} con ubicación, de todas las categorías y horas. No sigue los filtros de la tabla ni del mapa.")
    assert 0 < tab.model.frame["Incidentes"].sum() <= located

    set_language("en")   # the window's other language: the same sentence in English
    with qtbot.waitSignal(tab.runner.succeeded, timeout=20_000):
        tab.find()
    assert tab.basis.text().startswith("Computed from all incidents from 09/11/2026 to 15/11/2026 (last week): ")
    assert tab.basis.text().endswith("It does not follow the table's or the map's filters.")


def test_week_spin_boxes_agree_in_number_with_their_value(qtbot, station):
    window, panel = station
    for spin in (panel.critical.weeks, panel.hotspots.weeks, panel.sectors.period_weeks):
        spin.setValue(1)
        assert spin.text() == "1 semana"
        spin.setValue(2)
        assert spin.text() == "2 semanas"
        spin.setValue(1)
        assert spin.suffix() == " semana"


def test_evaluation_fills_the_table_and_the_chosen_method_is_saved_and_reloaded(
        qtbot, station, config_dir, boxes):
    window, panel = station
    tab = panel.evaluation
    with qtbot.waitSignal(tab.runner.succeeded, timeout=30_000):
        tab.evaluate()
    frame = tab.model.frame
    assert len(frame) == 6 and frame["pai_0.01"].gt(1).all()
    assert "37.1 km²" in tab.summary.text() and "120 m" in tab.summary.text()
    assert len(tab.chart.getPlotItem().listDataItems()) == 6
    assert {"Conteo (todo el historial)", "Conteo (último año)", "Conteo (últimas 8 semanas)",
            "Reciente (vida media 4 semanas)"} < set(frame["label"])
    row = int(np.flatnonzero(frame["method"] == "kde_quartic")[0])
    assert frame["label"][row] == "KDE cuártico 250 m (último año)"
    select_rows(tab.table, [row])
    tab.use_selected()
    stored = window.project.get_meta("hotspot_method")
    assert stored["method"] == "kde" and stored["kernel"] == "quartic" and stored["label"].startswith("KDE")
    assert panel.hotspots.method.currentData() == "kde_quartic"

    path = window.project.path
    window.close_project()
    again, again_panel = open_window(qtbot, config_dir, path)
    assert again_panel.hotspots.method.currentData() == "kde_quartic"
    assert again_panel.hotspots.weeks.value() == 52


def new_project_window(qtbot, config_dir, tmp_path):
    """A window with the hot-spot tools on a new, empty project."""
    window = MainWindow(SettingsStore(config_dir))
    qtbot.addWidget(window, before_close_func=lambda w: w.map_panel.wait_idle())
    panel = install(window)
    window.show()
    with qtbot.waitSignal(window.map_panel.loaded, timeout=LOAD_MS):
        assert window.create_project(tmp_path / "nueva")
    return window, panel


def test_a_jurisdiction_drawn_on_the_map_is_saved_in_a_new_project(qtbot, config_dir, tmp_path, boxes):
    window, panel = new_project_window(qtbot, config_dir, tmp_path)
    assert panel.sectors.draw_button.isEnabled()
    panel.sectors.generate_grid(500)          # nothing to cut into cuadrantes yet
    assert len(boxes) == 1 and "jurisdicción" in boxes.pop()
    panel.sectors.start_drawing()
    corners = [(-8.10, -79.05), (-8.10, -79.00), (-8.05, -79.00), (-8.05, -79.05)]
    clicks = "".join(f"SM.map.fire('click', {{latlng: L.latLng({lat}, {lon})}});" for lat, lon in corners)
    # Saving the jurisdiction reloads the page with its outline.
    with qtbot.waitSignals([window.map_panel.polygon_drawn, window.map_panel.loaded], timeout=LOAD_MS):
        window.map_panel.run_javascript(clicks + "SM.finishDrawPolygon();")
    assert js(qtbot, window, "SM.stats().overlays").count("jurisdiction") == 1
    drawn = geo.jurisdiction(window.project)
    assert drawn.bounds == pytest.approx((-79.05, -8.10, -79.00, -8.05))
    assert not panel.sectors.draw_button.isEnabled()

    panel.sectors.start_drawing()
    with qtbot.waitSignal(window.map_panel.polygon_drawn, timeout=5000):
        window.map_panel.run_javascript("SM.map.fire('click', {latlng: L.latLng(-8.1, -79.1)});"
                                        "SM.finishDrawPolygon();")
    assert boxes == ["El polígono dibujado necesita al menos tres vértices que encierren un área."]


def test_the_jurisdiction_taken_from_perus_districts_covers_the_stations_incidents(
        qtbot, config_dir, tmp_path, boxes, monkeypatch):
    """A new project with the sample's incidents and no polygon: the districts dialog offers the
    districts that hold them, ticked, and their union becomes the saved jurisdiction."""
    from stationmap.ui.hotspots.district_dialog import DistrictJurisdictionDialog

    window, panel = new_project_window(qtbot, config_dir, tmp_path)
    sample_log = next((ROOT / "sample_data" / "station").glob("*.csv"))
    import_job.run(import_job.ImportRequest(window.project.path, [sample_log]))
    with qtbot.waitSignal(window.map_panel.loaded, timeout=LOAD_MS):
        window.open_project(window.project.path)
    qtbot.waitUntil(lambda: panel.station.incidents is not None and len(panel.station.incidents) > 0, timeout=20_000)
    incidents = panel.station.incidents
    located = incidents.dropna(subset=["lat", "lon"])

    shown: list = []

    def accept(dialog):   # the user looks at the ticked districts and presses Aceptar
        shown.extend(dialog.chosen())
        return DistrictJurisdictionDialog.DialogCode.Accepted
    monkeypatch.setattr(DistrictJurisdictionDialog, "exec", accept)
    with qtbot.waitSignal(window.map_panel.loaded, timeout=LOAD_MS):   # the saved outline reloads the page
        panel.sectors.choose_districts()
    # The synthetic station lies in El Porvenir, La Esperanza and Florencia de Mora (sample_data/PROVENANCE.md).
    assert [d.name for d in shown] == ["EL PORVENIR", "LA ESPERANZA", "FLORENCIA DE MORA"]
    assert sum(d.incidents for d in shown) >= 0.95 * len(located)
    saved = geo.jurisdiction(window.project)
    points = shapely.points(located["lon"].to_numpy(float), located["lat"].to_numpy(float))
    assert shapely.contains(saved, points).sum() == sum(d.incidents for d in shown)
    assert "EL PORVENIR" in panel.sectors.notes.text()
    assert js(qtbot, window, "SM.stats().overlays").count("jurisdiction") == 1
