"""Hot-spot visits within a shift, following the Koper curve.

Visits of 10-15 minutes deter longest; a place is revisited at random, at
least every ~2 hours; a unit covers 2-5 places per shift; and only the share
of the shift not needed for calls for service (default 40 %) is spent on
visits. Visit times are drawn at random (seeded, so a plan is reproducible)
within each revisit window, so offenders cannot learn the pattern.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from stationmap.core.errors import StationMapError


@dataclass(frozen=True)
class DosageRules:
    visit_minutes: tuple[int, int] = (10, 15)
    max_gap_minutes: int = 120        # revisit a place at least this often
    places_per_unit: tuple[int, int] = (2, 5)
    proactive_share: float = 0.40     # the rest is kept for calls for service
    jitter_minutes: int = 30          # how far before its deadline a visit may randomly come


@dataclass(frozen=True)
class Visit:
    place: str
    start_minute: int      # minutes after the shift start
    minutes: int


def places_within_budget(n_places: int, shift_minutes: int, rules: DosageRules) -> int:
    """How many places one unit can keep dosed for a whole shift within its proactive time."""
    budget = shift_minutes * rules.proactive_share
    visits_per_place = int(np.ceil(shift_minutes / (rules.max_gap_minutes - rules.jitter_minutes)))
    fits = int(budget // (visits_per_place * rules.visit_minutes[0]))
    return max(0, min(n_places, rules.places_per_unit[1], fits))


def schedule_visits(places: list[str], shift_minutes: int, rng: np.random.Generator,
                    rules: DosageRules = DosageRules()) -> list[Visit]:
    """A randomised visit schedule for one unit over one shift, most important places first.

    Earliest-deadline scheduling with random slack: each place has a latest
    start for its next visit (previous start + max gap); the unit idles a random
    while that keeps every deadline reachable, then visits a place drawn at
    random among those it can serve without making another one late.
    """
    keep = places_within_budget(len(places), shift_minutes, rules)
    if keep == 0:
        if places:
            raise StationMapError("plan.dosage_over_budget", places=len(places),
                                  budget=int(shift_minutes * rules.proactive_share))
        return []
    places = places[:keep]
    gap = rules.max_gap_minutes
    minutes = int(min(rules.visit_minutes[1], max(rules.visit_minutes[0],
                  shift_minutes * rules.proactive_share
                  // (keep * np.ceil(shift_minutes / (gap - rules.jitter_minutes))))))
    due = rng.integers(0, max(gap - minutes * keep, 0) + 1, keep).astype(np.int64) + minutes * np.arange(keep)
    clock, visits = 0, []
    while True:
        pending = np.flatnonzero(due <= shift_minutes - minutes)
        if len(pending) == 0:
            break
        wait_max = _slack(due[pending], clock, minutes)
        clock += int(wait_max - rng.integers(0, min(wait_max, rules.jitter_minutes) + 1))
        # Places that are at least half-way to their deadline, and whose visit now
        # leaves every other place reachable in time; the most urgent always qualifies.
        choices = [p for p in pending if due[p] - clock <= gap // 2
                   and _slack(np.delete(due, p)[np.delete(due, p) <= shift_minutes - minutes],
                              clock + minutes, minutes) >= 0]
        place = int(rng.choice(choices)) if choices else int(pending[np.argmin(due[pending])])
        visits.append(Visit(places[place], clock, minutes))
        due[place] = clock + gap
        clock += minutes
    return visits


def _slack(due: np.ndarray, clock: int, minutes: int) -> int:
    """How long the unit may still wait and reach every due place in deadline order."""
    if len(due) == 0:
        return 10**9
    ordered = np.sort(due)
    return int(np.min(ordered - clock - minutes * np.arange(len(ordered))))
