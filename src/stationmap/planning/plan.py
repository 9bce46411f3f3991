"""A week's patrol plan: units to sectors per day and shift, and hot-spot visits.

`build_plan` ties the pieces together: risk per sector x shift x weekday from
the last weeks (planning.risk), whole units apportioned by that risk within
minimums, caps and the commander's locks (planning.allocation), and for every
unit a randomised Koper schedule of visits to the critical points of its
sector (planning.dosage). The same request and seed always give the same plan.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd

from stationmap.analysis.critical_points import CriticalPoint, StreetNamer, find_critical_points
from stationmap.analysis.filtering import local_seconds
from stationmap.analysis.temporal import TemporalIndex
from stationmap.analysis.temporal_tables import shift_names
from stationmap.core.errors import StationMapError
from stationmap.core.progress import Progress, no_progress
from stationmap.core.shifts import DEFAULT_SHIFTS, ShiftPlan
from stationmap.planning.allocation import UNIT_KINDS, SectorRisk, ShiftAllocation, Unit, allocate_shift
from stationmap.planning.dosage import DosageRules, Visit, schedule_visits
from stationmap.planning.risk import DEFAULT_LOOKBACK_WEEKS, RiskTable, risk_by_group
from stationmap.planning.sectors import Sector, assign_sectors

UNIT_PREFIX = {"patrullero": "PT", "integrado": "PI", "motorizado": "MT", "serenazgo": "SZ", "a_pie": "AP"}


@dataclass
class UnitsSpec:
    """Available units, the same every day of the period (the usual roster)."""

    per_shift: dict[str, dict[str, int]]          # shift key -> unit kind -> count
    at_station: dict[str, int] = field(default_factory=dict)   # shift key -> units kept at the station
    minimum_per_sector: int = 0
    cap_per_sector: int | None = None
    locked: dict[str, str] = field(default_factory=dict)        # unit id -> sector name
    proactive_share: float = 0.40

    def units(self, shift_key: str) -> list[Unit]:
        units = []
        for kind, count in self.per_shift.get(shift_key, {}).items():
            if kind not in UNIT_KINDS:
                raise StationMapError("plan.unknown_unit_kind", kind=kind)
            units += [Unit(f"{UNIT_PREFIX[kind]}-{i:02d}", kind) for i in range(1, int(count) + 1)]
        return units

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "UnitsSpec":
        try:
            spec = cls(per_shift={str(k): {str(u): int(n) for u, n in v.items()}
                                  for k, v in data["per_shift"].items()},
                       at_station={str(k): int(v) for k, v in data.get("at_station", {}).items()},
                       minimum_per_sector=int(data.get("minimum_per_sector", 0)),
                       cap_per_sector=data.get("cap_per_sector"),
                       locked={str(k): str(v) for k, v in data.get("locked", {}).items()},
                       proactive_share=float(data.get("proactive_share", 0.40)))
        except KeyError as exc:
            raise StationMapError("plan.bad_units_spec", detail=f"falta {exc}") from exc
        except (TypeError, ValueError, AttributeError) as exc:
            raise StationMapError("plan.bad_units_spec", detail="formato") from exc
        if not 0.0 < spec.proactive_share < 1.0:
            raise StationMapError("plan.bad_units_spec", detail="proactive_share")
        return spec

    @classmethod
    def load(cls, path) -> "UnitsSpec":
        try:
            return cls.from_json(json.loads(open(path, encoding="utf-8").read()))
        except (OSError, json.JSONDecodeError) as exc:
            raise StationMapError("plan.bad_units_spec", detail=str(exc)[:120]) from exc


@dataclass
class PatrolPlan:
    period_start: date
    period_end: date
    shifts: ShiftPlan
    sectors: list[Sector]
    risk: RiskTable
    critical_points: list[CriticalPoint]
    point_sector: list[int]
    allocations: dict[tuple[date, str], ShiftAllocation]
    visits: dict[tuple[date, str, str], list[Visit]]
    spec: UnitsSpec
    seed: int
    created_at: str
    author: str = ""
    version: int = 1
    # Aoristic hour x weekday weights of the look-back incidents (Monday first), for the printed chart.
    hour_weekday: np.ndarray = field(default_factory=lambda: np.zeros((7, 24)))

    @property
    def days(self) -> list[date]:
        return [self.period_start + timedelta(days=k) for k in range((self.period_end - self.period_start).days + 1)]


def build_plan(incidents: pd.DataFrame, sectors: list[Sector], spec: UnitsSpec, period_start: date,
               period_end: date, *, shifts: ShiftPlan = DEFAULT_SHIFTS,
               lookback_weeks: int = DEFAULT_LOOKBACK_WEEKS, seed: int = 0, author: str = "",
               street_namer: StreetNamer | None = None, progress: Progress = no_progress) -> PatrolPlan:
    if period_end < period_start:
        raise StationMapError("plan.empty_period")
    if not sectors:
        raise StationMapError("plan.no_sectors")
    plan_start = local_seconds(period_start)
    lon = incidents["lon"].to_numpy(dtype="float64", na_value=np.nan)
    lat = incidents["lat"].to_numpy(dtype="float64", na_value=np.nan)
    sector_of = assign_sectors(lon, lat, sectors)
    names = [s.name for s in sectors]
    progress(0.05, "riesgo")
    risk = risk_by_group(incidents, sector_of, names, plan_start, shifts=shifts, lookback_weeks=lookback_weeks)
    start = incidents["start_ts"].to_numpy(dtype="float64", na_value=np.nan)
    recent = incidents[(start < plan_start) & (start >= plan_start - lookback_weeks * 7 * 86_400)]
    progress(0.25, "puntos críticos")
    # Enough places that most sectors have 2-5 to visit (Koper), not only the very hottest.
    points = find_critical_points(recent, limit=4 * len(sectors), top_share=0.05, street_namer=street_namer)
    point_sector = assign_sectors(np.array([p.lon for p in points]), np.array([p.lat for p in points]),
                                  sectors).tolist() if points else []
    rng = np.random.default_rng(seed)
    rules = DosageRules(proactive_share=spec.proactive_share)
    plan = PatrolPlan(period_start, period_end, shifts, sectors, risk, points, point_sector, {}, {}, spec,
                      seed, datetime.now().isoformat(timespec="seconds"), author,
                      hour_weekday=TemporalIndex(recent).summary(None, "aoristic").matrix)
    days = plan.days
    labels = shift_names(shifts)
    for k, day in enumerate(days):
        for s, shift in enumerate(shifts.shifts):
            # Weekday-specific risk is noisy over 8 weeks: blend it with the shift's weekly mean.
            sector_risk = 0.5 * risk.values[:, s, day.weekday()] + 0.5 * risk.values[:, s, :].mean(axis=1)
            bounds = [SectorRisk(n, float(r), spec.minimum_per_sector, spec.cap_per_sector)
                      for n, r in zip(names, sector_risk)]
            units = spec.units(shift.key)
            locked = {u: sec for u, sec in spec.locked.items() if any(x.id == u for x in units)}
            allocation = allocate_shift(shift.key, units, bounds, at_station=spec.at_station.get(shift.key, 0),
                                        locked=locked, lookback_weeks=lookback_weeks, label=labels[s])
            plan.allocations[(day, shift.key)] = allocation
            _schedule(plan, allocation, day, shift.hours * 60, rng, rules)
        progress(0.3 + 0.7 * (k + 1) / len(days), day.isoformat())
    return plan


def _schedule(plan: PatrolPlan, allocation: ShiftAllocation, day: date, minutes: int,
              rng: np.random.Generator, rules: DosageRules) -> None:
    """Share each sector's critical points among its units and schedule their visits."""
    for g, sector in enumerate(plan.sectors):
        units = allocation.units_in(sector.name)
        places = [p.code for p, owner in zip(plan.critical_points, plan.point_sector) if owner == g]
        if not units or not places:
            continue
        for i, unit in enumerate(units):
            own = places[i::len(units)] or places  # more units than places: they share them
            plan.visits[(day, allocation.shift, unit.id)] = schedule_visits(own, minutes, rng, rules)
