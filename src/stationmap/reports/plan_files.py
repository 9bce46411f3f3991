"""Plan exports that need no software of ours: spreadsheets and GPS-friendly files.

- CSV (one per table, UTF-8 with BOM for Excel) and one XLSX with a sheet per table;
- GeoJSON and KML of sectors (polygons) and critical points (points);
- GPX waypoints of the critical points, which OsmAnd and other phone apps open offline.
Everything is written from the plan tables, so no personal data can leak.
"""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape

import pandas as pd
import shapely

from stationmap.planning.plan import PatrolPlan
from stationmap.reports.plan_tables import critical_points_table, plan_tables

CREDIT = "Sectores y puntos críticos: StationMap. Calles: © OpenStreetMap contributors (ODbL)."


def write_tables(plan: PatrolPlan, folder: Path) -> list[Path]:
    tables = plan_tables(plan)
    written = []
    for name, table in tables.items():
        path = folder / f"plan_{_slug(name)}.csv"
        table.to_csv(path, index=False, encoding="utf-8-sig")
        written.append(path)
    xlsx = folder / "plan.xlsx"
    with pd.ExcelWriter(xlsx, engine="openpyxl") as writer:
        for name, table in tables.items():
            table.to_excel(writer, sheet_name=name[:31], index=False)
    written.append(xlsx)
    return written


def plan_geojson(plan: PatrolPlan) -> dict:
    features = [{"type": "Feature", "geometry": json.loads(shapely.to_geojson(s.geometry)),
                 "properties": {"tipo": "sector", "nombre": s.name}} for s in plan.sectors]
    for row in critical_points_table(plan).to_dict("records"):
        features.append({"type": "Feature",
                         "geometry": {"type": "Point", "coordinates": [row["Longitud"], row["Latitud"]]},
                         "properties": {"tipo": "punto_critico", "codigo": row["Código"], "calle": row["Calle"],
                                        "sector": row["Sector"], "incidentes": int(row["Incidentes"]),
                                        "horas_pico": row["Horas pico"]}})
    return {"type": "FeatureCollection", "name": "plan_patrullaje", "attribution": CREDIT, "features": features}


def write_geojson(plan: PatrolPlan, path: Path) -> Path:
    path.write_text(json.dumps(plan_geojson(plan), ensure_ascii=False), encoding="utf-8")
    return path


def write_kml(plan: PatrolPlan, path: Path) -> Path:
    parts = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<kml xmlns="http://www.opengis.net/kml/2.2"><Document>',
             f"<name>Plan de patrullaje {plan.period_start:%d/%m/%Y}–{plan.period_end:%d/%m/%Y}</name>",
             f"<description>{escape(CREDIT)}</description>",
             '<Style id="sector"><LineStyle><color>ff0000ff</color><width>2</width></LineStyle>'
             '<PolyStyle><color>220000ff</color></PolyStyle></Style>',
             "<Folder><name>Sectores</name>"]
    for sector in plan.sectors:
        parts.append(f"<Placemark><name>{escape(sector.name)}</name><styleUrl>#sector</styleUrl>"
                     f"{_kml_geometry(sector.geometry)}</Placemark>")
    parts.append("</Folder><Folder><name>Puntos críticos</name>")
    for row in critical_points_table(plan).to_dict("records"):
        text = f"{row['Calle']} — {row['Incidentes']} incidentes; horas pico {row['Horas pico']}"
        parts.append(f"<Placemark><name>{escape(row['Código'])}</name><description>{escape(text)}</description>"
                     f"<Point><coordinates>{row['Longitud']},{row['Latitud']}</coordinates></Point></Placemark>")
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


def write_gpx(plan: PatrolPlan, path: Path) -> Path:
    parts = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<gpx version="1.1" creator="StationMap" xmlns="http://www.topografix.com/GPX/1/1">',
             f"<metadata><name>Puntos críticos {plan.period_start:%d/%m/%Y}</name>"
             f"<desc>{escape(CREDIT)}</desc></metadata>"]
    for row in critical_points_table(plan).to_dict("records"):
        name = f"{row['Código']} {row['Calle']}".strip()
        parts.append(f'<wpt lat="{row["Latitud"]}" lon="{row["Longitud"]}"><name>{escape(name)}</name>'
                     f"<desc>{escape(row['Sector'])}; horas pico {escape(row['Horas pico'])}</desc>"
                     "<sym>Flag, Red</sym></wpt>")
    parts.append("</gpx>")
    path.write_text("".join(parts), encoding="utf-8")
    return path


def _slug(name: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "_".join(plain.lower().split())
