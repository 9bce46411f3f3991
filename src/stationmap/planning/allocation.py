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


def apportion(total: int, weights: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> np.ndarray:
    """Integers a with lower <= a <= upper and sum(a) == min(total, sum(upper)),
    each within one unit of its bounded proportional quota.

    The quota is water-filling: q_s = clip(lambda * w_s, lower_s, upper_s) with
    lambda chosen so the quotas add up to the total; the integers are the floors
    plus one for the largest fractional parts (Hamilton's method).
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
    fraction = np.where(alloc < upper, quotas - alloc, -np.inf)
    order = np.lexsort((-weights, -fraction))  # ties go to the riskier sector
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
    reason: str


@dataclass
class ShiftAllocation:
    shift: str
    assignments: list[Assignment] = field(default_factory=list)

    def units_in(self, sector: str) -> list[Unit]:
        return [a.unit for a in self.assignments if a.sector == sector]


def allocate_shift(shift: str, units: list[Unit], sectors: list[SectorRisk], *,
                   at_station: int = 0, locked: dict[str, str] | None = None,
                   lookback_weeks: int = 8, label: str | None = None) -> ShiftAllocation:
    """Assign every unit of one shift: `at_station` stay, locked ones stay put, the rest by risk.

    `shift` identifies the shift; `label` is how reasons name it ("Noche"), default `shift`.
    """
    label = label or shift
    locked = dict(locked or {})
    names = [s.name for s in sectors]
    unknown = set(locked.values()) - set(names) - {""}
    if unknown:
        raise StationMapError("plan.unknown_sector", sector=sorted(unknown)[0])
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
    counts = apportion(deployable, risk, lower, upper)

    allocation = ShiftAllocation(shift)
    free = [u for u in units if u.id not in locked]
    free.sort(key=lambda u: UNIT_KINDS.index(u.kind) if u.kind in UNIT_KINDS else len(UNIT_KINDS))
    for unit_id, sector in locked.items():
        unit = next(u for u in units if u.id == unit_id)
        allocation.assignments.append(Assignment(unit, sector or None, True, _reason(
            label, sector, risk, total_risk, index, lookback_weeks, locked=True)))
    # Open slots, riskiest sector first per slot, so cars go where risk per unit is highest.
    slots = []
    for i, name in enumerate(names):
        for k in range(int(counts[i] - locked_count[i])):
            slots.append((-(risk[i] / (locked_count[i] + k + 1)), name))
    slots.sort()
    for unit, (_, sector) in zip(free, slots):
        allocation.assignments.append(Assignment(unit, sector, False, _reason(
            label, sector, risk, total_risk, index, lookback_weeks)))
    for unit in free[len(slots):]:
        allocation.assignments.append(Assignment(unit, None, False, f"{label}: retén en la comisaría"))
    return allocation


def _reason(shift, sector, risk, total_risk, index, weeks, locked=False) -> str:
    if not sector:
        return f"{shift}: retén en la comisaría (fijado por el comisario)"
    share = 100.0 * risk[index[sector]] / total_risk if total_risk > 0 else 0.0
    text = f"{sector}, {shift}: {share:.0f} % del riesgo de este turno en las últimas {weeks} semanas"
    return text + (" (fijado por el comisario)" if locked else "")
