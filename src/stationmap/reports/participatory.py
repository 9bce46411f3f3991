"""Counts for community meetings: per sector and category, small numbers hidden.

A count below the threshold (default 3) could point at a victim, so it is shown
as "< 3". Hiding the cell is not enough when exact totals are printed: a row
`15 | 5 | 3 | < 3 | < 3 | Total 25` gives the hidden pair away (25 - 23 = 2, so
each is 1), and hiding a second, larger cell to protect the first (the usual
complementary suppression) still leaks whenever the hidden cells must add up to
their smallest or largest possible sum, and it hides counts the community wants.

So the rule here is "print totals only over what is shown": a sector with a
hidden cell gets its total as a lower bound, the sum of its shown cells plus one
for each hidden cell ("17 o más"); a sector with nothing hidden keeps its exact
total; no column totals and no grand total are printed. Every printed number is
then a function of the shown cells and of *which* cells are hidden, never of the
hidden values, so any value from 1 to threshold - 1 in any hidden cell prints the
same report: no subtraction over a row or column can recover one
(tests/test_brief_privacy.py checks this exhaustively on purpose-made tables).

For the same reason the four categories that get their own column are ranked by
their shown counts only (counts of at least the threshold), so which category
is pooled into "Otros delitos" does not depend on a hidden value either.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from stationmap.planning.sectors import Sector, assign_sectors
from stationmap.reports.brief_text import BriefText

TOP_CATEGORIES = 4


def suppressed_sector_counts(incidents: pd.DataFrame, sectors: list[Sector], threshold: int = 3,
                             language: str | None = None) -> pd.DataFrame:
    """Sectors down, main categories across, plus Total; every cell text, never a count below `threshold`."""
    t = BriefText(language)
    counts = sector_category_counts(incidents, sectors)
    return suppress(pool_categories(counts, threshold, t("others")), threshold, t("at_least"))


def sector_category_counts(incidents: pd.DataFrame, sectors: list[Sector]) -> pd.DataFrame:
    """Incidents per sector (rows, every sector) and category (columns, those that occur); outside: dropped."""
    sector_of = assign_sectors(incidents["lon"].to_numpy(dtype="float64", na_value=np.nan),
                               incidents["lat"].to_numpy(dtype="float64", na_value=np.nan), sectors)
    inside = sector_of >= 0
    names = [s.name for s in sectors]
    frame = pd.DataFrame({"Sector": np.array(names, dtype=object)[sector_of[inside]],
                          "category": incidents["category"].to_numpy()[inside]})
    counts = frame.pivot_table(index="Sector", columns="category", aggfunc="size", fill_value=0)
    return counts.reindex(index=names, fill_value=0).astype(int)


def pool_categories(counts: pd.DataFrame, threshold: int, others: str) -> pd.DataFrame:
    """The TOP_CATEGORIES categories with the most shown incidents get a column; the rest share `others`.

    Ranked by counts of at least `threshold` only (ties by name): a hidden count cannot move a category
    in or out of its own column, so the choice of columns says nothing about it.
    """
    shown = counts.where(counts >= threshold, 0).sum(axis=0)
    order = sorted(counts.columns, key=lambda name: (-int(shown[name]), str(name)))
    top, rest = order[:TOP_CATEGORIES], order[TOP_CATEGORIES:]
    pooled = counts[top].copy()
    if rest:
        pooled[others] = counts[rest].sum(axis=1)
    return pooled


def suppress(counts: pd.DataFrame, threshold: int, at_least: str = "{n} o más") -> pd.DataFrame:
    """Counts as text with a Sector column and a Total: "< threshold" for 1..threshold-1, and for a
    sector with any hidden cell a total that is a lower bound (`at_least`) computed from shown cells only."""
    hidden = (counts > 0) & (counts < threshold)
    text = counts.astype(str).mask(hidden, f"< {threshold}")
    shown_sum = counts.where(~hidden, 0).sum(axis=1)
    n_hidden = hidden.sum(axis=1)
    # Each hidden cell holds at least 1 (zeros are printed), so shown + hidden cells is a safe lower bound.
    text["Total"] = [str(int(total)) if k == 0 else at_least.format(n=int(total) + int(k))
                     for total, k in zip(shown_sum, n_hidden)]
    return text.rename_axis("Sector").reset_index()
