"""Hot spots of a station as the map and the evaluation table need them.

`hotspot_cells` turns the chosen method (grid counts, kernel density or Gi*)
into flagged grid cells as GeoJSON with a legend that states method, cell,
bandwidth and period; `evaluate` runs the rolling backtest over the station's
own weeks inside its jurisdiction and states the study area PAI depends on.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from stationmap.analysis.evaluation import (AREA_SHARES, BacktestInput, default_methods, kde_scorer,
                                            rolling_backtest, summarise)
from stationmap.analysis.grid import Grid, default_cell_size, geometry_to_metres, to_metres, utm_epsg_for
from stationmap.analysis.hotspots import SECONDS_PER_WEEK, getis_ord_gi_star, recency_weights
from stationmap.core.progress import Progress, no_progress

METHODS = ("conteo", "kde", "gistar")
_MONDAY_OFFSET = 3 * 86_400  # 1970-01-01 was a Thursday


@dataclass(frozen=True)
class HotspotSettings:
    method: str = "kde"               # one of METHODS
    cell_m: float | None = None       # None: from the jurisdiction's size
    bandwidth_m: float = 250.0
    kernel: str = "quartic"
    weeks: int = 8                    # period ending at the analysis date
    half_life_weeks: float | None = None   # recency weighting (prospective), None = off
    top_share: float = 0.05           # share of the area flagged for counts and KDE


@dataclass
class StudyArea:
    grid: Grid
    study: np.ndarray
    x: np.ndarray
    y: np.ndarray
    ts: np.ndarray
    weights: np.ndarray
    area_km2: float


def study_area(incidents: pd.DataFrame, jurisdiction, cell_m: float | None = None) -> StudyArea:
    """The jurisdiction's metre grid and the located, dated incidents in it."""
    lon = incidents["lon"].to_numpy(dtype="float64", na_value=np.nan)
    lat = incidents["lat"].to_numpy(dtype="float64", na_value=np.nan)
    ts = incidents["start_ts"].to_numpy(dtype="float64", na_value=np.nan)
    keep = np.isfinite(lon) & np.isfinite(lat) & np.isfinite(ts)
    epsg = utm_epsg_for(jurisdiction.centroid.x, jurisdiction.centroid.y)
    area = geometry_to_metres(jurisdiction, epsg)
    cell = cell_m or default_cell_size(area.area)
    minx, miny, maxx, maxy = area.bounds
    grid = Grid.covering(np.array([minx, maxx]), np.array([miny, maxy]), cell, epsg)
    x, y = to_metres(lon[keep], lat[keep], epsg)
    weights = incidents["weight"].to_numpy(dtype="float64", na_value=1.0)[keep]
    return StudyArea(grid, grid.inside_mask(jurisdiction), x, y, ts[keep], weights, area.area / 1e6)


def _score(area: StudyArea, settings: HotspotSettings, end_ts: float) -> np.ndarray:
    recent = (area.ts < end_ts) & (area.ts >= end_ts - settings.weeks * SECONDS_PER_WEEK)
    w = area.weights[recent]
    if settings.half_life_weeks:
        w = w * recency_weights(area.ts[recent], end_ts, settings.half_life_weeks)
    if settings.method == "kde":
        return kde_scorer(settings.bandwidth_m, settings.kernel, None)(
            area.grid, area.x[recent], area.y[recent], area.ts[recent], w, end_ts)
    return area.grid.counts(area.x[recent], area.y[recent], w)


def hotspot_cells(incidents: pd.DataFrame, jurisdiction, settings: HotspotSettings, end_ts: float) -> dict:
    """Flagged cells as a GeoJSON FeatureCollection (lon/lat), with a `legend` member."""
    area = study_area(incidents, jurisdiction, settings.cell_m)
    score = _score(area, settings, end_ts)
    score = np.where(area.study, score, 0.0)
    if settings.method == "gistar":
        result = getis_ord_gi_star(score, area.study)
        flagged, value = result.hot, np.nan_to_num(result.z)
    else:
        positive = score[area.study & (score > 0)]
        threshold = np.quantile(positive, 1 - settings.top_share) if len(positive) else np.inf
        flagged, value = area.study & (score >= threshold) & (score > 0), score
    features = [{"type": "Feature",
                 "geometry": {"type": "Polygon", "coordinates": [area.grid.cell_polygon_lonlat(int(r), int(c))]},
                 "properties": {"valor": round(float(value[r, c]), 3)}}
                for r, c in np.argwhere(flagged)]
    legend = {"method": settings.method, "cell_m": area.grid.cell_m, "bandwidth_m": settings.bandwidth_m,
              "kernel": settings.kernel, "weeks": settings.weeks, "cells": len(features),
              "area_km2": round(area.area_km2, 2)}
    return {"type": "FeatureCollection", "features": features, "legend": legend}


@dataclass
class Evaluation:
    table: pd.DataFrame        # method, share, mean hit_rate, mean pai
    detail: pd.DataFrame       # one row per method, week and share
    area_km2: float
    cell_m: float
    weeks: int
    bandwidth_m: float         # the KDE methods' bandwidth (never below the cell)


def evaluate(incidents: pd.DataFrame, jurisdiction, *, test_weeks: int = 12, cell_m: float | None = None,
             bandwidth_m: float = 250.0, progress: Progress = no_progress) -> Evaluation:
    """Rolling backtest over the last `test_weeks` complete weeks (Monday to Sunday) of the data."""
    area = study_area(incidents, jurisdiction, cell_m)
    last = np.nanmax(area.ts) if len(area.ts) else 0.0
    # Monday of the week holding the last incident; that week counts only if the data reach its Sunday.
    monday = np.floor((last + _MONDAY_OFFSET) / SECONDS_PER_WEEK) * SECONDS_PER_WEEK - _MONDAY_OFFSET
    if last < monday + SECONDS_PER_WEEK - 86_400:
        monday -= SECONDS_PER_WEEK
    weeks = [int(monday - k * SECONDS_PER_WEEK) for k in range(test_weeks - 1, -1, -1)]
    bandwidth_m = max(bandwidth_m, area.grid.cell_m)
    detail = rolling_backtest(BacktestInput(area.grid, area.study, area.x, area.y, area.ts, area.weights, weeks,
                                            default_methods(bandwidth_m), AREA_SHARES), progress)
    return Evaluation(summarise(detail), detail, area.area_km2, area.grid.cell_m, test_weeks, bandwidth_m)
