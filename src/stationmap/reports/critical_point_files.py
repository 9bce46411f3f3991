"""The "puntos críticos" list as files commanders and prosecutors open: CSV, XLSX, GeoJSON, KML.

Written from the same table the panel shows (code, street, incidents, main
categories, peak hours, position), so no personal data can leak.
"""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape

import pandas as pd

from stationmap.analysis.critical_points import CriticalPoint
from stationmap.core.errors import StationMapError
from stationmap.io.table_export import export_table

CREDIT = "Puntos críticos: StationMap. Calles: © OpenStreetMap contributors (ODbL)."
COLUMNS = ["Código", "Calle", "Incidentes", "Peso", "Delitos principales", "Horas pico", "Latitud", "Longitud"]


def critical_points_frame(points: list[CriticalPoint]) -> pd.DataFrame:
    rows = []
    for point in points:
        top = sorted(point.categories.items(), key=lambda kv: -kv[1])[:3]
        rows.append({"Código": point.code, "Calle": point.street, "Incidentes": point.incidents,
                     "Peso": round(point.weight, 1),
                     "Delitos principales": ", ".join(f"{k} ({v})" for k, v in top),
                     "Horas pico": ", ".join(f"{h:02d}:00" for h in point.peak_hours),
                     "Latitud": round(point.lat, 6), "Longitud": round(point.lon, 6)})
    return pd.DataFrame(rows, columns=COLUMNS)


def critical_points_geojson(points: list[CriticalPoint]) -> dict:
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [row["Longitud"], row["Latitud"]]},
                 "properties": {k: v for k, v in row.items() if k not in ("Latitud", "Longitud")}}
                for row in critical_points_frame(points).to_dict("records")]
    return {"type": "FeatureCollection", "features": features}


def export_critical_points(points: list[CriticalPoint], path: str | Path) -> Path:
    """Write the list; the format follows the suffix (.csv, .xlsx, .geojson/.json, .kml)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".csv", ".xlsx"):
        return export_table(critical_points_frame(points), path, sheet_name="Puntos críticos")
    if suffix in (".geojson", ".json"):
        text = json.dumps(critical_points_geojson(points), ensure_ascii=False)
    elif suffix == ".kml":
        text = _kml(points)
    else:
        raise StationMapError("hotspots.export_unsupported", file=path.name)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise StationMapError("table_export.write_failed", path=str(path), reason=exc.strerror or str(exc)) from exc
    return path


def _kml(points: list[CriticalPoint]) -> str:
    parts = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Puntos críticos</name>',
             f"<description>{escape(CREDIT)}</description>"]
    for row in critical_points_frame(points).to_dict("records"):
        text = (f"{row['Calle']} — {row['Incidentes']} incidentes; {row['Delitos principales']}; "
                f"horas pico {row['Horas pico']}")
        parts.append(f"<Placemark><name>{escape(row['Código'])}</name><description>{escape(text)}</description>"
                     f"<Point><coordinates>{row['Longitud']},{row['Latitud']}</coordinates></Point></Placemark>")
    parts.append("</Document></kml>")
    return "".join(parts)
