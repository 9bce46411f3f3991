"""Basemap packs: build vector tiles from OpenStreetMap, open MBTiles/PMTiles, serve tiles by z/x/y.

The names below are loaded from their module on first use: the map opens a pack (reader) while the
application starts, and must not wait for the builder's numpy, shapely and osmium.
"""

from __future__ import annotations

import importlib
from typing import Any

_MODULE_OF = {"ATTRIBUTION": "builder", "SCHEMA": "builder", "PackInfo": "builder", "build_pack": "builder",
              "BasemapPack": "reader", "open_pack": "reader"}

__all__ = sorted(_MODULE_OF)


def __getattr__(name: str) -> Any:
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_MODULE_OF[name]}"), name)
