"""Open a basemap pack (PMTiles v3 or MBTiles) and hand out its tiles by XYZ address.

`open_pack(path)` recognises the container from the file's first bytes, the tile format
from the header/metadata (vector MVT, raster PNG/JPEG/WebP) and the vector schema from
the metadata ("stationmap-v1", "openmaptiles", "protomaps", or "unknown"), so the map
knows how to style what it got. Tiles come back as stored (`decompress=True` gunzips).
"""

from __future__ import annotations

import gzip
import json
import sqlite3
import threading
from pathlib import Path
from typing import Any, Iterator

from stationmap.core.errors import GeometryError
from stationmap.maps.basemap.tiling import tiles_covering

SQLITE_MAGIC = b"SQLite format 3\x00"
PMTILES_MAGIC = b"PMTiles"
GZIP_MAGIC = b"\x1f\x8b"
MBTILES_FORMATS = {"pbf": "mvt", "mvt": "mvt", "png": "png", "jpg": "jpg", "jpeg": "jpg", "webp": "webp"}
MAX_EXTRACT_TILES = 20_000


def detect_schema(metadata: dict[str, Any], kind: str) -> str:
    """Name the vector layout from the metadata, so the map picks the right style."""
    if kind == "raster":
        return "raster"
    if metadata.get("schema") == "stationmap-v1":
        return "stationmap-v1"
    layers = {layer.get("id") for layer in metadata.get("vector_layers", []) if isinstance(layer, dict)}
    text = " ".join(str(metadata.get(k, "")) for k in ("attribution", "description", "name")).lower()
    if {"transportation", "water"} <= layers or "openmaptiles" in text:
        return "openmaptiles"
    if {"roads", "earth"} <= layers or "protomaps" in text:
        return "protomaps"
    return "unknown"


class BasemapPack:
    """A tile archive: what it holds, where, and its tiles by XYZ address."""

    path: Path
    kind: str                  # "vector" | "raster"
    tile_type: str             # "mvt" | "png" | "jpg" | "webp"
    tile_compression: str      # "gzip" | "none"
    minzoom: int
    maxzoom: int
    bounds: tuple[float, float, float, float]   # west, south, east, north (lon/lat)
    center: tuple[float, float, int]            # lon, lat, zoom
    attribution: str
    schema: str
    metadata: dict[str, Any]

    def _stored_tile(self, z: int, x: int, y: int) -> bytes | None:
        raise NotImplementedError

    def tile(self, z: int, x: int, y: int, *, decompress: bool = False) -> bytes | None:
        """Tile z/x/y (XYZ, y from the north) as stored, or None when the pack has none there."""
        if not (self.minzoom <= z <= self.maxzoom and 0 <= x < (1 << z) and 0 <= y < (1 << z)):
            return None
        data = self._stored_tile(z, x, y)
        if data is not None and decompress and data[:2] == GZIP_MAGIC:
            return gzip.decompress(data)
        return data

    def iter_tiles(self, bounds: tuple[float, float, float, float] | None = None,
                   maxzoom: int | None = None) -> Iterator[tuple[int, int, int, bytes]]:
        bounds = _intersect(bounds or self.bounds, self.bounds)
        top = self.maxzoom if maxzoom is None else min(maxzoom, self.maxzoom)
        for z in range(self.minzoom, top + 1):
            for x, y in tiles_covering(bounds, z):
                data = self._stored_tile(z, x, y)
                if data is not None:
                    yield z, x, y, data

    def extract(self, bounds: tuple[float, float, float, float], out_path: str | Path,
                maxzoom: int | None = None) -> Path:
        """A smaller PMTiles holding only the tiles of `bounds` (for a self-contained exported map)."""
        from stationmap.maps.basemap.pmtiles_io import write_pmtiles

        area = _intersect(bounds, self.bounds)
        top = self.maxzoom if maxzoom is None else min(maxzoom, self.maxzoom)
        count = sum(len(tiles_covering(area, z)) for z in range(self.minzoom, top + 1))
        if count > MAX_EXTRACT_TILES:
            raise GeometryError("basemap.area_too_large", tiles=count, limit=MAX_EXTRACT_TILES)
        tiles = list(self.iter_tiles(area, top))
        if not tiles:
            raise GeometryError("basemap.extract_empty", path=str(self.path))
        center = ((area[0] + area[2]) / 2, (area[1] + area[3]) / 2, min(max(self.minzoom, 14), top))
        metadata = dict(self.metadata, bounds=list(area), center=list(center), minzoom=self.minzoom, maxzoom=top)
        metadata.setdefault("attribution", self.attribution)
        write_pmtiles(out_path, tiles, tile_type=self.tile_type, tile_compression=self.tile_compression,
                      metadata=metadata, bounds=area, center=center)
        return Path(out_path)

    def close(self) -> None:
        """Release the file; the pack cannot serve tiles afterwards."""

    def __enter__(self) -> "BasemapPack":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _intersect(a: tuple[float, ...], b: tuple[float, ...]) -> tuple[float, float, float, float]:
    west, south = max(a[0], b[0]), max(a[1], b[1])
    east, north = min(a[2], b[2]), min(a[3], b[3])
    if west >= east or south >= north:
        return (west, south, west, south)  # an empty box: covers a single tile corner at most
    return west, south, east, north


def open_pack(path: str | Path) -> BasemapPack:
    """Open a .pmtiles or .mbtiles basemap pack; raises GeometryError with a "basemap.*" code."""
    path = Path(path)
    if not path.is_file():
        raise GeometryError("basemap.not_found", path=str(path))
    with open(path, "rb") as handle:
        head = handle.read(16)
    if not head:
        raise GeometryError("basemap.empty_file", path=str(path))
    if head.startswith(PMTILES_MAGIC):
        from stationmap.maps.basemap.pmtiles_pack import PMTilesPack

        return PMTilesPack(path)
    if head.startswith(SQLITE_MAGIC):
        return MBTilesPack(path)
    raise GeometryError("basemap.unknown_format", path=str(path))


class MBTilesPack(BasemapPack):
    """MBTiles 1.3: SQLite `tiles` + `metadata`; rows are stored in TMS order (y from the south)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        try:
            self._db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
            names = {row[0] for row in self._db.execute("SELECT name FROM sqlite_master")}
        except sqlite3.DatabaseError as exc:
            raise GeometryError("basemap.damaged", path=str(path), detail=str(exc)) from exc
        if "tiles" not in names:
            self._db.close()
            raise GeometryError("basemap.not_mbtiles", path=str(path))
        try:
            self._read_description()
        except GeometryError:
            self._db.close()
            raise
        except (sqlite3.DatabaseError, ValueError) as exc:
            self._db.close()
            raise GeometryError("basemap.damaged", path=str(path), detail=str(exc)) from exc

    def _read_description(self) -> None:
        meta = {name: value for name, value in self._db.execute("SELECT name, value FROM metadata")} \
            if self._has_table("metadata") else {}
        zooms = self._db.execute("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles").fetchone()
        if zooms[0] is None:
            raise GeometryError("basemap.empty", path=str(self.path))
        first = self._db.execute("SELECT tile_data FROM tiles LIMIT 1").fetchone()[0]
        fmt = MBTILES_FORMATS.get(str(meta.get("format", "")).lower()) or _sniff_format(first)
        if fmt is None:
            raise GeometryError("basemap.tile_format_unknown", path=str(self.path), format=meta.get("format", "?"))
        extra = json.loads(meta["json"]) if meta.get("json") else {}
        self.metadata = {**{k: v for k, v in meta.items() if k != "json"}, **extra}
        self.tile_type = fmt
        self.kind = "vector" if fmt == "mvt" else "raster"
        self.tile_compression = "gzip" if first[:2] == GZIP_MAGIC else "none"
        self.minzoom = int(meta.get("minzoom", zooms[0]))
        self.maxzoom = int(meta.get("maxzoom", zooms[1]))
        self.bounds = _parse_floats(meta.get("bounds"), 4) or (-180.0, -85.0511, 180.0, 85.0511)
        center = _parse_floats(meta.get("center"), 3)
        self.center = (center[0], center[1], int(center[2])) if center else (
            (self.bounds[0] + self.bounds[2]) / 2, (self.bounds[1] + self.bounds[3]) / 2, self.minzoom)
        self.attribution = str(meta.get("attribution", ""))
        self.schema = detect_schema(self.metadata, self.kind)

    def _has_table(self, name: str) -> bool:
        return self._db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None

    def _stored_tile(self, z: int, x: int, y: int) -> bytes | None:
        tms_row = (1 << z) - 1 - y
        with self._lock:
            row = self._db.execute(
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
                (z, x, tms_row)).fetchone()
        return bytes(row[0]) if row else None

    def close(self) -> None:
        self._db.close()


def _sniff_format(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG"):
        return "png"
    if data.startswith(b"\xff\xd8"):
        return "jpg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data.startswith(GZIP_MAGIC):
        return "mvt"
    return None


def _parse_floats(text: Any, count: int) -> tuple[float, ...] | None:
    try:
        values = tuple(float(v) for v in str(text).split(","))
    except ValueError:
        return None
    return values if len(values) == count else None

