/* The StationMap page: basemap, layers, controls and the small API Python drives (window.SM).
 *
 * Embedded in the app, data arrive through the app:// scheme and a QWebChannel bridge reports back
 * (ready, drawn, selection). In an exported file everything is inlined in <script> data blocks.
 * Every string that comes from data is placed with textContent. */
(function () {
  "use strict";

  const config = JSON.parse(document.getElementById("sm-config").textContent);
  const text = config.text;
  const BASEMAP_AT_THE_LATEST_MS = 1500;
  // Embedded: the incidents asked for as the page started (prefetch.js). The page draws them as
  // they come (see Start), and SM.loadIncidents with the same URLs uses this answer.
  let prefetched = window.SMPrefetch || null;
  // Python gives a drawing generation when every incident is to show (no filter): the page then
  // draws them without waiting for its word, and the basemap after them (see Start).
  const drawsItself = prefetched !== null && Number.isInteger(config.prefetch.generation);
  const SM = (window.SM = {
    loadId: config.load_id || Math.random().toString(36).slice(2) + Date.now().toString(36),
    ready: false, bridge: null, generation: 0, overlays: {}, legendParts: {},
  });

  const map = L.map("map", { zoomControl: true, boxZoom: false, preferCanvas: false, attributionControl: true });
  map.attributionControl.setPrefix("Leaflet");
  map.createPane("sm-incidents").style.zIndex = 450;
  map.createPane("sm-density").style.zIndex = 350;
  // Open on a roomy map; on a small one it folds into Leaflet's layers button (hover or tap opens it).
  const roomy = map.getSize().x >= 700 && map.getSize().y >= 520;
  const layerControl = L.control.layers(null, null, { collapsed: !roomy, position: "topright" }).addTo(map);

  // --- View --------------------------------------------------------------------------------------
  const PERU_CENTER = [-9.19, -75.02], PERU_ZOOM = 6;  // the whole country, when nothing says where
  // The page may start before the embedded view has its final size (a dock still settling), and a
  // fit into a map a few pixels wide shows the whole country. So the last fit is made again whenever
  // the map's size changes, until the user moves the map or Python sets a view of its own.
  // An exported page has its window's size from the start: refitting it at a resize would only
  // redraw the map under a print or a screenshot, which then caught the basemap's tiles undrawn.
  let standingFit = null;
  function fitView(bounds, options) {
    standingFit = config.mode === "embedded" ? [bounds, options] : null;
    map.fitBounds(bounds, options);
  }
  map.on("resize", () => {
    if (standingFit) map.fitBounds(standingFit[0], Object.assign({}, standingFit[1], { animate: false }));
  });
  for (const kind of ["pointerdown", "wheel", "keydown", "touchstart"]) {
    map.getContainer().addEventListener(kind, () => { standingFit = null; }, { capture: true, passive: true });
  }

  function escapeHtml(s) {
    const div = document.createElement("div");
    div.textContent = String(s);
    return div.innerHTML;  // Leaflet's layer list inserts names as HTML
  }
  function addToggle(layer, label, on) {
    layerControl.addOverlay(layer, escapeHtml(label));
    if (on) layer.addTo(map);
  }
  function el(tag, cls, parent, content) {
    const node = L.DomUtil.create(tag, cls || "", parent);
    if (content !== undefined) node.textContent = content;
    return node;
  }

  // --- Basemap -------------------------------------------------------------------------------
  /** The PMTiles archive inlined in an exported file, read from a Blob (no URL, no network). */
  function inlineArchive() {
    const raw = atob(document.getElementById("sm-basemap").textContent.trim());
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return new pmtiles.PMTiles(new pmtiles.FileSource(new File([bytes], "basemap.pmtiles")));
  }

  /** Raster tiles from an inlined archive: each tile image is a blob: URL of its bytes. */
  const ArchiveRasterLayer = L.GridLayer.extend({
    createTile(coords, done) {
      const img = document.createElement("img");
      img.alt = "";
      this.options.archive.getZxy(coords.z, coords.x, coords.y).then((tile) => {
        if (!tile || !tile.data) { done(null, img); return; }
        const url = URL.createObjectURL(new Blob([tile.data]));
        img.onload = () => { URL.revokeObjectURL(url); done(null, img); };
        img.onerror = () => { URL.revokeObjectURL(url); done(null, img); };
        img.src = url;
      }).catch((error) => done(error, img));
      return img;
    },
  });

  function basemapLayer(b) {
    if (!b) return null;
    const zooms = { minZoom: 0, maxZoom: 19, maxNativeZoom: b.maxzoom, minNativeZoom: b.minzoom, attribution: b.attribution };
    if (b.kind === "raster") {
      return b.inline ? new ArchiveRasterLayer(Object.assign({ archive: inlineArchive() }, zooms)) : L.tileLayer(b.url, zooms);
    }
    const source = b.inline ? inlineArchive() : b.url;
    const style = SMBasemapStyle.rules(b.schema);
    SM.basemapSource = source;
    SM.basemapStyle = style;
    return protomapsL.leafletLayer({
      url: source, paintRules: style.paint, labelRules: style.labels, backgroundColor: SMBasemapStyle.background,
      maxDataZoom: b.maxzoom, attribution: b.attribution, maxZoom: 19,
    });
  }
  function poiLayer(b) {
    if (!b || b.kind !== "vector" || !b.has_pois) return null;
    const style = SM.basemapStyle.pois;
    return protomapsL.leafletLayer({ url: SM.basemapSource, paintRules: style.paint, labelRules: style.labels,
      maxDataZoom: b.maxzoom, attribution: "", maxZoom: 19, pane: "overlayPane" });
  }
  /** Scripts added one after the other (each may need the one before); resolves when all have run. */
  function loadScripts(urls) {
    return urls.reduce((before, url) => before.then(() => new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = url;
      script.onload = resolve;
      script.onerror = () => reject(new Error("could not load " + url));
      document.head.appendChild(script);
    })), Promise.resolve());
  }
  // The basemap and its points of interest are in the layer list from the start, as groups that
  // receive their tiles once the renderer is there: the embedded page loads it after its first
  // drawing (config.basemap_scripts); an exported page has it inline.
  const spec = config.basemap;
  const basemap = spec ? L.layerGroup() : null;
  const pois = spec && spec.kind === "vector" && spec.has_pois ? L.layerGroup() : null;
  SM.basemapLoaded = false;
  if (basemap) addToggle(basemap, text.layer_basemap, false);
  if (pois) addToggle(pois, text.layer_pois, false);
  let basemapShown = false;
  function showBasemap() {
    if (basemapShown || !basemap) return;
    basemapShown = true;
    basemap.addTo(map);
    if (pois) pois.addTo(map);
    const renderer = typeof protomapsL === "undefined" && config.basemap_scripts
      ? loadScripts(config.basemap_scripts) : Promise.resolve();
    renderer.then(() => {
      const tiles = basemapLayer(spec);
      tiles.on("load", () => { SM.basemapLoaded = true; });  // every visible tile drawn
      basemap.addLayer(tiles);
      if (pois) pois.addLayer(poiLayer(spec));
    }).catch((error) => console.error("basemap not shown: " + error.message));
  }

  // --- Incidents -----------------------------------------------------------------------------
  let selection = null;
  const incidents = new SMPoints.IncidentLayer({
    pane: "sm-incidents", clusterMaxZoom: config.cluster_max_zoom, text: text,
    isBusy: () => selection !== null && selection.busy(),
  });
  // On the map from the start, but in the layer list only once there are incidents to switch off:
  // a project of SIDPOL counts only would list a layer that shows nothing.
  incidents.addTo(map);
  let incidentsListed = false;
  function listIncidents(any) {
    if (any && !incidentsListed) layerControl.addOverlay(incidents, escapeHtml(text.layer_incidents));
    if (!any && incidentsListed) layerControl.removeLayer(incidents);
    incidentsListed = any;
    showEmptyNote(!any && !SM.overlays.districts && !SM.overlays.jurisdiction);
  }
  // A new project's map is grey and empty: it says so, and how to fill it, once its (zero) incidents came.
  let emptyNote = null;
  function showEmptyNote(show) {
    if (config.mode !== "embedded") return;
    if (show && !emptyNote) emptyNote = el("div", "sm-empty-note", map.getContainer(), text.empty_project);
    if (emptyNote) emptyNote.style.display = show ? "" : "none";
  }

  // --- Controls ------------------------------------------------------------------------------
  L.control.scale({ metric: true, imperial: false, position: "bottomleft" }).addTo(map);

  const North = L.Control.extend({
    options: { position: "topright" },
    onAdd() {
      const box = L.DomUtil.create("div", "sm-north");
      box.title = text.north;
      const ns = "http://www.w3.org/2000/svg";
      const svg = document.createElementNS(ns, "svg");
      svg.setAttribute("viewBox", "0 0 24 34");
      svg.setAttribute("width", "24"); svg.setAttribute("height", "34");
      const arrow = document.createElementNS(ns, "path");
      arrow.setAttribute("d", "M12 2 L20 24 L12 19 L4 24 Z");
      arrow.setAttribute("fill", "#222");
      const letter = document.createElementNS(ns, "text");
      letter.setAttribute("x", "12"); letter.setAttribute("y", "33"); letter.setAttribute("text-anchor", "middle");
      letter.setAttribute("font-size", "10"); letter.setAttribute("font-weight", "bold");
      letter.textContent = "N";
      svg.appendChild(arrow); svg.appendChild(letter); box.appendChild(svg);
      return box;
    },
  });
  new North().addTo(map);

  const Coordinates = L.Control.extend({
    options: { position: "bottomleft" },
    onAdd(m) {
      const box = L.DomUtil.create("div", "sm-coords");
      box.textContent = text.coords_hint;
      m.on("mousemove", (e) => {
        const at = e.latlng.wrap();  // a map panned round the world still reads -79, not -439
        box.textContent = text.lat + " " + at.lat.toFixed(5) + "  " + text.lon + " " + at.lng.toFixed(5);
      });
      return box;
    },
  });
  new Coordinates().addTo(map);

  const Home = L.Control.extend({
    options: { position: "topleft" },
    onAdd() {
      const bar = L.DomUtil.create("div", "leaflet-bar sm-home");
      const a = el("a", "sm-home-button", bar, "⌂");
      a.href = "#"; a.title = text.zoom_jurisdiction; a.setAttribute("role", "button");
      L.DomEvent.disableClickPropagation(bar);
      L.DomEvent.on(a, "click", (e) => { L.DomEvent.preventDefault(e); SM.zoomToJurisdiction(); });
      return bar;
    },
  });
  new Home().addTo(map);

  selection = new SMSelection.SelectionControl({
    text: text, layer: incidents,
    onSelect(ids) { incidents.setSelectedIds(ids); if (SM.bridge) SM.bridge.selectionMade(JSON.stringify(ids)); },
    onClear() { incidents.setSelectedIds(null); if (SM.bridge) SM.bridge.selectionCleared(); },
  });
  selection.addTo(map);

  const Legend = L.Control.extend({
    options: { position: "bottomright" },
    onAdd() {
      this.box = L.DomUtil.create("div", "sm-legend");
      L.DomEvent.disableScrollPropagation(this.box);
      L.DomEvent.disableClickPropagation(this.box);
      return this.box;
    },
  });
  const legend = new Legend().addTo(map);
  // A popup opened keeps within the map and clear of the legend (controls sit above popups: a district's
  // popup near the bottom right hid its lines under it). Leaflet's own auto-pan is animated, and a page
  // the window is not showing gets no frames to animate with; the map is panned here, at once.
  L.Popup.mergeOptions({ autoPan: false });
  map.on("popupopen", (e) => keepPopupInView(e.popup));
  function keepPopupInView(popup) {
    const element = popup.getElement();
    if (!element) return;
    const margin = 12, area = map.getContainer().getBoundingClientRect(), box = element.getBoundingClientRect();
    let dx = 0, dy = 0;  // how far the view moves: the popup moves the other way
    if (box.right + margin > area.right) dx = box.right + margin - area.right;
    if (box.left - dx - margin < area.left) dx = box.left - margin - area.left;
    if (box.top - margin < area.top) dy = box.top - margin - area.top;
    const key = legend.box.getBoundingClientRect();
    if (key.width && box.right - dx > key.left && box.bottom - dy > key.top) {  // the legend sits at the bottom right
      const up = box.bottom - dy - key.top + margin, sideways = box.right - dx - key.left + margin;
      if (up <= sideways && box.top - dy - up - margin >= area.top) dy += up; else dx += sideways;
    }
    if (dx || dy) map.panBy([dx, dy], { animate: false });
  }

  /** A count with the language's thousands separator (maps.labels.THOUSANDS_SEPARATORS). */
  function formatCount(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, config.thousands);
  }
  function renderLegend() {
    // On a small map (a laptop with the side panels open) the legend starts folded, so it does
    // not cover the streets; a click on its title opens or folds it.
    if (SM.legendCollapsed === undefined) SM.legendCollapsed = map.getSize().x < 700 || map.getSize().y < 520;
    legend.box.replaceChildren();
    const toggle = el("div", "sm-legend-toggle", legend.box, (SM.legendCollapsed ? "▸ " : "▾ ") + text.legend);
    toggle.onclick = () => { SM.legendCollapsed = !SM.legendCollapsed; renderLegend(); };
    const box = el("div", "sm-legend-body" + (SM.legendCollapsed ? " sm-collapsed" : ""), legend.box);
    if (map.hasLayer(incidents) && incidents.data && incidents.data.n > 0) {  // a project of counts only has none
      el("div", "sm-legend-title", box, text.legend_incidents);
      const counts = incidents.categoryCounts();
      incidents.data.categories.forEach((name, c) => {
        const row = el("div", "sm-legend-row", box);
        el("span", "sm-swatch sm-dot", row).style.background = incidents.data.colors[c];
        el("span", "sm-legend-label", row, name + " (" + formatCount(counts[c]) + ")");
      });
    }
    for (const key of Object.keys(SM.legendParts)) {
      const part = SM.legendParts[key];
      if (part.layer && map.hasLayer(part.layer)) part.render(box);
    }
    if (!box.hasChildNodes()) legend.box.replaceChildren();  // nothing to explain: no legend at all
  }
  incidents.onChange = renderLegend;
  map.on("overlayadd overlayremove", renderLegend);

  // --- Other layers ----------------------------------------------------------------------------
  function popupFromProps(title, rows) {
    const box = L.DomUtil.create("div", "sm-popup");
    el("div", "sm-popup-category", box, title);
    const table = el("table", "sm-popup-fields", box);
    for (const [label, value] of rows) {
      if (value === null || value === undefined || value === "") continue;
      const tr = el("tr", "", table);
      el("th", "", tr, label); el("td", "", tr, String(value));
    }
    return box;
  }

  function replaceOverlay(name, layer, label, on) {
    if (SM.overlays[name]) { layerControl.removeLayer(SM.overlays[name]); SM.overlays[name].remove(); }
    delete SM.overlays[name];
    if (!layer) return;
    SM.overlays[name] = layer;
    addToggle(layer, label, on);
    showEmptyNote(false);
  }

  SM.setJurisdiction = function (geojson) {
    const layer = geojson ? L.geoJSON(geojson, { interactive: false, style: { color: "#1d3557", weight: 2.5, fill: false, dashArray: "8 4" } }) : null;
    replaceOverlay("jurisdiction", layer, text.layer_jurisdiction, true);
    SM.jurisdictionBounds = layer ? layer.getBounds() : null;
  };

  const DISTRICT_OPACITY = 0.55;   // the basemap's streets and names show through the choropleth
  /** Outline one district of the counts layer (the statistics panel's selected row); null: none. */
  SM.highlightDistrict = function (ubigeo) {
    const layer = SM.overlays.districts;
    if (!layer) return;
    layer.eachLayer((lyr) => {
      const on = ubigeo !== null && lyr.feature.properties.ubigeo === ubigeo;
      lyr.setStyle(on ? { color: "#000", weight: 3.5 } : { color: "#555", weight: 1 });
      if (on) lyr.bringToFront();
    });
    SM.highlightedDistrict = ubigeo;
  };

  SM.setDistricts = function (layerData) {
    if (!layerData) { replaceOverlay("districts", null); delete SM.legendParts.districts; renderLegend(); return; }
    const breaks = layerData.breaks, colours = layerData.colors;
    const colourOf = (v) => { let k = 0; while (k < breaks.length && v > breaks[k]) k++; return colours[Math.min(k, colours.length - 1)]; };
    const layer = L.geoJSON(layerData.geojson, {
      attribution: layerData.credit ? text.districts_credit + ": " + layerData.credit : "",
      style: (f) => ({ color: "#555", weight: 1, fillOpacity: f.properties.count === null ? 0.05 : DISTRICT_OPACITY,
        fillColor: f.properties.count === null ? "#cccccc" : colourOf(f.properties.count) }),
      onEachFeature: (f, lyr) => {
        const p = f.properties;
        lyr.bindTooltip(popupFromProps(p.name, [[text.ubigeo, p.ubigeo], [text.count, p.count === null ? text.no_data : p.count]]), { sticky: true });
        // In the app a click shows the district in the statistics panel; an exported file has no panel.
        lyr.on("click", () => { if (SM.bridge && p.ubigeo) SM.bridge.districtClicked(p.ubigeo); });
      },
    });
    // A new month or modalidad keeps the layer as the user left it (the statistics panel, when it
    // comes to the front, switches it back on).
    const shown = SM.overlays.districts ? SM.map.hasLayer(SM.overlays.districts) : true;
    replaceOverlay("districts", layer, text.layer_districts, shown);
    if (SM.highlightedDistrict) SM.highlightDistrict(SM.highlightedDistrict);   // the same district, another month
    SM.legendParts.districts = { layer: layer, render(box) {
      el("div", "sm-legend-title", box, text.legend_districts + (layerData.period ? " — " + layerData.period : "") +
        (layerData.category ? " · " + layerData.category : ""));
      let low = 0;
      breaks.forEach((b, k) => {
        const row = el("div", "sm-legend-row", box);
        const swatch = el("span", "sm-swatch", row);
        swatch.style.background = colours[k];
        swatch.style.opacity = DISTRICT_OPACITY;   // as the districts look on the map
        el("span", "sm-legend-label", row, low === b ? formatCount(b) : formatCount(low) + "–" + formatCount(b));
        low = b + 1;
      });
      if (layerData.unmapped) {  // counts of districts newer than the limits: said, not silently dropped
        el("div", "sm-legend-note", box, formatCount(layerData.unmapped) + " " +
          (layerData.unmapped === 1 ? text.district_unmapped : text.districts_unmapped));
      }
    } };
    renderLegend();
  };

  SM.setStations = function (geojson) {
    const layer = geojson ? L.geoJSON(geojson, {
      pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 7, color: "#ffffff", weight: 2, fillColor: "#1d3557", fillOpacity: 1 }),
      onEachFeature: (f, lyr) => lyr.bindPopup(popupFromProps(f.properties.name || text.station, [[text.address, f.properties.address]])),
    }) : null;
    replaceOverlay("stations", layer, text.layer_stations, true);
  };

  SM.setDensity = function (density) {
    if (!density) { replaceOverlay("density", null); delete SM.legendParts.density; renderLegend(); return; }
    const layer = L.imageOverlay(density.image, density.bounds, { opacity: 0.5, pane: "sm-density", interactive: false });
    replaceOverlay("density", layer, text.layer_density, true);
    SM.legendParts.density = { layer: layer, render(box) {
      el("div", "sm-legend-title", box, text.legend_density);
      if (density.ramp) {
        const ramp = el("div", "sm-ramp", box);
        ramp.style.background = "linear-gradient(to right, " + density.ramp.join(", ") + ")";
        const ends = el("div", "sm-ramp-ends", box);
        const labels = density.ramp_labels || [text.low, text.high];
        el("span", "", ends, labels[0]); el("span", "", ends, labels[1]);
      }
      el("div", "sm-legend-note", box, density.legend);
    } };
    renderLegend();
  };

  /** Hook for later steps (patrol sectors, hot spots): a named GeoJSON layer with a style and a label
   *  property for tooltips. Python calls MapPanel.set_overlay(name, ...), which calls this. */
  SM.setOverlay = function (name, spec) {
    // An overlay may explain itself in the legend (hot spots: what the cells are): shown while it is on.
    delete SM.legendParts[name];
    if (!spec) { replaceOverlay(name, null); renderLegend(); return; }
    const style = spec.style || {};
    const layer = L.geoJSON(spec.geojson, {
      attribution: spec.attribution || "",
      style: () => style,
      pointToLayer: (f, ll) => L.circleMarker(ll, Object.assign({ radius: 8 }, style)),
      onEachFeature: (f, lyr) => {
        const label = spec.label_property && f.properties ? f.properties[spec.label_property] : null;
        if (label === null || label === undefined) return;
        // Permanent labels name the places on a map that has nothing else to name them (no basemap).
        lyr.bindTooltip(el("span", "", undefined, String(label)), spec.label_permanent
          ? { permanent: true, direction: "center", className: "sm-area-name" } : { sticky: true });
      },
    });
    replaceOverlay(name, layer, spec.title || name, spec.visible !== false);
    if (spec.legend) {
      SM.legendParts[name] = { layer: layer, render(box) {
        el("div", "sm-legend-title", box, spec.legend.title);
        const row = el("div", "sm-legend-row", box);
        const swatch = el("span", "sm-swatch", row);
        swatch.style.background = style.fillColor || style.color || "#777";
        swatch.style.opacity = style.fillOpacity === undefined ? 1 : Math.max(style.fillOpacity, 0.45);
        if (style.color) swatch.style.borderColor = style.color;
        el("span", "sm-legend-label", row, spec.legend.label);
      } };
    }
    renderLegend();
  };

  /** Drawing a polygon (a jurisdiction): a click per vertex, a double click ends, Escape cancels.
   *  The ring goes back to Python as JSON [[lon, lat], ...] through bridge.polygonDrawn. */
  let drawing = null;
  SM.startDrawPolygon = function () {
    SM.cancelDrawPolygon();
    drawing = { points: [], line: L.polyline([], { color: "#1d3557", weight: 2, dashArray: "4 3", interactive: false }).addTo(map) };
    map.doubleClickZoom.disable();
    map.getContainer().classList.add("sm-selecting");
  };
  SM.cancelDrawPolygon = function () {
    if (!drawing) return;
    drawing.line.remove();
    drawing = null;
    map.doubleClickZoom.enable();
    map.getContainer().classList.remove("sm-selecting");
  };
  SM.finishDrawPolygon = function () {
    if (!drawing) return;
    const ring = drawing.points.map((p) => [p.lng, p.lat]);
    SM.cancelDrawPolygon();
    if (SM.bridge) SM.bridge.polygonDrawn(JSON.stringify(ring));
  };
  map.on("click", (e) => { if (drawing) { drawing.points.push(e.latlng); drawing.line.setLatLngs(drawing.points); } });
  map.on("dblclick", () => { if (drawing) SM.finishDrawPolygon(); });
  L.DomEvent.on(document, "keydown", (e) => { if (e.key === "Escape") SM.cancelDrawPolygon(); });

  // --- Data and view API ------------------------------------------------------------------------
  let unreported = null;  // a generation drawn before the bridge was up: reported once it is
  function notifyDrawn(generation) {
    setTimeout(() => {
      if (SM.bridge) SM.bridge.reportDrawn(generation, incidents.drawnCount, incidents.visible.length);
      else unreported = generation;
    }, 0);
  }

  /** New incident data (column arrays) with an optional filter mask (base64 bits, null = all). */
  SM.setIncidents = function (payload, generation, maskB64) {
    incidents.setData(payload);
    listIncidents(incidents.data.n > 0);
    if (maskB64) incidents.setVisibleMask(maskB64);
    if (!SM.viewChosen && !config.view.bounds && !SM.jurisdictionBounds) fitToIncidents();
    SM.generation = generation;
    notifyDrawn(generation);
  };
  const TYPED = { float64: Float64Array, int32: Int32Array, uint16: Uint16Array, uint8: Uint8Array };
  /** Embedded view: text dictionaries as JSON, numeric columns as one binary buffer (typed-array views). */
  let loads = 0;  // incident loads asked for: only the latest draws (an earlier answer may come later)
  function drawWhenFetched(answer, generation, maskB64) {
    const load = ++loads;
    return answer.then(([meta, buffer]) => {
      if (load !== loads) return;
      const payload = Object.assign({}, meta);
      for (const c of meta.layout) payload[c.name] = new TYPED[c.type](buffer, c.offset, c.length);
      SM.setIncidents(payload, generation, maskB64);
    });
  }
  SM.loadIncidents = function (metaUrl, columnsUrl, generation, maskB64) {
    const early = prefetched && prefetched.meta === metaUrl && prefetched.columns === columnsUrl;
    const answer = early ? prefetched.answer : window.SMFetchIncidents(metaUrl, columnsUrl);
    if (!early) prefetched = null;
    return drawWhenFetched(answer, generation, maskB64);
  };
  SM.setVisible = function (maskB64, generation) {
    incidents.setVisibleMask(maskB64);
    SM.generation = generation;
    notifyDrawn(generation);
  };
  function fitToIncidents() {
    const d = incidents.data;
    if (!d || d.n === 0) return;
    let s = 90, w = 180, n = -90, e = -180;
    for (let i = 0; i < d.n; i++) {
      s = Math.min(s, d.lat[i]); n = Math.max(n, d.lat[i]); w = Math.min(w, d.lon[i]); e = Math.max(e, d.lon[i]);
    }
    fitView([[s, w], [n, e]], { animate: false });
    SM.viewChosen = true;
  }
  SM.setSelection = function (ids) {
    incidents.setSelectedIds(ids);
    if (ids === null) selection.removeShape();   // cleared from the window (its filter chip): the outline goes too
  };
  /** The ⌂ button: the jurisdiction; without one, the incidents, else the district counts, else Peru.
   *  (A project of imported logs only has no jurisdiction, and the button must still bring the user back.) */
  SM.zoomToJurisdiction = function () {
    const b = SM.jurisdictionBounds || (config.view.bounds ? L.latLngBounds(config.view.bounds) : null);
    if (b && b.isValid()) { fitView(b, { padding: [12, 12] }); return; }
    if (incidents.data && incidents.data.n > 0) { fitToIncidents(); return; }
    const shown = L.latLngBounds([]);
    for (const layer of Object.values(SM.overlays)) {
      if (map.hasLayer(layer) && layer.getBounds) shown.extend(layer.getBounds());
    }
    if (shown.isValid()) fitView(shown, { padding: [12, 12] });
    else { standingFit = null; map.setView(PERU_CENTER, PERU_ZOOM); }
  };
  SM.setView = function (lat, lon, zoom) { standingFit = null; map.setView([lat, lon], zoom, { animate: false }); };
  SM.fitBounds = function (bounds) { fitView(bounds, { animate: false }); };
  SM.viewBounds = function () { const b = map.getBounds(); return [[b.getSouth(), b.getWest()], [b.getNorth(), b.getEast()]]; };
  SM.stats = function () {
    return { loadId: SM.loadId, points: incidents.data ? incidents.data.n : 0, visible: incidents.visible.length,
      drawn: incidents.drawnCount, zoom: map.getZoom(), overlays: Object.keys(SM.overlays),
      basemap: !!basemap, basemapLoaded: SM.basemapLoaded, pois: !!pois };
  };
  SM.map = map;
  SM.incidents = incidents;

  // --- Start -----------------------------------------------------------------------------------
  if (config.view.bounds) fitView(config.view.bounds);
  else map.setView(config.view.center || PERU_CENTER, config.view.zoom || PERU_ZOOM);

  const inline = document.getElementById("sm-layers");
  if (inline) {
    const layers = JSON.parse(inline.textContent);
    if (layers.jurisdiction) SM.setJurisdiction(layers.jurisdiction);
    if (layers.districts) SM.setDistricts(layers.districts);
    if (layers.stations) SM.setStations(layers.stations);
    if (layers.density) SM.setDensity(layers.density);
    for (const [name, spec] of Object.entries(layers.overlays || {})) SM.setOverlay(name, spec);
    if (layers.incidents) SM.setIncidents(layers.incidents, 0);
    if (layers.view) { fitView(layers.view, { animate: false }); SM.viewChosen = true; }
  }

  // The prefetched incidents are drawn as soon as they arrive, without waiting for the bridge and a
  // word from Python (a round trip less at start-up); Python counts this drawing as the generation
  // it wrote in the page. The basemap follows them: setting up its tiles took as long as drawing
  // the incidents, and they are what the user opened the map for. It comes after the drawing is
  // reported (timers run in order), or after BASEMAP_AT_THE_LATEST_MS if the incidents do not come.
  if (drawsItself) {
    drawWhenFetched(prefetched.answer, config.prefetch.generation, null).catch(() => {})
      .then(() => setTimeout(showBasemap, 0));
    setTimeout(showBasemap, BASEMAP_AT_THE_LATEST_MS);
  } else {
    showBasemap();
  }

  map.on("moveend", () => { if (SM.bridge) SM.bridge.viewChanged(JSON.stringify(SM.viewBounds())); });

  function announceReady() {
    SM.ready = true;
    if (!SM.bridge) return;
    SM.bridge.pageReady(SM.loadId);   // first: Python takes drawings from a page it knows is ready
    if (unreported !== null) notifyDrawn(unreported);
    unreported = null;
  }
  if (config.mode === "embedded" && window.SMChannel) {   // opened by prefetch.js
    window.SMChannel.then((channel) => { SM.bridge = channel.objects.bridge; announceReady(); });
  } else {
    announceReady();
  }
})();
