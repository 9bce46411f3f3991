"""Charts to PNG and SVG files, from a visible panel or headless for reports.

PNG is the widget as drawn at the requested size, so a printed plan shows the
same picture the commander saw. SVG is the same drawing through Qt's SVG paint
device: text, lines and bars stay vectors (sharp in the brief), the heat
cells are embedded as an image. pyqtgraph's own SVGExporter cannot be used: with
Qt 6.12 it fails parsing the paths Qt writes (pyqtgraph issue #3485).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from stationmap.analysis.temporal import TemporalSummary
from stationmap.core.errors import StationMapError
from stationmap.core.shifts import DEFAULT_SHIFTS, ShiftPlan


def save_chart(chart: QWidget, path: str | Path, width: int | None = None,
               height: int | None = None) -> Path:
    """Write `chart` to `path` as PNG or SVG (by suffix), at its size or the one given."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise StationMapError("chart_export.format", suffix=path.suffix or path.name)
    if width and height:
        chart.resize(width, height)
    if suffix == ".png":
        ok = chart.grab().save(str(path), "PNG")
    else:
        ok = _save_svg(chart, path)
    if not ok:
        raise StationMapError("table_export.write_failed", path=str(path), reason="Qt")
    return path


def _save_svg(chart: QWidget, path: Path) -> bool:
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    chart.grab()  # lays out a widget never shown (headless reports) at its size first
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(chart.size())
    generator.setViewBox(chart.rect())
    generator.setTitle("StationMap")
    generator.setResolution(chart.logicalDpiX())  # else text and axes are laid out at 90 dpi
    painter = QPainter(generator)
    try:
        chart.render(painter)
    finally:
        ok = painter.end()
    return ok and path.exists()


def _ensure_application() -> None:
    """Reports may run from the command line, where no QApplication exists yet."""
    if QApplication.instance() is None:
        # Kept alive on the module so Qt objects made later still have their application.
        global _HEADLESS_APP
        _HEADLESS_APP = QApplication([sys.argv[0] if sys.argv else "stationmap",
                                      "-platform", "offscreen"])


_HEADLESS_APP: QApplication | None = None


def render_heat_chart(summary: TemporalSummary, path: str | Path, width: int = 900,
                      height: int = 340, shifts: ShiftPlan = DEFAULT_SHIFTS,
                      language: str | None = None,
                      selected: frozenset[tuple[int, int]] | None = None) -> Path:
    """Draw the hour x weekday chart of `summary` to a PNG or SVG file without showing it."""
    from stationmap.ui.charts.heat_chart import HeatChart

    _ensure_application()
    chart = HeatChart(shifts=shifts, language=language)
    try:
        chart.set_summary(summary, selected)
        return save_chart(chart, path, width, height)
    finally:
        chart.deleteLater()


def render_heat_chart_png(summary: TemporalSummary, path: str | Path, width: int = 900,
                          height: int = 340, **options) -> Path:
    """The PNG the plan and the weekly brief embed (see `render_heat_chart`)."""
    return render_heat_chart(summary, Path(path).with_suffix(".png"), width, height, **options)
