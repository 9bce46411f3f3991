"""Hot-spot visits within a shift, following the Koper curve, with time to get there.

Visits of 10-15 minutes deter longest; a place is revisited at random, at
least every ~2 hours; a unit covers 2-5 places per shift; and only the share
of the shift not needed for calls for service (default 40 %) is spent on
hot-spot patrol: the visits *and* the driving or walking between them. Visit
times are drawn at random (seeded, so a plan is reproducible) within each
revisit window, so offenders cannot learn the pattern.

Between two visits a unit needs the time to reach the next place: straight
distance times a street-detour factor, at the believable average speed of its
kind of unit. Units sharing a sector's places are staggered so two of them are
never at the same place at the same time.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from stationmap.core.errors import StationMapError

# Average door-to-door urban speeds (km/h), stops, traffic lights and congestion included; not top speeds.
# A car in a Peruvian city centre averages about 15-25 km/h over a day (much less at rush hour), and a
# patrol car moving between hot spots without siren drives with that traffic: 20. Motorcycles filter
# through queues: 25. Serenazgo and joint (integrado) patrols use pick-ups and cars: 20. On foot an
# officer walks about 4-5 km/h and stops to look: 4.
SPEED_KMH = {"patrullero": 20.0, "integrado": 20.0, "serenazgo": 20.0, "motorizado": 25.0, "a_pie": 4.0}
# Streets are not straight lines: in a city grid the road distance is about 1.2-1.4 times the straight one.
DETOUR_FACTOR = 1.3
# Two units never visit one place closer together than this (minutes between one leaving and the next arriving).
STAGGER_MINUTES = 5
EARTH_RADIUS_M = 6_371_000.0


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


def pairwise_metres(lon_a, lat_a, lon_b, lat_b) -> np.ndarray:
    """Straight-line metres between each place a and each place b (degrees in; a x b out).

    Equirectangular: exact to well under 1 % over the few kilometres of a jurisdiction.
    """
    lon_a, lat_a, lon_b, lat_b = (np.radians(np.asarray(v, dtype=float)) for v in (lon_a, lat_a, lon_b, lat_b))
    dx = (lon_a[:, None] - lon_b[None, :]) * np.cos((lat_a[:, None] + lat_b[None, :]) / 2)
    dy = lat_a[:, None] - lat_b[None, :]
    return EARTH_RADIUS_M * np.hypot(dx, dy)


def travel_minutes(lon: np.ndarray, lat: np.ndarray, kind: str) -> np.ndarray:
    """Whole minutes a unit of `kind` needs between each pair of places (rounded up)."""
    metres = pairwise_metres(lon, lat, lon, lat) * DETOUR_FACTOR
    speed = SPEED_KMH.get(kind, min(SPEED_KMH.values())) * 1000.0 / 60.0   # metres per minute
    return np.ceil(metres / speed - 1e-9).astype(np.int64)


def _visits_per_place(shift_minutes: int, rules: DosageRules) -> int:
    return int(np.ceil(shift_minutes / (rules.max_gap_minutes - rules.jitter_minutes)))


def _longest_hop(travel: np.ndarray | None, keep: int) -> int:
    """The longest trip between any two of the first `keep` places: every move is planned that long."""
    if travel is None or keep < 2:
        return 0
    return int(np.asarray(travel)[:keep, :keep].max())


def places_within_budget(n_places: int, shift_minutes: int, rules: DosageRules,
                         travel: np.ndarray | None = None) -> int:
    """How many places (the first ones) one unit can keep dosed for a whole shift within its
    proactive time, counting the shortest visit plus the trip to it for every visit."""
    budget = shift_minutes * rules.proactive_share
    per_place = _visits_per_place(shift_minutes, rules)
    keep = 0
    for k in range(1, min(n_places, rules.places_per_unit[1]) + 1):
        if per_place * k * (rules.visit_minutes[0] + _longest_hop(travel, k)) > budget:
            break   # farther places only make trips longer
        keep = k
    return keep


def visit_counts(weights, shift_minutes: int, rules: DosageRules, hop: int = 0) -> np.ndarray:
    """Visits to each place over the shift: every place its minimum (revisited within the max gap),
    and what the proactive budget still holds shared out in proportion to the places' risk.

    A place at the hottest end gets more, shorter-spaced visits than a cool one; a place
    with no risk at all keeps the minimum. Largest remainders round the extra visits.
    """
    weights = np.maximum(np.asarray(weights, dtype=float), 0.0)
    base = _visits_per_place(shift_minutes, rules)
    counts = np.full(len(weights), base, dtype=np.int64)
    if len(weights) == 0 or weights.sum() <= 0:
        return counts
    per_visit = rules.visit_minutes[0] + hop
    spare = int((shift_minutes * rules.proactive_share) // per_visit) - int(counts.sum())
    if spare <= 0:
        return counts
    # At most one visit per shortest useful slot: a place is never revisited before the last visit ends.
    most = shift_minutes // (per_visit + rules.jitter_minutes)
    room = np.maximum(most - counts, 0)
    spare = min(spare, int(room.sum()))
    quota = spare * weights / weights.sum()
    extra = np.minimum(np.floor(quota).astype(np.int64), room)
    left = spare - int(extra.sum())
    for i in np.argsort(-(quota - extra), kind="stable"):
        if left <= 0:
            break
        if extra[i] < room[i]:
            extra[i] += 1
            left -= 1
    return counts + extra


def schedule_visits(places: list[str], shift_minutes: int, rng: np.random.Generator,
                    rules: DosageRules = DosageRules(), *, travel: np.ndarray | None = None,
                    busy: dict[str, list[tuple[int, int]]] | None = None,
                    weights=None) -> list[Visit]:
    """A randomised visit schedule for one unit over one shift, most important places first.

    `travel[i, j]`: minutes from place i to place j (None: next door). `busy`: visits other units
    already make to these places this shift (start, end minutes); this unit keeps clear of them.
    `weights`: each place's risk in this shift (None: all alike); a riskier place is revisited
    sooner (more visits), none later than the max gap.

    Earliest-deadline scheduling with random slack over slots of (longest trip + visit): each place
    has a latest slot for its next visit (previous + its gap); the unit idles a random while that
    keeps every deadline reachable, then visits a place drawn at random among those it can serve
    without making another one late. Each slot begins with the trip, so consecutive visits are
    always far enough apart in time to drive (or walk) from one to the next, and every visit ends
    inside the shift. A visit that would clash with another unit's waits or goes elsewhere.
    """
    keep = places_within_budget(len(places), shift_minutes, rules, travel)
    if keep == 0:
        if places:
            raise StationMapError("plan.dosage_over_budget", places=len(places),
                                  budget=int(shift_minutes * rules.proactive_share))
        return []
    places = places[:keep]
    busy = busy or {}
    hop = _longest_hop(travel, keep)
    weights = np.ones(keep) if weights is None else np.asarray(weights, dtype=float)[:keep]
    counts = visit_counts(weights, shift_minutes, rules, hop)
    # Each place's revisit gap: the shift over its visits, plus the random slack a visit may come early;
    # never more than the max gap (the minimum count already keeps it there).
    gaps = np.minimum(shift_minutes // counts + rules.jitter_minutes, rules.max_gap_minutes).astype(np.int64)
    # Longer visits when the budget allows (Koper: 10-15 minutes), after the trips are paid for.
    budget = shift_minutes * rules.proactive_share
    minutes = int(min(rules.visit_minutes[1], max(rules.visit_minutes[0], budget // int(counts.sum()) - hop)))
    step = minutes + hop
    due = np.array([rng.integers(0, max(int(g) - step * keep, 0) + 1) for g in gaps],
                   dtype=np.int64) + step * np.arange(keep)
    clock, visits = 0, []
    while clock + step <= shift_minutes and (len(visits) + 1) * step <= budget:
        pending = np.flatnonzero(due <= shift_minutes - step)
        if len(pending) == 0:
            break
        wait_max = max(_slack(due[pending], clock, step), 0)
        clock += int(wait_max - rng.integers(0, min(wait_max, rules.jitter_minutes) + 1))
        start = clock + hop
        free = [p for p in pending if _clear(busy.get(places[p], ()), start, start + minutes)]
        if not free:   # every due place has another unit there now: patrol the sector a while
            clock += minutes
            continue
        # Places that are at least half-way to their deadline, and whose visit now
        # leaves every other place reachable in time; the most urgent free one always qualifies.
        choices = [p for p in free if due[p] - clock <= gaps[p] // 2
                   and _slack(np.delete(due, p)[np.delete(due, p) <= shift_minutes - step],
                              clock + step, step) >= 0]
        place = int(rng.choice(choices)) if choices else int(free[int(np.argmin(due[free]))])
        visits.append(Visit(places[place], start, minutes))
        due[place] = clock + gaps[place]
        clock += step
    return visits


def _clear(taken, start: int, end: int) -> bool:
    """No other unit's visit at this place within STAGGER_MINUTES of [start, end)."""
    return all(end + STAGGER_MINUTES <= s or start >= e + STAGGER_MINUTES for s, e in taken)


def _slack(due: np.ndarray, clock: int, step: int) -> int:
    """How long the unit may still wait and reach every due place in deadline order."""
    if len(due) == 0:
        return 10**9
    ordered = np.sort(due)
    return int(np.min(ordered - clock - step * np.arange(len(ordered))))

