"""Sector generation, assignment and polygon import in every format, with bad files."""

from __future__ import annotations

import json
import sqlite3
import zipfile

import numpy as np
import pytest
import shapely
from shapely.geometry import Polygon, box, shape

from conftest import shared_path
from stationmap.core.errors import GeometryError
from stationmap.io.polygons import read_polygons
from stationmap.planning.sectors import assign_sectors, balanced_sectors, grid_sectors


@pytest.fixture(scope="module")
def el_porvenir():
    path = shared_path("geo", "peru-limits-inei2007-juaneladio", "peru_distrital_simple.geojson")
    data = json.loads(path.read_text())
    for feature in data["features"]:
        if feature["properties"].get("IDDIST") == "130102":
            return shape(feature["geometry"])
    pytest.fail("El Porvenir (130102) not in the district file")


def test_grid_sectors_cover_the_jurisdiction_without_overlap(el_porvenir):
    sectors = grid_sectors(el_porvenir, 1000)
    union = shapely.union_all([s.geometry for s in sectors])
    assert union.symmetric_difference(el_porvenir).area / el_porvenir.area < 0.01
    total = sum(s.geometry.area for s in sectors)
    assert total == pytest.approx(union.area, rel=1e-6)  # no overlaps
    width = len(str(len(sectors)))
    assert [s.name for s in sectors[:2]] == [f"C-{1:0{width}d}", f"C-{2:0{width}d}"]


def test_balanced_sectors_are_contiguous_and_share_the_load(el_porvenir):
    rng = np.random.default_rng(5)
    minx, miny, maxx, maxy = el_porvenir.bounds
    lon = rng.uniform(minx, maxx, 20000); lat = rng.uniform(miny, maxy, 20000)
    inside = shapely.contains_xy(el_porvenir, lon, lat)
    lon, lat = lon[inside], lat[inside]
    # A dense cluster in one corner: equal workload means smaller sectors there.
    cx, cy = el_porvenir.representative_point().coords[0]
    lon = np.r_[lon, rng.normal(cx, 0.002, 6000)]; lat = np.r_[lat, rng.normal(cy, 0.002, 6000)]
    sectors = balanced_sectors(el_porvenir, lon, lat, None, 6, cell_m=150)
    assert len(sectors) == 6
    for s in sectors:
        assert s.geometry.geom_type == "Polygon" or len(s.geometry.geoms) == 1, f"{s.name} is in pieces"
    idx = assign_sectors(lon, lat, sectors)
    loads = np.bincount(idx[idx >= 0], minlength=6)
    assert loads.max() / loads.min() < 2.0, loads
    areas = [s.geometry.area for s in sectors]
    assert max(areas) / min(areas) > 2  # the dense corner got smaller sectors


def test_assignment_matches_shapely_point_in_polygon(el_porvenir):
    sectors = grid_sectors(el_porvenir, 700)
    rng = np.random.default_rng(2)
    minx, miny, maxx, maxy = el_porvenir.bounds
    lon = rng.uniform(minx - 0.01, maxx + 0.01, 5000); lat = rng.uniform(miny - 0.01, maxy + 0.01, 5000)
    lon[:3] = np.nan
    idx = assign_sectors(lon, lat, sectors)
    assert (idx[:3] == -1).all()
    for i in rng.choice(np.arange(3, 5000), 300, replace=False):
        expected = [k for k, s in enumerate(sectors) if s.geometry.intersects(shapely.Point(lon[i], lat[i]))]
        assert idx[i] == (expected[0] if expected else -1)
    assert (idx == -1).sum() > 0  # points outside the jurisdiction are counted, not dropped


SQUARE = box(-79.03, -8.06, -79.02, -8.05)


def test_geojson_with_projected_crs_is_reprojected(tmp_path):
    from pyproj import Transformer

    fwd = Transformer.from_crs(4326, 32717, always_xy=True)
    ring = [fwd.transform(x, y) for x, y in SQUARE.exterior.coords]
    path = tmp_path / "sector.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection",
                                "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32717"}},
                                "features": [{"type": "Feature", "properties": {"nombre": "Sector 1"},
                                              "geometry": {"type": "Polygon", "coordinates": [ring]}}]}))
    layer = read_polygons(path)
    assert layer.features[0].name == "Sector 1"
    assert layer.features[0].geometry.symmetric_difference(SQUARE).area < 1e-10


def test_kml_and_kmz(tmp_path):
    coords = " ".join(f"{x},{y},0" for x, y in SQUARE.exterior.coords)
    kml = (f'<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark>'
           f'<name>Cuadrante 7</name><Polygon><outerBoundaryIs><LinearRing><coordinates>{coords}'
           f'</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>')
    (tmp_path / "a.kml").write_text(kml)
    with zipfile.ZipFile(tmp_path / "a.kmz", "w") as z:
        z.writestr("doc.kml", kml)
    for name in ("a.kml", "a.kmz"):
        layer = read_polygons(tmp_path / name)
        assert layer.features[0].name == "Cuadrante 7"
        assert layer.features[0].geometry.equals(SQUARE)


def _write_shapefile(folder, polygon, prj_wkt=None):
    import shapefile

    with shapefile.Writer(str(folder / "sectores"), shapeType=shapefile.POLYGON) as w:
        w.field("SECTOR", "C")
        w.poly([list(polygon.exterior.coords)[::-1]])  # shapefile outer rings run clockwise
        w.record("Norte")
    if prj_wkt:
        (folder / "sectores.prj").write_text(prj_wkt)


def test_shapefile_loose_and_zipped(tmp_path):
    _write_shapefile(tmp_path, SQUARE)
    layer = read_polygons(tmp_path / "sectores.shp")
    assert layer.features[0].name == "Norte"
    assert layer.features[0].geometry.symmetric_difference(SQUARE).area < 1e-12
    with zipfile.ZipFile(tmp_path / "sectores.zip", "w") as z:
        for ext in ("shp", "shx", "dbf"):
            z.write(tmp_path / f"sectores.{ext}", f"datos/sectores.{ext}")
    assert read_polygons(tmp_path / "sectores.zip").features[0].name == "Norte"


def test_broken_shapefile_and_zip_without_shapefile_give_coded_errors(tmp_path):
    _write_shapefile(tmp_path, SQUARE)
    shp = tmp_path / "sectores.shp"
    shp.write_bytes(shp.read_bytes()[:60])  # truncated
    with pytest.raises(GeometryError) as err:
        read_polygons(shp)
    assert err.value.code == "geo.unreadable" and "sectores.shp" in err.value.message("es")
    with zipfile.ZipFile(tmp_path / "fotos.zip", "w") as z:
        z.writestr("foto.jpg", b"\xff\xd8")
    with pytest.raises(GeometryError) as err:
        read_polygons(tmp_path / "fotos.zip")
    assert err.value.code == "geo.zip_without_shapefile"


def test_geopackage(tmp_path):
    path = tmp_path / "sectores.gpkg"
    con = sqlite3.connect(path)
    con.executescript("""
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT,
            organization_coordsys_id INTEGER, definition TEXT, description TEXT);
        CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT);
        CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT,
            srs_id INTEGER, z TINYINT, m TINYINT);
        CREATE TABLE sectores (fid INTEGER PRIMARY KEY, geom BLOB, nombre TEXT);
        INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84', 4326, 'EPSG', 4326, '', '');
        INSERT INTO gpkg_contents VALUES ('sectores', 'features', 'sectores');
        INSERT INTO gpkg_geometry_columns VALUES ('sectores', 'geom', 'POLYGON', 4326, 0, 0);
    """)
    header = b"GP" + bytes([0, 0b00000011]) + (4326).to_bytes(4, "little") + bytes(32)  # LE, xy envelope
    envelope = np.array(SQUARE.bounds)[[0, 2, 1, 3]].astype("<f8").tobytes()
    blob = header[:8] + envelope + shapely.to_wkb(SQUARE)
    con.execute("INSERT INTO sectores (geom, nombre) VALUES (?, ?)", (blob, "Centro"))
    con.commit(); con.close()
    layer = read_polygons(path)
    assert layer.features[0].name == "Centro" and layer.features[0].geometry.equals(SQUARE)


def test_self_intersecting_polygon_is_repaired_and_reported(tmp_path):
    bowtie = [[-79.03, -8.06], [-79.02, -8.05], [-79.02, -8.06], [-79.03, -8.05], [-79.03, -8.06]]
    path = tmp_path / "bowtie.geojson"
    path.write_text(json.dumps({"type": "Feature", "properties": {"name": "X"},
                                "geometry": {"type": "Polygon", "coordinates": [bowtie]}}))
    layer = read_polygons(path)
    assert layer.features[0].geometry.is_valid
    assert layer.features[0].geometry.area == pytest.approx(Polygon(bowtie).convex_hull.area / 2, rel=1e-6)
    assert [w.code for w in layer.warnings] == ["geo.repaired"]
    assert "Self-intersection" in layer.warnings[0].data["reason"]


def test_projected_coordinates_without_crs_are_refused(tmp_path):
    path = tmp_path / "utm.geojson"
    path.write_text(json.dumps({"type": "Polygon", "coordinates": [[[700000, 9100000], [701000, 9100000],
                                                                    [701000, 9101000], [700000, 9100000]]]}))
    with pytest.raises(GeometryError) as err:
        read_polygons(path)
    assert err.value.code == "geo.bad_crs"


def test_not_json_is_a_coded_error(tmp_path):
    path = tmp_path / "roto.geojson"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(GeometryError) as err:
        read_polygons(path)
    assert err.value.code == "geo.unreadable"
