"""Read a PMTiles v3 archive with cached directories (the `pmtiles` reader re-parses them per tile)."""

from __future__ import annotations

import gzip
import json
import mmap
from functools import lru_cache
from pathlib import Path

from stationmap.core.errors import GeometryError
from stationmap.maps.basemap.reader import BasemapPack, detect_schema

TILE_TYPES = {"MVT": "mvt", "PNG": "png", "JPEG": "jpg", "WEBP": "webp"}
COMPRESSIONS = {"GZIP": "gzip", "NONE": "none"}
MAX_DIRECTORY_DEPTH = 4  # the PMTiles v3 specification's limit


class PMTilesPack(BasemapPack):
    def __init__(self, path: Path) -> None:
        from pmtiles.tile import Compression, deserialize_header

        self.path = path
        self._file = open(path, "rb")
        try:
            self._map = mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ)
            header = deserialize_header(self._map[:127])
            self._header = header
            raw = self._map[header["metadata_offset"]:header["metadata_offset"] + header["metadata_length"]]
            if header["internal_compression"] == Compression.GZIP:
                raw = gzip.decompress(raw)
            self.metadata = json.loads(raw) if raw else {}
            self._root = self._directory(header["root_offset"], header["root_length"])
        except GeometryError:
            self.close()
            raise
        except Exception as exc:  # any malformed byte in header, metadata or directory
            self.close()
            raise GeometryError("basemap.damaged", path=str(path), detail=type(exc).__name__) from exc
        tile_type = TILE_TYPES.get(header["tile_type"].name)
        compression = COMPRESSIONS.get(header["tile_compression"].name)
        if tile_type is None or compression is None:
            self.close()
            raise GeometryError("basemap.tile_format_unknown", path=str(path), format=header["tile_type"].name)
        if not self._root:
            self.close()
            raise GeometryError("basemap.empty", path=str(path))
        self.tile_type = tile_type
        self.tile_compression = compression
        self.kind = "vector" if tile_type == "mvt" else "raster"
        self.minzoom, self.maxzoom = header["min_zoom"], header["max_zoom"]
        self.bounds = (header["min_lon_e7"] / 1e7, header["min_lat_e7"] / 1e7,
                       header["max_lon_e7"] / 1e7, header["max_lat_e7"] / 1e7)
        self.center = (header["center_lon_e7"] / 1e7, header["center_lat_e7"] / 1e7, header["center_zoom"])
        self.attribution = str(self.metadata.get("attribution", ""))
        self.schema = detect_schema(self.metadata, self.kind)
        self._leaf = lru_cache(maxsize=64)(self._leaf_directory)

    def _directory(self, offset: int, length: int) -> list:
        from pmtiles.tile import deserialize_directory

        raw = self._map[offset:offset + length]
        compression = self._header["internal_compression"].name
        if compression == "NONE":
            # The library's parser always gunzips; wrap an uncompressed directory (rare) to match.
            raw = gzip.compress(raw, compresslevel=0, mtime=0)
        elif compression != "GZIP":
            raise GeometryError("basemap.tile_format_unknown", path=str(self.path), format=compression)
        return deserialize_directory(raw)

    def _leaf_directory(self, offset: int, length: int) -> list:
        return self._directory(self._header["leaf_directory_offset"] + offset, length)

    def _stored_tile(self, z: int, x: int, y: int) -> bytes | None:
        from pmtiles.tile import find_tile, zxy_to_tileid

        tile_id = zxy_to_tileid(z, x, y)
        directory = self._root
        for _ in range(MAX_DIRECTORY_DEPTH):
            entry = find_tile(directory, tile_id)
            if entry is None:
                return None
            if entry.run_length > 0:
                start = self._header["tile_data_offset"] + entry.offset
                return self._map[start:start + entry.length]
            directory = self._leaf(entry.offset, entry.length)
        return None

    def close(self) -> None:
        if getattr(self, "_map", None) is not None:
            self._map.close()
            self._map = None
        self._file.close()
