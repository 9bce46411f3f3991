"""SVG drawings for the self-contained HTML plan and brief: a map and an hour x weekday chart.

Inline SVG needs no script, no tiles and no network, scales on a phone, prints
crisply, and can be toggled layer by layer with plain CSS checkboxes. Streets
come from the basemap pack (vector features in Web-Mercator metres); the
density surface, when given, is embedded as a PNG data URI.
"""

from __future__ import annotations

import base64
from html import escape

import numpy as np
import shapely

from stationmap.core.numbers import mean_text
from stationmap.maps.basemap.tiling import lonlat_to_mercator
from stationmap.maps.vector_features import PARK_KINDS, PARK_LAYERS, WATER_LAYERS, road_class
from stationmap.reports.label_placement import label_position, spread_markers

ROAD_WIDTH = {"motorway": 3.2, "trunk": 3.2, "primary": 2.6, "secondary": 2.0, "tertiary": 1.6,
              "residential": 0.9, "minor": 0.9, "service": 0.5, "path": 0.4, "track": 0.4}
SVG_POINT_RADIUS = 9   # a critical point's disc, in the map's SVG units
VIRIDIS = ("#440154", "#472d7b", "#3b528b", "#2c728e", "#21918c", "#28ae80", "#5ec962", "#addc30", "#fde725")


class _View:
    """Web-Mercator metres -> SVG user units (y down), fitted to a width."""

    def __init__(self, bounds_lonlat, width: float = 1000.0, margin: float = 0.04) -> None:
        (x0, x1), (y0, y1) = lonlat_to_mercator(np.array(bounds_lonlat[0::2]), np.array(bounds_lonlat[1::2]))
        dx, dy = (x1 - x0) * margin, (y1 - y0) * margin
        self.x0, self.y1 = x0 - dx, y1 + dy
        self.scale = width / ((x1 - x0) + 2 * dx)
        self.width, self.height = width, ((y1 - y0) + 2 * dy) * self.scale

    def xy(self, mx, my) -> tuple[np.ndarray, np.ndarray]:
        return (np.asarray(mx) - self.x0) * self.scale, (self.y1 - np.asarray(my)) * self.scale

    def path(self, geometry) -> str:
        parts = []
        for part in getattr(geometry, "geoms", [geometry]):
            rings = ([part.exterior.coords, *[h.coords for h in part.interiors]] if part.geom_type == "Polygon"
                     else [part.coords] if part.geom_type == "LineString" else [])
            for ring in rings:
                arr = np.asarray(ring)
                if len(arr) < 2:
                    continue
                x, y = self.xy(arr[:, 0], arr[:, 1])
                close = "Z" if part.geom_type == "Polygon" else ""
                parts.append("M" + "L".join(f"{a:.1f},{b:.1f}" for a, b in zip(x, y)) + close)
            if part.geom_type in ("MultiPolygon", "MultiLineString", "GeometryCollection"):
                parts.append(self.path(part))
        return "".join(parts)


def _mercator(geometry):
    return shapely.transform(geometry, lambda c: np.column_stack(lonlat_to_mercator(c[:, 0], c[:, 1])))


def map_svg(bounds_lonlat, *, features=(), sectors=(), points=(), new_points=frozenset(), density=None,
            highlight: set[str] | None = None, unit: str = "incidentes") -> str:
    """One <svg> with groups basemap / density / sectors / points (CSS-toggleable by class);
    `unit` names what a point's count counts in its tool tip, in the document's language."""
    view = _View(bounds_lonlat)
    water, parks, roads = [], [], {}
    for layer, props, geometry in features:
        if layer in WATER_LAYERS:
            water.append(view.path(geometry))
        elif layer in PARK_LAYERS or (layer == "landuse" and props.get("kind") in PARK_KINDS):
            parks.append(view.path(geometry))
        else:
            kind = road_class(layer, props)
            if kind is not None and layer != "transportation_name":
                roads.setdefault(ROAD_WIDTH.get(kind, 0.9), []).append(view.path(geometry))
    out = [f'<svg class="map" viewBox="0 0 {view.width:.0f} {view.height:.0f}" '
           'role="img" aria-label="Mapa">',
           '<g class="layer-basemap">',
           f'<path d="{"".join(parks)}" fill="#e3efd8" stroke="none"/>',
           f'<path d="{"".join(water)}" fill="#cfe3f3" stroke="#a9c9e4" stroke-width="0.5"/>']
    for width, paths in sorted(roads.items()):
        out.append(f'<path d="{"".join(paths)}" fill="none" stroke="#9a9a9a" stroke-width="{width}" '
                   'stroke-linecap="round" stroke-linejoin="round"/>')
    out.append("</g>")
    if density is not None:
        west, south, east, north = density.image_bounds_lonlat
        (mx0, mx1), (my0, my1) = lonlat_to_mercator(np.array([west, east]), np.array([south, north]))
        (px0, px1), (py1, py0) = view.xy(np.array([mx0, mx1]), np.array([my0, my1]))
        data = base64.b64encode(density.to_png("ylorrd", opacity=0.75)).decode("ascii")
        out.append(f'<g class="layer-density"><image x="{px0:.1f}" y="{py0:.1f}" width="{px1 - px0:.1f}" '
                   f'height="{py1 - py0:.1f}" preserveAspectRatio="none" href="data:image/png;base64,{data}"/></g>')
    out.append('<g class="layer-sectors">')
    if points:
        mx, my = lonlat_to_mercator(np.array([p.lon for p in points]), np.array([p.lat for p in points]))
        true_xy = np.column_stack(view.xy(mx, my))
    else:
        true_xy = np.zeros((0, 2))
    # Discs moved apart where two would touch; the names of sectors keep clear of where they are drawn.
    obstacles = spread_markers(true_xy, SVG_POINT_RADIUS, gap=3.0)
    for sector in sectors:
        geometry = _mercator(sector.geometry)
        bold = highlight is None or sector.name in highlight
        on_page = shapely.transform(geometry, lambda c: np.column_stack(view.xy(c[:, 0], c[:, 1])))
        # .sector-label: bold 15px, centred on x, baseline at y (the box's centre is 5 units above it).
        half_width = 0.6 * 15 * len(sector.name) / 2 + 2
        lx, ly = label_position(on_page, obstacles, half_width, 9, SVG_POINT_RADIUS + 1,
                                frame=(1, 1, view.width - 1, view.height - 1))
        ly += 5
        out.append(f'<path d="{view.path(geometry)}" fill="none" stroke="#000" '
                   f'stroke-width="{2.4 if bold else 1}"{"" if bold else " stroke-dasharray=\"5 4\""}>'
                   f"<title>{escape(sector.name)}</title></path>"
                   f'<text x="{float(lx):.1f}" y="{float(ly):.1f}" class="sector-label">{escape(sector.name)}</text>')
    out.append('</g><g class="layer-points">')
    for point, (tx, ty), (sx, sy) in zip(points, true_xy, obstacles):
        px, py = np.array([sx]), np.array([sy])
        if np.hypot(sx - tx, sy - ty) > 0.5:   # a moved disc: a thin line back to its point
            out.append(f'<line x1="{tx:.1f}" y1="{ty:.1f}" x2="{sx:.1f}" y2="{sy:.1f}" stroke="#111" '
                       f'stroke-width="1.2"/><circle cx="{tx:.1f}" cy="{ty:.1f}" r="2.2" fill="#111"/>')
        ring = ' stroke="#d7191c" stroke-width="3"' if point.code in new_points else ' stroke="#fff" stroke-width="1.5"'
        out.append(f'<g><circle cx="{float(px[0]):.1f}" cy="{float(py[0]):.1f}" r="{SVG_POINT_RADIUS}" '
                   f'fill="#111"{ring}/>'
                   f'<text x="{float(px[0]):.1f}" y="{float(py[0]) + 3.5:.1f}" class="point-label">'
                   f'{escape(point.code.replace("PC-", ""))}</text>'
                   f"<title>{escape(point.code)} {escape(point.street)}: {point.incidents} {escape(unit)}</title></g>")
    out.append("</g></svg>")
    return "".join(out)


def cell_text(value: float) -> str:
    """A cell's figure for its tool tip: never "0" for a cell that has some (aoristic) share of an
    incident, since such a cell is coloured, not grey."""
    value = float(value)
    if value <= 0:
        return "0"
    if value < 0.005:
        return "< 0.01"
    if value < 0.05:
        return f"{value:.2f}"   # a small aoristic share, shown as the fraction it is
    return mean_text(value)


def heat_svg(matrix: np.ndarray, weekdays: list[str], highlight_hours: list[int] | None = None,
             unit: str = "incidentes", unit_one: str | None = None, peak: float | None = None) -> str:
    """7 x 24 cells coloured with viridis, with a colour key under them; hovering a cell shows its value.

    `unit_one`: the unit for exactly one ("incidente"); `peak`: the value of the top colour, to shade
    several charts on one scale (by default this chart's busiest cell)."""
    cell, left, top, key_h = 26, 34, 16, 22
    peak = float(peak if peak is not None else matrix.max()) or 1.0
    unit_one = unit if unit_one is None else unit_one
    out = [f'<svg class="heat" viewBox="0 0 {left + 24 * cell} {top + 7 * cell + key_h}">']
    for h in range(0, 24, 2):
        out.append(f'<text x="{left + (h + 0.5) * cell:.0f}" y="11" class="axis">{h:02d}</text>')
    for d in range(7):
        out.append(f'<text x="2" y="{top + (d + 0.65) * cell:.0f}" class="axis">{escape(weekdays[d])}</text>')
        for h in range(24):
            value = float(matrix[d, h])
            colour = VIRIDIS[min(int(value / peak * (len(VIRIDIS) - 1) + 0.5), len(VIRIDIS) - 1)] if value > 0 else "#f4f4f4"
            out.append(f'<rect x="{left + h * cell}" y="{top + d * cell}" width="{cell - 1}" height="{cell - 1}" '
                       f'fill="{colour}"><title>{escape(weekdays[d])} {h:02d}:00: {escape(cell_text(value))} '
                       f'{escape(unit_one if cell_text(value) == "1" else unit)}</title></rect>')
    for h in highlight_hours or []:
        out.append(f'<rect x="{left + h * cell}" y="{top}" width="{cell - 1}" height="{7 * cell - 1}" '
                   'fill="none" stroke="#000" stroke-width="2"/>')
    # The key: from no incidents to the busiest hour's figure, so a reader can tell what a colour means.
    key_y, swatch = top + 7 * cell + 6, 18
    out.append(f'<text x="{left}" y="{key_y + 10}" class="axis">0</text>')
    for k, colour in enumerate(("#f4f4f4",) + VIRIDIS):
        out.append(f'<rect x="{left + 14 + k * swatch}" y="{key_y}" width="{swatch}" height="12" fill="{colour}"/>')
    out.append(f'<text x="{left + 20 + (len(VIRIDIS) + 1) * swatch}" y="{key_y + 10}" class="axis">'
               f'{mean_text(peak)} {escape(unit)}</text>')
    out.append("</svg>")
    return "".join(out)
