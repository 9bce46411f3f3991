"""GeoJSON FeatureCollections -> RawTable: one row per feature, properties as text, points as lon/lat.

Row numbers are feature numbers (1-based, in file order): a GeoJSON file has no header line.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np

from stationmap.core.errors import InputFileError
from stationmap.core.model import Rejection, Warning_
from stationmap.io import sniff
from stationmap.io.excel_files import cell_text
from stationmap.io.readers import RawTable, read_bytes, text_frame

_WGS84_NAMES = ("CRS84", "4326")


def read_geojson_table(file: str, *, max_rows: int | None = None) -> RawTable:
    document, encoding = _load_json(file)
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection" \
            or not isinstance(document.get("features"), list):
        raise InputFileError("read.not_geojson", file=file, found=_describe(document))
    features = document["features"] if max_rows is None else document["features"][:max_rows]
    records: list[dict[str, str]] = []
    numbers: list[int] = []
    bad: list[Rejection] = []
    for number, feature in enumerate(features, start=1):
        record = _feature_record(feature)
        if isinstance(record, Rejection):
            bad.append(Rejection(file, number, record.code, {"feature": number, **record.data}))
            continue
        records.append(record)
        numbers.append(number)
    property_names: dict[str, None] = {}
    for record in records:
        property_names.update(dict.fromkeys(k for k in record if k not in ("\0lon", "\0lat")))
    keys = [*property_names, "\0lon", "\0lat"]
    # The geometry is the authority on position: it takes the names "lon"/"lat", a property so named yields.
    geometry_first, renamed = sniff.unique_names(["lon", "lat", *property_names])
    names = [*geometry_first[2:], *geometry_first[:2]]
    frame = text_frame(names, ([record.get(key, "") for record in records] for key in keys))
    warnings = _crs_warning(file, document)
    if renamed:
        warnings.append(Warning_(file, "read.duplicate_columns", {"names": ", ".join(renamed)}))
    return RawTable(file=file, frame=frame, line_numbers=np.asarray(numbers, dtype=np.int64),
                    encoding=encoding, delimiter="", header_line=0, bad_rows=bad, warnings=warnings)


def _load_json(file: str) -> tuple[Any, str]:
    """The parsed document and the file's encoding (RFC 7946 says UTF-8; exports do not always listen)."""
    raw = read_bytes(file)
    if not raw.strip():
        raise InputFileError("read.empty", file=file)
    kind = sniff.binary_kind(raw)
    if kind:
        raise sniff.binary_error(file, kind)
    decoded = sniff.decode(raw)
    try:
        return json.loads(decoded.data), decoded.encoding
    except json.JSONDecodeError as exc:
        raise InputFileError("read.not_json", file=file, line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        raise InputFileError("read.not_json", file=file, line="?", column="?") from None


def _describe(document: Any) -> str:
    if isinstance(document, dict):
        return str(document.get("type") or "un objeto JSON sin «type» / a JSON object without “type”")
    return type(document).__name__


def _feature_record(feature: Any) -> dict[str, str] | Rejection:
    """Properties as text plus the point's coordinates (under private keys), or why the feature is not usable."""
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        return Rejection("", 0, "read.feature_invalid", {"reason": "no es un Feature / not a Feature"})
    properties = feature.get("properties") or {}
    if not isinstance(properties, dict):
        return Rejection("", 0, "read.feature_invalid", {"reason": "properties"})
    record = {str(key): _property_text(value) for key, value in properties.items()}
    geometry = feature.get("geometry")
    if geometry is None:  # a feature without location is valid GeoJSON: empty coordinates
        return record
    kind = geometry.get("type") if isinstance(geometry, dict) else None
    if kind != "Point":
        return Rejection("", 0, "read.geometry_not_point", {"geometry_type": str(kind)})
    coordinates = geometry.get("coordinates")
    if not isinstance(coordinates, list) or len(coordinates) < 2:
        return Rejection("", 0, "read.feature_invalid", {"reason": "coordinates"})
    record["\0lon"], record["\0lat"] = cell_text(coordinates[0]), cell_text(coordinates[1])
    return record


def _property_text(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return cell_text(value)


def _crs_warning(file: str, document: dict) -> list[Warning_]:
    """Old GeoJSON (2008) could name another CRS; RFC 7946 says lon/lat WGS84, which is what we read."""
    crs = document.get("crs")
    name = str(((crs or {}).get("properties") or {}).get("name", "")) if isinstance(crs, dict) else ""
    if name and not name.endswith(_WGS84_NAMES):
        return [Warning_(file, "read.geojson_crs", {"crs": name})]
    return []
