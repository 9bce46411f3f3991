"""What the weekly brief says, computed once and printed as PDF and HTML.

For a chosen ISO week (or any period): totals by category against the
previous four weeks and the same week last year, each judged by the exact
change test; the critical points and sectors of the last weeks with the new
ones marked; the hour x weekday picture and what moved; and the data quality.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
import pandas as pd

from stationmap.analysis.change import Change, compare_counts
from stationmap.analysis.critical_points import CriticalPoint, StreetNamer, find_critical_points
from stationmap.analysis.filtering import local_seconds
from stationmap.analysis.grid import to_metres, utm_epsg_for
from stationmap.analysis.quality import QualityReport, quality_report
from stationmap.analysis.temporal import TemporalIndex
from stationmap.analysis.temporal_series import shift_totals
from stationmap.analysis.temporal_tables import shift_names
from stationmap.core.errors import StationMapError
from stationmap.reports.brief_weeks import check_week_covered
from stationmap.core.shifts import DEFAULT_SHIFTS
from stationmap.planning.sectors import Sector, assign_sectors

REFERENCE_WEEKS = 4
NEW_POINT_DISTANCE_M = 150.0
TOTAL = "Total"


def iso_week_bounds(label: str) -> tuple[date, date]:
    """'2026-W47' -> (Monday, Sunday) of that ISO week."""
    try:
        year, week = label.upper().split("-W")
        monday = date.fromisocalendar(int(year), int(week), 1)
    except ValueError as exc:
        raise StationMapError("brief.bad_week", week=label) from exc
    return monday, monday + timedelta(days=6)


@dataclass
class CategoryLine:
    category: str
    current: int
    vs_previous: Change | None      # None: the project's data do not reach back that far
    vs_last_year: Change | None


@dataclass
class SectorLine:
    sector: str
    current: int
    previous_mean: float
    change: Change | None           # None: the data do not reach back four weeks


@dataclass
class WeeklyBrief:
    station: str
    synthetic: bool
    start: date
    end: date
    categories: list[CategoryLine]
    sectors: list[SectorLine]
    critical_points: list[CriticalPoint]
    new_points: set[str]
    matrix_current: np.ndarray          # 7 x 24, this period
    matrix_reference: np.ndarray        # 7 x 24, mean week of the previous four
    movements: list["Movement"]
    quality: QualityReport
    period_mask: np.ndarray = field(repr=False, default_factory=lambda: np.zeros(0, bool))
    provisional_sectors: int = 0        # sectors made for this brief only (the project has none saved)

    @property
    def has_last_year(self) -> bool:
        """Whether the project's data reach back to the same week a year earlier."""
        return any(line.vs_last_year is not None for line in self.categories)

    @property
    def label(self) -> str:
        year, week, _ = self.start.isocalendar()
        return f"{year}-W{week:02d}"


def _window(start_ts: np.ndarray, first: date, last: date) -> np.ndarray:
    return (start_ts >= local_seconds(first)) & (start_ts < local_seconds(last + timedelta(days=1)))


def _shift_shares(index: TemporalIndex, mask: np.ndarray) -> np.ndarray:
    totals = shift_totals(index.summary(mask, "aoristic"), DEFAULT_SHIFTS).sum(axis=1)
    return totals / totals.sum() if totals.sum() > 0 else totals


@dataclass(frozen=True)
class Movement:
    """A category whose share of cases in one shift moved by 10 points or more."""

    category: str
    shift: int            # index into DEFAULT_SHIFTS.shifts
    before: float         # share 0..1 in the reference weeks
    now: float

    def sentence(self, t) -> str:
        """In the brief's language (`t` is a reports.brief_text.BriefText)."""
        shift = shift_names(DEFAULT_SHIFTS, t.language)[self.shift].lower()
        return t("movement", category=self.category, shift=shift, verb=t("rose" if self.now > self.before else "fell"),
                 before=f"{100 * self.before:.0f}", now=f"{100 * self.now:.0f}")


def _movements(incidents: pd.DataFrame, index: TemporalIndex, current: np.ndarray, reference: np.ndarray,
               categories: list[str]) -> list[Movement]:
    """Categories whose time of day shifted by 10+ points between shifts."""
    moved = []
    for category in categories:
        in_category = (incidents["category"] == category).to_numpy()
        now, before = _shift_shares(index, current & in_category), _shift_shares(index, reference & in_category)
        if (current & in_category).sum() < 8 or before.sum() == 0:
            continue  # too few cases this week for a share to mean anything
        delta = now - before
        k = int(np.argmax(np.abs(delta)))
        if abs(delta[k]) >= 0.10:
            moved.append(Movement(category, k, float(before[k]), float(now[k])))
    return moved


def _new_points(recent: list[CriticalPoint], older: list[CriticalPoint]) -> set[str]:
    if not recent:
        return set()
    epsg = utm_epsg_for(recent[0].lon)
    rx, ry = to_metres(np.array([p.lon for p in recent]), np.array([p.lat for p in recent]), epsg)
    if not older:
        return {p.code for p in recent}
    ox, oy = to_metres(np.array([p.lon for p in older]), np.array([p.lat for p in older]), epsg)
    distance = np.hypot(rx[:, None] - ox[None, :], ry[:, None] - oy[None, :]).min(axis=1)
    return {p.code for p, d in zip(recent, distance) if d > NEW_POINT_DISTANCE_M}


def build_brief(incidents: pd.DataFrame, start: date, end: date, *, station: str, sectors: list[Sector],
                imports: pd.DataFrame | None = None, rejections: pd.DataFrame | None = None,
                synthetic: bool = False, street_namer: StreetNamer | None = None) -> WeeklyBrief:
    check_week_covered(incidents, start, end)   # a week without data is refused, never reported as a fall
    days = (end - start).days + 1
    ts = incidents["start_ts"].to_numpy(dtype="float64", na_value=np.nan)
    current = _window(ts, start, end)
    previous = _window(ts, start - timedelta(days=REFERENCE_WEEKS * days), start - timedelta(days=1))
    last_year = _window(ts, start - timedelta(weeks=52), end - timedelta(weeks=52))
    category = incidents["category"].to_numpy()
    # A reference the data do not cover is "no data", not zero crime.
    first_day = np.nanmin(ts) if np.isfinite(ts).any() else np.inf
    has_previous = first_day <= local_seconds(start - timedelta(days=REFERENCE_WEEKS * days))
    has_last_year = first_day <= local_seconds(start - timedelta(weeks=52))
    lines = []
    for name in [TOTAL] + incidents.loc[current | previous, "category"].value_counts().index.tolist():
        in_cat = np.ones(len(category), bool) if name == TOTAL else category == name
        now = int((current & in_cat).sum())
        lines.append(CategoryLine(
            name, now,
            compare_counts(now, (previous & in_cat).sum(), REFERENCE_WEEKS) if has_previous else None,
            compare_counts(now, (last_year & in_cat).sum(), 1) if has_last_year else None))
    sector_of = assign_sectors(incidents["lon"].to_numpy(dtype="float64", na_value=np.nan),
                               incidents["lat"].to_numpy(dtype="float64", na_value=np.nan), sectors)
    sector_lines = []
    for g, sector in enumerate(sectors):
        now, before = int((current & (sector_of == g)).sum()), int((previous & (sector_of == g)).sum())
        sector_lines.append(SectorLine(sector.name, now, before / REFERENCE_WEEKS,
                                       compare_counts(now, before, REFERENCE_WEEKS) if has_previous else None))
    sector_lines.sort(key=lambda s: -s.current)
    # Critical points of the last four weeks (this one included) against the four before.
    recent_window = _window(ts, end - timedelta(days=4 * 7 - 1), end)
    older_window = _window(ts, end - timedelta(days=8 * 7 - 1), end - timedelta(days=4 * 7))
    points = find_critical_points(incidents[recent_window], limit=10, street_namer=street_namer)
    older_points = find_critical_points(incidents[older_window], limit=10)
    index = TemporalIndex(incidents)
    top_categories = [line.category for line in lines[1:4]]
    return WeeklyBrief(
        station=station, synthetic=synthetic, start=start, end=end, categories=lines, sectors=sector_lines,
        critical_points=points, new_points=_new_points(points, older_points),
        matrix_current=index.summary(current, "aoristic").matrix,
        matrix_reference=index.summary(previous, "aoristic").matrix / REFERENCE_WEEKS,
        movements=_movements(incidents, index, current, previous, top_categories),
        quality=quality_report(incidents, sector=sector_of, imports=imports, rejections=rejections,
                               period=current),   # the week's shares, as in the week's row below them
        period_mask=current)


# Weeks of data quality the brief shows, in its PDF and its HTML alike.
RECENT_QUALITY_WEEKS = 8


def recent_quality_weeks(quality) -> list[tuple]:
    """The last weeks' quality, one row each: Monday, incidents, and the % with coordinates, with a
    known time and with an unspecified category (rounded)."""
    return [(week, int(r["incidentes"]), round(float(r["with_coordinates"])), round(float(r["known_time"])),
             round(float(r["unspecified"]))) for week, r in quality.weekly.tail(RECENT_QUALITY_WEEKS).iterrows()]


def shared_peak(brief: WeeklyBrief) -> float:
    """The top of the one colour scale both hour x weekday charts (this week, usual week) are shaded
    on: the busiest cell of either, so the same shade is the same count in both."""
    return max(float(brief.matrix_current.max()), float(brief.matrix_reference.max()))
