"""Map layers other than incidents, as plain JSON the page draws: districts, stations, density.

Every function takes plain inputs (GeoJSON dicts, DataFrames, PNG bytes) so the panel and the HTML
export build identical layers, and tests need no Qt.
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING, Any

from stationmap.core.timestamps import month_label
from stationmap.maps.labels import DENSITY_LEGEND, KERNEL_WORDS

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

# Sequential yellow-orange-red (ColorBrewer YlOrRd, 5 classes) for counts per district.
CHOROPLETH_COLOURS: tuple[str, ...] = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")
# Density defaults: typical street-level hot-spot scales (DESIGN.md section 5).
DEFAULT_DENSITY: dict[str, Any] = {"cell_m": 100.0, "bandwidth_m": 250.0, "kernel": "quartic"}
NAME_KEYS = ("name", "nombre", "comisaria", "distrito", "NOMBRE", "NOMBDIST", "label")
UBIGEO_KEYS = ("ubigeo", "UBIGEO", "IDDIST", "iddist", "CODDIST")
ADDRESS_KEYS = ("address", "direccion", "dirección", "DIRECCION", "addr_street")


def _first(props: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = props.get(key)
        if value not in (None, ""):
            return value
    return None


def _ubigeo(value: Any) -> str | None:
    """UBIGEO as 6 digits; exports often lose the leading zero or turn it into a float."""
    if value is None:
        return None
    text = str(value).strip()
    if text.endswith(".0"):
        text = text[:-2]
    return text.zfill(6) if text.isdigit() else None


def feature_ubigeo(feature: dict[str, Any]) -> str | None:
    """A district feature's UBIGEO (6 digits) from whichever property its source names it by."""
    return _ubigeo(_first(feature.get("properties") or {}, UBIGEO_KEYS))


def class_breaks(values: "np.ndarray | list[float]", classes: int = len(CHOROPLETH_COLOURS)) -> list[int]:
    """Upper bounds of up to `classes` quantile classes over whole counts, strictly increasing."""
    import numpy as np  # here, not above: the map panel imports this module before a first map needs numpy

    values = np.asarray(values, dtype=float)
    values = values[np.isfinite(values)]
    if values.size == 0:
        return []
    uppers = np.ceil(np.quantile(values, np.linspace(0, 1, classes + 1)[1:])).astype(int)
    return sorted(set(int(v) for v in uppers))


def count_ubigeos(counts: "pd.DataFrame") -> set[str]:
    """The districts (6-digit UBIGEO) a table of counts has rows for."""
    return {code for code in counts["ubigeo"].map(_ubigeo).dropna().unique()}


def districts_layer(districts: dict[str, Any], counts: "pd.DataFrame", credit: str = "",
                    category: str = "") -> dict[str, Any] | None:
    """Districts coloured by their summed counts (SIDPOL-style tables joined on UBIGEO).

    Districts without a row keep ``count: null`` ("sin datos"), which is not the same as zero.
    ``unmapped`` says how many districts with counts have no shape here (a district created after
    the limits were drawn), so the map can say so rather than silently show less; ``credit`` names
    the source of the limits when the map must show it (see maps.national_districts); ``category``
    names the one modalidad `counts` holds, for the legend.
    """
    if counts is None or len(counts) == 0:
        return None
    codes = counts["ubigeo"].map(_ubigeo)
    totals = counts.assign(ubigeo=codes).groupby("ubigeo")["count"].sum()
    features = []
    for feature in districts.get("features", []):
        props = feature.get("properties") or {}
        code = feature_ubigeo(feature)
        total = totals.get(code) if code is not None else None
        features.append({"type": "Feature", "geometry": feature.get("geometry"), "properties": {
            "name": str(_first(props, NAME_KEYS) or code or ""), "ubigeo": code,
            "count": None if total is None else int(total)}})
    present = [f["properties"]["count"] for f in features if f["properties"]["count"] is not None]
    if not present:
        return None
    breaks = class_breaks(present)
    period = ""
    if {"year", "month"} <= set(counts.columns):
        stamps = (counts["year"].astype("int64") * 100 + counts["month"].astype("int64"))
        first, last = int(stamps.min()), int(stamps.max())
        period = month_label(first) if last == first else f"{month_label(first)}–{month_label(last)}"
    drawn = {f["properties"]["ubigeo"] for f in features}
    return {"geojson": {"type": "FeatureCollection", "features": features}, "breaks": breaks,
            "colors": list(CHOROPLETH_COLOURS[-len(breaks):]) if breaks else [], "period": period,
            "unmapped": len(set(totals.index) - drawn), "credit": credit, "category": category}


def counted_districts_bounds(layer: dict[str, Any]) -> tuple[float, float, float, float] | None:
    """(min_lon, min_lat, max_lon, max_lat) of the districts that have counts in a districts_layer."""
    counted = [f for f in layer["geojson"]["features"] if f["properties"]["count"] is not None]
    return collection_bounds({"features": counted})


def points_layer(collection: dict[str, Any]) -> dict[str, Any]:
    """Point features (police stations) reduced to name and address, the fields the popup shows."""
    features = []
    for feature in collection.get("features", []):
        geometry = feature.get("geometry") or {}
        if geometry.get("type") != "Point":
            continue
        props = feature.get("properties") or {}
        features.append({"type": "Feature", "geometry": geometry, "properties": {
            "name": _first(props, NAME_KEYS), "address": _first(props, ADDRESS_KEYS)}})
    return {"type": "FeatureCollection", "features": features}


def outline_layer(collection: dict[str, Any]) -> dict[str, Any]:
    """Polygons only, without properties (the jurisdiction outline needs no attribute)."""
    features = [{"type": "Feature", "geometry": f.get("geometry"), "properties": {}}
                for f in collection.get("features", [])
                if (f.get("geometry") or {}).get("type") in ("Polygon", "MultiPolygon")]
    return {"type": "FeatureCollection", "features": features}


def collection_bounds(collection: dict[str, Any]) -> tuple[float, float, float, float] | None:
    """(min_lon, min_lat, max_lon, max_lat) of every coordinate in a GeoJSON collection."""
    xs: list[float] = []
    ys: list[float] = []

    def walk(coords: Any) -> None:
        if coords and isinstance(coords[0], (int, float)):
            xs.append(float(coords[0]))
            ys.append(float(coords[1]))
        else:
            for part in coords or []:
                walk(part)

    for feature in collection.get("features", []):
        walk((feature.get("geometry") or {}).get("coordinates"))
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


def density_layer(png: bytes, bounds: tuple[float, float, float, float], *, kernel: str,
                  bandwidth_m: float, cell_m: float, ramp: list[str] | None,
                  language: str, ramp_labels: list[str] | None = None) -> dict[str, Any]:
    """A density surface computed in metres, as an image overlay with a legend that says how.

    `bounds` (west, south, east, north) are the image's corners; `kernel` is "quartic" or "gaussian".
    """
    min_lon, min_lat, max_lon, max_lat = bounds
    words = KERNEL_WORDS.get(language, KERNEL_WORDS["es"])
    legend = DENSITY_LEGEND.get(language, DENSITY_LEGEND["es"]).format(
        kernel=words.get(kernel, kernel), bandwidth_m=bandwidth_m, cell_m=cell_m)
    image = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    return {"image": image, "bounds": [[min_lat, min_lon], [max_lat, max_lon]],
            "legend": legend, "ramp": ramp, "ramp_labels": ramp_labels}


def density_layer_from_surface(surface: Any, language: str, colormap: str = "viridis") -> dict[str, Any]:
    """The overlay of an analysis.density.DensitySurface, its colour ramp labelled in its units."""
    legend = surface.legend(colormap, language)
    top = legend["breaks"][-1] if legend["breaks"] else 0.0
    return density_layer(surface.to_png(colormap), surface.image_bounds_lonlat, kernel=surface.kernel,
                         bandwidth_m=surface.bandwidth_m, cell_m=surface.cell_m, ramp=legend["colors"],
                         language=language, ramp_labels=["0", f"{top:,.0f} {legend['units']}"])


def density_of(incidents: "pd.DataFrame", language: str,
               parameters: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """Density overlay of the located incidents of a table, or None when none is located."""
    from stationmap.analysis.density import density_surface

    located = incidents["lat"].notna() & incidents["lon"].notna()
    if not located.any():
        return None
    surface = density_surface(incidents.loc[located, "lon"], incidents.loc[located, "lat"],
                              **(parameters or DEFAULT_DENSITY))
    return density_layer_from_surface(surface, language)


def run_density(inputs: tuple["pd.DataFrame", str, dict[str, Any] | None], progress: Any) -> dict[str, Any] | None:
    """`density_of` as a long-work function ``run(inputs, progress)`` for a UI worker."""
    incidents, language, parameters = inputs
    progress(0.0, "density")
    layer = density_of(incidents, language, parameters)
    progress(1.0, "density")
    return layer
