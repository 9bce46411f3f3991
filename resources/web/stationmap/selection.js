/* Box and lasso selection of incidents: a small toolbar; a drag draws the shape, release selects.
 * The map's own dragging is off while a tool is armed, and comes back after one selection. */
(function () {
  "use strict";

  function insidePolygon(x, y, pts) {
    let inside = false;
    for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
      const xi = pts[i].x, yi = pts[i].y, xj = pts[j].x, yj = pts[j].y;
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }

  const SelectionControl = L.Control.extend({
    options: { position: "topleft" },

    initialize(options) {
      L.setOptions(this, options);   // text, onSelect(ids), onClear(), layer
      this.mode = null;
      this.points = [];
      this.shape = null;
    },

    onAdd(map) {
      this._map = map;
      const bar = L.DomUtil.create("div", "leaflet-bar sm-select-bar");
      const text = this.options.text;
      this.buttons = {
        box: this._button(bar, "▭", text.select_box, () => this.arm("box")),
        lasso: this._button(bar, "◯", text.select_lasso, () => this.arm("lasso")),
        clear: this._button(bar, "✕", text.select_clear, () => this.clear()),
      };
      this.buttons.box.dataset.tool = "box";
      this.buttons.lasso.dataset.tool = "lasso";
      L.DomEvent.disableClickPropagation(bar);
      const container = map.getContainer();
      L.DomEvent.on(container, "mousedown", this._start, this);
      L.DomEvent.on(container, "mousemove", this._move, this);
      L.DomEvent.on(container, "mouseup", this._end, this);
      return bar;
    },

    _button(bar, symbol, title, action) {
      const a = L.DomUtil.create("a", "sm-select-button", bar);
      a.href = "#";
      a.textContent = symbol;
      a.title = title;
      a.setAttribute("role", "button");
      a.setAttribute("aria-label", title);
      L.DomEvent.on(a, "click", (e) => { L.DomEvent.preventDefault(e); action(); });
      return a;
    },

    busy() { return this.mode !== null; },

    arm(mode) {
      this.mode = this.mode === mode ? null : mode;
      for (const key of ["box", "lasso"]) this.buttons[key].classList.toggle("sm-active", this.mode === key);
      this._map.getContainer().classList.toggle("sm-selecting", this.mode !== null);
      if (this.mode) this._map.dragging.disable(); else this._map.dragging.enable();
    },

    clear() {
      this.removeShape();
      this.options.onClear();
    },

    _start(e) {
      if (!this.mode || e.button !== 0 || e.target.closest(".leaflet-control")) return;
      L.DomEvent.preventDefault(e);
      this.points = [this._map.mouseEventToContainerPoint(e)];
      this.removeShape();
    },

    _move(e) {
      if (!this.mode || this.points.length === 0) return;
      const p = this._map.mouseEventToContainerPoint(e);
      if (this.mode === "lasso") this.points.push(p); else this.points[1] = p;
      this._drawShape();
    },

    _end(e) {
      if (!this.mode || this.points.length < 2) { this.points = []; return; }
      const pts = this.points;
      this.points = [];
      let ids;
      if (this.mode === "box") {
        const x0 = Math.min(pts[0].x, pts[1].x), x1 = Math.max(pts[0].x, pts[1].x);
        const y0 = Math.min(pts[0].y, pts[1].y), y1 = Math.max(pts[0].y, pts[1].y);
        ids = this.options.layer.idsWhere((x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1);
      } else {
        ids = this.options.layer.idsWhere((x, y) => insidePolygon(x, y, pts));
      }
      this.arm(this.mode);  // back to panning after one selection
      this.options.onSelect(ids);
      L.DomEvent.stop(e);
    },

    _latlngs() {
      const map = this._map;
      if (this.mode === "box") {
        const [a, b] = this.points;
        return [[a.x, a.y], [b.x, a.y], [b.x, b.y], [a.x, b.y]].map((p) => map.containerPointToLatLng(p));
      }
      return this.points.map((p) => map.containerPointToLatLng(p));
    },

    _drawShape() {
      const latlngs = this._latlngs();
      if (this.shape) this.shape.setLatLngs(latlngs);
      else this.shape = L.polygon(latlngs, { color: "#111", weight: 1.5, dashArray: "4 3", fillOpacity: 0.08, interactive: false }).addTo(this._map);
    },

    /** The drawn box or lasso off the map (the selection it made was cleared elsewhere too). */
    removeShape() {
      if (this.shape) { this.shape.remove(); this.shape = null; }
    },
  });

  window.SMSelection = { SelectionControl: SelectionControl, insidePolygon: insidePolygon };
})();
