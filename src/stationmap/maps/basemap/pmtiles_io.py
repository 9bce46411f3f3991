"""Write a PMTiles v3 archive with the `pmtiles` package (one file, no tile server needed)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterable

TILE_TYPES = {"mvt": "MVT", "png": "PNG", "jpg": "JPEG", "webp": "WEBP"}
COMPRESSIONS = {"gzip": "GZIP", "none": "NONE"}


def write_pmtiles(out_path: str | Path, tiles: Iterable[tuple[int, int, int, bytes]], *,
                  tile_type: str, tile_compression: str, metadata: dict[str, Any],
                  bounds: tuple[float, float, float, float], center: tuple[float, float, int]) -> int:
    """Write `tiles` (z, x, y, stored bytes) to `out_path`; returns how many tiles were written.

    The file is written beside the target and renamed at the end, so a crash or a cancel
    never leaves a half-written pack under the final name.
    """
    from pmtiles.tile import Compression, TileType, zxy_to_tileid
    from pmtiles.writer import Writer

    by_id = {zxy_to_tileid(z, x, y): data for z, x, y, data in tiles}
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    partial = out_path.with_name(out_path.name + ".partial")
    west, south, east, north = bounds
    header = {
        "tile_type": getattr(TileType, TILE_TYPES[tile_type]),
        "tile_compression": getattr(Compression, COMPRESSIONS[tile_compression]),
        "min_lon_e7": round(west * 1e7), "min_lat_e7": round(south * 1e7),
        "max_lon_e7": round(east * 1e7), "max_lat_e7": round(north * 1e7),
        "center_lon_e7": round(center[0] * 1e7), "center_lat_e7": round(center[1] * 1e7),
        "center_zoom": int(center[2]),
    }
    try:
        with open(partial, "wb") as handle:
            writer = Writer(handle)
            for tile_id in sorted(by_id):  # ascending ids keep the archive "clustered"
                writer.write_tile(tile_id, by_id[tile_id])
            writer.finalize(header, metadata)
        os.replace(partial, out_path)
    finally:
        partial.unlink(missing_ok=True)
    return len(by_id)
