"""A week's patrol plan: units to sectors per day and shift, and hot-spot visits.

`build_plan` ties the pieces together: risk per sector x shift x weekday from
the last weeks (planning.risk), whole units apportioned by that risk within
minimums, caps and the commander's locks (planning.allocation), and for every
unit a randomised Koper schedule of visits to the critical points of its
sector (planning.dosage). The same request and seed always give the same plan.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from stationmap.analysis.critical_points import CriticalPoint, StreetNamer, find_critical_points
from stationmap.analysis.filtering import local_seconds
from stationmap.analysis.temporal import TemporalIndex
from stationmap.analysis.temporal_tables import shift_names
from stationmap.core.errors import StationMapError
from stationmap.core.progress import Progress, no_progress
from stationmap.core.shifts import DEFAULT_SHIFTS, ShiftPlan
from stationmap.io.normalize_text import fold
from stationmap.planning.allocation import (UNIT_KINDS, SectorRisk, ShiftAllocation, Unit, allocate_shift,
                                             render_with_shift)
from stationmap.planning.dosage import DosageRules, Visit, schedule_visits, travel_minutes
from stationmap.planning.risk import DEFAULT_LOOKBACK_WEEKS, RiskTable, risk_by_group
from stationmap.planning.sectors import Sector, assign_sectors

UNIT_PREFIX = {"patrullero": "PT", "integrado": "PI", "motorizado": "MT", "serenazgo": "SZ", "a_pie": "AP"}


# Longest period one plan covers: a plan is for the coming week or month; a year would be a
# thousand-page PDF no roll call reads, and risk from the last 8 weeks says nothing about month 11.
MAX_PERIOD_DAYS = 31


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
                _unknown("plan.unknown_unit_kind", kind, UNIT_KINDS, kind=kind)
            units += [Unit(f"{UNIT_PREFIX[kind]}-{i:02d}", kind) for i in range(1, int(count) + 1)]
        return units

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "UnitsSpec":
        """The spec a units file or a saved plan holds; every mistake is a coded, translated error.

        Shift keys are matched without accents or case ("Mañana" is "manana"), as people write them.
        """
        if not isinstance(data, dict):
            raise StationMapError("plan.units_not_object")
        for key in data:
            if key not in _spec_keys():
                _unknown("plan.units_unknown_key", key, _spec_keys(), key=key, valid=", ".join(_spec_keys()))
        if "per_shift" not in data:
            raise StationMapError("plan.units_missing_per_shift")
        per_shift = _mapping(data["per_shift"], "per_shift")
        spec = cls(per_shift={_key(k): {str(kind): _count(n, f"per_shift.{k}.{kind}")
                                              for kind, n in _mapping(v, f"per_shift.{k}").items()}
                              for k, v in per_shift.items()},
                   at_station={_key(k): _count(v, f"at_station.{k}")
                               for k, v in _mapping(data.get("at_station", {}), "at_station").items()},
                   minimum_per_sector=_count(data.get("minimum_per_sector", 0), "minimum_per_sector"),
                   cap_per_sector=_cap(data.get("cap_per_sector")),
                   locked={str(k): str(v) for k, v in _mapping(data.get("locked", {}), "locked").items()},
                   proactive_share=_share(data.get("proactive_share", 0.40)))
        for shift, kinds in spec.per_shift.items():
            for kind in kinds:
                if kind not in UNIT_KINDS:
                    _unknown("plan.unknown_unit_kind", kind, UNIT_KINDS, kind=kind)
        return spec

    @classmethod
    def load(cls, path) -> "UnitsSpec":
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError as exc:
            raise StationMapError("plan.units_file_missing", path=str(path)) from exc
        except UnicodeDecodeError as exc:
            raise StationMapError("plan.units_file_encoding", path=str(path)) from exc
        except OSError as exc:
            raise StationMapError("plan.units_file_unreadable", path=str(path),
                                  reason=exc.strerror or type(exc).__name__) from exc
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise StationMapError("plan.units_file_bad_json", path=str(path), line=exc.lineno,
                                  column=exc.colno) from exc
        return cls.from_json(data)

    def check(self, shifts: ShiftPlan, n_sectors: int) -> list[tuple[str, dict]]:
        """Refuse a roster no plan can come from; return warnings about one that works oddly."""
        keys = [s.key for s in shifts.shifts]
        for where in (self.per_shift, self.at_station):
            for key in where:
                if key not in keys:
                    _unknown("plan.units_unknown_shift", key, keys, key=key, valid=", ".join(keys))
        if sum(sum(kinds.values()) for kinds in self.per_shift.values()) == 0:
            raise StationMapError("plan.no_units")
        labels = dict(zip(keys, shift_names(shifts)))
        warnings = []
        for key in keys:
            units = sum(self.per_shift.get(key, {}).values())
            if units == 0:
                warnings.append(("plan.warn.shift_without_units", {"shift": key}))
                continue
            kept = self.at_station.get(key, 0)
            if kept > units:
                raise StationMapError("plan.station_exceeds_units", shift=labels[key], kept=kept, available=units)
            room = self.cap_per_sector * n_sectors if self.cap_per_sector is not None else units
            if units - kept > room:
                warnings.append(("plan.warn.cap_leaves_units", {"shift": key, "cap": self.cap_per_sector,
                                                                 "sectors": n_sectors, "kept": units - kept - room}))
        return warnings


def _spec_keys() -> tuple[str, ...]:
    """The keys a units file may hold: UnitsSpec's fields."""
    return tuple(f.name for f in fields(UnitsSpec))


def _key(text) -> str:
    """A word of the units file as its key: "Mañana", "MAÑANA" and "manana" are one shift, "A pie" is a_pie."""
    return "_".join(fold(text).split())


def _unknown(code: str, word: str, options, **data) -> None:
    """Raise `code`, suggesting the closest valid word for a misspelt one ("patrulero" -> "patrullero")."""
    import difflib

    found = difflib.get_close_matches(_key(word), list(options), n=1, cutoff=0.6)
    if found:
        raise StationMapError(code + "_hint", hint=found[0], **data)
    raise StationMapError(code, **data)


def _mapping(value, where: str) -> dict:
    if not isinstance(value, dict):
        raise StationMapError("plan.units_not_mapping", field=where)
    return value


def _count(value, where: str) -> int:
    """A whole number of units, 0 or more ("3" is fine; "tres", -2 and 2.5 are not)."""
    try:
        number = float(value) if not isinstance(value, bool) else float("nan")
    except (TypeError, ValueError):
        number = float("nan")
    if not number >= 0 or number != int(number):
        raise StationMapError("plan.bad_count", field=where, value=value)
    return int(number)


def _cap(value) -> int | None:
    if value is None:
        return None
    cap = _count(value, "cap_per_sector")
    if cap < 1:   # 0 would send every unit to the station; "no cap" is written by leaving it out
        raise StationMapError("plan.bad_cap", value=value)
    return cap


def _share(value) -> float:
    try:
        share = float(value)
    except (TypeError, ValueError):
        share = float("nan")
    if not 0.0 < share < 1.0:
        raise StationMapError("plan.bad_proactive_share", value=value)
    return share


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
    # What the commander must know about this plan, as (message code, data): shown by the CLI,
    # the window and every printed document, each in its own language.
    warnings: list[tuple[str, dict]] = field(default_factory=list)

    def warning_texts(self, language: str | None = None) -> list[str]:
        """The plan's warnings as sentences in `language` (default: the user's)."""
        return [render_with_shift(code, data, language) for code, data in self.warnings]

    @property
    def days(self) -> list[date]:
        return [self.period_start + timedelta(days=k) for k in range((self.period_end - self.period_start).days + 1)]


def build_plan(incidents: pd.DataFrame, sectors: list[Sector], spec: UnitsSpec, period_start: date,
               period_end: date, *, shifts: ShiftPlan = DEFAULT_SHIFTS,
               lookback_weeks: int = DEFAULT_LOOKBACK_WEEKS, seed: int = 0, author: str = "",
               street_namer: StreetNamer | None = None, progress: Progress = no_progress) -> PatrolPlan:
    if period_end < period_start:
        raise StationMapError("plan.empty_period")
    if (period_end - period_start).days + 1 > MAX_PERIOD_DAYS:
        raise StationMapError("plan.period_too_long", days=(period_end - period_start).days + 1,
                              max=MAX_PERIOD_DAYS)
    if not sectors:
        raise StationMapError("plan.no_sectors")
    warnings = spec.check(shifts, len(sectors))
    plan_start = local_seconds(period_start)
    lon = incidents["lon"].to_numpy(dtype="float64", na_value=np.nan)
    lat = incidents["lat"].to_numpy(dtype="float64", na_value=np.nan)
    sector_of = assign_sectors(lon, lat, sectors)
    names = [s.name for s in sectors]
    progress(0.05, "riesgo")
    risk = risk_by_group(incidents, sector_of, names, plan_start, shifts=shifts, lookback_weeks=lookback_weeks)
    if risk.incidents_used == 0:
        warnings.append(("plan.warn.no_recent_incidents",
                         {"weeks": lookback_weeks, "start": f"{period_start:%d/%m/%Y}"}))
    start = incidents["start_ts"].to_numpy(dtype="float64", na_value=np.nan)
    recent = incidents[(start < plan_start) & (start >= plan_start - lookback_weeks * 7 * 86_400)]
    progress(0.25, "puntos críticos")
    points, point_sector, outside = _points_in_sectors(recent, sectors, street_namer)
    if outside:
        warnings.append(("plan.warn.points_outside", {"count": len(outside), "points": ", ".join(
            f"{p.code} ({p.street})" if p.street else p.code for p in outside)}))
    rng = np.random.default_rng(seed)
    rules = DosageRules(proactive_share=spec.proactive_share)
    plan = PatrolPlan(period_start, period_end, shifts, sectors, risk, points, point_sector, {}, {}, spec,
                      seed, datetime.now().isoformat(timespec="seconds"), author,
                      hour_weekday=TemporalIndex(recent).summary(None, "aoristic").matrix, warnings=warnings)
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
            # Equally risky sectors (no incidents at all, say) take the spare units in turn.
            allocation = allocate_shift(shift.key, units, bounds, at_station=spec.at_station.get(shift.key, 0),
                                        locked=locked, lookback_weeks=lookback_weeks, label=labels[s],
                                        rotate=k * len(shifts.shifts) + s)
            plan.allocations[(day, shift.key)] = allocation
            _schedule(plan, allocation, day, shift.hours * 60, rng, rules)
        progress(0.3 + 0.7 * (k + 1) / len(days), day.isoformat())
    return plan


def _points_in_sectors(recent: pd.DataFrame, sectors: list[Sector], street_namer: StreetNamer | None):
    """Critical points inside the sectors, their sector index, and the points outside every sector.

    Only incidents inside the sectors make points: a cluster across the boundary is the neighbouring
    station's to patrol, and would otherwise take the place of one of ours (the sample station's
    plan began with such a point). A point whose centre still falls outside every sector has no
    unit to visit it, so it is not part of the plan (a plan that lists it reads as if it were
    patrolled); a warning names it instead, so the commander can fix the sector boundaries.
    """
    lon = recent["lon"].to_numpy(dtype="float64", na_value=np.nan)
    lat = recent["lat"].to_numpy(dtype="float64", na_value=np.nan)
    ours = recent[assign_sectors(lon, lat, sectors) >= 0]
    # Enough places that most sectors have 2-5 to visit (Koper), not only the very hottest.
    found = find_critical_points(ours, limit=4 * len(sectors), top_share=0.05, street_namer=street_namer)
    if not found:
        return [], [], []
    owner = assign_sectors(np.array([p.lon for p in found]), np.array([p.lat for p in found]), sectors).tolist()
    inside = [(p, int(g)) for p, g in zip(found, owner) if g >= 0]
    return [p for p, _ in inside], [g for _, g in inside], [p for p, g in zip(found, owner) if g < 0]


def _schedule(plan: PatrolPlan, allocation: ShiftAllocation, day: date, minutes: int,
              rng: np.random.Generator, rules: DosageRules) -> None:
    """Share each sector's critical points among its units and schedule their visits.

    With no more units than places each unit gets its own places; with more, every unit takes all
    of them, starting from a different one, and units are staggered so they never meet at a place.
    """
    for g, sector in enumerate(plan.sectors):
        units = allocation.units_in(sector.name)
        places = [p for p, owner in zip(plan.critical_points, plan.point_sector) if owner == g]
        if not units or not places:
            continue
        busy: dict[str, list[tuple[int, int]]] = {}
        for i, unit in enumerate(units):
            if len(units) <= len(places):
                own = places[i::len(units)]
            else:
                turn = i % len(places)
                own = places[turn:] + places[:turn]
            travel = travel_minutes(np.array([p.lon for p in own]), np.array([p.lat for p in own]), unit.kind)
            visits = schedule_visits([p.code for p in own], minutes, rng, rules, travel=travel, busy=busy)
            for v in visits:
                busy.setdefault(v.place, []).append((v.start_minute, v.start_minute + v.minutes))
            plan.visits[(day, allocation.shift, unit.id)] = visits
