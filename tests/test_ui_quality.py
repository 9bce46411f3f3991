"""The "Calidad de datos" dock shows quality_report's figures for the open project and follows reloads."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
from PySide6.QtCore import QLocale

from stationmap.analysis.quality import quality_report
from stationmap.planning import project_geography as geo
from stationmap.planning.sectors import assign_sectors, balanced_sectors
from stationmap.store import incident_chunks
from stationmap.store.project import Project
from stationmap.ui.app_config import SettingsStore
from stationmap.ui.brief import install
from stationmap.ui.main_window import MainWindow


@pytest.fixture
def sectored_sample(tmp_path, sample_project_file):
    """A copy of the sample station with four sectors of equal workload stored in it."""
    path = tmp_path / "estacion.stationmap"
    shutil.copy(sample_project_file, path)
    with Project.open(path) as project:
        incidents = project.incidents()
        lon = incidents["lon"].to_numpy(dtype="float64", na_value=np.nan)
        lat = incidents["lat"].to_numpy(dtype="float64", na_value=np.nan)
        sectors = balanced_sectors(geo.jurisdiction(project), lon, lat, np.ones(len(lon)), 4)
        geo.save_sectors(project, sectors)
        expected = quality_report(incidents, sector=assign_sectors(lon, lat, sectors),
                                  imports=project.imports(), rejections=project.rejections())
    return path, expected


def _window(qtbot, config_dir):
    window = MainWindow(SettingsStore(config_dir))
    qtbot.addWidget(window)
    return window, install(window)


def test_panel_figures_equal_the_quality_report_of_the_sample(qtbot, config_dir, sectored_sample):
    path, expected = sectored_sample
    window, tools = _window(qtbot, config_dir)
    panel = tools.quality_panel
    with qtbot.waitSignal(panel.refreshed, timeout=30_000):
        assert window.open_project(path)
    report = panel.report
    assert report.shares == pytest.approx(expected.shares)
    assert report.rejected_by_reason == expected.rejected_by_reason and report.rows_rejected > 0
    # Five shares, in the panel's order, rounded as shown.
    shown = {panel.shares.item(r, 0).text(): panel.shares.item(r, 1).text() for r in range(panel.shares.rowCount())}
    assert len(shown) == 5
    locale = QLocale()
    for label, key in (("Dentro de un sector", "with_sector"), ("Con hora conocida", "known_time"),
                       ("Categoría «No especificado»", "unspecified")):
        assert shown[label] == locale.toString(expected.shares[key], "f", 1) + " %"
    # The category's name is data, the words around it (and each row's explanation) are the interface's.
    tips = {panel.shares.item(r, 0).text(): panel.shares.item(r, 0).toolTip() for r in range(panel.shares.rowCount())}
    assert all(tips.values())
    assert tips["Categoría «No especificado»"].startswith("Incidentes cuya modalidad venía vacía o no se reconoció")
    # Rejections: one line per reason with its count and a readable example, largest first.
    counts = [locale.toInt(panel.reasons.item(r, 0).text())[0] for r in range(panel.reasons.rowCount())]
    assert counts == sorted(expected.rejected_by_reason.values(), reverse=True)
    example = panel.reasons.item(0, 1).text()
    commonest = max(expected.rejected_by_reason, key=expected.rejected_by_reason.get)
    assert example == expected.reason_examples[commonest] and example.startswith("Fila ")
    assert f"Filas rechazadas: {expected.rows_rejected}" in panel.summary.text()
    # The trend has one curve per share, one point per week of data.
    curves = panel.trend.plotItem.listDataItems()
    assert len(curves) == 5
    x, y = curves[0].getData()
    assert len(x) == len(expected.weekly)
    assert np.allclose(y, expected.weekly["with_coordinates"].to_numpy())
    window.close()


def test_panel_refreshes_when_the_incidents_change_and_clears_without_a_project(qtbot, config_dir, tmp_path,
                                                                                 sample_project_file):
    path = tmp_path / "estacion.stationmap"
    shutil.copy(sample_project_file, path)
    window, tools = _window(qtbot, config_dir)
    panel = tools.quality_panel
    with qtbot.waitSignal(panel.refreshed, timeout=30_000):
        window.open_project(path)
    # Without sectors in the project the panel does not invent a sector share.
    assert "with_sector" not in panel.report.shares and panel.shares.rowCount() == 4
    first = panel.report.shares["unspecified"]
    with Project.open(path) as project, project.transaction() as db:
        # half the rows become "No especificado" behind the window's back
        incident_chunks.rewrite(db, _every_other_row_unspecified)
    with qtbot.waitSignal(panel.refreshed, timeout=30_000):
        window.reload_project()
    assert panel.report.shares["unspecified"] > first + 40
    window.close_project()
    assert panel.report is None and panel.shares.rowCount() == 0
    window.close()


def _every_other_row_unspecified(chunk):
    import pyarrow as pa

    category = chunk.column("category").to_pylist()
    category[::2] = ["No especificado"] * len(category[::2])
    index = chunk.schema.get_field_index("category")
    return chunk.set_column(index, "category", pa.array(category, type=pa.large_string()))


def test_a_project_without_incidents_shows_no_percentages(qtbot, config_dir, tmp_path):
    window, tools = _window(qtbot, config_dir)
    panel = tools.quality_panel
    with qtbot.waitSignal(panel.refreshed, timeout=30_000):
        window.create_project(tmp_path / "vacio")
    assert panel.report.incidents == 0 and panel.shares.rowCount() == 0 and panel.shares.isHidden()
    assert "no tiene ninguno" in panel.summary.text()
    assert panel.trend.plotItem.listDataItems() == []
    assert not panel.trend.plotItem.getAxis("bottom").style["showValues"]   # no "00.250" dates of nothing
    window.close()
