"""What a drag or click on the hour x weekday chart means, as plain cell sets.

A drag is read the way a person speaks of time. Dragging from Friday 20h down
to Saturday 01h means "Friday night, 20:00 to 02:00" (Fri 20-23 and Sat 00-01),
not the rectangle of Friday and Saturday from 01h to 20h, which nobody drags
from its top-right corner. Dragging from Friday 20h to Sunday 01h means both
nights. Any other drag is the rectangle between the two cells.
"""

from __future__ import annotations

Cell = tuple[int, int]  # (weekday 0=Monday, hour 0..23)


def block_cells(anchor: Cell, current: Cell) -> frozenset[Cell]:
    """Cells selected by a drag from `anchor` to `current`, in either direction."""
    early, late = sorted((anchor, current))
    (day_a, hour_a), (day_b, hour_b) = early, late
    if day_b > day_a and hour_b < hour_a:
        # Wraps past midnight: each night starting on day_a..day_b-1 runs hour_a..hour_b.
        cells = set()
        for day in range(day_a, day_b):
            cells.update((day, hour) for hour in range(hour_a, 24))
            cells.update((day + 1, hour) for hour in range(0, hour_b + 1))
        return frozenset(cells)
    low, high = sorted((hour_a, hour_b))
    return frozenset((day, hour) for day in range(day_a, day_b + 1) for hour in range(low, high + 1))


def combine(current: frozenset[Cell] | None, picked: frozenset[Cell],
            additive: bool) -> frozenset[Cell] | None:
    """The new selection: replace, or (shift held) add; shift-clicking a selected cell removes it."""
    if not additive:
        return picked or None
    current = current or frozenset()
    if len(picked) == 1 and picked <= current:
        result = current - picked
    else:
        result = current | picked
    return result or None
