/* Incidents drawn on one canvas: coloured points at street zoom, pixel-grid clusters when zoomed out.
 *
 * Data arrive once as column arrays (no GeoJSON object per point); a filter change only replaces the
 * visibility mask, so 100,000 incidents redraw without rebuilding anything. Popups are built with
 * textContent: incident text is data, never markup. */
(function () {
  "use strict";

  const CLUSTER_CELL_PX = 64;
  const HIT_RADIUS_PX = 8;
  // Above this many incidents on screen single points become a blur and cost a redraw of ~0.1 s:
  // cluster them whatever the zoom.
  const MAX_SINGLE_POINTS = 20000;

  function mercatorX(lon) { return (lon + 180) / 360; }
  function mercatorY(lat) {
    const s = Math.sin((lat * Math.PI) / 180);
    return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
  }

  function two(n) { return n < 10 ? "0" + n : String(n); }

  /** Radius in pixels of a clustered drawing's mark for `n` incidents (a single is a 5-px dot). */
  function markRadius(n) { return n === 1 ? 6 : 11 + Math.min(12, Math.log10(n) * 5); }

  /** Local seconds (naive America/Lima time) -> "dd/mm/yyyy" and "HH:MM"; read with UTC getters. */
  function localParts(ts) {
    const d = new Date(ts * 1000);
    return {
      date: two(d.getUTCDate()) + "/" + two(d.getUTCMonth() + 1) + "/" + d.getUTCFullYear(),
      time: two(d.getUTCHours()) + ":" + two(d.getUTCMinutes()),
    };
  }

  /** Column arrays from Python -> typed arrays plus web-mercator coordinates in 0..1. */
  function prepare(payload) {
    const n = payload.id.length;
    const data = {
      n: n, id: payload.id, cat: payload.cat, categories: payload.categories,
      colors: payload.colors, ts: Float64Array.from(payload.ts, (v) => (v === null ? NaN : v)),
      end: Float64Array.from(payload.end, (v) => (v === null ? NaN : v)), tk: payload.tk,
      addr: payload.addr, addresses: payload.addresses,
      mx: new Float64Array(n), my: new Float64Array(n), lat: new Float64Array(n), lon: new Float64Array(n),
      indexOfId: new Map(),
    };
    for (let i = 0; i < n; i++) {
      data.lat[i] = payload.lat_e6[i] / 1e6;
      data.lon[i] = payload.lon_e6[i] / 1e6;
      data.mx[i] = mercatorX(data.lon[i]);
      data.my[i] = mercatorY(data.lat[i]);
      data.indexOfId.set(payload.id[i], i);
    }
    return data;
  }

  /** numpy.packbits (big-endian bit order) in base64 -> indices of the set bits below n. */
  function unpackMask(b64, n) {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const out = new Int32Array(n);
    let k = 0;
    for (let i = 0; i < n; i++) {
      if (bytes[i >> 3] & (0x80 >> (i & 7))) out[k++] = i;
    }
    return out.subarray(0, k);
  }

  function allIndices(n) {
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    return out;
  }

  const IncidentLayer = L.Layer.extend({
    initialize(options) {
      L.setOptions(this, options);
      this.data = null;
      this.visible = new Int32Array(0);
      this.selected = null;      // Set of indices highlighted by a map selection
      this.clusters = [];        // what the last draw put on screen, for clicks
      this.drawnCount = 0;
      this.onChange = null;      // called after every redraw (legend, notifications)
    },

    onAdd(map) {
      this._map = map;
      this._canvas = L.DomUtil.create("canvas", "sm-incidents leaflet-zoom-hide");
      map.getPane(this.options.pane).appendChild(this._canvas);
      map.on("moveend zoomend resize viewreset", this._reset, this);
      map.on("click", this._onClick, this);
      this._reset();
    },

    onRemove(map) {
      L.DomUtil.remove(this._canvas);
      map.off("moveend zoomend resize viewreset", this._reset, this);
      map.off("click", this._onClick, this);
      this.clusters = [];
    },

    setData(payload) {
      this.data = prepare(payload);
      this.visible = allIndices(this.data.n);
      this.selected = null;
      this.redraw();
    },

    setVisibleMask(b64) {
      if (!this.data) return;
      this.visible = b64 === null ? allIndices(this.data.n) : unpackMask(b64, this.data.n);
      this.redraw();
    },

    setSelectedIds(ids) {
      if (!this.data) return;
      if (ids === null) { this.selected = null; this.redraw(); return; }
      const chosen = new Set();
      for (const id of ids) {
        const i = this.data.indexOfId.get(id);
        if (i !== undefined) chosen.add(i);
      }
      this.selected = chosen;
      this.redraw();
    },

    /** Canvas pixel position of every visible incident, through a callback (no allocation per point). */
    /** callback(i, x, y) in container pixels for each incident the filter shows (with `all`, for every one). */
    forEachOnScreen(callback, all = false) {
      const map = this._map, d = this.data;
      if (!map || !d) return;
      const world = map.options.crs.scale(map.getZoom());
      const topLeft = map.containerPointToLayerPoint([0, 0]);
      const origin = map.getPixelOrigin();
      const ox = origin.x + topLeft.x, oy = origin.y + topLeft.y;
      if (all) {
        for (let i = 0; i < d.n; i++) callback(i, d.mx[i] * world - ox, d.my[i] * world - oy);
        return;
      }
      const vis = this.visible;
      for (let k = 0; k < vis.length; k++) {
        const i = vis[k];
        callback(i, d.mx[i] * world - ox, d.my[i] * world - oy);
      }
    },

    redraw() {
      if (this._map) this._draw();
      if (this.onChange) this.onChange();
    },

    _reset() {
      const map = this._map, size = map.getSize(), ratio = window.devicePixelRatio || 1;
      const canvas = this._canvas;
      canvas.width = Math.round(size.x * ratio);
      canvas.height = Math.round(size.y * ratio);
      canvas.style.width = size.x + "px";
      canvas.style.height = size.y + "px";
      L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
      this._draw();
    },

    _draw() {
      const canvas = this._canvas;
      if (!canvas) return;
      const ctx = canvas.getContext("2d"), ratio = window.devicePixelRatio || 1;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      this.clusters = [];
      this.drawnCount = 0;
      if (!this.data) return;
      this.clustered = this._map.getZoom() < this.options.clusterMaxZoom || this._onScreenCount() > MAX_SINGLE_POINTS;
      if (this.clustered) this._drawClusters(ctx); else this._drawPoints(ctx);
    },

    _onScreenCount() {
      const size = this._map.getSize();
      let n = 0;
      this.forEachOnScreen((i, x, y) => { if (x >= 0 && y >= 0 && x <= size.x && y <= size.y) n++; });
      return n;
    },

    _drawPoints(ctx) {
      const d = this.data, w = this._map.getSize().x, h = this._map.getSize().y;
      const radius = this._map.getZoom() >= 17 ? 6 : 5;
      const paths = d.categories.map(() => new Path2D());
      const ring = new Path2D();
      let count = 0;
      const selected = this.selected;
      this.forEachOnScreen((i, x, y) => {
        if (x < -radius || y < -radius || x > w + radius || y > h + radius) return;
        const p = paths[d.cat[i]];
        p.moveTo(x + radius, y);
        p.arc(x, y, radius, 0, 2 * Math.PI);
        if (selected && selected.has(i)) { ring.moveTo(x + radius + 3, y); ring.arc(x, y, radius + 3, 0, 2 * Math.PI); }
        count++;
      });
      ctx.lineWidth = 1;
      ctx.strokeStyle = "#ffffff";
      paths.forEach((p, c) => { ctx.fillStyle = d.colors[c]; ctx.fill(p); ctx.stroke(p); });
      if (selected) { ctx.lineWidth = 2.5; ctx.strokeStyle = "#111111"; ctx.stroke(ring); }
      this.drawnCount = count;
    },

    _drawClusters(ctx) {
      const marks = this._clusterMarks();
      const d = this.data;
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      for (const m of marks) {   // smallest first: the biggest counts are drawn last, on top
        if (m.n === 1) {
          ctx.beginPath(); ctx.arc(m.x, m.y, 5, 0, 2 * Math.PI);
          ctx.fillStyle = d.colors[d.cat[m.index]]; ctx.fill();
          ctx.lineWidth = 1; ctx.strokeStyle = "#ffffff"; ctx.stroke();
          if (m.selected) { ctx.beginPath(); ctx.arc(m.x, m.y, 8, 0, 2 * Math.PI); ctx.lineWidth = 2.5; ctx.strokeStyle = "#111111"; ctx.stroke(); }
          continue;
        }
        const fill = m.n < 10 ? "rgba(49,130,189,0.85)" : m.n < 100 ? "rgba(240,140,20,0.88)" : "rgba(200,30,40,0.88)";
        ctx.beginPath(); ctx.arc(m.x, m.y, m.r, 0, 2 * Math.PI);
        ctx.fillStyle = fill; ctx.fill();
        ctx.lineWidth = m.selected ? 3 : 2; ctx.strokeStyle = m.selected ? "#111111" : "rgba(255,255,255,0.9)"; ctx.stroke();
        ctx.fillStyle = "#ffffff";
        ctx.font = "bold 12px Arial, 'DejaVu Sans', sans-serif";
        ctx.fillText(m.n >= 10000 ? Math.round(m.n / 1000) + "k" : String(m.n), m.x, m.y);
      }
      this.clusters = marks;
      this.drawnCount = marks.length;
    },

    /** What a clustered drawing shows, smallest first: the incidents on screen counted on a grid of
     *  CLUSTER_CELL_PX, each cell's mark at its incidents' centroid; then marks that would cover a
     *  smaller mark's number join into one (neighbouring cells' centroids can be a few pixels apart):
     *  a mark whose centre lies within a bigger one's radius plus half its own is merged into it,
     *  until none does. Marks: {x, y, r, n, selected, index}; `index` is the incident of a single. */
    _clusterMarks() {
      const size = this._map.getSize();
      const cols = Math.ceil(size.x / CLUSTER_CELL_PX) + 2, rows = Math.ceil(size.y / CLUSTER_CELL_PX) + 2;
      const cells = cols * rows;
      const count = new Int32Array(cells), first = new Int32Array(cells), nsel = new Int32Array(cells);
      const sx = new Float64Array(cells), sy = new Float64Array(cells);
      const selected = this.selected;
      this.forEachOnScreen((i, x, y) => {
        const cx = Math.floor(x / CLUSTER_CELL_PX) + 1, cy = Math.floor(y / CLUSTER_CELL_PX) + 1;
        if (cx < 0 || cy < 0 || cx >= cols || cy >= rows) return;
        const key = cy * cols + cx;
        if (count[key] === 0) first[key] = i;
        count[key]++;
        sx[key] += x; sy[key] += y;
        if (selected && selected.has(i)) nsel[key]++;
      });
      const cellMarks = [];
      for (let key = 0; key < cells; key++) {
        const n = count[key];
        if (n > 0) cellMarks.push({ x: sx[key] / n, y: sy[key] / n, n: n, sel: nsel[key], index: first[key] });
      }
      let marks = cellMarks.sort((a, b) => b.n - a.n);
      for (let merged = true; merged;) {   // a mark grows as it takes others in: look again
        merged = false;
        const kept = [];
        for (const m of marks) {
          const reach = (k) => markRadius(k.n) + markRadius(m.n) / 2;
          const host = kept.find((k) => (k.x - m.x) ** 2 + (k.y - m.y) ** 2 < reach(k) ** 2);
          if (host === undefined) { kept.push(m); continue; }
          host.x = (host.x * host.n + m.x * m.n) / (host.n + m.n);
          host.y = (host.y * host.n + m.y * m.n) / (host.n + m.n);
          host.n += m.n;
          host.sel += m.sel;
          merged = true;
        }
        marks = kept.sort((a, b) => b.n - a.n);
      }
      return marks.reverse().map((m) => ({ x: m.x, y: m.y, r: markRadius(m.n), n: m.n, selected: m.sel > 0, index: m.index }));
    },

    _onClick(e) {
      if (!this.data || this.options.isBusy()) return;
      const p = e.containerPoint;
      if (this.clustered) {
        for (let k = this.clusters.length - 1; k >= 0; k--) {   // the topmost mark first
          const c = this.clusters[k];
          if ((c.x - p.x) ** 2 + (c.y - p.y) ** 2 > c.r * c.r) continue;
          if (c.n === 1) this.openPopup(c.index);
          else this._map.setView(this._map.containerPointToLatLng([c.x, c.y]), this._map.getZoom() + 2);
          return;
        }
        return;
      }
      let best = -1, bestDist = HIT_RADIUS_PX * HIT_RADIUS_PX;
      this.forEachOnScreen((i, x, y) => {
        const dist = (x - p.x) ** 2 + (y - p.y) ** 2;
        if (dist <= bestDist) { best = i; bestDist = dist; }
      });
      if (best >= 0) this.openPopup(best);
    },

    /** A popup whose every text is set with textContent, so payloads in the data stay text. */
    openPopup(i) {
      const d = this.data, text = this.options.text;
      const box = L.DomUtil.create("div", "sm-popup");
      const title = L.DomUtil.create("div", "sm-popup-category", box);
      title.textContent = d.categories[d.cat[i]];
      const table = L.DomUtil.create("table", "sm-popup-fields", box);
      const row = (label, value, cls) => {
        const tr = L.DomUtil.create("tr", cls, table);
        L.DomUtil.create("th", "", tr).textContent = label;
        L.DomUtil.create("td", "", tr).textContent = value;
      };
      const start = d.ts[i], end = d.end[i];
      if (Number.isNaN(start)) {
        row(text.date, text.date_unknown, "sm-popup-date");
      } else {
        const a = localParts(start);
        // tk: 0 the date is known, 1 its time too, 2 only its month (maps.points.TK_*).
        row(text.date, d.tk[i] === 2 ? a.date.slice(3) : a.date, "sm-popup-date");
        let time = a.time;
        if (d.tk[i] !== 1) time = text.time_unknown;
        else if (end > start) time = a.time + "–" + localParts(end).time;
        row(text.time, time, "sm-popup-time");
      }
      row(text.address, d.addresses[d.addr[i]] || text.no_address, "sm-popup-address");
      L.popup({ maxWidth: 320 }).setLatLng([d.lat[i], d.lon[i]]).setContent(box).openOn(this._map);
    },

    /** Ids of the visible incidents inside a test on canvas coordinates. */
    /** Ids of every incident at a container position `inside` accepts, shown by the filter or not:
     *  a map selection is a place, which the window meets with the other filters; holding only what
     *  they showed when it was drawn, it stayed narrow after one of them was removed. */
    idsWhere(inside) {
      const ids = [];
      this.forEachOnScreen((i, x, y) => { if (inside(x, y)) ids.push(this.data.id[i]); }, true);
      return ids;
    },

    categoryCounts() {
      const counts = new Array(this.data ? this.data.categories.length : 0).fill(0);
      if (!this.data) return counts;
      const vis = this.visible;
      for (let k = 0; k < vis.length; k++) counts[this.data.cat[vis[k]]]++;
      return counts;
    },
  });

  window.SMPoints = { IncidentLayer: IncidentLayer, localParts: localParts };
})();
