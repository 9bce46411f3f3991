"""Page geometry, tables and paragraphs shared by every printed report."""

from __future__ import annotations

from typing import Callable

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

PAGE_W, PAGE_H = A4
MARGIN = 36
CELL = ParagraphStyle("cell", fontName="Helvetica", fontSize=7, leading=8.4)


def _cell(value, width: float):
    """Plain text when it fits on one line; a wrapping Paragraph only when it must wrap
    (Paragraphs cost ~20x more to lay out, and a week's route cards have thousands of cells)."""
    if isinstance(value, Paragraph):
        return value
    text = str(value)
    if stringWidth(text, CELL.fontName, CELL.fontSize) <= width - 5 and "<" not in text:
        return text
    return Paragraph(text, CELL)


def _grid(rows: list[list], widths: list[float]) -> Table:
    """A grid table with a grey header row, which a split across pages repeats."""
    body = [[_cell(c, w) for c, w in zip(row, widths)] for row in rows]
    grid = Table(body, colWidths=widths, repeatRows=1)
    grid.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), CELL.fontName, CELL.fontSize, CELL.leading),
                              ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                              ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88)),
                              ("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
    return grid


def table(canvas: Canvas, rows: list[list], widths: list[float], x: float, top: float, max_h: float) -> float:
    """Draw a grid table with a grey header row below `top`; returns its height. The caller keeps it
    within `max_h` (by the rows it passes); table_across_pages continues a long one on new pages."""
    grid = _grid(rows, widths)
    _, height = grid.wrapOn(canvas, sum(widths), max_h)
    grid.drawOn(canvas, x, top - height)
    return height


def table_height(canvas: Canvas, rows: list[list], widths: list[float]) -> float:
    """How tall `table` would draw these rows."""
    return _grid(rows, widths).wrapOn(canvas, sum(widths), PAGE_H)[1]


def table_across_pages(canvas: Canvas, rows: list[list], widths: list[float], x: float, top: float,
                       bottom: float, next_page: Callable[[], float]) -> float:
    """Draw a grid table from `top` down to no lower than `bottom`, going on over as many pages as it
    needs, its header row repeated on each. `next_page()` ends the page and returns the new page's
    top. Returns the y just below the table's last row."""
    width = sum(widths)
    rest = _grid(rows, widths)
    fresh_page = False   # nothing of the table on this page yet, and the page was started for it
    while True:
        _, height = rest.wrapOn(canvas, width, top - bottom)
        if height <= top - bottom:
            rest.drawOn(canvas, x, top - height)
            return top - height
        parts = rest.split(width, top - bottom)
        if len(parts) < 2:
            if fresh_page:   # a single row taller than a page: drawn as it is rather than lost
                rest.drawOn(canvas, x, top - height)
                return top - height
            top, fresh_page = next_page(), True   # not even one row fits below what is on this page
            continue
        first, rest = parts[0], parts[1]
        _, height = first.wrapOn(canvas, width, top - bottom)
        first.drawOn(canvas, x, top - height)
        top, fresh_page = next_page(), True


def paragraphs(canvas: Canvas, lines: list[str], top: float, size: float = 9) -> float:
    """Draw wrapped paragraphs (reportlab mini-HTML) from `top` down; returns the new top."""
    style = ParagraphStyle("p", fontName="Helvetica", fontSize=size, leading=size * 1.3)
    for line in lines:
        paragraph = Paragraph(line, style)
        _, height = paragraph.wrapOn(canvas, PAGE_W - 2 * MARGIN, 400)
        paragraph.drawOn(canvas, MARGIN, top - height)
        top -= height + 3
    return top
