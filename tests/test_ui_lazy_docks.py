"""Feature docks the application installs lazily: no panel before its dock is first shown, and a
panel built late shows the open project just as one built up front (ui.lazy_dock, install_features)."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtWidgets import QDockWidget, QLabel, QWidget

from stationmap.ui.app_config import SettingsStore
from stationmap.ui.dock_content import dock_content
from stationmap.ui.lazy_dock import LazyDock
from stationmap.ui.main_window import MainWindow

pytest.importorskip("stationmap.store.project")

LOAD_MS = 60_000


def panel_types():
    from stationmap.ui.brief.aggregated_panel import AggregatedPanel
    from stationmap.ui.brief.quality_panel import QualityPanel
    from stationmap.ui.hotspots.panel import HotspotsPanel
    from stationmap.ui.plan.panel import PlanPanel

    return {"hotspots_dock": HotspotsPanel, "plan_dock": PlanPanel, "quality_dock": QualityPanel,
            "aggregated_dock": AggregatedPanel}


def built(window, kind):
    return window.findChildren(kind)


def window_and_sample_copy(qtbot, config_dir, tmp_path, sample_project_file):
    """A new main window (no feature, no project yet) and a fresh copy of the sample station."""
    path = tmp_path / "porvenir.stationmap"
    shutil.copy(sample_project_file, path)
    window = MainWindow(SettingsStore(config_dir))
    qtbot.addWidget(window, before_close_func=lambda w: w.map_panel.wait_idle())
    return window, path


@pytest.fixture
def lazy_window(qtbot, config_dir, tmp_path, sample_project_file):
    """The application's window (every feature, lazily) on a copy of the sample station."""
    window, path = window_and_sample_copy(qtbot, config_dir, tmp_path, sample_project_file)
    window.install_features()
    window.resize(1400, 900)
    window.show()
    with qtbot.waitSignal(window.map_panel.loaded, timeout=LOAD_MS):
        assert window.open_project(path)
    return window


def test_lazy_dock_builds_its_panel_once_on_first_show(qtbot, bare_window):
    calls: list[QWidget] = []

    def build():
        calls.append(QLabel("panel"))
        return calls[-1]

    lazy = bare_window.add_lazy_dock(build, "lazy_dock", "Lazy")
    assert isinstance(lazy, LazyDock) and not lazy.is_built and calls == []
    assert lazy.dock.isHidden() and dock_content(lazy.dock) is not None   # an empty placeholder meanwhile
    bare_window.show()
    lazy.dock.toggleViewAction().trigger()          # Ver → Lazy
    qtbot.waitUntil(lambda: lazy.is_built)
    assert dock_content(lazy.dock) is calls[0] and lazy.panel() is calls[0]
    lazy.dock.hide()
    lazy.show()
    assert len(calls) == 1 and lazy.dock.isVisible()


def test_no_feature_panel_is_built_until_its_dock_is_shown(lazy_window):
    window = lazy_window
    docks = {d.objectName(): d for d in window.findChildren(QDockWidget)}
    for name, kind in panel_types().items():
        assert name in docks and docks[name].isHidden()
        assert built(window, kind) == [], name
    # The menus are all there, enabled for the open project, as with panels built up front.
    patrol = [a.text() for a in window.extension_menu("patrol").actions()]
    assert patrol == ["Plan de patrullaje", "Generar plan…", "Exportar plan…"]
    assert [a.isEnabled() for a in window.extension_menu("patrol").actions()] == [True, True, False]
    assert all(a.isEnabled() for a in window.extension_menu("analysis").actions())


def test_plan_panel_built_from_its_menu_follows_the_open_project(qtbot, lazy_window):
    from stationmap.ui.plan.panel import PlanPanel

    window = lazy_window
    window.extension_menu("patrol").actions()[0].trigger()     # Patrullaje → Plan de patrullaje
    panels = built(window, PlanPanel)
    assert len(panels) == 1
    panel = panels[0]
    assert panel.project is window.project and panel.incidents is window.incidents
    assert panel.generate_button.isEnabled() and panel.isVisible()
    window.close_project()
    assert panel.project is None   # connected to the window like a panel built up front


def test_hotspots_tab_from_the_analysis_menu_shows_the_station(qtbot, lazy_window):
    from stationmap.ui.hotspots.panel import HotspotsPanel

    window = lazy_window
    action = next(a for a in window.extension_menu("analysis").actions() if a.text() == "Puntos críticos…")
    action.trigger()
    panel = built(window, HotspotsPanel)[0]
    assert panel.currentWidget() is panel.critical and panel.isVisible()
    assert panel.station.project is window.project and panel.station.incidents is window.incidents
    assert panel.station.jurisdiction is not None


def test_quality_panel_computes_its_report_when_first_shown(qtbot, lazy_window):
    from stationmap.ui.brief.quality_panel import QualityPanel

    window = lazy_window
    dock = window.findChild(QDockWidget, "quality_dock")
    dock.toggleViewAction().trigger()                          # Ver → Calidad de datos
    panel = built(window, QualityPanel)[0]
    qtbot.waitUntil(lambda: panel.report is not None, timeout=30_000)
    assert panel.report.incidents == len(window.incidents)


def test_the_window_fits_a_1366_x_768_laptop_with_its_panels_open(qtbot, lazy_window):
    from PySide6.QtCore import QSize

    from stationmap.ui.main_window import _first_window_size

    # A 1366 x 768 screen less a 40-pixel taskbar; the title bar and frame need room too.
    laptop = QSize(1366, 728)
    assert _first_window_size(laptop) == QSize(1280, 688)
    assert _first_window_size(QSize(1920, 1040)) == QSize(1280, 800)
    window = lazy_window
    # The charts under the table, the sectors panel over them, the data quality beside the charts:
    # the feature docks scroll their panels rather than make the window taller than the screen (801
    # px before); the charts keep their own minimum and do not scroll.
    for name in ("charts_dock", "hotspots_dock", "quality_dock"):
        dock = window.findChild(QDockWidget, name)
        if not dock.isVisible():
            dock.toggleViewAction().trigger()
    _ = window.temporal_panel   # the charts, built now rather than after the first map
    qtbot.waitUntil(lambda: all(dock_content(window.findChild(QDockWidget, name)).minimumSizeHint().height() > 150
                                for name in ("charts_dock", "hotspots_dock", "quality_dock")), timeout=30_000)
    assert window.minimumSizeHint().height() <= _first_window_size(laptop).height()
    charts = window.findChild(QDockWidget, "charts_dock")
    assert charts.widget() is window.temporal_panel and charts.minimumSizeHint().height() >= 240
    window.resize(_first_window_size(laptop))
    qtbot.waitUntil(lambda: window.height() == 688)


def test_feature_panels_open_as_tabs_beside_the_charts_and_leave_the_map_its_width(qtbot, lazy_window):
    """On a 1280-pixel laptop a column of panels left of the table took its width from the map
    (152 px left with the sectors and plan panels open): they are tabs beside "Horas y días" now."""
    window = lazy_window
    window.resize(1280, 688)
    map_dock = window.findChild(QDockWidget, "map_dock")
    qtbot.waitUntil(lambda: map_dock.width() > 0)
    qtbot.wait(100)
    map_width = map_dock.width()
    assert map_width > 400
    charts = window.findChild(QDockWidget, "charts_dock")
    for name in ("hotspots_dock", "plan_dock", "quality_dock", "aggregated_dock"):
        dock = window.findChild(QDockWidget, name)
        dock.toggleViewAction().trigger()   # as from the Ver menu
        qtbot.waitUntil(dock.isVisible)
        assert dock in window.tabifiedDockWidgets(charts), name
        assert not dock.visibleRegion().isEmpty(), f"{name} opened behind another tab"
    qtbot.wait(100)
    assert map_dock.width() == map_width


def test_charts_are_built_once_the_first_map_has_drawn(qtbot, config_dir, tmp_path, sample_project_file):
    from stationmap.ui.charts import TemporalPanel

    window, path = window_and_sample_copy(qtbot, config_dir, tmp_path, sample_project_file)
    window.show()
    assert built(window, TemporalPanel) == []          # no project: the charts dock is hidden
    with qtbot.waitSignal(window.map_panel.drawn, timeout=LOAD_MS):
        assert window.open_project(path)
        charts_dock = window.findChild(QDockWidget, "charts_dock")
        assert charts_dock.isVisible() and built(window, TemporalPanel) == []   # the map comes first
    qtbot.waitUntil(lambda: len(built(window, TemporalPanel)) == 1, timeout=5000)
    panel = built(window, TemporalPanel)[0]
    assert dock_content(charts_dock) is panel and window.temporal_panel is panel
    assert panel.summary is not None and int(panel.summary.matrix.sum()) > 0   # the open project's incidents
