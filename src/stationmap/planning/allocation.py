"""Whole patrol units to sectors, in proportion to risk, within bounds.

Largest-remainder (Hamilton) apportionment with per-sector lower and upper
bounds: every sector keeps its minimum presence, no sector exceeds its cap,
units a commander locked stay where he put them, and what is left is shared
in proportion to risk. Each assignment carries the reason a commander reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from stationmap.core.errors import StationMapError

# Unit kinds, most capable first: the riskiest sectors get cars before foot patrols.
UNIT_KINDS = ("patrullero", "integrado", "motorizado", "serenazgo", "a_pie")
# Who stays at the station as retén: a police unit, a car first (it answers what comes in), and the
# municipal serenazgo only when no police unit is free. The last of a kind stays: PT-01 goes out.
RETEN_ORDER = ("patrullero", "motorizado", "a_pie", "integrado", "serenazgo")


def apportion(total: int, weights: np.ndarray, lower: np.ndarray, upper: np.ndarray,
              rotate: int = 0) -> np.ndarray:
    """Integers a with lower <= a <= upper and sum(a) == min(total, sum(upper)),
    each within one unit of its bounded proportional quota.

    The quota is water-filling: q_s = clip(lambda * w_s, lower_s, upper_s) with
    lambda chosen so the quotas add up to the total; the integers are the floors
    plus one for the largest fractional parts (Hamilton's method). Sectors tied on
    both fraction and risk take the spare units in turn, starting at sector
    `rotate` (mod n): a week of plans with no risk anywhere shares evenly instead
    of giving Sector 1 every spare unit.
    """
    weights = np.asarray(weights, dtype=float)
    lower = np.asarray(lower, dtype=np.int64)
    upper = np.maximum(np.asarray(upper, dtype=np.int64), lower)
    if lower.sum() > total:
        raise StationMapError("plan.minimums_exceed_units", needed=int(lower.sum()), available=int(total))
    target = int(min(total, upper.sum()))
    quotas = _bounded_quotas(target, weights, lower, upper)
    alloc = np.floor(quotas + 1e-9).astype(np.int64)
    short = target - int(alloc.sum())
    fraction = np.where(alloc < upper, np.round(quotas - alloc, 9), -np.inf)
    turn = (np.arange(len(weights)) - rotate) % max(len(weights), 1)
    order = np.lexsort((turn, -weights, -fraction))  # ties go to the riskier sector, then in turn
    alloc[order[:short]] += 1
    return alloc


def _bounded_quotas(target: int, weights: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> np.ndarray:
    w = weights.copy()
    if w.sum() <= 0 or np.clip(1e12 * w, lower, upper).sum() < target:
        # No risk anywhere, or risky sectors all full: the rest is shared evenly.
        w = w + max(w.max(initial=0.0), 1.0) * 1e-6
    low, high = 0.0, 1.0
    while np.clip(high * w, lower, upper).sum() < target:
        high *= 2.0
    for _ in range(100):
        mid = (low + high) / 2.0
        if np.clip(mid * w, lower, upper).sum() < target:
            low = mid
        else:
            high = mid
    return np.clip(high * w, lower, upper)


@dataclass(frozen=True)
class Unit:
    id: str          # e.g. "PT-01", "SZ-03"
    kind: str        # one of UNIT_KINDS


@dataclass(frozen=True)
class SectorRisk:
    name: str
    risk: float              # weighted, recency-weighted incidents in this shift
    minimum: int = 0         # units always present
    cap: int | None = None   # at most this many units


@dataclass(frozen=True)
class Assignment:
    unit: Unit
    sector: str | None       # None: stays at the station
    locked: bool
    reason: str              # as shown when the plan was made (a commander's note for hand edits)
    # The reason as a message code and its data, so each export says it in its own language.
    why: str = ""
    why_data: tuple = ()

    def reason_in(self, language: str | None = None) -> str:
        """The reason in `language` (default: the user's), or as written when it has no code."""
        return render_reason(self.why, dict(self.why_data), language) if self.why else self.reason


def render_with_shift(code: str, data: dict, language: str | None = None) -> str:
    """A plan message whose `shift` is a shift key, rendered with the shift's name in `language`
    (a station's own shift with no name in the catalog keeps the `label` it was planned with)."""
    from stationmap.analysis.temporal_tables import shift_name
    from stationmap.core.messages import render

    shift = shift_name(str(data.get("shift", "")), language, fallback=data.get("label", ""))
    return render(code, {**data, "shift": shift}, language)


def render_reason(code: str, data: dict, language: str | None = None) -> str:
    from stationmap.core.messages import render

    text = render_with_shift(code, data, language)
    return text + render("plan.reason.locked", language=language) if data.get("locked") else text


@dataclass
class ShiftAllocation:
    shift: str
    assignments: list[Assignment] = field(default_factory=list)

    def units_in(self, sector: str) -> list[Unit]:
        return [a.unit for a in self.assignments if a.sector == sector]


def allocate_shift(shift: str, units: list[Unit], sectors: list[SectorRisk], *,
                   at_station: int = 0, locked: dict[str, str] | None = None,
                   lookback_weeks: int = 8, label: str | None = None, rotate: int = 0) -> ShiftAllocation:
    """Assign every unit of one shift: `at_station` stay, locked ones stay put, the rest by risk.

    `shift` identifies the shift; `label` is how reasons name it ("Noche"), default `shift`.
    `rotate` says which of several equally risky sectors goes first (see `apportion`).
    """
    label = label or shift
    locked = dict(locked or {})
    names = [s.name for s in sectors]
    unknown = set(locked.values()) - set(names) - {""}
    if unknown:
        raise StationMapError("plan.unknown_sector", sector=sorted(unknown)[0])
    if at_station > len(units):
        raise StationMapError("plan.station_exceeds_units", shift=label, kept=at_station, available=len(units))
    if at_station + len(locked) > len(units):
        raise StationMapError("plan.minimums_exceed_units", needed=at_station + len(locked), available=len(units))
    index = {name: i for i, name in enumerate(names)}
    risk = np.array([max(s.risk, 0.0) for s in sectors])
    total_risk = risk.sum()
    locked_count = np.zeros(len(sectors), dtype=np.int64)
    for sector in locked.values():
        if sector:
            locked_count[index[sector]] += 1
    lower = np.maximum([s.minimum for s in sectors], locked_count)
    upper = np.array([s.cap if s.cap is not None else len(units) for s in sectors])
    upper = np.maximum(upper, lower)
    deployable = len(units) - at_station - sum(1 for s in locked.values() if not s)
    counts = apportion(deployable, risk, lower, upper, rotate)

    allocation = ShiftAllocation(shift)
    free = [u for u in units if u.id not in locked]
    free.sort(key=lambda u: UNIT_KINDS.index(u.kind) if u.kind in UNIT_KINDS else len(UNIT_KINDS))
    def assign(unit: Unit, sector: str | None, is_locked: bool) -> None:
        code, data = _reason(shift, label, sector, risk, total_risk, index, lookback_weeks, is_locked)
        allocation.assignments.append(Assignment(unit, sector, is_locked, render_reason(code, data), code,
                                                 tuple(sorted(data.items()))))

    for unit_id, sector in locked.items():
        assign(next(u for u in units if u.id == unit_id), sector or None, True)
    reten = sorted(reversed(free), key=_reten_rank)[:at_station]
    for unit in reten:
        assign(unit, None, False)
    kept = {unit.id for unit in reten}
    free = [u for u in free if u.id not in kept]
    # Open slots, riskiest sector first per slot, so cars go where risk per unit is highest
    # (equally risky sectors in turn, so the same sector does not always get the cars).
    turn = {name: (i - rotate) % len(names) for i, name in enumerate(names)}
    slots = []
    for i, name in enumerate(names):
        for k in range(int(counts[i] - locked_count[i])):
            slots.append((-round(risk[i] / (locked_count[i] + k + 1), 9), turn[name], name))
    slots.sort()
    for unit, (_, _, sector) in zip(free, slots):
        assign(unit, sector, False)
    for unit in free[len(slots):]:
        assign(unit, None, False)
    return allocation


def _reten_rank(unit: Unit) -> int:
    return RETEN_ORDER.index(unit.kind) if unit.kind in RETEN_ORDER else len(RETEN_ORDER)


def _reason(shift, label, sector, risk, total_risk, index, weeks, locked) -> tuple[str, dict]:
    """The message code and data that explain one assignment."""
    data = {"shift": shift, "label": label, "weeks": weeks, "locked": locked}
    if not sector:
        return "plan.reason.station", data
    if total_risk <= 0:
        return "plan.reason.no_risk", {**data, "sector": sector}
    return "plan.reason.share", {**data, "sector": sector, "share": f"{100.0 * risk[index[sector]] / total_risk:.0f}"}
