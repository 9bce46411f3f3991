"""The "puntos críticos" list as files commanders and prosecutors open: CSV, XLSX, GeoJSON, KML.

Written from the same table the panel shows (code, street, incidents, main
categories, peak hours, position), so no personal data can leak; headers and
descriptions in `language` (default: the user's).
"""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape

import pandas as pd

from stationmap.analysis.critical_points import CriticalPoint
from stationmap.core.errors import StationMapError
from stationmap.io.table_export import export_table
from stationmap.reports.plan_tables import text as plan_text

COLUMN_KEYS = ("col_code", "col_street", "col_incidents", "col_weight", "col_crimes", "col_peak", "col_lat",
               "col_lon")


def critical_points_frame(points: list[CriticalPoint], language: str = "es") -> pd.DataFrame:
    """The list with headers in `language`; Spanish by default, because the window's table model keys
    its columns on the Spanish names (and shows its own translated headers)."""
    rows = []
    for point in points:
        rows.append([point.code, point.street, point.incidents, round(point.weight, 1), point.crimes_text(),
                     point.peak_text(), round(point.lat, 6), round(point.lon, 6)])
    return pd.DataFrame(rows, columns=[plan_text(key, language) for key in COLUMN_KEYS])


def critical_points_geojson(points: list[CriticalPoint], language: str = "es") -> dict:
    frame = critical_points_frame(points, language)
    lat, lon = frame.columns[-2], frame.columns[-1]
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [row[lon], row[lat]]},
                 "properties": {k: v for k, v in row.items() if k not in (lat, lon)}}
                for row in frame.to_dict("records")]
    return {"type": "FeatureCollection", "features": features}


def export_critical_points(points: list[CriticalPoint], path: str | Path, language: str | None = None) -> Path:
    """Write the list in `language` (default: the user's); the format follows the suffix
    (.csv, .xlsx, .geojson/.json, .kml)."""
    from stationmap.core.messages import current_language

    language = language or current_language()
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".csv", ".xlsx"):
        return export_table(critical_points_frame(points, language), path,
                            sheet_name=plan_text("table_points", language))
    if suffix in (".geojson", ".json"):
        text = json.dumps(critical_points_geojson(points, language), ensure_ascii=False)
    elif suffix == ".kml":
        text = _kml(points, language)
    else:
        raise StationMapError("hotspots.export_unsupported", file=path.name)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise StationMapError("table_export.write_failed", path=str(path), reason=exc.strerror or str(exc)) from exc
    return path


def _kml(points: list[CriticalPoint], language: str | None = None) -> str:
    parts = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>{escape(plan_text("table_points", language))}</name>',
             f"<description>{escape(plan_text('credit_points', language))}</description>"]
    for point, row in zip(points, critical_points_frame(points, language).values.tolist()):
        words = plan_text("points_summary_crimes", language, street=point.street, incidents=point.incidents,
                          crimes=row[4], peak=row[5])
        parts.append(f"<Placemark><name>{escape(point.code)}</name><description>{escape(words)}</description>"
                     f"<Point><coordinates>{row[7]},{row[6]}</coordinates></Point></Placemark>")
    parts.append("</Document></kml>")
    return "".join(parts)
