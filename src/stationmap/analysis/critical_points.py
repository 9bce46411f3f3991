"""Puntos críticos: the few small places that hold most of the station's crime.

Cells of a metre grid are scored (weighted counts, optionally recency-weighted),
the top cells are merged into contiguous patches, and each patch becomes a
critical point with its centre, its incidents by category, and its peak hours
(aoristic, so a burglary found in the morning does not fake a morning peak).
Street names come from a `street_namer(lon, lat) -> str` the caller supplies
(the basemap pack knows the streets; analysis does not read map files).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import pandas as pd

from stationmap.analysis.grid import Grid, default_cell_size, to_lonlat, to_metres, utm_epsg_for
from stationmap.analysis.hotspots import top_patches
from stationmap.analysis.temporal import TemporalIndex

StreetNamer = Callable[[float, float], str]


@dataclass
class CriticalPoint:
    code: str                      # "PC-01"
    lon: float
    lat: float
    weight: float                  # severity-weighted incidents in its cells
    incidents: int
    cells: int
    cell_m: float
    street: str = ""
    categories: dict[str, int] = field(default_factory=dict)
    peak_hours: list[int] = field(default_factory=list)   # up to 3 hours of day, busiest first
    member_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64), repr=False)

    @property
    def area_m2(self) -> float:
        return self.cells * self.cell_m * self.cell_m

    def crimes_text(self, top: int = 3) -> str:
        """Its commonest categories with their counts, as every list of points prints them: "Robo (12), Hurto (9)"."""
        common = sorted(self.categories.items(), key=lambda kv: -kv[1])[:top]
        return ", ".join(f"{name} ({count})" for name, count in common)

    def peak_text(self) -> str:
        """Its busiest hours, "21:00, 22:00"; "—" when no hour stands out (see `peak_hours`)."""
        return ", ".join(f"{hour:02d}:00" for hour in self.peak_hours) or "—"


def peak_hours(by_hour: np.ndarray, top: int = 3) -> list[int]:
    """Up to `top` busiest hours of day from incidents with a known time (aoristic counts per hour).

    Only incidents with a known time reach `by_hour` (TemporalIndex leaves "hora desconocida" out).
    An hour is a peak only when it holds more than one incident could put there: a place whose
    incidents fall one per hour has no peak, and listing the first hours of a tie ("00:00, 08:00")
    would read as a pattern, or as the unknown time 00:00. Ties rank by the neighbouring hours.
    """
    by_hour = np.asarray(by_hour, dtype=float)
    around = by_hour + 0.5 * (np.roll(by_hour, 1) + np.roll(by_hour, -1))
    busy = [h for h in range(len(by_hour)) if by_hour[h] > 1.0 + 1e-9]
    return sorted(busy, key=lambda h: (-round(by_hour[h], 9), -round(around[h], 9), h))[:top]


def find_critical_points(incidents: pd.DataFrame, *, cell_m: float | None = None, limit: int = 15,
                         top_share: float = 0.02, street_namer: StreetNamer | None = None,
                         weights: np.ndarray | None = None) -> list[CriticalPoint]:
    """The `limit` heaviest patches among the top `top_share` of occupied cells."""
    lon = incidents["lon"].to_numpy(dtype="float64", na_value=np.nan)
    lat = incidents["lat"].to_numpy(dtype="float64", na_value=np.nan)
    located = np.isfinite(lon) & np.isfinite(lat)
    if "coord_status" in incidents:
        located &= (incidents["coord_status"].to_numpy() != "outside_peru")
    if located.sum() < 3:
        return []
    w = incidents["weight"].to_numpy(dtype="float64", na_value=1.0) if weights is None else np.asarray(weights)
    epsg = utm_epsg_for(float(np.median(lon[located])))
    x, y = to_metres(lon[located], lat[located], epsg)
    if cell_m is None:
        cell_m = default_cell_size(float(np.ptp(x) * np.ptp(y)))
    grid = Grid.covering(x, y, cell_m, epsg)
    score = grid.counts(x, y, w[located])
    occupied = score[score > 0]
    threshold = np.quantile(occupied, 1.0 - top_share) if len(occupied) > 20 else occupied.max()
    flagged = score >= max(threshold, np.finfo(float).tiny)
    rows, cols, _ = grid.cell_of(x, y)
    flat_cell = rows * grid.nx + cols
    located_rows = np.flatnonzero(located)
    index = TemporalIndex(incidents)
    points = []
    for patch in top_patches(score, flagged, limit=limit):
        patch_flat = patch.cells[:, 0] * grid.nx + patch.cells[:, 1]
        members = located_rows[np.isin(flat_cell, patch_flat)]
        # Weighted centre of the patch's incidents, so the pin sits where crime is.
        mx = np.average(x[np.isin(flat_cell, patch_flat)], weights=w[members])
        my = np.average(y[np.isin(flat_cell, patch_flat)], weights=w[members])
        plon, plat = (float(v[0]) for v in to_lonlat(np.array([mx]), np.array([my]), epsg))
        mask = np.zeros(len(incidents), dtype=bool)
        mask[members] = True
        peak = peak_hours(index.summary(mask, "aoristic").matrix.sum(axis=0))
        categories = incidents["category"].iloc[members].value_counts().to_dict()
        points.append(CriticalPoint(
            code=f"PC-{len(points) + 1:02d}", lon=plon, lat=plat, weight=patch.weight,
            incidents=len(members), cells=len(patch.cells), cell_m=cell_m,
            street=street_namer(plon, plat) if street_namer else "",
            categories={str(k): int(v) for k, v in categories.items()}, peak_hours=peak,
            member_ids=incidents["id"].to_numpy()[members] if "id" in incidents else members))
    return points
