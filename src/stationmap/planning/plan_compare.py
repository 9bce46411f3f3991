"""Two patrol plans side by side: units per sector and shift, critical points new and dropped.

Plans of different weeks have different dates, so units are compared as
unit-shifts over each plan's period per sector and shift (a sector with two
units every night of a week has 14 night unit-shifts). Critical point codes
are renumbered in every plan ("PC-01" is simply the heaviest), so points are
matched by place: a point counts as the same when it lies within
`same_place_m` metres of one in the other plan.

`moved_units` lists the assignments that changed between two versions of the
same period, which is what "Reequilibrar" shows the commander. Units of one
kind are a pool (PT-01 and PT-02 are both cars), and the allocation hands out
slots in unit order, so one locked car shifts every later car by one slot;
`keep_unit_places` first gives each unit its earlier sector whenever the new
plan has a slot of its kind there, so only real changes show as moves.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from stationmap.planning.allocation import ShiftAllocation, Unit
from stationmap.planning.dosage import pairwise_metres
from stationmap.planning.plan import PatrolPlan

SAME_PLACE_M = 150.0
STATION = ""   # the sector value of a unit kept at the station, in comparison rows


@dataclass(frozen=True)
class SectorShiftChange:
    sector: str        # STATION for units kept at the station
    shift: str         # shift key
    before: int        # unit-shifts in the earlier plan
    after: int

    @property
    def change(self) -> int:
        return self.after - self.before


@dataclass(frozen=True)
class PointChange:
    status: str        # "new", "dropped" or "kept"
    code: str          # code in the plan where it appears (the newer one when kept)
    street: str
    lon: float
    lat: float


@dataclass(frozen=True)
class PlanComparison:
    units: list[SectorShiftChange]
    points: list[PointChange]

    def points_with(self, status: str) -> list[PointChange]:
        return [p for p in self.points if p.status == status]


@dataclass(frozen=True)
class Move:
    day: date
    shift: str
    unit: str
    before: str | None     # sector, None = at the station, for both
    after: str | None


def unit_shifts(plan: PatrolPlan) -> dict[tuple[str, str], int]:
    """(sector or STATION, shift key) -> unit-shifts over the plan's period."""
    counts: dict[tuple[str, str], int] = {}
    for (_, shift), allocation in plan.allocations.items():
        for assignment in allocation.assignments:
            key = (assignment.sector or STATION, shift)
            counts[key] = counts.get(key, 0) + 1
    return counts


def compare_plans(before: PatrolPlan, after: PatrolPlan, *, same_place_m: float = SAME_PLACE_M) -> PlanComparison:
    old, new = unit_shifts(before), unit_shifts(after)
    sector_order = _ordered([s.name for s in after.sectors] + [s.name for s in before.sectors]
                            + sorted({sector for sector, _ in (*old, *new)} - {STATION}) + [STATION])
    shift_order = _ordered([s.key for s in after.shifts.shifts] + [s.key for s in before.shifts.shifts])
    units = [SectorShiftChange(sector, shift, old.get((sector, shift), 0), new.get((sector, shift), 0))
             for sector in sector_order for shift in shift_order
             if (sector, shift) in old or (sector, shift) in new]
    return PlanComparison(units, _point_changes(before, after, same_place_m))


def _ordered(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))


def _point_changes(before: PatrolPlan, after: PatrolPlan, same_place_m: float) -> list[PointChange]:
    distance = _distances_m([(p.lon, p.lat) for p in after.critical_points],
                            [(p.lon, p.lat) for p in before.critical_points])
    near = distance <= same_place_m
    changes = [PointChange("kept" if near[i].any() else "new", p.code, p.street, p.lon, p.lat)
               for i, p in enumerate(after.critical_points)]
    changes += [PointChange("dropped", p.code, p.street, p.lon, p.lat)
                for j, p in enumerate(before.critical_points) if not near[:, j].any()]
    return changes


def _distances_m(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> np.ndarray:
    """Pairwise straight-line metres between places given as (lon, lat)."""
    if not a or not b:
        return np.zeros((len(a), len(b)))
    (lon_a, lat_a), (lon_b, lat_b) = np.array(a).T, np.array(b).T
    return pairwise_metres(lon_a, lat_a, lon_b, lat_b)


def moved_units(before: PatrolPlan, after: PatrolPlan) -> list[Move]:
    """Units whose sector differs between two plans of the same days and shifts, in plan order."""
    moves = []
    for key, allocation in after.allocations.items():
        earlier = before.allocations.get(key)
        if earlier is None:
            continue
        was = {a.unit.id: a.sector for a in earlier.assignments}
        for assignment in allocation.assignments:
            unit = assignment.unit.id
            if unit in was and was[unit] != assignment.sector:
                moves.append(Move(key[0], key[1], unit, was[unit], assignment.sector))
    return moves


def keep_unit_places(before: PatrolPlan, after: PatrolPlan) -> PatrolPlan:
    """`after` with unlocked units of each kind renamed so that as many as possible keep their sector.

    Sectors, counts per kind, reasons and visit schedules per slot are unchanged; only which
    unit id fills which slot of its kind changes (its visits go with the slot).
    """
    allocations, visits = {}, {}
    for key, allocation in after.allocations.items():
        earlier = before.allocations.get(key)
        renamed = _renamed_units(allocation, earlier) if earlier is not None else {}
        allocations[key] = ShiftAllocation(allocation.shift, [
            replace(a, unit=Unit(renamed.get(a.unit.id, a.unit.id), a.unit.kind))   # keeps the reason's code
            for a in allocation.assignments])
        for a in allocation.assignments:
            slot_visits = after.visits.get((*key, a.unit.id))
            if slot_visits is not None:
                visits[(*key, renamed.get(a.unit.id, a.unit.id))] = slot_visits
    return replace(after, allocations=allocations, visits=visits)


def _renamed_units(allocation: ShiftAllocation, earlier: ShiftAllocation) -> dict[str, str]:
    """Old id -> new id for the unlocked units of one shift (greedy is optimal: one wish per unit)."""
    was = {a.unit.id: a.sector for a in earlier.assignments}
    renamed: dict[str, str] = {}
    for kind in dict.fromkeys(a.unit.kind for a in allocation.assignments):
        slots = [a for a in allocation.assignments if a.unit.kind == kind and not a.locked]
        free_ids = [a.unit.id for a in slots]
        chosen: list[str | None] = []
        for slot in slots:
            wish = next((u for u in free_ids if u in was and was[u] == slot.sector), None)
            if wish is not None:
                free_ids.remove(wish)
            chosen.append(wish)
        for slot, unit in zip(slots, chosen):
            renamed[slot.unit.id] = unit if unit is not None else free_ids.pop(0)
    return renamed
