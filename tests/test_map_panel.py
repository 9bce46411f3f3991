"""The embedded map (QtWebEngine under Xvfb): offline loading, drawing, popups, filters, selection."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from conftest import page_value

from stationmap.ui.map import register_app_scheme

register_app_scheme()  # must precede the QApplication that pytest-qt creates

from stationmap.analysis.filtering import filter_mask  # noqa: E402
from stationmap.core.filters import IncidentFilter  # noqa: E402
from stationmap.ui.filter_state import FilterState  # noqa: E402

# Chromium's GPU probing under Xvfb with software GL logs these once per process; they say nothing
# about the map (the page is drawn by the CPU rasteriser either way).
pytestmark = [pytest.mark.webengine,
              pytest.mark.qt_log_ignore("vulkan", "Vulkan", "GPU vendor", "DRI3", "GPUInfo")]

LOAD_TIMEOUT_MS = 30_000
XSS_CATEGORY = "<script>window.__xss = 1</script>"
XSS_ADDRESS = '<img src=x onerror="window.__xss = 2">'


@pytest.fixture(scope="module")
def sample_project(tmp_path_factory):
    from stationmap.store.project import Project
    from stationmap.store.sample import sample_data_dir, write_sample_project

    if not (sample_data_dir() / "basemap" / "trujillo.pmtiles").exists():
        pytest.skip("sample basemap pack not built")
    result = write_sample_project(tmp_path_factory.mktemp("sample") / "sample.stationmap")
    project = Project.open(result.path)
    yield project
    project.close()


class WithCounts:
    """The sample project plus SIDPOL-style counts (the sample station has incidents only)."""

    COUNTS = {"130101": 410, "130102": 220, "130105": 180, "130111": 95}

    def __init__(self, project):
        self._project = project

    def asset(self, name):
        return self._project.asset(name)

    def assets(self, kind=None):
        return self._project.assets(kind)

    def has_counts(self):
        return True

    def counts(self):
        return pd.DataFrame({"ubigeo": list(self.COUNTS), "count": list(self.COUNTS.values()),
                             "year": 2026, "month": 10})


js = page_value


def make_panel(qtbot, filter_state):
    from stationmap.ui.map.panel import MapPanel

    panel = MapPanel(filter_state)
    qtbot.addWidget(panel, before_close_func=lambda widget: widget.wait_idle())
    panel.resize(1000, 700)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def load(qtbot, panel, incidents, project=None):
    with qtbot.waitSignal(panel.loaded, timeout=LOAD_TIMEOUT_MS):
        if project is not None:
            panel.set_project(project)
    with qtbot.waitSignal(panel.drawn, timeout=LOAD_TIMEOUT_MS) as drawn:
        panel.set_incidents(incidents)
    return drawn.args[0]


def colours_near(image, rgb, tolerance=6):
    from PySide6.QtGui import QImage

    frame = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height = frame.width(), frame.height()
    pixels = np.frombuffer(frame.constBits(), np.uint8).reshape(height, frame.bytesPerLine())
    pixels = pixels[:, : width * 3].reshape(height, width, 3).astype(int)
    return int((np.abs(pixels - np.array(rgb)).max(axis=2) <= tolerance).sum())


def test_sample_station_with_every_layer_loads_offline_and_draws(qtbot, sample_project, tmp_path):
    filter_state = FilterState()
    panel = make_panel(qtbot, filter_state)
    panel._interceptor.clear()
    incidents = sample_project.incidents()
    located = int(incidents["lat"].notna().sum())
    visible = load(qtbot, panel, incidents, WithCounts(sample_project))
    panel.set_overlay("sectors", panel.document.jurisdiction, title="Sectores",
                      style={"color": "#2a9d8f", "weight": 3}, label_property=None)
    qtbot.waitUntil(lambda: js(qtbot, panel, "SM.stats().basemapLoaded"), timeout=LOAD_TIMEOUT_MS)

    qtbot.waitUntil(lambda: "density" in js(qtbot, panel, "SM.stats().overlays"), timeout=10_000)
    stats = js(qtbot, panel, "SM.stats()")
    assert visible == located == stats["points"] == stats["visible"] > 5000
    assert stats["drawn"] > 0 and stats["basemap"] and stats["pois"]
    assert set(stats["overlays"]) >= {"jurisdiction", "districts", "stations", "sectors", "density"}
    assert "district_limits" not in stats["overlays"]     # the basemap names the places itself
    legend = js(qtbot, panel, "document.querySelector('.sm-legend').textContent")
    robo = int(((incidents["category"] == "Robo") & incidents["lat"].notna() & incidents["lon"].notna()).sum())
    assert robo >= 1000 and f"Robo ({robo:,})" in legend     # thousands grouped as the window does
    assert "Denuncias por distrito" in legend
    assert "ancho de banda 250 m" in legend and "celda 100 m" in legend
    assert panel.blocked_requests() == []
    assert panel.console_errors() == []

    # Zoomed out to the jurisdiction, incidents are clustered: fewer marks than incidents.
    assert js(qtbot, panel, "SM.map.getZoom()") < 15 and stats["drawn"] < stats["visible"]
    # Every incident on screen is counted once, and no mark covers a smaller one's number: marks whose
    # centres are closer than the bigger radius plus half the smaller are merged. Drawn smallest
    # first, so the biggest are on top.
    marks = js(qtbot, panel, "SM.incidents.clusters.map((c) => [c.x, c.y, c.r, c.n])")
    on_grid = js(qtbot, panel, """(() => {   // the incidents in the clustering grid: the view and a cell around it
        const size = SM.map.getSize(), cols = Math.ceil(size.x / 64) + 2, rows = Math.ceil(size.y / 64) + 2;
        let n = 0;
        SM.incidents.forEachOnScreen((i, x, y) => {
          const cx = Math.floor(x / 64) + 1, cy = Math.floor(y / 64) + 1;
          if (cx >= 0 && cy >= 0 && cx < cols && cy < rows) n++;
        });
        return n; })()""")
    assert len(marks) == stats["drawn"] and sum(n for _x, _y, _r, n in marks) == on_grid > 5000
    for index, (x, y, r, n) in enumerate(marks):
        for other_x, other_y, other_r, other_n in marks[index + 1:]:
            assert other_n >= n and (x - other_x) ** 2 + (y - other_y) ** 2 >= (other_r + r / 2) ** 2

    from PySide6.QtGui import QImage

    image = QImage(str(panel.export_png(tmp_path / "mapa.png")))
    assert (image.width(), image.height()) == (1000, 700)
    assert colours_near(image, (0xf2, 0xef, 0xe9)) > 10_000          # basemap land colour
    assert colours_near(image, (0x1d, 0x35, 0x57), 10) > 50          # jurisdiction outline / stations
    assert colours_near(image, (200, 30, 40), 12) > 200              # clusters of many incidents


def test_requests_that_would_leave_the_machine_are_blocked_and_recorded(qtbot):
    panel = make_panel(qtbot, FilterState())
    qtbot.waitUntil(lambda: panel.is_ready, timeout=LOAD_TIMEOUT_MS)
    panel._interceptor.clear()
    panel.run_javascript("fetch('https://tile.example.org/1/2/3.png').catch(() => {});"
                         "const i = new Image(); i.src = 'http://cdn.example.net/x.js';"
                         "document.body.appendChild(i);")
    qtbot.waitUntil(lambda: len(panel.blocked_requests()) >= 2, timeout=10_000)
    blocked = panel.blocked_requests()
    assert any(u.startswith("https://tile.example.org/") for u in blocked)
    assert any(u.startswith("http://cdn.example.net/") for u in blocked)
    panel._interceptor.clear()


def xss_incidents():
    from factories import make_incidents

    frame = make_incidents(50, seed=3)
    frame.loc[0, "category"] = XSS_CATEGORY
    frame.loc[0, "address"] = XSS_ADDRESS
    frame.loc[0, ["lat", "lon"]] = (-8.05, -79.00)
    frame.loc[1, "time_known"] = 0
    frame.loc[1, ["lat", "lon"]] = (-8.06, -79.01)
    return frame


def click_point(qtbot, panel, lat, lon):
    panel.run_javascript(f"SM.setView({lat}, {lon}, 17)")
    qtbot.waitUntil(lambda: js(qtbot, panel, "SM.map.getZoom()") == 17, timeout=5000)
    panel.run_javascript(f"(() => {{ const ll = L.latLng({lat}, {lon});"
                         "SM.map.fire('click', {latlng: ll, containerPoint: SM.map.latLngToContainerPoint(ll),"
                         " originalEvent: {}}); })()")
    qtbot.waitUntil(lambda: js(qtbot, panel, "!!document.querySelector('.leaflet-popup-content .sm-popup')"),
                    timeout=5000)


def test_popup_shows_html_payloads_as_text(qtbot):
    panel = make_panel(qtbot, FilterState())
    load(qtbot, panel, xss_incidents())
    click_point(qtbot, panel, -8.05, -79.00)
    popup = js(qtbot, panel, """(() => { const c = document.querySelector('.leaflet-popup-content');
        return {category: c.querySelector('.sm-popup-category').textContent,
                address: c.querySelector('.sm-popup-address td').textContent,
                date: c.querySelector('.sm-popup-date td').textContent,
                injected: c.querySelectorAll('script, img').length, xss: window.__xss || 0}; })()""")
    assert popup["category"] == XSS_CATEGORY
    assert popup["address"] == XSS_ADDRESS
    assert popup["injected"] == 0 and popup["xss"] == 0
    assert len(popup["date"]) == 10 and popup["date"][2] == "/" and popup["date"][5] == "/"


def test_popup_says_when_the_time_is_unknown(qtbot):
    panel = make_panel(qtbot, FilterState())
    load(qtbot, panel, xss_incidents())
    click_point(qtbot, panel, -8.06, -79.01)
    time_text = js(qtbot, panel, "document.querySelector('.leaflet-popup-content .sm-popup-time td').textContent")
    assert time_text == "hora desconocida"


def test_a_popup_opened_under_the_legend_is_moved_clear_of_it(qtbot):
    panel = make_panel(qtbot, FilterState())
    load(qtbot, panel, xss_incidents())
    panel.run_javascript("SM.legendCollapsed = false; SM.map.fire('overlayadd')")   # the legend unfolded
    panel.run_javascript("SM.setView(-8.06, -79.01, 17)")
    qtbot.waitUntil(lambda: js(qtbot, panel, "SM.map.getZoom()") == 17, timeout=5000)
    # The incident moved to the map's bottom-right corner, where the legend is.
    panel.run_javascript("(() => { const s = SM.map.getSize(); SM.map.panBy([-(s.x / 2 - 60), -(s.y / 2 - 20)], {animate: false}); })()")
    panel.run_javascript("(() => { const ll = L.latLng(-8.06, -79.01);"
                         "SM.map.fire('click', {latlng: ll, containerPoint: SM.map.latLngToContainerPoint(ll), originalEvent: {}}); })()")
    qtbot.waitUntil(lambda: js(qtbot, panel, "!!document.querySelector('.leaflet-popup-content .sm-popup')"), timeout=5000)
    overlap = """(() => {
        const a = document.querySelector('.leaflet-popup-content-wrapper').getBoundingClientRect();
        const b = document.querySelector('.sm-legend').getBoundingClientRect();
        if (b.width === 0) return -1;   // no legend shown: nothing tested
        return Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
               Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)); })()"""
    qtbot.waitUntil(lambda: js(qtbot, panel, overlap) == 0, timeout=5000)   # once the map has panned


def test_filter_change_pushes_data_without_reloading_the_page(qtbot):
    from factories import make_incidents

    filter_state = FilterState()
    panel = make_panel(qtbot, filter_state)
    incidents = make_incidents(3000, seed=5)
    load(qtbot, panel, incidents)
    load_id = js(qtbot, panel, "SM.loadId")
    assert load_id == panel.page_load_id

    with qtbot.waitSignal(panel.drawn, timeout=10_000) as drawn:
        filter_state.update(categories=frozenset({"Robo", "Hurto"}))
    expected = int(filter_mask(incidents, filter_state.filter()).sum())
    assert drawn.args[0] == expected == js(qtbot, panel, "SM.stats().visible") < 3000
    assert js(qtbot, panel, "SM.loadId") == load_id
    legend = js(qtbot, panel, "document.querySelector('.sm-legend').textContent")
    assert "Lesiones (0)" in legend


def drag_script(tool: str, points: list[tuple[int, int]], then: str) -> str:
    """JS that picks a selection tool, drags the mouse through `points` (map pixels) and runs `then`."""
    return f"""(() => {{
        document.querySelector('.sm-select-bar [data-tool={tool}]').click();
        const c = SM.map.getContainer(), r = c.getBoundingClientRect();
        const fire = (type, x, y) => c.dispatchEvent(new MouseEvent(type, {{bubbles: true, button: 0,
            clientX: r.left + x, clientY: r.top + y}}));
        const pts = {json.dumps(points)};
        fire('mousedown', ...pts[0]); pts.slice(1).forEach(p => fire('mousemove', ...p));
        fire('mouseup', ...pts[pts.length - 1]);
        {then} }})()"""


def draw_box_at_street_zoom(qtbot, panel, filter_state, incidents):
    """Zoom to the station's streets, drag a box over the map's middle; the incidents inside it."""
    panel.run_javascript("SM.setView(-8.07, -79.03, 16)")
    qtbot.waitUntil(lambda: js(qtbot, panel, "SM.map.getZoom()") == 16, timeout=5000)
    corners = js(qtbot, panel, drag_script("box", [(300, 200), (500, 300), (700, 450)], """
        const a = SM.map.containerPointToLatLng([300, 200]), b = SM.map.containerPointToLatLng([700, 450]);
        return [a.lat, a.lng, b.lat, b.lng];"""))
    qtbot.waitUntil(lambda: filter_state.filter().ids is not None, timeout=5000)
    north, west, south, east = corners
    return incidents[(incidents.lat <= north) & (incidents.lat >= south)
                     & (incidents.lon >= west) & (incidents.lon <= east)]


def test_box_selection_writes_ids_to_the_shared_filter_and_clears(qtbot):
    from factories import make_incidents

    filter_state = FilterState()
    panel = make_panel(qtbot, filter_state)
    incidents = make_incidents(2000, seed=7)
    load(qtbot, panel, incidents)
    inside = draw_box_at_street_zoom(qtbot, panel, filter_state, incidents)
    assert 0 < len(inside) < len(incidents)
    assert filter_state.filter().ids == frozenset(inside["id"].tolist())
    outlines = "document.querySelectorAll('.leaflet-overlay-pane path[stroke-dasharray=\"4 3\"]').length"
    assert js(qtbot, panel, outlines) == 1

    panel.run_javascript("document.querySelector('.sm-select-bar a:last-child').click()")
    qtbot.waitUntil(lambda: filter_state.filter() == IncidentFilter(), timeout=5000)
    assert js(qtbot, panel, outlines) == 0

    # Selected again, then cleared from the window (the filter bar's chip): the outline goes as well.
    js(qtbot, panel, drag_script("box", [(300, 200), (500, 300), (700, 450)], "return 1;"))
    qtbot.waitUntil(lambda: filter_state.filter().ids is not None, timeout=5000)
    filter_state.update(ids=None)
    qtbot.waitUntil(lambda: js(qtbot, panel, outlines) == 0, timeout=5000)


def test_a_box_drawn_under_another_filter_selects_the_place_not_only_what_was_shown(qtbot):
    """QA: a box drawn while the hour filter showed 23 incidents stayed at 23 once the hours were
    removed, though the place holds some 1,900. The selection is the place; the window meets it with
    whatever other filters are in use."""
    from factories import make_incidents

    filter_state = FilterState()
    panel = make_panel(qtbot, filter_state)
    incidents = make_incidents(2000, seed=7)
    load(qtbot, panel, incidents)
    filter_state.update(categories=frozenset({"Robo"}))
    robos = int((incidents.category == "Robo").sum())
    qtbot.waitUntil(lambda: js(qtbot, panel, "SM.incidents.visible.length") == robos, timeout=5000)
    inside = draw_box_at_street_zoom(qtbot, panel, filter_state, incidents)
    assert (inside.category != "Robo").any() and (inside.category == "Robo").any()
    assert filter_state.filter().ids == frozenset(inside["id"].tolist())
    shown = filter_mask(incidents, filter_state.filter())          # the table: the place's robberies
    assert shown.sum() == int((inside.category == "Robo").sum())
    filter_state.update(categories=None)                           # the category chip removed
    assert filter_mask(incidents, filter_state.filter()).sum() == len(inside)


def test_lasso_selects_the_incidents_inside_the_drawn_shape(qtbot):
    import shapely
    from factories import make_incidents

    filter_state = FilterState()
    panel = make_panel(qtbot, filter_state)
    incidents = make_incidents(2000, seed=8)
    load(qtbot, panel, incidents)
    panel.run_javascript("SM.setView(-8.07, -79.03, 16)")
    qtbot.waitUntil(lambda: js(qtbot, panel, "SM.map.getZoom()") == 16, timeout=5000)
    triangle = [(250, 150), (750, 250), (400, 550)]
    origin = js(qtbot, panel, drag_script("lasso", triangle, """
        const o = SM.map.containerPointToLayerPoint([0, 0]).add(SM.map.getPixelOrigin());
        return [o.x, o.y];"""))
    qtbot.waitUntil(lambda: filter_state.filter().ids is not None, timeout=5000)
    # The same test in Python: web-mercator pixels at zoom 16, relative to the map's corner.
    world = 256 * 2 ** 16
    x = (incidents.lon + 180) / 360 * world - origin[0]
    s = np.sin(np.radians(incidents.lat))
    y = (0.5 - np.log((1 + s) / (1 - s)) / (4 * np.pi)) * world - origin[1]
    inside = shapely.contains_xy(shapely.Polygon(triangle), x.to_numpy(), y.to_numpy())
    assert 0 < inside.sum() < len(incidents)
    assert filter_state.filter().ids == frozenset(incidents.loc[inside, "id"].tolist())


def test_controls_zoom_to_jurisdiction_show_coordinates_and_speak_english(qtbot, sample_project):
    panel = make_panel(qtbot, FilterState())
    panel.set_language("en")
    load(qtbot, panel, sample_project.incidents(), sample_project)
    panel.run_javascript("SM.setView(-8.0, -78.5, 16)")  # far from the station
    qtbot.waitUntil(lambda: js(qtbot, panel, "SM.map.getZoom()") == 16, timeout=5000)
    panel.run_javascript("document.querySelector('.sm-home a').click()")
    qtbot.waitUntil(lambda: js(qtbot, panel, "SM.map.getZoom()") < 16, timeout=5000)
    inside = js(qtbot, panel, "SM.map.getBounds().contains(SM.jurisdictionBounds)")
    assert inside is True
    coords = js(qtbot, panel, """(() => { const c = SM.map.getContainer(), r = c.getBoundingClientRect();
        c.dispatchEvent(new MouseEvent('mousemove', {bubbles: true, clientX: r.left + 500, clientY: r.top + 350}));
        const ll = SM.map.containerPointToLatLng([500, 350]);
        return [document.querySelector('.sm-coords').textContent, ll.lat.toFixed(5), ll.lng.toFixed(5)]; })()""")
    assert coords[0] == f"lat {coords[1]}  lon {coords[2]}"
    labels = js(qtbot, panel, "document.querySelector('.leaflet-control-layers').textContent")
    assert "Incidents" in labels and "Police stations" in labels and "Incidentes" not in labels
    assert js(qtbot, panel, "document.querySelector('.leaflet-control-scale').textContent").strip().endswith(("m", "km"))


def test_home_without_a_jurisdiction_comes_back_to_the_incidents_and_coordinates_stay_in_range(qtbot):
    """A project of imported logs has no jurisdiction: ⌂ did nothing, and the readout said lon -439."""
    from factories import make_incidents

    panel = make_panel(qtbot, FilterState())
    incidents = make_incidents(300, seed=3)
    load(qtbot, panel, incidents)
    assert js(qtbot, panel, "SM.jurisdictionBounds == null") is True
    panel.run_javascript("SM.setView(-3.0, -60.0, 14)")          # far away, zoomed in
    qtbot.waitUntil(lambda: js(qtbot, panel, "SM.map.getZoom()") == 14, timeout=5000)
    panel.run_javascript("document.querySelector('.sm-home a').click()")
    qtbot.waitUntil(lambda: js(qtbot, panel, "SM.map.getZoom()") != 14, timeout=5000)
    seen = js(qtbot, panel, "(() => { const b = SM.map.getBounds(); return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; })()")
    assert seen[0] <= incidents.lat.min() and seen[2] >= incidents.lat.max()
    assert seen[1] <= incidents.lon.min() and seen[3] >= incidents.lon.max()
    panel.run_javascript("SM.setView(-8.07, -79.03 - 360, 12)")   # panned once round the world, westwards
    qtbot.waitUntil(lambda: js(qtbot, panel, "SM.map.getZoom()") == 12, timeout=5000)
    readout = js(qtbot, panel, """(() => { const c = SM.map.getContainer(), r = c.getBoundingClientRect();
        const p = SM.map.getSize().divideBy(2);
        c.dispatchEvent(new MouseEvent('mousemove', {bubbles: true, clientX: r.left + p.x, clientY: r.top + p.y}));
        return document.querySelector('.sm-coords').textContent; })()""")
    assert "-79.03" in readout and "-439" not in readout


def test_a_project_given_at_once_is_the_only_page_loaded(qtbot, sample_project, monkeypatch):
    # The window makes its map panel and opens the project in the same turn of the event loop: the
    # blank page must not be made and loaded first (a whole page load for nothing at start-up).
    import stationmap.ui.map.panel as panel_module

    pages: list[str] = []
    real_render = panel_module.render_page

    def render_page(config, **kwargs):
        pages.append(config["load_id"])
        return real_render(config, **kwargs)

    monkeypatch.setattr(panel_module, "render_page", render_page)
    panel = panel_module.MapPanel(FilterState())
    qtbot.addWidget(panel, before_close_func=lambda widget: widget.wait_idle())
    panel.resize(1000, 700)
    with qtbot.waitSignal(panel.loaded, timeout=LOAD_TIMEOUT_MS):
        panel.set_project(sample_project)
        panel.show()
    assert pages == [panel.page_load_id]
    assert js(qtbot, panel, "SM.jurisdictionBounds !== null") is True


def test_incidents_drawn_before_their_table_take_the_table_and_its_filter_later(qtbot):
    # Start-up (ui.map_first): the map draws a payload read without pandas; the table follows.
    from factories import make_incidents

    from stationmap.maps.points import incident_payload

    incidents = make_incidents(300, seed=5)
    incidents.loc[:9, "lat"] = np.nan
    state = FilterState()
    panel = make_panel(qtbot, state)
    with qtbot.waitSignal(panel.loaded, timeout=LOAD_TIMEOUT_MS):
        pass
    with qtbot.waitSignal(panel.drawn, timeout=LOAD_TIMEOUT_MS) as drawn:
        panel.show_payload(incident_payload(incidents))
    assert drawn.args[0] == 290 and panel.document.incidents is None
    state.update(categories=frozenset({"Robo"}))      # no table yet: nothing to filter with
    assert js(qtbot, panel, "SM.incidents.visible.length") == 290
    generation = js(qtbot, panel, "SM.generation")
    with qtbot.waitSignal(panel.drawn, timeout=LOAD_TIMEOUT_MS) as filtered:
        panel.set_incidents(incidents)               # the same incidents: only the filter is sent
    robbed = int(((incidents["category"] == "Robo") & incidents["lat"].notna()).sum())
    assert filtered.args[0] == robbed < 290
    assert panel.document.incidents is incidents
    assert js(qtbot, panel, "SM.generation") == generation + 1   # a new mask, not new data


def test_a_reserved_url_answers_a_request_made_before_its_data(qtbot):
    # The page asks for its incidents while it loads; the panel makes them meanwhile (scheme.reserve).
    from stationmap.ui.map.profile import offline_profile

    panel = make_panel(qtbot, FilterState())
    with qtbot.waitSignal(panel.loaded, timeout=LOAD_TIMEOUT_MS):
        pass
    handler = offline_profile().handler
    early, dropped = handler.reserve("early.json"), handler.reserve("dropped.json")
    panel.run_javascript(f"window.__early = null; fetch({json.dumps(early)}).then((r) => r.text())"
                         f".then((t) => {{ window.__early = t; }});"
                         f"window.__dropped = null; fetch({json.dumps(dropped)}).then((r) => r.status)"
                         f".then((s) => {{ window.__dropped = s; }}, () => {{ window.__dropped = 'failed'; }});")
    assert js(qtbot, panel, "window.__early") is None   # waiting: nothing has answered it
    handler.put_bytes(b'"hola"', "early.json", key=handler.url_key(early))
    handler.drop(dropped)
    qtbot.waitUntil(lambda: js(qtbot, panel, "window.__early") == '"hola"', timeout=5000)
    qtbot.waitUntil(lambda: js(qtbot, panel, "window.__dropped") is not None, timeout=5000)
    assert js(qtbot, panel, "window.__dropped") in ("failed", 404)


def test_a_late_ready_from_a_replaced_page_is_ignored(qtbot):
    # A project opened while the first (blank) page was still loading: that page's "ready" may
    # arrive after the project's page has been asked for. Only the current load may count.
    from factories import make_incidents

    panel = make_panel(qtbot, FilterState())
    load(qtbot, panel, make_incidents(200, seed=3))
    first = panel.page_load_id
    with qtbot.waitSignal(panel.loaded, timeout=LOAD_TIMEOUT_MS):
        panel.set_basemap(None)                  # a new page load starts
        assert not panel.is_ready
        panel._on_page_ready(first)              # the replaced page reports late
        assert not panel.is_ready                # and is not taken for the new one
    assert panel.is_ready and panel.page_load_id != first
    assert js(qtbot, panel, "SM.loadId") == panel.page_load_id


def record_scripts(panel) -> list[str]:
    """Every script the panel runs in its page from now on."""
    scripts: list[str] = []
    run = panel._page.runJavaScript

    def recording(script, *args):
        scripts.append(script)
        return run(script, *args)

    panel._page.runJavaScript = recording
    return scripts


def test_the_page_draws_the_incidents_it_asked_for_without_being_told(qtbot, sample_project):
    # Start-up: the page asks for its incidents as it loads and draws them when they come; Python's
    # SM.loadIncidents, after the bridge is up, would cost a round trip more before the map shows.
    from factories import make_incidents

    from stationmap.maps.points import incident_payload
    from stationmap.ui.map.panel import MapPanel

    incidents = make_incidents(500, seed=3)
    panel = MapPanel(FilterState())
    qtbot.addWidget(panel, before_close_func=lambda widget: widget.wait_idle())
    panel.resize(1000, 700)
    scripts = record_scripts(panel)
    with qtbot.waitSignal(panel.drawn, timeout=LOAD_TIMEOUT_MS) as drawn:
        panel.set_project(sample_project)
        panel.show()
        panel.show_payload(incident_payload(incidents))
    assert drawn.args[0] == 500 == js(qtbot, panel, "SM.stats().visible")
    assert not [script for script in scripts if "SM.loadIncidents" in script]
    assert js(qtbot, panel, "SM.generation") == panel._generation


def test_a_filter_set_before_the_incidents_are_drawn_comes_with_them(qtbot):
    # The page is told to draw incidents and, before it has, the filter changes: the mask must not
    # reach the page ahead of the incidents it masks (it would be lost under them).
    from factories import make_incidents

    state = FilterState()
    panel = make_panel(qtbot, state)
    with qtbot.waitSignal(panel.loaded, timeout=LOAD_TIMEOUT_MS):
        pass
    incidents = make_incidents(400, seed=9)
    robbed = int(filter_mask(incidents, IncidentFilter(categories=frozenset({"Robo"}))).sum())
    scripts = record_scripts(panel)
    with qtbot.waitSignal(panel.drawn, timeout=LOAD_TIMEOUT_MS,
                          check_params_cb=lambda visible: visible != 400) as drawn:
        panel.set_incidents(incidents)
        state.update(categories=frozenset({"Robo"}))    # same turn: the page has drawn nothing yet
    assert drawn.args[0] == robbed < 400
    qtbot.wait(200)   # anything still on its way (a late drawing of every incident) would land now
    assert js(qtbot, panel, "SM.stats().visible") == robbed
    assert not [script for script in scripts if "SM.setVisible" in script]


def test_the_basemap_shows_even_when_no_incidents_come(qtbot, sample_project):
    # The page puts the basemap on the map after its first incidents (map.js, Start); a project
    # whose incidents never reach the page must still get its streets.
    from stationmap.ui.map.panel import MapPanel

    panel = MapPanel(FilterState())
    qtbot.addWidget(panel, before_close_func=lambda widget: widget.wait_idle())
    panel.resize(1000, 700)
    with qtbot.waitSignal(panel.loaded, timeout=LOAD_TIMEOUT_MS):
        panel.set_project(sample_project)
        panel.show()
    assert js(qtbot, panel, "SM.incidents.data") is None
    qtbot.waitUntil(lambda: js(qtbot, panel, "SM.stats().basemapLoaded") is True, timeout=10_000)
    assert js(qtbot, panel, "SM.incidents.data") is None


def test_a_view_fitted_before_the_map_had_its_size_is_fitted_again_until_the_user_moves_it(
        qtbot, sample_project):
    # At start-up the page can begin while the map's dock is still being laid out: the first fit then
    # goes into a tiny map and would show the whole region once the map has its real size.
    panel = make_panel(qtbot, FilterState())
    panel.resize(120, 90)
    load(qtbot, panel, sample_project.incidents(), sample_project)
    fitted_zoom = ("SM.map.getBoundsZoom(L.latLngBounds(JSON.parse("
                   "document.getElementById('sm-config').textContent).view.bounds))")
    small_zoom = js(qtbot, panel, "SM.map.getZoom()")
    panel.resize(1000, 700)
    qtbot.waitUntil(lambda: js(qtbot, panel, "SM.map.getSize().x") >= 900, timeout=5000)
    qtbot.waitUntil(lambda: js(qtbot, panel, "SM.map.getZoom()") == js(qtbot, panel, fitted_zoom), timeout=5000)
    assert js(qtbot, panel, "SM.map.getZoom()") > small_zoom

    # Once the user has touched the map, its view is theirs: a resize keeps their zoom.
    users_zoom = js(qtbot, panel, """(() => { SM.map.getContainer().dispatchEvent(
        new PointerEvent('pointerdown', {bubbles: true})); SM.map.setZoom(SM.map.getZoom() + 2, {animate: false});
        return SM.map.getZoom(); })()""")
    panel.resize(700, 500)
    qtbot.waitUntil(lambda: js(qtbot, panel, "SM.map.getSize().x") <= 720, timeout=5000)
    qtbot.wait(200)
    assert js(qtbot, panel, "SM.map.getZoom()") == users_zoom


def test_without_a_basemap_the_incidents_come_with_the_district_limits_around_them(qtbot):
    """A station in Tumbes (no basemap pack, no district counts): the map names where its incidents are."""
    from factories import make_incidents

    panel = make_panel(qtbot, FilterState())
    incidents = make_incidents(300, seed=5, center=(-3.566, -80.451))
    load(qtbot, panel, incidents)
    qtbot.waitUntil(lambda: "district_limits" in js(qtbot, panel, "SM.stats().overlays"), timeout=10_000)
    names = js(qtbot, panel,
               "SM.overlays.district_limits.getLayers().map(l => l.getTooltip().getContent().textContent)")
    assert "TUMBES" in names and len(names) <= 60
    # The names are on the map without hovering, and the limits are credited.
    shown = js(qtbot, panel, "Array.from(document.querySelectorAll('.sm-area-name')).map(e => e.textContent)")
    assert "TUMBES" in shown
    assert "Límites distritales: INEI 2007" in js(
        qtbot, panel, "document.querySelector('.leaflet-control-attribution').textContent")
    # Incidents elsewhere (Mexico City): no Peruvian limits around them.
    with qtbot.waitSignal(panel.drawn, timeout=LOAD_TIMEOUT_MS):
        panel.set_incidents(make_incidents(100, seed=6, center=(19.35, -99.15)))
    qtbot.waitUntil(lambda: "district_limits" not in js(qtbot, panel, "SM.stats().overlays"), timeout=10_000)


@pytest.mark.parametrize("incidents_come", ["at once", "after the page loaded"])
def test_another_project_never_shows_or_asks_for_the_previous_projects_incidents(
        qtbot, sample_project, caplog, incidents_come):
    # Opening another project (the training's fresh copy, a recent project) loads its page before its
    # incidents are read. That page must wait for its own incidents: prefetching the previous project's
    # drew them on the new map, or failed once they were replaced ("app:// no such data" in the log).
    from factories import make_incidents

    from stationmap.maps.points import incident_payload
    from stationmap.store.project import Project

    panel = make_panel(qtbot, FilterState())
    with qtbot.waitSignal(panel.drawn, timeout=LOAD_TIMEOUT_MS):
        panel.set_project(sample_project)
        panel.show_payload(incident_payload(make_incidents(500, seed=1)))
    drawn: list[int] = []
    panel.drawn.connect(drawn.append)
    other = Project.open(sample_project.path)    # the same file opened again is another project
    try:
        caplog.clear()
        with qtbot.waitSignal(panel.loaded, timeout=LOAD_TIMEOUT_MS):
            panel.set_project(other)
            if incidents_come == "at once":
                panel.show_payload(incident_payload(make_incidents(120, seed=2)))
        if incidents_come == "after the page loaded":
            qtbot.wait(300)     # time for a page that prefetches to fetch and draw what it was given
            panel.show_payload(incident_payload(make_incidents(120, seed=2)))
        qtbot.waitUntil(lambda: 120 in drawn, timeout=LOAD_TIMEOUT_MS)
        assert set(drawn) == {120} and js(qtbot, panel, "SM.stats().visible") == 120
        assert not [r.getMessage() for r in caplog.records if "app://" in r.getMessage()]
    finally:
        other.close()


def test_fetches_cut_off_by_another_page_are_not_logged_as_errors(qtbot, sample_project, caplog):
    # A new project's page replaces the old one while its basemap tiles are still on their way; the
    # old page reports each cancelled fetch ("Failed to fetch"), which is not an error of the map.
    # A fetch that fails on a page that stays is still one.
    from stationmap.store.project import Project

    panel = make_panel(qtbot, FilterState())
    with qtbot.waitSignal(panel.loaded, timeout=LOAD_TIMEOUT_MS):
        panel.set_project(sample_project)
    never = panel._handler.reserve("never.bin")    # asked for, never answered: in flight until cut off
    report = "fetch({url}).then(() => console.log('ok')).catch(e => console.error('tile: ' + e))"
    for _ in range(3):
        panel._page.runJavaScript(report.format(url=json.dumps(never)))
    qtbot.wait(200)
    other = Project.open(sample_project.path)
    try:
        with qtbot.waitSignal(panel.loaded, timeout=LOAD_TIMEOUT_MS):
            panel.set_project(other)
        qtbot.wait(200)
        assert panel._page.console_errors == []
        assert not [r for r in caplog.records if r.levelname == "ERROR"]
        panel._page.runJavaScript(report.format(url=json.dumps("nope://stationmap/x.bin")))   # refused at once
        qtbot.waitUntil(lambda: any("tile: TypeError: Failed to fetch" in error
                                    for error in panel._page.console_errors), timeout=10_000)
    finally:
        other.close()


def test_a_project_without_incidents_says_on_its_map_how_to_fill_it(qtbot):
    """QA: a new project's map was a grey square at 200 km with nothing to say."""
    from factories import make_incidents

    panel = make_panel(qtbot, FilterState())
    incidents = make_incidents(50, seed=2)
    load(qtbot, panel, incidents.iloc[:0])
    note = "(() => { const n = document.querySelector('.sm-empty-note'); return n ? [n.style.display, n.textContent] : null; })()"
    shown, words = js(qtbot, panel, note)
    assert shown == "" and "Importar → Importar archivos" in words
    with qtbot.waitSignal(panel.drawn, timeout=LOAD_TIMEOUT_MS):
        panel.set_incidents(incidents)
    assert js(qtbot, panel, note)[0] == "none"
