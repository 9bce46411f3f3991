"""MapPanel: the embedded offline map, linked to the window's shared filter.

The page is loaded once per basemap/language; incidents, filters, selections and layers are pushed to
it (data through the app:// scheme, calls through runJavaScript), so a filter change never reloads
the page. The page answers through a QWebChannel bridge: ready, drawn, selection, view.
"""

from __future__ import annotations

import json
import logging
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QVBoxLayout, QWidget

from stationmap.core.errors import StationMapError
from stationmap.core.messages import current_language
from stationmap.maps.document import (LIMITS_OVERLAY, MapDocument, apply_geography, basemap_asset,
                                     geography_from_project, limits_overlay)
from stationmap.maps.layers import DEFAULT_DENSITY, districts_layer, run_density
from stationmap.maps.page import basemap_spec, is_vector_pack, json_for_script, page_config, render_page
from stationmap.ui.filter_state import FilterState
from stationmap.ui.map.bridge import MapBridge
from stationmap.ui.map.profile import offline_profile
from stationmap.ui.map.scheme import ORIGIN, new_key
from stationmap.ui.map.web_page import MapWebPage
from stationmap.ui.tasks import TaskRunner

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from stationmap.maps.export import ExportResult
    from stationmap.maps.payload import IncidentPayload

log = logging.getLogger(__name__)

QWEBCHANNEL_URL = f"{ORIGIN}/qt/qwebchannel.js"
# The density layer follows the filter: it is computed after the points are drawn, once the user
# pauses, so it never delays the points.
DENSITY_DELAY_MS = 250


def _release_urls(handler: Any, urls: dict[str, str], *_: Any) -> None:
    for url in urls.values():
        handler.drop(url)


# How long a PNG export waits for the web engine's first frame, and how often it looks.
PAINT_WAIT_MS = 3000
FRAME_POLL_MS = 30


def _is_painted(pixmap: Any, background: int) -> bool:
    """Whether `pixmap` looks like a frame of the whole view: not one flat colour (sampled on a 24 x 24
    grid), and its last row and last column not all the view's `background` (ARGB), which is what a
    frame of an older, smaller size leaves there (it is drawn at its own size, top left)."""
    image = pixmap.toImage()
    if image.isNull() or image.width() == 0 or image.height() == 0:
        return False
    width, height = image.width(), image.height()
    xs = [width * k // 24 for k in range(24)]
    ys = [height * k // 24 for k in range(24)]
    if len({image.pixel(x, y) for x in xs for y in ys}) == 1:
        return False
    last_row = {image.pixel(x, height - 1) for x in range(0, width, 4)}
    last_column = {image.pixel(width - 1, y) for y in range(0, height, 4)}
    return last_row != {background} and last_column != {background}


def _overlap(one: tuple[float, float, float, float] | None, other: tuple[float, float, float, float]) -> bool:
    """Whether two (west, south, east, north) boxes share some area; no box (no area) shares none."""
    if one is None:
        return False
    return one[0] <= other[2] and other[0] <= one[2] and one[1] <= other[3] and other[1] <= one[3]


class MapPanel(QWidget):
    loaded = Signal()          # the page is ready (after every page load)
    drawn = Signal(int)        # pushed incidents were drawn; the number visible after the filter
    error = Signal(object)     # a StationMapError the window should show (e.g. unreadable basemap)
    polygon_drawn = Signal(list)   # [[lon, lat], ...] after start_draw_polygon() and the user's double click
    district_clicked = Signal(str)  # the UBIGEO of a district of the counts layer the user clicked

    def __init__(self, filter_state: FilterState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filter_state = filter_state
        shared = offline_profile()
        self._handler = shared.handler
        self._interceptor = shared.interceptor
        self._view = QWebEngineView(self)
        self._page = MapWebPage(shared.profile, self._view)
        self._view.setPage(self._page)
        self._bridge = MapBridge(self)
        self._channel = QWebChannel(self._page)
        self._channel.registerObject("bridge", self._bridge)
        self._page.setWebChannel(self._channel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view)

        self._document = MapDocument(language=current_language())
        self._files = tempfile.TemporaryDirectory(prefix="stationmap-map-")
        self._pack: Any = None
        self._basemap_url: str | None = None
        self._payload: IncidentPayload | None = None
        self._project: Any = None     # the project whose page is shown (set_project)
        self._urls: dict[str, str] = {}       # what this panel put on the scheme, to drop it later
        self._reserved: dict[str, str] = {}   # incident URLs the page may ask for before they are made
        self._generation = 0          # counts what the page was asked to draw; it reports each drawing
        self._drawn_generation = -1
        self._data_generation = -1    # the generation that sent the page its current incidents
        # (generation, incidents URL, columns URL) the page draws by itself as it loads, if it does
        self._prefetched: tuple[int, str, str] | None = None
        self._ready = False
        self.page_load_id = ""
        self._load_id = ""   # the page load under way or shown (see _load_page)
        self.view_bounds: tuple[float, float, float, float] | None = None
        self._shown_ids: frozenset[int] | None = None
        self._density_parameters: dict[str, Any] | None = dict(DEFAULT_DENSITY)
        self._density_timer = QTimer(self)
        self._density_timer.setSingleShot(True)
        self._density_timer.setInterval(DENSITY_DELAY_MS)
        self._density_timer.timeout.connect(self._update_density)
        self._density_due = False
        # Density runs on a worker (the first one also loads pyproj's database, ~3 s).
        self._density_runner = TaskRunner(self)
        self._density_runner.succeeded.connect(self.set_density)
        self._density_runner.failed.connect(self._on_density_failed)
        # A task still running when the panel goes must not report to it (its result is dropped).
        self.destroyed.connect(self._density_runner.cancel)

        self._bridge.page_ready.connect(self._on_page_ready)
        self._bridge.drawn.connect(self._on_drawn)
        self._bridge.selection_made.connect(self._on_selection)
        self._bridge.selection_cleared.connect(lambda: self._write_selection(None))
        self._bridge.view_changed.connect(self._on_view_changed)
        self._bridge.polygon_drawn.connect(lambda ring: self.polygon_drawn.emit(json.loads(ring)))
        self._bridge.district_clicked.connect(self.district_clicked)
        filter_state.changed.connect(self._on_filter_changed)
        # Plain callables: the panel's own methods cannot run once it is being destroyed.
        self.destroyed.connect(self._files.cleanup)
        self.destroyed.connect(partial(_release_urls, self._handler, self._urls))
        # No page yet: a project (set_project) usually comes in the same turn of the event loop, and
        # its page is the one to load. Loading a blank page first would cost a whole page load.
        QTimer.singleShot(0, self, self._load_first_page)

    # --- public API -----------------------------------------------------------------------------
    def set_project(self, project: Any) -> None:
        """Show a project's basemap and geography (jurisdiction, districts with counts, stations).

        Another project (or the same file opened again) drops the incidents shown: its page must ask for
        its own, not prefetch the previous project's (which it drew, or found gone, as they were replaced).
        """
        if project is not self._project:
            self._project = project
            self._payload = None
            self._document.incidents = None
        # Counts only when there are some: reading them takes pandas, which a first map can do without.
        counts = project.counts() if project.has_counts() else None
        apply_geography(self._document, geography_from_project(project), counts)
        self._open_basemap(basemap_asset(project, Path(self._files.name)))
        self._load_page()

    def set_basemap(self, path: str | Path | None) -> None:
        """Use a basemap pack file (PMTiles/MBTiles, vector or raster); None shows no basemap."""
        self._open_basemap(Path(path) if path else None)
        self._load_page()

    def set_incidents(self, incidents: "pd.DataFrame") -> None:
        """The full incident table ("id" + INCIDENT_COLUMNS); the panel applies the shared filter.

        After `show_payload`, a table that draws the same is only taken in: nothing is sent again.
        """
        from stationmap.maps.points import incident_payload, same_payload

        payload = incident_payload(incidents)
        provisional = self._payload is not None and self._document.incidents is None
        self._document.incidents = incidents
        if provisional and same_payload(payload, self._payload):
            self._density_due = True
            if self._drawn_generation == self._generation:   # drawn already: the density's turn
                self._density_due = False
                self._density_timer.start()
            if not self._filter_state.filter().is_empty:     # a map selection made meanwhile
                self._on_filter_changed(None)
            self._show_district_limits()
            return
        self._show(payload)
        self._show_district_limits()

    def _show_district_limits(self) -> None:
        """Peru's district limits around the incidents when there is no basemap (maps.document.limits_overlay)."""
        spec = limits_overlay(self._document)
        if spec is None:
            if LIMITS_OVERLAY in self._document.overlays:
                self.set_overlay(LIMITS_OVERLAY, None, title="")
            return
        self._put_overlay(LIMITS_OVERLAY, spec)

    def show_payload(self, payload: "IncidentPayload") -> None:
        """Draw incidents before their table exists (start-up: maps.points.incident_payload_from_arrow).

        Filters, selections and the density layer wait for the table (`set_incidents`), which must follow.
        """
        self._document.incidents = None
        self._show(payload)

    def _show(self, payload: "IncidentPayload") -> None:
        self._payload = payload
        meta, columns = self._payload.binary()
        meta_bytes = json.dumps(meta, ensure_ascii=False, separators=(",", ":")).encode()
        for slot, data, name in (("incidents", meta_bytes, "incidents.json"), ("columns", columns, "incidents.bin")):
            reserved = self._reserved.pop(slot, None)
            if reserved is not None:   # the page asked for them while loading: they go there
                self._handler.put_bytes(data, name, key=self._handler.url_key(reserved))
                self._urls[slot] = reserved
            else:
                self._replace_url(slot, self._handler.put_bytes(data, name))
        self._density_due = True
        self._push_incidents()

    def _push_incidents(self) -> None:
        """Tell a ready page to fetch the current incident columns, with the current filter applied."""
        if not self._ready or self._payload is None:
            return
        if self._page_draws_prefetch():
            self._push_selection(force=True)
            return
        self._generation += 1
        self._data_generation = self._generation
        # Without the table (show_payload) every incident shows; set_incidents applies the filter.
        bits = None
        if self._document.incidents is not None:
            from stationmap.maps.points import mask_bits

            bits = mask_bits(self._mask()[self._payload.rows])
        self._call(f"SM.loadIncidents({json.dumps(self._urls['incidents'])}, "
                   f"{json.dumps(self._urls['columns'])}, {self._generation}, {json.dumps(bits)})")
        self._push_selection(force=True)

    def set_density_parameters(self, cell_m: float = 100.0, bandwidth_m: float = 250.0,
                               kernel: str = "quartic", *, enabled: bool = True) -> None:
        """Kernel density of the filtered incidents, recomputed in metres after each filter change."""
        self._density_parameters = ({"cell_m": cell_m, "bandwidth_m": bandwidth_m, "kernel": kernel}
                                    if enabled else None)
        if enabled:
            self._density_timer.start()
        else:
            self.set_density(None)

    def show_district_counts(self, counts: "pd.DataFrame | None", category: str = "") -> None:
        """Colour the project's districts by `counts` (one month of the statistics panel, say) rather
        than by all of the project's counts; `category` names the modalidad they hold, for the legend."""
        shapes, credit = self._document.district_shapes
        self._document.districts = (districts_layer(shapes, counts, credit=credit, category=category)
                                    if shapes and counts is not None and len(counts) else None)
        self._call(f"SM.setDistricts({json_for_script(self._document.districts)})")

    def highlight_district(self, ubigeo: str | None) -> None:
        """Outline one district of the counts layer (the statistics panel's selected row); None: none."""
        self._call(f"SM.highlightDistrict({json.dumps(ubigeo)})")

    def set_density(self, layer: dict[str, Any] | None) -> None:
        """A density surface as made by maps.layers.density_layer (image, bounds, legend); None removes it."""
        self._document.density = layer
        self._call(f"SM.setDensity({json_for_script(layer)})")

    def set_overlay(self, name: str, geojson: dict[str, Any] | None, *, title: str,
                    style: dict[str, Any] | None = None, label_property: str | None = None,
                    visible: bool = True, legend: tuple[str, str] | None = None) -> None:
        """Hook for later layers (sectors, hot spots): a named GeoJSON overlay in the layer list.

        `style` takes Leaflet path options (color, weight, fillColor, fillOpacity, dashArray);
        `label_property` names the feature property shown as a tooltip (as text); `legend`, a (title,
        label) pair, puts a swatch of the style in the map's legend while the layer is on. None removes it.
        """
        if geojson is None:
            self._document.overlays.pop(name, None)
            self._call(f"SM.setOverlay({json.dumps(name)}, null)")
            return
        spec = {"geojson": geojson, "title": title, "style": style or {}, "label_property": label_property,
                "visible": visible}
        if legend is not None:
            spec["legend"] = {"title": legend[0], "label": legend[1]}
        self._put_overlay(name, spec)

    def _put_overlay(self, name: str, spec: dict[str, Any]) -> None:
        """Keep an overlay (SM.setOverlay's spec) in the document, for exports and page reloads, and show it."""
        self._document.overlays[name] = spec
        self._call(f"SM.setOverlay({json_for_script(name)}, {json_for_script(spec)})")

    def set_language(self, language: str) -> None:
        if language != self._document.language:
            self._document.language = language
            self._load_page()

    def start_draw_polygon(self) -> None:
        """Let the user click a polygon on the map; `polygon_drawn` reports its ring."""
        self._call("SM.startDrawPolygon()")

    def zoom_to_jurisdiction(self) -> None:
        self._call("SM.zoomToJurisdiction()")

    def export_html(self, path: str | Path) -> "ExportResult":
        """The current map (filter, layers, view) as one self-contained HTML file."""
        from stationmap.maps.export import export_html

        shown = self._payload is not None and self._document.incidents is not None
        self._document.visible = self._mask() if shown else None
        return export_html(path, self._document, start_view=self.view_bounds)

    def export_png(self, path: str | Path) -> Path:
        """The current view as a PNG image, as the user sees it."""
        target = Path(path)
        if not self._painted_view().save(str(target), "PNG"):
            raise StationMapError("map.png_failed", path=str(target))
        return target

    def _painted_view(self, wait_ms: int = PAINT_WAIT_MS) -> Any:
        """The view's pixels once the web engine has delivered a frame of the view's size to the widget.

        Right after the page draws, grab() can still return the widget's flat background: the
        engine's frame arrives a few event-loop turns later. Right after the view is shown or
        resized, it returns the last frame of the old size in a corner of an empty view (a map first
        drawn in a hidden window was 100 x 30 pixels), even once the page is laid out at the new
        size. So the view is grabbed again, with events processed in between, until the page is laid
        out at the view's size and the grab looks like a whole frame (`_is_painted`; a real map is
        never one flat colour: its controls alone are not), for at most `wait_ms`.
        """
        from PySide6.QtCore import QEventLoop

        deadline = time.monotonic() + wait_ms / 1000
        background = self._page.backgroundColor().rgba()
        while True:
            laid_out = self._page_fits_view()   # asked before the grab, so the grab is at least as new
            pixmap = self._view.grab()
            if (laid_out and _is_painted(pixmap, background)) or time.monotonic() >= deadline:
                return pixmap
            loop = QEventLoop()
            QTimer.singleShot(FRAME_POLL_MS, loop.quit)
            loop.exec()

    def _page_fits_view(self) -> bool:
        """Whether the page's layout (the map page fills its viewport exactly) has the view's size."""
        contents = self._page.contentsSize() * self._page.zoomFactor()
        size = self._view.size()
        return abs(contents.width() - size.width()) <= 1 and abs(contents.height() - size.height()) <= 1

    def run_javascript(self, script: str, callback: Callable[[Any], None] | None = None) -> None:
        """Run a script in the page (tests, benchmarks); `callback` receives its JSON-able result."""
        if callback is None:
            self._page.runJavaScript(script, 0)
        else:
            self._page.runJavaScript(script, 0, callback)

    def wait_idle(self, msecs: int = 10_000) -> bool:
        """Block until background layer work (density) has returned: before closing, in tests."""
        return self._density_runner.wait(msecs)

    def blocked_requests(self) -> list[str]:
        """Every request the offline interceptor blocked in this process (should stay empty)."""
        return self._interceptor.blocked

    def console_errors(self) -> list[str]:
        return list(self._page.console_errors)

    @property
    def is_ready(self) -> bool:
        return self._ready

    @property
    def document(self) -> MapDocument:
        return self._document

    def fit_counted_districts_once_loaded(self) -> None:
        """When the page being loaded opens on an area the counted districts are not in (incidents of
        another place), move its view to them once it has loaded: counts just imported then show."""
        from stationmap.maps.layers import counted_districts_bounds

        document = self._document
        bounds = counted_districts_bounds(document.districts) if document.districts else None
        if bounds is None or _overlap(document.area(), bounds):
            return
        west, south, east, north = bounds

        def fit() -> None:
            self.loaded.disconnect(fit)
            self.run_javascript(f"SM.fitBounds({json.dumps([[south, west], [north, east]])})")

        self.loaded.connect(fit)

    # --- page life ------------------------------------------------------------------------------
    def _open_basemap(self, path: Path | None) -> None:
        self._pack, self._basemap_url = None, None
        self._document.basemap_path = None
        if path is None:
            return
        from stationmap.maps.basemap import open_pack

        try:
            pack = open_pack(path)
        except Exception as error:  # a broken pack must not cost the user the map itself
            log.exception("basemap %s unreadable", path)
            self.error.emit(StationMapError("map.basemap_unreadable", path=str(path), detail=str(error)))
            return
        if path.suffix.lower() == ".pmtiles" and is_vector_pack(pack):
            url = self._handler.put_file(path)  # answered whole; the engine serves the byte ranges
        else:
            extension = "mvt" if is_vector_pack(pack) else str(pack.tile_type).lower().split(".")[-1]
            url = self._handler.put_pack(pack, extension)
        self._pack, self._basemap_url = pack, url
        self._document.basemap_path = path

    def _load_first_page(self) -> None:
        if not self._load_id:   # nothing asked for a page yet: the blank map
            self._load_page()

    def _load_page(self) -> None:
        spec = basemap_spec(self._pack, url=self._basemap_url) if self._pack is not None else None
        self._load_id = new_key()
        config = page_config(mode="embedded", language=self._document.language, basemap=spec,
                             bounds=self._document.area(), load_id=self._load_id)
        # The incident data, asked for by the page as soon as it starts (ahead of the basemap's tiles),
        # not only once Python tells it to draw: when not made yet, at URLs reserved for them.
        if self._payload is None:
            for slot, name in (("incidents", "incidents.json"), ("columns", "incidents.bin")):
                self._replace_url(slot, self._handler.reserve(name))
                self._reserved[slot] = self._urls[slot]
        config["prefetch"] = {"meta": self._urls["incidents"], "columns": self._urls["columns"]}
        self._prefetched = None
        if self._document.incidents is None or self._filter_state.filter().is_empty:
            # Every incident shows, so the page draws them as they come (map.js) as this generation:
            # Python's word, after the bridge is up, would cost a round trip at start-up.
            self._generation += 1
            self._data_generation = self._generation
            config["prefetch"]["generation"] = self._generation
            self._prefetched = (self._generation, self._urls["incidents"], self._urls["columns"])
        html = render_page(config, inline_assets=False, title=self._document.title,
                           extra_scripts=(QWEBCHANNEL_URL,))
        self._replace_url("page", self._handler.put_bytes(html.encode("utf-8"), f"{new_key()}/map.html"))
        self._ready = False
        self._view.load(QUrl(self._urls["page"]))

    def _page_draws_prefetch(self) -> bool:
        """Whether the page draws by itself what a push would send now: the incidents it asked for
        as it loaded, all of them shown, and nothing else asked of it since."""
        current = (self._generation, self._urls.get("incidents"), self._urls.get("columns"))
        return self._prefetched == current and (self._document.incidents is None
                                                or self._filter_state.filter().is_empty)

    def _replace_url(self, slot: str, url: str) -> None:
        old = self._urls.get(slot)
        if old:
            self._handler.drop(old)
        self._urls[slot] = url

    def _call(self, script: str) -> None:
        if self._ready:
            self._page.runJavaScript(script, 0)

    def _on_page_ready(self, load_id: str) -> None:
        if load_id != self._load_id:
            # A page already replaced (a project opened while the first page was still loading):
            # what it would draw is about to vanish, and the page that replaces it reports itself.
            log.debug("ignoring 'ready' of replaced page %s", load_id)
            return
        self._ready = True
        self.page_load_id = load_id
        doc = self._document
        if doc.jurisdiction:
            self._call(f"SM.setJurisdiction({json_for_script(doc.jurisdiction)})")
        for name in ("districts", "stations", "density"):
            value = getattr(doc, name)
            if value:
                self._call(f"SM.set{name.capitalize()}({json_for_script(value)})")
        for name, spec in doc.overlays.items():
            self._call(f"SM.setOverlay({json_for_script(name)}, {json_for_script(spec)})")
        self._push_incidents()
        self.loaded.emit()

    def _on_drawn(self, generation: int, marks: int, visible: int) -> None:
        self._drawn_generation = generation
        if generation == self._generation:
            if self._density_due and self._document.incidents is not None:
                self._density_due = False
                self._density_timer.start()
            self.drawn.emit(visible)

    def _on_view_changed(self, bounds_json: str) -> None:
        (south, west), (north, east) = json.loads(bounds_json)
        self.view_bounds = (west, south, east, north)

    # --- filter and selection -------------------------------------------------------------------
    def _mask(self) -> "np.ndarray":
        from stationmap.analysis.filtering import filter_mask

        return filter_mask(self._document.incidents, self._filter_state.filter(), skip_ids=True)

    def _on_filter_changed(self, _flt: Any) -> None:
        if self._payload is None or not self._ready or self._document.incidents is None:
            return
        from stationmap.maps.points import mask_bits

        if self._drawn_generation < self._data_generation:
            # The page has not drawn its incidents yet: a mask now would come before them. They are
            # sent again with it (the page still holds them, or fetches them again).
            self._prefetched = None
            self._push_incidents()
            self._density_due = True
            return
        self._generation += 1
        bits = mask_bits(self._mask()[self._payload.rows])
        self._call(f"SM.setVisible({json.dumps(bits)}, {self._generation})")
        self._push_selection()
        self._density_due = True

    def _update_density(self) -> None:
        if self._density_parameters is None or self._document.incidents is None:
            return
        shown = self._document.incidents[self._mask()]
        self._density_runner.start(run_density, (shown, self._document.language, dict(self._density_parameters)))

    def _on_density_failed(self, problem: Exception) -> None:
        self.set_density(None)
        if isinstance(problem, StationMapError):  # e.g. a bandwidth below the cell size
            self.error.emit(problem)
        else:
            log.error("density layer failed", exc_info=problem)

    def _push_selection(self, force: bool = False) -> None:
        ids = self._filter_state.filter().ids
        if ids == self._shown_ids and not force:
            return
        self._shown_ids = ids
        self._call(f"SM.setSelection({json.dumps(None if ids is None else sorted(ids))})")

    def _on_selection(self, ids_json: str) -> None:
        ids = frozenset(int(i) for i in json.loads(ids_json))
        self._write_selection(ids or None)  # an empty box selects nothing: no spatial filter

    def _write_selection(self, ids: frozenset[int] | None) -> None:
        self._shown_ids = ids  # the page already shows it
        self._filter_state.update(ids=ids)
