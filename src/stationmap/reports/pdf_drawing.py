"""Vector drawings for printed reports: a plan map and an hour x weekday chart.

Drawn straight onto a reportlab canvas in greys and line styles, so a page
photocopied in black and white at a police station still reads: streets in
grey by class, sectors as thick black outlines with their names, critical
points as numbered black discs. No browser, no network, no raster tiles.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from reportlab.lib import colors
from reportlab.pdfgen.canvas import FILL_EVEN_ODD, Canvas

from stationmap.maps.basemap.tiling import lonlat_to_mercator
from stationmap.maps.vector_features import PARK_KINDS, PARK_LAYERS, WATER_LAYERS, road_class
from stationmap.reports.label_placement import label_position, spread_markers

POINT_RADIUS = 6   # a critical point's disc, in points

ROAD_STYLE = {  # class -> (grey level, width in points)
    "motorway": (0.35, 2.2), "trunk": (0.35, 2.2), "primary": (0.40, 1.8), "secondary": (0.45, 1.4),
    "tertiary": (0.50, 1.1), "residential": (0.62, 0.6), "minor": (0.62, 0.6), "service": (0.72, 0.35),
    "path": (0.75, 0.3), "track": (0.75, 0.3),
}


@dataclass
class MapFrame:
    """Maps Web-Mercator metres into a rectangle of the page, keeping the aspect ratio."""

    x: float
    y: float
    width: float
    height: float
    bounds_m: tuple[float, float, float, float]

    def __post_init__(self) -> None:
        minx, miny, maxx, maxy = self.bounds_m
        self.scale = min(self.width / max(maxx - minx, 1e-9), self.height / max(maxy - miny, 1e-9))
        self.ox = self.x + (self.width - (maxx - minx) * self.scale) / 2 - minx * self.scale
        self.oy = self.y + (self.height - (maxy - miny) * self.scale) / 2 - miny * self.scale

    def page(self, mx: np.ndarray, my: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return self.ox + np.asarray(mx) * self.scale, self.oy + np.asarray(my) * self.scale


def frame_for(bounds_lonlat, x, y, width, height, margin=0.04) -> MapFrame:
    (minx, maxx), (miny, maxy) = lonlat_to_mercator(np.array(bounds_lonlat[0::2]), np.array(bounds_lonlat[1::2]))
    dx, dy = (maxx - minx) * margin, (maxy - miny) * margin
    return MapFrame(x, y, width, height, (minx - dx, miny - dy, maxx + dx, maxy + dy))


def _path(canvas: Canvas, frame: MapFrame, rings, close: bool):
    """One path of several rings (a polygon with holes is filled even-odd)."""
    path = canvas.beginPath()
    for coords in rings:
        arr = np.asarray(coords)
        px, py = frame.page(arr[:, 0], arr[:, 1])
        path.moveTo(px[0], py[0])
        for a, b in zip(px[1:], py[1:]):
            path.lineTo(a, b)
        if close:
            path.close()
    return path


def _draw_geometry(canvas: Canvas, frame: MapFrame, geometry, *, fill: bool, stroke: bool) -> None:
    for part in getattr(geometry, "geoms", [geometry]):
        if part.geom_type == "Polygon":
            rings = [part.exterior.coords] + [hole.coords for hole in part.interiors]
            canvas.drawPath(_path(canvas, frame, rings, True), fill=int(fill), stroke=int(stroke),
                            fillMode=FILL_EVEN_ODD)
        elif part.geom_type == "LineString" and len(part.coords) > 1:
            canvas.drawPath(_path(canvas, frame, [part.coords], False), fill=0, stroke=1)
        elif part.geom_type.startswith("Multi") or part.geom_type == "GeometryCollection":
            _draw_geometry(canvas, frame, part, fill=fill, stroke=stroke)


def draw_basemap(canvas: Canvas, frame: MapFrame, features) -> None:
    """Water and parks as light fills, then roads from minor to major."""
    canvas.saveState()
    clip = canvas.beginPath()
    clip.rect(frame.x, frame.y, frame.width, frame.height)
    canvas.clipPath(clip, stroke=0, fill=0)
    roads = []
    for layer, props, geometry in features:
        if layer in WATER_LAYERS:
            canvas.setFillGray(0.85); canvas.setStrokeGray(0.7); canvas.setLineWidth(0.4)
            _draw_geometry(canvas, frame, geometry, fill=geometry.geom_type.endswith("Polygon"), stroke=True)
        elif layer in PARK_LAYERS or (layer == "landuse" and props.get("kind") in PARK_KINDS):
            canvas.setFillGray(0.93)
            _draw_geometry(canvas, frame, geometry, fill=True, stroke=False)
        else:
            kind = road_class(layer, props)
            if kind is not None and layer != "transportation_name":
                roads.append((ROAD_STYLE.get(kind, ROAD_STYLE["minor"]), geometry))
    canvas.setLineCap(1); canvas.setLineJoin(1)
    for (grey, width), geometry in sorted(roads, key=lambda r: -r[0][0]):
        canvas.setStrokeGray(grey); canvas.setLineWidth(width)
        _draw_geometry(canvas, frame, geometry, fill=False, stroke=True)
    canvas.restoreState()


def draw_sectors(canvas: Canvas, frame: MapFrame, sectors, highlight: set[str] | None = None,
                 points=()) -> None:
    """Sector outlines (the highlighted ones bold) and names, placed clear of `points` (draw_points')."""
    canvas.saveState()
    obstacles = _points_on_page(frame, points)
    for sector in sectors:
        geometry = shapely.transform(sector.geometry, lambda c: np.column_stack(lonlat_to_mercator(c[:, 0], c[:, 1])))
        bold = highlight is None or sector.name in highlight
        canvas.setStrokeColor(colors.black); canvas.setLineWidth(1.6 if bold else 0.6)
        canvas.setDash([] if bold else [3, 2])
        _draw_geometry(canvas, frame, geometry, fill=False, stroke=True)
        on_page = shapely.transform(geometry, lambda c: np.column_stack(frame.page(c[:, 0], c[:, 1])))
        width = canvas.stringWidth(sector.name, "Helvetica-Bold", 8)
        # The label box is drawn from 3 pt below the baseline to 8 above: its centre is 2.5 pt up.
        x, y = label_position(on_page, obstacles, width / 2 + 2, 5.5, POINT_RADIUS + 1,
                              frame=(frame.x + 1, frame.y + 1, frame.x + frame.width - 1, frame.y + frame.height - 1))
        y -= 2.5
        canvas.setFont("Helvetica-Bold", 8)
        canvas.setFillColor(colors.white)
        canvas.rect(x - width / 2 - 2, y - 3, width + 4, 11, fill=1, stroke=0)
        canvas.setFillColor(colors.black)
        canvas.drawCentredString(x, y, sector.name)
    canvas.restoreState()


def _true_positions(frame: MapFrame, points) -> np.ndarray:
    if not points:
        return np.zeros((0, 2))
    mx, my = lonlat_to_mercator(np.array([p.lon for p in points]), np.array([p.lat for p in points]))
    return np.column_stack(frame.page(mx, my))


def _points_on_page(frame: MapFrame, points) -> np.ndarray:
    """Where draw_points puts the discs: at the points, moved apart where two would touch."""
    return spread_markers(_true_positions(frame, points), POINT_RADIUS, gap=3.0)


def draw_points(canvas: Canvas, frame: MapFrame, points, numbered: bool = True) -> None:
    """Numbered black discs; a disc moved off its point (to stay clear of a neighbour) has a thin line
    to a small dot on the point itself."""
    canvas.saveState()
    true_xy, shown_xy = _true_positions(frame, points), _points_on_page(frame, points)
    for (tx, ty), (px, py) in zip(true_xy, shown_xy):
        if np.hypot(px - tx, py - ty) > 0.5:
            canvas.setStrokeColor(colors.black); canvas.setFillColor(colors.black); canvas.setLineWidth(0.6)
            canvas.line(tx, ty, px, py)
            canvas.circle(tx, ty, 1.3, fill=1, stroke=0)
    for point, (px, py) in zip(points, shown_xy):
        canvas.setFillColor(colors.black); canvas.setStrokeColor(colors.white); canvas.setLineWidth(0.8)
        canvas.circle(px, py, POINT_RADIUS, fill=1, stroke=1)
        if numbered:
            canvas.setFillColor(colors.white); canvas.setFont("Helvetica-Bold", 6)
            canvas.drawCentredString(px, py - 2, point.code.replace("PC-", ""))
    canvas.restoreState()


def draw_scale_and_north(canvas: Canvas, frame: MapFrame, lat: float) -> None:
    """A metric scale bar (true metres at this latitude) and a north arrow."""
    metres_per_point = 1.0 / frame.scale * np.cos(np.radians(lat))
    target = metres_per_point * frame.width / 4
    nice = max(v for v in (50, 100, 200, 250, 500, 1000, 2000, 5000) if v <= max(target, 50))
    length = nice / metres_per_point
    x, y = frame.x + 8, frame.y + 8
    canvas.setFillColor(colors.white); canvas.rect(x - 4, y - 4, length + 40, 16, fill=1, stroke=0)
    canvas.setFillColor(colors.black); canvas.setStrokeColor(colors.black); canvas.setLineWidth(1)
    canvas.line(x, y, x + length, y); canvas.line(x, y, x, y + 4); canvas.line(x + length, y, x + length, y + 4)
    canvas.setFont("Helvetica", 7)
    canvas.drawString(x + length + 4, y, f"{nice if nice < 1000 else nice // 1000} {'m' if nice < 1000 else 'km'}")
    nx, ny = frame.x + frame.width - 16, frame.y + frame.height - 30
    path = canvas.beginPath(); path.moveTo(nx, ny + 18); path.lineTo(nx - 6, ny); path.lineTo(nx + 6, ny); path.close()
    canvas.drawPath(path, fill=1, stroke=0)
    canvas.setFont("Helvetica-Bold", 8); canvas.drawCentredString(nx, ny - 10, "N")


def draw_hour_weekday(canvas: Canvas, x: float, y: float, width: float, height: float,
                      matrix: np.ndarray, weekdays: list[str], highlight_hours: list[int] | None = None,
                      peak: float | None = None) -> None:
    """7 x 24 cells in greys (darker = more), the highlighted hours outlined in black. `peak`: the value
    of the darkest grey, to shade several charts on one scale (by default this chart's busiest cell)."""
    label_w, label_h = 22, 10
    cw, ch = (width - label_w) / 24, (height - label_h) / 7
    peak = float(peak if peak is not None else matrix.max()) or 1.0
    canvas.saveState()
    canvas.setFont("Helvetica", 6)
    for d in range(7):
        row_y = y + height - label_h - (d + 1) * ch
        canvas.setFillColor(colors.black)
        canvas.drawString(x, row_y + ch / 2 - 2, weekdays[d])
        for h in range(24):
            canvas.setFillGray(1.0 - 0.85 * min(float(matrix[d, h]) / peak, 1.0))
            canvas.setStrokeGray(0.8); canvas.setLineWidth(0.2)
            canvas.rect(x + label_w + h * cw, row_y, cw, ch, fill=1, stroke=1)
    canvas.setFillColor(colors.black)
    for h in range(0, 24, 2):
        canvas.drawCentredString(x + label_w + (h + 0.5) * cw, y + height - label_h + 2, f"{h:02d}")
    if highlight_hours:
        canvas.setStrokeColor(colors.black); canvas.setLineWidth(1.2)
        for h in highlight_hours:
            canvas.line(x + label_w + h * cw, y, x + label_w + (h + 1) * cw, y)
            canvas.line(x + label_w + h * cw, y + height - label_h, x + label_w + (h + 1) * cw, y + height - label_h)
    canvas.restoreState()
