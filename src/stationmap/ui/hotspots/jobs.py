"""The panel's long work as plain `run(inputs, progress) -> result` functions (no Qt).

They receive plain data (incident table, shapely jurisdiction, file paths),
never the open Project: its SQLite connection belongs to the window's thread.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from stationmap.analysis.hotspot_job import HotspotSettings
from stationmap.core.errors import GeometryError
from stationmap.core.messages import render
from stationmap.core.progress import Progress

# Method choices the panel offers: (key, HotspotSettings.method, kernel).
METHOD_CHOICES = (("conteo", "conteo", "quartic"), ("kde_quartic", "kde", "quartic"),
                  ("kde_gaussian", "kde", "gaussian"), ("gistar", "gistar", "quartic"))


def choice_key(settings: HotspotSettings) -> str:
    if settings.method == "kde":
        return "kde_gaussian" if settings.kernel == "gaussian" else "kde_quartic"
    return settings.method


def default_cell(jurisdiction: Any) -> float:
    """The cell size hotspot_cells would use for this jurisdiction (sfhotspot's rule)."""
    from stationmap.analysis.grid import default_cell_size, geometry_to_metres, utm_epsg_for

    epsg = utm_epsg_for(jurisdiction.centroid.x, jurisdiction.centroid.y)
    return default_cell_size(geometry_to_metres(jurisdiction, epsg).area)


def legend_text(legend: dict[str, Any], half_life_weeks: float | None, language: str | None = None) -> str:
    """'KDE cuártico · celda 120 m · ancho de banda 250 m · últimas 8 semanas · 97 celdas'."""
    key = "gistar" if legend["method"] == "gistar" else (
        "conteo" if legend["method"] == "conteo" else f"kde_{legend['kernel']}")
    bandwidth = (render("hotspots.legend_bandwidth", {"bandwidth_m": legend["bandwidth_m"]}, language)
                 if legend["method"] == "kde" else "")
    recency = (render("hotspots.legend_recency", {"half_life": half_life_weeks}, language)
               if half_life_weeks else "")
    return render("hotspots.legend", {"method": render(f"hotspots.method.{key}", None, language),
                                      "cell_m": legend["cell_m"], "bandwidth": bandwidth,
                                      "period": render("hotspots.legend_period", {"count": legend["weeks"]},
                                                       language),
                                      "recency": recency, "cells": legend["cells"]}, language)


def located_in(incidents: pd.DataFrame, start_ts: float, end_ts: float) -> int:
    """How many incidents have coordinates and a start in [start_ts, end_ts): what the analyses use."""
    ts = incidents["start_ts"].to_numpy(dtype="float64", na_value=np.nan)
    lon = incidents["lon"].to_numpy(dtype="float64", na_value=np.nan)
    lat = incidents["lat"].to_numpy(dtype="float64", na_value=np.nan)
    return int((np.isfinite(lon) & np.isfinite(lat) & (ts >= start_ts) & (ts < end_ts)).sum())


def basis_text(weeks: int, start_ts: float, end_ts: float, located: int, language: str | None = None) -> str:
    """What a layer or list was computed from: every incident of its look-back, not the table's filters.

    'Calculado con todos los incidentes del 21/09/2026 al 15/11/2026 (últimas 8 semanas): 412 con
    ubicación, de todas las categorías y horas. No sigue los filtros de la tabla ni del mapa.'
    """
    from datetime import datetime, timezone

    def day(ts: float) -> str:   # local seconds: read as UTC, they give the local calendar day
        return datetime.fromtimestamp(ts, timezone.utc).strftime("%d/%m/%Y")

    return render("hotspots.basis", {
        "first": day(start_ts), "last": day(end_ts - 86_400),
        "period": render("hotspots.legend_period", {"count": weeks}, language),
        "located": render("hotspots.basis_located", {"count": located}, language)}, language)


@dataclass(frozen=True)
class HotspotRequest:
    incidents: pd.DataFrame
    jurisdiction: Any
    settings: HotspotSettings
    language: str


def run_hotspots(request: HotspotRequest, progress: Progress) -> dict[str, Any]:
    """Flagged cells (GeoJSON) for the period ending after the newest incident, with a legend text and
    a `basis` text (what the layer was computed from).

    All incidents of the look-back, deliberately not the window's filters: Gi*'s significance is judged
    against the whole study area's counts of the period, and the layer must be the one the patrol plan
    and the evaluation use; a few filtered hours would make a different, noisier map."""
    from stationmap.analysis.hotspot_job import hotspot_cells
    from stationmap.planning.sector_stats import last_weeks

    settings = request.settings
    cell = settings.cell_m or default_cell(request.jurisdiction)
    if settings.method == "kde" and settings.bandwidth_m < cell:
        raise GeometryError("hotspots.bandwidth_below_cell", bandwidth_m=f"{settings.bandwidth_m:.0f}",
                            cell_m=f"{cell:.0f}")
    ts = request.incidents["start_ts"].to_numpy(dtype="float64", na_value=np.nan)
    if not np.isfinite(ts).any():
        raise GeometryError("hotspots.no_located_incidents")
    progress(0.1, "")
    start_ts, end_ts = last_weeks(request.incidents, settings.weeks)
    cells = hotspot_cells(request.incidents, request.jurisdiction, replace(settings, cell_m=cell), end_ts)
    cells["legend"]["text"] = legend_text(cells["legend"], settings.half_life_weeks, request.language)
    # The layer takes every incident of its look-back (not the table's filters): said next to it.
    cells["legend"]["basis"] = basis_text(settings.weeks, start_ts, end_ts,
                                          located_in(request.incidents, start_ts, end_ts), request.language)
    return cells


@dataclass(frozen=True)
class CriticalRequest:
    incidents: pd.DataFrame      # the period's incidents
    pack_path: Path | None       # the project's basemap pack, for street names
    limit: int = 15


def run_critical_points(request: CriticalRequest, progress: Progress) -> list:
    from stationmap.analysis.critical_points import find_critical_points

    namer = None
    pack = None
    if request.pack_path is not None:
        from stationmap.maps.basemap.reader import open_pack
        from stationmap.maps.vector_features import StreetNamer

        pack = open_pack(request.pack_path)
        namer = StreetNamer(pack) if pack.kind == "vector" else None
    progress(0.2, "")
    try:
        return find_critical_points(request.incidents, limit=request.limit, street_namer=namer)
    finally:
        if pack is not None:
            pack.close()


def run_evaluation(inputs: tuple[pd.DataFrame, Any, float], progress: Progress):
    from stationmap.analysis.hotspot_job import evaluate

    incidents, jurisdiction, bandwidth_m = inputs
    return evaluate(incidents, jurisdiction, bandwidth_m=bandwidth_m, progress=progress)


# The hot-spot layer's settings for each method the evaluation compares (analysis.evaluation).
_EVALUATED_SETTINGS = {
    "counts_all": {"method": "conteo", "weeks": 520},
    "counts_year": {"method": "conteo", "weeks": 52},
    "counts_8w": {"method": "conteo", "weeks": 8},
    "recency_4w": {"method": "conteo", "weeks": 52, "half_life_weeks": 4.0},
    "kde_quartic": {"method": "kde", "kernel": "quartic", "weeks": 52},
    "kde_gaussian": {"method": "kde", "kernel": "gaussian", "weeks": 52},
}


def settings_for_evaluated(method: str, bandwidth_m: float) -> HotspotSettings:
    """The hot-spot layer settings matching a method (its key) of the evaluation table."""
    return HotspotSettings(bandwidth_m=bandwidth_m, **_EVALUATED_SETTINGS[method])


def read_polygon_file(path: Path, progress: Progress):
    """A jurisdiction or sector file as a PolygonLayer (reprojection may first load pyproj's database)."""
    from stationmap.io.polygons import read_polygons

    progress(0.1, "")
    return read_polygons(path)


def make_grid_sectors(inputs: tuple[Any, float], progress: Progress) -> list:
    from stationmap.planning.sectors import grid_sectors

    jurisdiction, size_m = inputs
    progress(0.1, "")
    return grid_sectors(jurisdiction, size_m)


def make_balanced_sectors(inputs: tuple[Any, pd.DataFrame, int], progress: Progress) -> list:
    from stationmap.planning.sectors import balanced_sectors

    jurisdiction, incidents, n = inputs
    progress(0.1, "")
    return balanced_sectors(jurisdiction, incidents["lon"].to_numpy(dtype="float64", na_value=np.nan),
                            incidents["lat"].to_numpy(dtype="float64", na_value=np.nan),
                            incidents["weight"].to_numpy(dtype="float64", na_value=1.0), n)
