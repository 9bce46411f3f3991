"""Plan exports that need no software of ours: spreadsheets and GPS-friendly files.

- CSV (one per table, UTF-8 with BOM for Excel) and one XLSX with a sheet per table;
- GeoJSON and KML of sectors (polygons) and critical points (points);
- GPX waypoints of the critical points, which OsmAnd and other phone apps open offline.
Everything is written from the plan tables, so no personal data can leak, and in
one language (`language`, default the user's). File names and GeoJSON property
keys stay the same in every language, so scripts that read them keep working.
"""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape

import pandas as pd
import shapely

from stationmap.core.messages import current_language
from stationmap.planning.plan import PatrolPlan
from stationmap.reports.plan_tables import TABLE_IDS, plan_tables, sector_name, text

# Excel number formats for real dates and times (a spreadsheet sorts and filters them as such).
DATE_FORMAT, TIME_FORMAT = "dd/mm/yyyy", "hh:mm"


def write_tables(plan: PatrolPlan, folder: Path, language: str | None = None) -> list[Path]:
    language = language or current_language()
    written = []
    for table_id, table in zip(TABLE_IDS, plan_tables(plan, language).values()):
        path = folder / f"plan_{table_id}.csv"
        table.to_csv(path, index=False, encoding="utf-8-sig")
        written.append(path)
    xlsx = folder / "plan.xlsx"
    with pd.ExcelWriter(xlsx, engine="openpyxl") as writer:
        for name, table in plan_tables(plan, language, native=True).items():
            table.to_excel(writer, sheet_name=name[:31], index=False)
            _format_sheet(writer.sheets[name[:31]], table)
    written.append(xlsx)
    return written


def _format_sheet(sheet, table: pd.DataFrame) -> None:
    """Dates and times shown as dd/mm/yyyy and HH:MM; columns wide enough to read; header frozen."""
    from datetime import date, time

    from openpyxl.utils import get_column_letter

    for index, column in enumerate(table.columns, start=1):
        values = table[column]
        sample = values.iloc[0] if len(values) else None
        number_format = (TIME_FORMAT if isinstance(sample, time) else
                         DATE_FORMAT if isinstance(sample, date) else None)
        if number_format:
            # Written cell by cell: pandas leaves datetime.time values as text.
            for (cell,), value in zip(sheet.iter_rows(min_row=2, min_col=index, max_col=index), values):
                cell.value, cell.number_format = value, number_format
            longest = 10
        else:
            longest = max([len(str(column))] + [len(str(v)) for v in values.head(500)])
        sheet.column_dimensions[get_column_letter(index)].width = min(max(longest, len(str(column))) + 2, 80)
    sheet.freeze_panes = "A2"


def visits_per_point(plan: PatrolPlan) -> dict[str, int]:
    """How many visits the plan makes to each critical point over the whole period."""
    counts: dict[str, int] = {}
    for visits in plan.visits.values():
        for v in visits:
            counts[v.place] = counts.get(v.place, 0) + 1
    return counts


def _points(plan: PatrolPlan, language: str) -> list[dict]:
    """The critical points as plain values, whatever the table's column names in `language`."""
    visits = visits_per_point(plan)
    out = []
    for point, owner in zip(plan.critical_points, plan.point_sector):
        # "visited": the plan sends a unit there at least once; "in_sector": it lies in a sector (a point
        # in a sector may still get no visit when its sector's units cannot reach it in time).
        out.append({"code": point.code, "street": point.street, "sector": sector_name(plan, owner, language),
                    "in_sector": owner >= 0, "visits": visits.get(point.code, 0),
                    "visited": visits.get(point.code, 0) > 0, "incidents": int(point.incidents),
                    "lon": round(point.lon, 6),
                    "lat": round(point.lat, 6), "peak": point.peak_text()})
    return out


def plan_geojson(plan: PatrolPlan, language: str | None = None) -> dict:
    language = language or current_language()
    features = [{"type": "Feature", "geometry": json.loads(shapely.to_geojson(s.geometry)),
                 "properties": {"tipo": "sector", "nombre": s.name}} for s in plan.sectors]
    for row in _points(plan, language):
        features.append({"type": "Feature",
                         "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                         "properties": {"tipo": "punto_critico", "codigo": row["code"], "calle": row["street"],
                                        "sector": row["sector"], "patrullado": row["visited"],
                                        "visitas": row["visits"], "en_sector": row["in_sector"],
                                        "incidentes": row["incidents"], "horas_pico": row["peak"]}})
    return {"type": "FeatureCollection", "name": "plan_patrullaje",
            "attribution": text("credit_files", language), "features": features}


def write_geojson(plan: PatrolPlan, path: Path, language: str | None = None) -> Path:
    path.write_text(json.dumps(plan_geojson(plan, language), ensure_ascii=False), encoding="utf-8")
    return path


def write_kml(plan: PatrolPlan, path: Path, language: str | None = None) -> Path:
    lang = language or current_language()
    parts = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<kml xmlns="http://www.opengis.net/kml/2.2"><Document>',
             f"<name>{escape(text('title_period', lang, start=f'{plan.period_start:%d/%m/%Y}', end=f'{plan.period_end:%d/%m/%Y}'))}</name>",
             f"<description>{escape(text('credit_files', lang))}</description>",
             '<Style id="sector"><LineStyle><color>ff0000ff</color><width>2</width></LineStyle>'
             '<PolyStyle><color>220000ff</color></PolyStyle></Style>',
             f"<Folder><name>{escape(text('table_sectors', lang))}</name>"]
    for sector in plan.sectors:
        parts.append(f"<Placemark><name>{escape(sector.name)}</name><styleUrl>#sector</styleUrl>"
                     f"{_kml_geometry(sector.geometry)}</Placemark>")
    parts.append(f"</Folder><Folder><name>{escape(text('table_points', lang))}</name>")
    for row in _points(plan, lang):
        words = text("points_summary", lang, street=row["street"], incidents=row["incidents"], peak=row["peak"])
        if not row["in_sector"]:
            words = f"{row['sector']}. {words}"
        parts.append(f"<Placemark><name>{escape(row['code'])}</name><description>{escape(words)}</description>"
                     f"<Point><coordinates>{row['lon']},{row['lat']}</coordinates></Point></Placemark>")
    parts.append("</Folder></Document></kml>")
    path.write_text("".join(parts), encoding="utf-8")
    return path


def _kml_geometry(geometry) -> str:
    polygons = list(geometry.geoms) if geometry.geom_type == "MultiPolygon" else [geometry]
    out = []
    for polygon in polygons:
        rings = [f"<outerBoundaryIs><LinearRing><coordinates>{_coords(polygon.exterior.coords)}"
                 "</coordinates></LinearRing></outerBoundaryIs>"]
        rings += [f"<innerBoundaryIs><LinearRing><coordinates>{_coords(hole.coords)}</coordinates>"
                  "</LinearRing></innerBoundaryIs>" for hole in polygon.interiors]
        out.append("<Polygon>" + "".join(rings) + "</Polygon>")
    return out[0] if len(out) == 1 else "<MultiGeometry>" + "".join(out) + "</MultiGeometry>"


def _coords(coords) -> str:
    return " ".join(f"{x:.6f},{y:.6f}" for x, y in coords)


def write_gpx(plan: PatrolPlan, path: Path, language: str | None = None) -> Path:
    lang = language or current_language()
    parts = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<gpx version="1.1" creator="StationMap" xmlns="http://www.topografix.com/GPX/1/1">',
             f"<metadata><name>{escape(text('gpx_name', lang, start=f'{plan.period_start:%d/%m/%Y}'))}</name>"
             f"<desc>{escape(text('credit_files', lang))}</desc></metadata>"]
    for row in _points(plan, lang):
        name = f"{row['code']} {row['street']}".strip()
        words = text("gpx_desc", lang, sector=row["sector"], peak=row["peak"])
        parts.append(f'<wpt lat="{row["lat"]}" lon="{row["lon"]}"><name>{escape(name)}</name>'
                     f"<desc>{escape(words)}</desc><sym>{'Flag, Red' if row['visited'] else 'Flag, Blue'}</sym></wpt>")
    parts.append("</gpx>")
    path.write_text("".join(parts), encoding="utf-8")
    return path
