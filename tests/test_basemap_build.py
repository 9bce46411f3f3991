"""Building a stationmap-v1 pack from the real Trujillo OpenStreetMap extract, in pure Python."""

from __future__ import annotations

import mapbox_vector_tile
import pytest
from shapely.geometry import box

from conftest import shared_path
from stationmap.core.errors import GeometryError
from stationmap.core.progress import Cancelled
from stationmap.maps.basemap import build_pack, open_pack
from stationmap.maps.basemap.tiling import lonlat_to_tile, tile_lonlat_bounds, tiles_covering

SANCHEZ_CARRION_OSM = (-78.9996319, -8.0787206)  # "Comisaría Sánchez Carrión", amenity=police node in OSM

# A few blocks of El Porvenir around Av. Sánchez Carrión.
SMALL_AREA = (-79.004, -8.083, -78.995, -8.075)


@pytest.fixture(scope="module")
def pbf():
    return shared_path("geo", "trujillo-osm-extract-2026", "trujillo.osm.pbf")


@pytest.fixture(scope="module")
def built(pbf, tmp_path_factory):
    out = tmp_path_factory.mktemp("pack") / "porvenir.pmtiles"
    reports: list[float] = []
    info = build_pack(pbf, out, area=box(*SMALL_AREA), minzoom=13, maxzoom=16,
                      progress=lambda fraction, message="": reports.append(fraction))
    return info, reports


@pytest.mark.slow  # reads the whole 2.3 MB extract with pyosmium (~3 s of CPU)
def test_build_reports_progress_and_describes_the_pack(built):
    info, reports = built
    assert reports[-1] == 1.0 and reports == sorted(reports)
    assert info.path.is_file() and info.size_bytes == info.path.stat().st_size
    assert (info.minzoom, info.maxzoom) == (13, 16)
    touched = sum(len(tiles_covering(SMALL_AREA, z)) for z in range(13, 17))
    assert info.tiles == touched  # a built-up area: every tile it touches has something to draw
    assert info.features["roads"] > 50 and info.features["buildings"] > 0
    pack = open_pack(info.path)
    assert (pack.schema, pack.kind, pack.tile_compression) == ("stationmap-v1", "vector", "gzip")
    assert pack.bounds == pytest.approx(SMALL_AREA)
    assert pack.metadata["attribution"] == "© OpenStreetMap contributors"


@pytest.mark.slow  # reads the whole 2.3 MB extract with pyosmium (~3 s of CPU)
def test_built_tiles_follow_the_schema(built):
    info, _ = built
    pack = open_pack(info.path)
    x, y = lonlat_to_tile(-78.9996, -8.0788, 16)
    tile = mapbox_vector_tile.decode(pack.tile(16, x, y, decompress=True))
    assert set(tile) <= {"water", "landuse", "buildings", "roads", "places", "pois", "boundaries"}
    roads = tile["roads"]["features"]
    assert "Avenida Sánchez Carrión" in {f["properties"].get("name") for f in roads}
    assert all(f["properties"]["kind"] in {"motorway", "primary", "secondary", "tertiary", "residential",
                                           "service", "path", "track"} for f in roads)
    assert all(f["geometry"]["type"] in ("LineString", "MultiLineString") for f in roads)
    assert tile["roads"]["extent"] == 4096
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in tile["buildings"]["features"])
    z13 = mapbox_vector_tile.decode(pack.tile(13, *lonlat_to_tile(-78.9996, -8.0788, 13), decompress=True))
    assert "buildings" not in z13 and "pois" not in z13 or all(
        f["properties"]["kind"] in {"marketplace", "police", "hospital", "bus_station"} for f in z13["pois"]["features"])


@pytest.mark.slow  # reads the whole 2.3 MB extract with pyosmium (~3 s of CPU)
def test_points_land_where_osm_has_them(built):
    """Orientation and scale of the tile coordinates: decode the police station back to lon/lat."""
    info, _ = built
    pack = open_pack(info.path)
    z = 16
    x, y = lonlat_to_tile(*SANCHEZ_CARRION_OSM, z)
    tile = mapbox_vector_tile.decode(pack.tile(z, x, y, decompress=True))  # y up, 0..4096
    police = [f for f in tile["pois"]["features"] if f["properties"].get("name") == "Comisaría Sánchez Carrión"]
    assert police and police[0]["properties"]["kind"] == "police"
    px, py = police[0]["geometry"]["coordinates"]
    west, south, east, north = tile_lonlat_bounds(z, x, y)
    lon = west + px / 4096 * (east - west)
    lat = south + py / 4096 * (north - south)  # linear in latitude is within centimetres over one z16 tile
    assert abs(lon - SANCHEZ_CARRION_OSM[0]) < 2e-5 and abs(lat - SANCHEZ_CARRION_OSM[1]) < 2e-5


@pytest.mark.slow  # reads the whole 2.3 MB extract with pyosmium (~3 s of CPU)
def test_cancel_leaves_no_pack(pbf, tmp_path):
    out = tmp_path / "cancelled.pmtiles"

    def cancel_during_tiles(fraction, message=""):
        if message == "tiles":
            raise Cancelled()

    with pytest.raises(Cancelled):
        build_pack(pbf, out, area=SMALL_AREA, minzoom=14, maxzoom=15, progress=cancel_during_tiles)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("kwargs, code", [
    ({"area": (-78.9, -8.0, -79.0, -8.1)}, "basemap.area_invalid"),
    ({"area": None}, "basemap.area_missing"),
    ({"area": (-80.0, -10.0, -76.0, -6.0), "maxzoom": 16}, "basemap.area_too_large"),
    ({"area": SMALL_AREA, "minzoom": 15, "maxzoom": 12}, "basemap.zoom_invalid"),
    ({"area": (-70.1, -15.1, -70.0, -15.0)}, "basemap.area_empty"),  # Puno: not in a Trujillo extract
])
def test_bad_requests_give_coded_errors(pbf, tmp_path, kwargs, code):
    with pytest.raises(GeometryError) as info:
        build_pack(pbf, tmp_path / "x.pmtiles", **kwargs)
    assert info.value.code == code
    assert "{" not in info.value.message("es")


@pytest.mark.parametrize("content", [b"", b"hola, esto no es OSM", bytes(range(256)) * 20])
def test_unreadable_extracts(tmp_path, content):
    bad = tmp_path / "roto.osm.pbf"
    bad.write_bytes(content)
    with pytest.raises(GeometryError) as info:
        build_pack(bad, tmp_path / "x.pmtiles", area=SMALL_AREA, minzoom=14, maxzoom=14)
    assert info.value.code == "basemap.osm_unreadable"
    assert not (tmp_path / "x.pmtiles").exists()
