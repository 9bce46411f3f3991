"""Tile-serving benchmark: tiles per second from `BasemapPack.tile()` for the sample pack.

Random z/x/y requests inside the pack's bounds (some fall on empty tiles, as a map's do),
served by the PMTiles reader; baseline: the same bytes looked up in an in-memory dict in
the same run (ratio = pack time / dict time). Also shown for reference: the `pmtiles`
package's own Reader (re-parses directories per tile) and, when ../shared is present,
tilemaker's MBTiles through `open_pack`. Last line: one JSON object with the figures.

    .venv/bin/python benchmarks/tiles_bench.py [--requests 20000]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _common import best_of, print_result  # noqa: E402

from stationmap.maps.basemap import open_pack  # noqa: E402
from stationmap.maps.basemap.tiling import tiles_covering  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_PACK = ROOT / "sample_data" / "basemap" / "trujillo.pmtiles"
OMT_MBTILES = ROOT.parent / "shared" / "geo" / "trujillo-osm-extract-2026" / "trujillo_openmaptiles_z0-14.mbtiles"


def requests_in(pack, count: int, seed: int = 0) -> list[tuple[int, int, int]]:
    addresses = [(z, x, y) for z in range(pack.minzoom, pack.maxzoom + 1) for x, y in tiles_covering(pack.bounds, z)]
    rng = random.Random(seed)
    return [rng.choice(addresses) for _ in range(count)]


def rate(count: int, seconds: float) -> float:
    return round(count / seconds, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20_000)
    args = parser.parse_args()

    pack = open_pack(SAMPLE_PACK)
    wanted = requests_in(pack, args.requests)
    in_memory = {key: pack.tile(*key) for key in set(wanted)}
    served = sum(1 for key in wanted if in_memory[key] is not None)

    pack_s = best_of(3, lambda: [pack.tile(*key) for key in wanted])
    dict_s = best_of(3, lambda: [in_memory.get(key) for key in wanted])
    figures = {
        "pack": SAMPLE_PACK.name, "pack_bytes": SAMPLE_PACK.stat().st_size, "requests": len(wanted),
        "non_empty": served, "pmtiles_tiles_per_s": rate(len(wanted), pack_s),
        "dict_tiles_per_s": rate(len(wanted), dict_s),
    }

    from pmtiles.reader import MmapSource, Reader

    with open(SAMPLE_PACK, "rb") as handle:
        library = Reader(MmapSource(handle))
        sample = wanted[:2000]
        figures["pmtiles_library_reader_tiles_per_s"] = rate(len(sample), best_of(3, lambda: [library.get(*k) for k in sample]))

    if OMT_MBTILES.exists():
        mbtiles = open_pack(OMT_MBTILES)
        omt = requests_in(mbtiles, args.requests)
        figures["mbtiles_openmaptiles_tiles_per_s"] = rate(len(omt), best_of(3, lambda: [mbtiles.tile(*k) for k in omt]))
        mbtiles.close()

    figures["ratio"] = round(pack_s / dict_s, 2)
    for name, value in figures.items():
        print(f"{name:>38}: {value}")
    print_result(figures)


if __name__ == "__main__":
    main()
