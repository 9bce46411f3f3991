"""The filter every view shares: dates, categories, text, time cells, map selection.

One immutable value travels between the filter bar, the map, the heat chart and
the incident table; each view applies it with `analysis.filtering.filter_mask`
and replaces it with a changed copy (`dataclasses.replace`) when the user acts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class IncidentFilter:
    date_from: date | None = None          # inclusive, local date
    date_to: date | None = None            # inclusive, local date
    categories: frozenset[str] | None = None   # standard categories; None = all
    text: str = ""                         # matched against category, address, district
    # Hour x weekday cells selected on the heat chart, as (weekday 0=Monday, hour 0..23).
    cells: frozenset[tuple[int, int]] | None = None
    # A place chosen on the map (box/lasso), a sector or a critical point, as the ids of EVERY incident
    # in it, whatever the other filters show at the time: filter_mask intersects it with them, so
    # removing another filter widens the selection again. None = no spatial selection.
    ids: frozenset[int] | None = None

    @property
    def is_empty(self) -> bool:
        return self == IncidentFilter()
