"""Opening basemap packs: the Trujillo sample, tilemaker's OpenMapTiles MBTiles, raster MBTiles, broken files."""

from __future__ import annotations

import gzip
import json
import sqlite3
import struct
import zlib

import mapbox_vector_tile
import pytest

from conftest import SAMPLE_DATA, shared_path
from stationmap.core.errors import GeometryError
from stationmap.maps.basemap import open_pack
from stationmap.maps.basemap.tiling import lonlat_to_tile

SAMPLE_PACK = SAMPLE_DATA / "basemap" / "trujillo.pmtiles"
SANCHEZ_CARRION = (-78.9996, -8.0788)  # CPNP Sánchez Carrión, El Porvenir (PNP 2020 list)


def png_bytes(rgb: tuple[int, int, int], size: int = 4) -> bytes:
    """A tiny valid PNG of one colour, written by hand so the test needs no imaging library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes(rgb) * size for _ in range(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def make_mbtiles(path, tiles: dict[tuple[int, int, int], bytes], metadata: dict[str, str]) -> None:
    """An MBTiles file as QGIS "Generate XYZ tiles" writes it: TMS rows, metadata table."""
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    db.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
    db.executemany("INSERT INTO metadata VALUES (?, ?)", metadata.items())
    for (z, x, y), data in tiles.items():
        db.execute("INSERT INTO tiles VALUES (?, ?, ?, ?)", (z, x, (1 << z) - 1 - y, data))
    db.commit()
    db.close()


def test_sample_pack_describes_itself():
    pack = open_pack(SAMPLE_PACK)
    assert (pack.kind, pack.tile_type, pack.tile_compression, pack.schema) == ("vector", "mvt", "gzip", "stationmap-v1")
    assert (pack.minzoom, pack.maxzoom) == (11, 16)
    assert pack.attribution == "© OpenStreetMap contributors"
    west, south, east, north = pack.bounds
    assert west < -79.05 and east > -78.963 and south < -8.11 and north > -8.015  # jurisdiction + centre
    assert west < pack.center[0] < east and south < pack.center[1] < north
    layers = {layer["id"] for layer in pack.metadata["vector_layers"]}
    assert layers == {"water", "landuse", "buildings", "roads", "places", "pois", "boundaries"}
    assert SAMPLE_PACK.stat().st_size < 8_000_000


def test_a_named_street_of_el_porvenir_is_in_the_roads_layer_at_z15():
    pack = open_pack(SAMPLE_PACK)
    x, y = lonlat_to_tile(*SANCHEZ_CARRION, 15)
    raw = pack.tile(15, x, y)
    assert raw[:2] == b"\x1f\x8b"  # stored gzip-compressed, as the header says
    tile = mapbox_vector_tile.decode(pack.tile(15, x, y, decompress=True))
    names = {f["properties"].get("name") for f in tile["roads"]["features"]}
    assert "Avenida Sánchez Carrión" in names
    kinds = {f["properties"]["kind"] for f in tile["roads"]["features"]}
    assert {"secondary", "residential"} <= kinds
    assert tile["buildings"]["features"]  # buildings appear at street zoom
    overview = mapbox_vector_tile.decode(pack.tile(12, *lonlat_to_tile(*SANCHEZ_CARRION, 12), decompress=True))
    assert "buildings" not in overview
    overview_kinds = {f["properties"]["kind"] for f in overview["roads"]["features"]}
    assert "primary" in overview_kinds and not overview_kinds & {"residential", "service", "path", "track"}


def test_tiles_outside_the_pack_are_none():
    pack = open_pack(SAMPLE_PACK)
    x, y = lonlat_to_tile(*SANCHEZ_CARRION, 15)
    assert pack.tile(15, x, (1 << 15) - 1 - y) is None  # the TMS-flipped row is in the northern hemisphere
    assert pack.tile(17, x * 4, y * 4) is None
    assert pack.tile(15, -1, y) is None
    assert pack.tile(10, x >> 5, y >> 5) is None


def test_tilemaker_openmaptiles_mbtiles_reads_with_tms_rows():
    path = shared_path("geo", "trujillo-osm-extract-2026", "trujillo_openmaptiles_z0-14.mbtiles")
    pack = open_pack(path)
    assert (pack.kind, pack.tile_type, pack.schema, pack.minzoom, pack.maxzoom) == ("vector", "mvt", "openmaptiles", 0, 14)
    x, y = lonlat_to_tile(*SANCHEZ_CARRION, 14)
    tile = mapbox_vector_tile.decode(pack.tile(14, x, y, decompress=True))
    assert "transportation" in tile
    names = {f["properties"].get("name:latin") for f in tile["transportation_name"]["features"]}
    assert "Avenida Sánchez Carrión" in names


def test_raster_mbtiles_from_qgis_and_its_extract(tmp_path):
    tiles = {(z, x, y): png_bytes((10 * z, x % 256, y % 256))
             for z in (12, 13) for x, y in [lonlat_to_tile(-79.03 + d, -8.08 + d, z) for d in (0, 0.01)]}
    path = tmp_path / "qgis.mbtiles"
    make_mbtiles(path, tiles, {"name": "qgis", "format": "png", "minzoom": "12", "maxzoom": "13",
                               "bounds": "-79.05,-8.1,-79.0,-8.05", "attribution": "QGIS export"})
    pack = open_pack(path)
    assert (pack.kind, pack.tile_type, pack.tile_compression, pack.schema) == ("raster", "png", "none", "raster")
    assert pack.bounds == (-79.05, -8.1, -79.0, -8.05) and pack.attribution == "QGIS export"
    for (z, x, y), data in tiles.items():
        assert pack.tile(z, x, y) == data
    out = pack.extract((-79.04, -8.09, -79.01, -8.06), tmp_path / "small.pmtiles", maxzoom=12)
    small = open_pack(out)
    assert (small.kind, small.tile_type, small.maxzoom) == ("raster", "png", 12)
    kept = [k for k in tiles if k[0] == 12]
    assert all(small.tile(*k) == tiles[k] for k in kept)
    assert small.tile(*[k for k in tiles if k[0] == 13][0]) is None


def test_extract_of_the_sample_pack_keeps_the_same_bytes(tmp_path):
    pack = open_pack(SAMPLE_PACK)
    area = (-79.01, -8.085, -78.99, -8.07)
    out = pack.extract(area, tmp_path / "area.pmtiles", maxzoom=15)
    small = open_pack(out)
    assert small.schema == "stationmap-v1" and small.maxzoom == 15
    assert small.bounds == pytest.approx(area)
    x, y = lonlat_to_tile(*SANCHEZ_CARRION, 15)
    assert small.tile(15, x, y) == pack.tile(15, x, y)
    assert out.stat().st_size < SAMPLE_PACK.stat().st_size / 5
    with pytest.raises(GeometryError) as info:
        pack.extract((10.0, 10.0, 10.1, 10.1), tmp_path / "nowhere.pmtiles")
    assert info.value.code == "basemap.extract_empty"


@pytest.mark.parametrize("layers, expected", [
    (["earth", "roads", "water", "places", "pois"], "protomaps"),
    (["transportation", "water", "building"], "openmaptiles"),
    (["streets", "lakes"], "unknown"),
])
def test_vector_schema_is_recognised_from_metadata(tmp_path, layers, expected):
    path = tmp_path / "v.mbtiles"
    tile = gzip.compress(mapbox_vector_tile.encode([{"name": layers[0], "features": []}]))
    make_mbtiles(path, {(14, 1, 1): tile}, {"format": "pbf", "json": json.dumps(
        {"vector_layers": [{"id": layer, "fields": {}} for layer in layers]})})
    pack = open_pack(path)
    assert (pack.schema, pack.kind, pack.tile_compression) == (expected, "vector", "gzip")


def _broken(tmp_path, kind: str):
    path = tmp_path / f"{kind}.mbtiles"
    if kind == "text":
        path.write_text("esto no es un mapa\n")
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "no_tiles_table":
        db = sqlite3.connect(path)
        db.execute("CREATE TABLE incidents (id INTEGER)")
        db.commit()
        db.close()
    elif kind == "no_rows":
        make_mbtiles(path, {}, {"format": "png"})
    elif kind == "unknown_format":
        make_mbtiles(path, {(1, 0, 0): b"BM not a tile"}, {"format": "tiff"})
    elif kind == "truncated_pmtiles":
        path = tmp_path / "cut.pmtiles"
        path.write_bytes(SAMPLE_PACK.read_bytes()[:300])
    elif kind == "bad_sqlite":
        path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    return path


@pytest.mark.parametrize("kind, code", [
    ("text", "basemap.unknown_format"), ("empty", "basemap.empty_file"),
    ("no_tiles_table", "basemap.not_mbtiles"), ("no_rows", "basemap.empty"),
    ("unknown_format", "basemap.tile_format_unknown"), ("truncated_pmtiles", "basemap.damaged"),
    ("bad_sqlite", "basemap.damaged"),
])
def test_broken_packs_give_coded_errors(tmp_path, kind, code):
    with pytest.raises(GeometryError) as info:
        open_pack(_broken(tmp_path, kind))
    assert info.value.code == code
    for language in ("es", "en"):
        text = info.value.message(language)
        assert "{" not in text and len(text) > 20


def test_missing_pack(tmp_path):
    with pytest.raises(GeometryError) as info:
        open_pack(tmp_path / "nada.pmtiles")
    assert info.value.code == "basemap.not_found"
