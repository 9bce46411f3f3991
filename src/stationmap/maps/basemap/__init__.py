"""Basemap packs: build vector tiles from OpenStreetMap, open MBTiles/PMTiles, serve tiles by z/x/y."""

from stationmap.maps.basemap.builder import ATTRIBUTION, SCHEMA, PackInfo, build_pack
from stationmap.maps.basemap.reader import BasemapPack, open_pack

__all__ = ["ATTRIBUTION", "SCHEMA", "BasemapPack", "PackInfo", "build_pack", "open_pack"]
