"""Per-sector figures for a period, and the edits a commander makes to sectors.

`sector_stats` assigns every incident to its sector (planning.sectors.assign_sectors,
an STRtree) and, for a period, counts incidents and their severity weight per
sector, compares each count with the previous period of the same length
(analysis.change, so "+50 %" on 2 -> 3 is called normal variation) and counts
the incidents of the period that fall in no sector, with or without
coordinates: they are shown, never dropped.

`merge_sectors` and `split_sector` return new sector lists; the split cuts one
sector into two contiguous halves of equal workload from that sector's own
incidents (planning.sectors.balanced_sectors on its polygon).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely

from stationmap.analysis.change import compare_counts
from stationmap.core.errors import GeometryError
from stationmap.planning.sectors import Sector, assign_sectors, balanced_sectors

SECONDS_PER_DAY = 86_400
SECONDS_PER_WEEK = 7 * SECONDS_PER_DAY
TABLE_COLUMNS = ["sector", "incidents", "weighted", "previous", "percent", "verdict", "change"]


@dataclass
class SectorStats:
    table: pd.DataFrame        # one row per sector, columns TABLE_COLUMNS
    outside: int               # incidents of the period located outside every sector
    unlocated: int             # incidents of the period without coordinates
    in_period: int             # every incident of the period
    assignment: np.ndarray     # sector index of every incident row (-1: none)
    period_mask: np.ndarray    # incident rows inside the period
    start_ts: int
    end_ts: int


def last_weeks(incidents: pd.DataFrame, weeks: int) -> tuple[int, int]:
    """The `weeks` whole days ending with the day of the newest incident: [start, end) local seconds."""
    ts = incidents["start_ts"].to_numpy(dtype="float64", na_value=np.nan)
    if not np.isfinite(ts).any():
        return 0, 0
    end = int(np.floor(np.nanmax(ts) / SECONDS_PER_DAY) + 1) * SECONDS_PER_DAY
    return end - weeks * SECONDS_PER_WEEK, end


def sector_stats(incidents: pd.DataFrame, sectors: list[Sector], start_ts: int, end_ts: int,
                 language: str | None = None) -> SectorStats:
    """Incidents, weighted score and change vs the previous period, per sector."""
    lon = incidents["lon"].to_numpy(dtype="float64", na_value=np.nan)
    lat = incidents["lat"].to_numpy(dtype="float64", na_value=np.nan)
    ts = incidents["start_ts"].to_numpy(dtype="float64", na_value=np.nan)
    weight = incidents["weight"].to_numpy(dtype="float64", na_value=1.0)
    assignment = assign_sectors(lon, lat, sectors)
    length = end_ts - start_ts
    current = (ts >= start_ts) & (ts < end_ts)
    previous = (ts >= start_ts - length) & (ts < start_ts)
    n = len(sectors)
    inside_now = current & (assignment >= 0)
    counts = np.bincount(assignment[inside_now], minlength=n)
    weighted = np.bincount(assignment[inside_now], weights=weight[inside_now], minlength=n)
    before = np.bincount(assignment[previous & (assignment >= 0)], minlength=n)
    rows = []
    for k, sector in enumerate(sectors):
        change = compare_counts(int(counts[k]), int(before[k]), 1)
        rows.append({"sector": sector.name, "incidents": int(counts[k]), "weighted": round(float(weighted[k]), 1),
                     "previous": int(before[k]), "percent": change.percent, "verdict": change.verdict,
                     "change": change.sentence(language)})
    located = np.isfinite(lon) & np.isfinite(lat)
    missed = current & (assignment < 0)
    return SectorStats(pd.DataFrame(rows, columns=TABLE_COLUMNS), outside=int((missed & located).sum()),
                       unlocated=int((missed & ~located).sum()), in_period=int(current.sum()),
                       assignment=assignment, period_mask=current, start_ts=start_ts, end_ts=end_ts)


def sector_incident_ids(incidents: pd.DataFrame, stats: SectorStats, index: int) -> frozenset[int]:
    """Ids of the period's incidents in sector `index` (what selecting its row filters to)."""
    rows = stats.period_mask & (stats.assignment == index)
    return frozenset(int(i) for i in incidents["id"].to_numpy()[rows])


def rename_sector(sectors: list[Sector], index: int, name: str) -> list[Sector]:
    name = name.strip()
    if not name:
        raise GeometryError("hotspots.empty_name")
    return [Sector(name, s.geometry) if k == index else s for k, s in enumerate(sectors)]


def merge_sectors(sectors: list[Sector], first: int, second: int) -> list[Sector]:
    """One sector from two (the union keeps the first one's name and place in the list)."""
    if first == second or not (0 <= first < len(sectors) and 0 <= second < len(sectors)):
        raise GeometryError("hotspots.merge_needs_two")
    merged = shapely.make_valid(shapely.union_all([sectors[first].geometry, sectors[second].geometry]))
    out = [Sector(sectors[first].name, merged) if k == first else s for k, s in enumerate(sectors)]
    del out[second]
    return out


def split_sector(sectors: list[Sector], index: int, incidents: pd.DataFrame, *,
                 cell_m: float = 50.0) -> list[Sector]:
    """Two contiguous halves of equal workload in place of sector `index` ("Sector 3 a", "Sector 3 b")."""
    target = sectors[index]
    lon = incidents["lon"].to_numpy(dtype="float64", na_value=np.nan)
    lat = incidents["lat"].to_numpy(dtype="float64", na_value=np.nan)
    mine = assign_sectors(lon, lat, [target]) == 0
    weight = incidents["weight"].to_numpy(dtype="float64", na_value=1.0)
    halves = balanced_sectors(target.geometry, lon[mine], lat[mine], weight[mine], 2, cell_m=cell_m)
    pieces = _cover_whole(target.geometry, [h.geometry for h in halves])
    named = [Sector(f"{target.name} {suffix}", piece) for suffix, piece in zip("ab", pieces)]
    return sectors[:index] + named + sectors[index + 1:]


def _cover_whole(whole, parts: list) -> list:
    """Give the border slivers the cell grid left out to the part they share most border with,
    so a split never leaves an incident of the old sector in no sector."""
    parts = [shapely.make_valid(p.intersection(whole)) for p in parts]
    leftover = shapely.make_valid(whole.difference(shapely.union_all(parts)))
    for piece in getattr(leftover, "geoms", [leftover]):
        if piece.is_empty or piece.area == 0:
            continue
        shared = [piece.boundary.intersection(p).length for p in parts]
        k = int(np.argmax(shared))
        parts[k] = shapely.make_valid(shapely.union_all([parts[k], piece]))
    return parts
