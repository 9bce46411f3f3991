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
from stationmap.planning.dosage import DosageRules, Visit, places_within_budget, schedule_visits, travel_minutes
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
    # Risk of each critical point per shift and weekday, as the sectors' (its incidents in the shift's
    # hours): a point is visited in the shifts where its crime happens, not in every shift alike.
    point_risk = _point_risk(incidents, points, plan_start, shifts, lookback_weeks)
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
            place_risk = 0.5 * point_risk[:, s, day.weekday()] + 0.5 * point_risk[:, s, :].mean(axis=1)
            _schedule(plan, allocation, day, shift.hours * 60, rng, rules, place_risk)
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


def _point_risk(incidents: pd.DataFrame, points: list[CriticalPoint], plan_start: int, shifts: ShiftPlan,
                lookback_weeks: int) -> np.ndarray:
    """`values[p, s, d]`: risk of critical point p in shift s on weekday d, from its own incidents
    (severity- and recency-weighted, aoristic over the shift's hours, unknown times spread evenly)."""
    if not points:
        return np.zeros((0, len(shifts.shifts), 7))
    if "id" not in incidents:   # no ids to find a point's incidents by: its weight, spread over the week
        hours = np.array([s.hours for s in shifts.shifts], dtype=float)
        return np.array([p.weight for p in points])[:, None, None] * (hours / 168.0)[None, :, None] * np.ones(7)
    ids = incidents["id"].to_numpy()
    group = np.full(len(incidents), -1, dtype=np.int64)
    for k, point in enumerate(points):
        group[np.isin(ids, point.member_ids)] = k
    return risk_by_group(incidents, group, [p.code for p in points], plan_start, shifts=shifts,
                         lookback_weeks=lookback_weeks).values


def _share_places(order: list[int], units, plan: PatrolPlan, minutes: int, rules: DosageRules) -> list[list[int]]:
    """The sector's places (indices, riskiest in this shift first) shared among fewer units.

    Each place in turn goes to the unit with the fewest places that can still keep it dosed within
    its proactive time (visits and trips), nearer ones first; so the hottest places are covered
    first, each unit gets several places (2-5, as far as distances allow) and a place no unit can
    add is left for a shift where it ranks higher, rather than crowding out a hotter one.
    """
    points = plan.critical_points
    shared: list[list[int]] = [[] for _ in units]

    def fits(u: int, own: list[int]) -> tuple[bool, int]:
        travel = travel_minutes(np.array([points[i].lon for i in own]), np.array([points[i].lat for i in own]),
                                units[u].kind)
        ok = len(own) <= rules.places_per_unit[1] and places_within_budget(len(own), minutes, rules, travel) == len(own)
        return ok, int(travel[-1].max())

    for place in order:
        options = []
        for u in range(len(units)):
            ok, hop = fits(u, shared[u] + [place])
            if ok:
                options.append((len(shared[u]), hop, u))
        if options:
            shared[min(options)[2]].append(place)
    # A unit left with fewer places than a unit should cover (2) also takes the riskiest other place it
    # can reach in time, shared with its unit and staggered there, rather than one place all shift.
    for u, own in enumerate(shared):
        for place in order:
            if len(own) >= rules.places_per_unit[0]:
                break
            if place not in own and fits(u, own + [place])[0]:
                own.append(place)
    return shared


def _schedule(plan: PatrolPlan, allocation: ShiftAllocation, day: date, minutes: int,
              rng: np.random.Generator, rules: DosageRules, place_risk: np.ndarray | None = None) -> None:
    """Share each sector's critical points among its units and schedule their visits.

    Places are ranked by their risk in this shift (`place_risk`, per critical point). With no more
    units than places each unit gets its own places (see `_share_places`); with more, every unit
    takes all of them, starting from a different one, and units are staggered so they never meet at
    a place. Within a unit's round the riskier places are revisited more often.
    """
    points = plan.critical_points
    if place_risk is None:
        place_risk = np.array([p.weight for p in points], dtype=float)
    for g, sector in enumerate(plan.sectors):
        units = allocation.units_in(sector.name)
        order = [i for i, owner in enumerate(plan.point_sector) if owner == g]
        if not units or not order:
            continue
        order.sort(key=lambda i: (-round(float(place_risk[i]), 9), i))   # ties: the heavier point overall
        if len(units) <= len(order):
            lists = _share_places(order, units, plan, minutes, rules)
        else:
            lists = [order[i % len(order):] + order[:i % len(order)] for i in range(len(units))]
        busy: dict[str, list[tuple[int, int]]] = {}
        for unit, own in zip(units, lists):
            travel = travel_minutes(np.array([points[i].lon for i in own]), np.array([points[i].lat for i in own]),
                                    unit.kind)
            visits = schedule_visits([points[i].code for i in own], minutes, rng, rules, travel=travel, busy=busy,
                                     weights=place_risk[own])
            for v in visits:
                busy.setdefault(v.place, []).append((v.start_minute, v.start_minute + v.minutes))
            plan.visits[(day, allocation.shift, unit.id)] = visits
