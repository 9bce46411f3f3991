"""Read jurisdiction and sector polygons from the files stations really have.

GeoJSON, KML/KMZ (Google Earth, My Maps), Shapefile (loose or zipped, via the
pure-Python pyshp so the Windows build needs no GDAL) and GeoPackage (an SQLite
file: read with sqlite3 and shapely's WKB parser). Any CRS is reprojected to
lon/lat with pyproj. Invalid rings are repaired with shapely.make_valid and the
repair is reported; a file that yields no polygon raises a coded GeometryError.
"""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import shapely
from shapely.geometry import MultiPolygon, Polygon, shape

from stationmap.core.errors import GeometryError
from stationmap.core.model import Warning_

POLYGON_SUFFIXES = (".geojson", ".json", ".kml", ".kmz", ".shp", ".zip", ".gpkg")


@dataclass
class PolygonFeature:
    geometry: Polygon | MultiPolygon   # lon/lat (EPSG:4326)
    name: str
    properties: dict[str, Any] = field(default_factory=dict)


@dataclass
class PolygonLayer:
    features: list[PolygonFeature]
    source_crs: str
    warnings: list[Warning_] = field(default_factory=list)


def read_polygons(path: str | Path) -> PolygonLayer:
    path = Path(path)
    if not path.exists():
        raise GeometryError("geo.not_found", file=path.name)
    suffix = path.suffix.lower()
    readers = {".geojson": _read_geojson, ".json": _read_geojson, ".kml": _read_kml,
               ".kmz": _read_kmz, ".shp": _read_shapefile, ".zip": _read_zipped_shapefile,
               ".gpkg": _read_geopackage}
    if suffix not in readers:
        raise GeometryError("geo.unsupported", file=path.name, suffix=suffix)
    try:
        raw, crs = readers[suffix](path)
    except GeometryError:
        raise
    except Exception as exc:  # a corrupt file of any kind: say which file, keep the detail for the log
        raise GeometryError("geo.unreadable", file=path.name, detail=str(exc)[:200]) from exc
    return _clean(path.name, raw, crs)


def _clean(file: str, raw: list[tuple[Any, dict]], crs: str) -> PolygonLayer:
    to_lonlat = _reprojector(crs)
    features, warnings = [], []
    skipped = 0
    for index, (geom, props) in enumerate(raw, start=1):
        if geom is None or geom.is_empty:
            skipped += 1
            continue
        if to_lonlat is not None:
            geom = shapely.transform(geom, to_lonlat, interleaved=False)
        if not geom.is_valid:
            reason = shapely.is_valid_reason(geom)
            geom = shapely.make_valid(geom)
            warnings.append(Warning_(file, "geo.repaired", {"feature": index, "reason": reason}))
        polygonal = _polygonal_part(geom)
        if polygonal is None:
            skipped += 1
            continue
        name = _feature_name(props, index)
        features.append(PolygonFeature(polygonal, name, props))
    if skipped:
        warnings.append(Warning_(file, "geo.skipped_features", {"count": skipped}))
    if not features:
        raise GeometryError("geo.no_polygons", file=file)
    _check_plausible(file, features)
    return PolygonLayer(features, crs, warnings)


def _polygonal_part(geom) -> Polygon | MultiPolygon | None:
    if isinstance(geom, (Polygon, MultiPolygon)):
        return geom
    parts = [g for g in getattr(geom, "geoms", []) if isinstance(g, (Polygon, MultiPolygon))]
    if not parts:
        return None
    merged = shapely.union_all(parts)
    return merged if isinstance(merged, (Polygon, MultiPolygon)) else None


def _feature_name(props: dict, index: int) -> str:
    for key in ("name", "nombre", "NOMBRE", "Name", "sector", "SECTOR", "cuadrante", "NOMBDIST", "id"):
        value = props.get(key)
        if value not in (None, ""):
            return str(value)
    return f"Polígono {index}"


def _check_plausible(file: str, features: list[PolygonFeature]) -> None:
    minx, miny, maxx, maxy = shapely.union_all([f.geometry for f in features]).bounds
    if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
        # Projected metres read as degrees: the file's CRS was missing or wrong.
        raise GeometryError("geo.bad_crs", file=file)


def _reprojector(crs: str):
    if crs.upper() in ("EPSG:4326", "OGC:CRS84", "WGS84"):
        return None
    from pyproj import CRS, Transformer

    try:
        source = CRS.from_user_input(crs)
    except Exception as exc:
        raise GeometryError("geo.unknown_crs", crs=str(crs)[:80]) from exc
    if source.equals(CRS.from_epsg(4326), ignore_axis_order=True):
        return None
    return Transformer.from_crs(source, 4326, always_xy=True).transform


# --- GeoJSON ------------------------------------------------------------------------------
def _read_geojson(path: Path):
    data = json.loads(path.read_text(encoding="utf-8-sig"))
    crs = "EPSG:4326"
    name = (data.get("crs") or {}).get("properties", {}).get("name")
    if name:
        crs = name.replace("urn:ogc:def:crs:", "").replace("::", ":")
    if data.get("type") == "FeatureCollection":
        items = data.get("features") or []
    elif data.get("type") == "Feature":
        items = [data]
    else:
        items = [{"type": "Feature", "geometry": data, "properties": {}}]
    raw = []
    for feature in items:
        geometry = feature.get("geometry")
        raw.append((shape(geometry) if geometry else None, feature.get("properties") or {}))
    return raw, crs


# --- KML / KMZ ----------------------------------------------------------------------------
def _read_kmz(path: Path):
    with zipfile.ZipFile(path) as archive:
        kml_names = [n for n in archive.namelist() if n.lower().endswith(".kml")]
        if not kml_names:
            raise GeometryError("geo.no_polygons", file=path.name)
        return _parse_kml(archive.read(kml_names[0]))


def _read_kml(path: Path):
    return _parse_kml(path.read_bytes())


def _parse_kml(content: bytes):
    root = ElementTree.fromstring(content)
    raw = []
    for placemark in root.iter():
        if _local(placemark.tag) != "Placemark":
            continue
        props = {}
        for child in placemark:
            if _local(child.tag) in ("name", "description") and child.text:
                props[_local(child.tag)] = child.text.strip()
        polygons = [_kml_polygon(p) for p in placemark.iter() if _local(p.tag) == "Polygon"]
        polygons = [p for p in polygons if p is not None]
        geometry = None
        if len(polygons) == 1:
            geometry = polygons[0]
        elif polygons:
            geometry = MultiPolygon(polygons)
        raw.append((geometry, props))
    return raw, "EPSG:4326"  # KML is always WGS84 lon,lat[,alt]


def _kml_polygon(element) -> Polygon | None:
    outer, holes = None, []
    for boundary in element:
        kind = _local(boundary.tag)
        coords = next((c for c in boundary.iter() if _local(c.tag) == "coordinates"), None)
        if coords is None or not coords.text:
            continue
        ring = [tuple(float(v) for v in token.split(",")[:2]) for token in coords.text.split()]
        if kind == "outerBoundaryIs":
            outer = ring
        elif kind == "innerBoundaryIs":
            holes.append(ring)
    return Polygon(outer, holes) if outer and len(outer) >= 3 else None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


# --- Shapefile ----------------------------------------------------------------------------
def _read_shapefile(path: Path):
    import shapefile  # pyshp

    prj = path.with_suffix(".prj")
    crs = prj.read_text(errors="replace") if prj.exists() else "EPSG:4326"
    with shapefile.Reader(str(path)) as reader:
        return _shapes(reader), crs


def _read_zipped_shapefile(path: Path):
    import shapefile

    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        shp = next((n for n in names if n.lower().endswith(".shp")), None)
        if shp is None:
            raise GeometryError("geo.zip_without_shapefile", file=path.name)
        stem = shp[:-4]

        def member(ext: str):
            match = next((n for n in names if n.lower() == (stem + ext).lower()), None)
            return io.BytesIO(archive.read(match)) if match else None

        prj = member(".prj")
        crs = prj.read().decode("utf-8", "replace") if prj else "EPSG:4326"
        with shapefile.Reader(shp=member(".shp"), shx=member(".shx"), dbf=member(".dbf")) as reader:
            return _shapes(reader), crs


def _shapes(reader) -> list[tuple[Any, dict]]:
    raw = []
    for record in reader.iterShapeRecords():
        geo = record.shape.__geo_interface__
        geometry = shape(geo) if geo.get("coordinates") else None
        raw.append((geometry, dict(record.record.as_dict())))
    return raw


# --- GeoPackage ---------------------------------------------------------------------------
def _read_geopackage(path: Path):
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        table, column, srs_id = connection.execute(
            "SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c "
            "JOIN gpkg_geometry_columns g ON g.table_name = c.table_name "
            "WHERE c.data_type = 'features' LIMIT 1").fetchone()
        definition = connection.execute(
            "SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys "
            "WHERE srs_id = ?", (srs_id,)).fetchone()
        crs = f"{definition[0]}:{definition[1]}" if definition and definition[0] else "EPSG:4326"
        cursor = connection.execute(f'SELECT * FROM "{table}"')
        names = [d[0] for d in cursor.description]
        raw = []
        for row in cursor:
            values = dict(zip(names, row))
            blob = values.pop(column)
            raw.append((_gpkg_geometry(blob), values))
        return raw, crs
    finally:
        connection.close()


def _gpkg_geometry(blob: bytes | None):
    """Strip the GeoPackage binary header (magic, flags, envelope) and parse the WKB."""
    if not blob or blob[:2] != b"GP":
        return None
    flags = blob[3]
    envelope_bytes = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}.get((flags >> 1) & 0b111, 0)
    if flags & 0b10000:  # empty geometry flag
        return None
    return shapely.from_wkb(blob[8 + envelope_bytes:])
