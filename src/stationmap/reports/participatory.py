"""Counts for community meetings: per sector and category, small numbers hidden.

A count below the threshold (default 3) could point at a victim, so it is shown
as "< 3". Hiding one cell is not enough when the row total is printed: the
hidden value would be the total minus the others. So when a row has exactly one
hidden cell, its next-smallest cell is hidden too (complementary suppression).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from stationmap.planning.sectors import Sector, assign_sectors

OTHERS = "Otros delitos"
TOP_CATEGORIES = 4


def suppressed_sector_counts(incidents: pd.DataFrame, sectors: list[Sector], threshold: int = 3) -> pd.DataFrame:
    """Sectors down, main categories across, plus Total; every cell text, never a count below `threshold`."""
    sector_of = assign_sectors(incidents["lon"].to_numpy(dtype="float64", na_value=np.nan),
                               incidents["lat"].to_numpy(dtype="float64", na_value=np.nan), sectors)
    inside = sector_of >= 0
    names = np.array([s.name for s in sectors])
    frame = pd.DataFrame({"Sector": names[sector_of[inside]], "category": incidents["category"].to_numpy()[inside]})
    top = frame["category"].value_counts().index[:TOP_CATEGORIES].tolist()
    frame.loc[~frame["category"].isin(top), "category"] = OTHERS
    counts = frame.pivot_table(index="Sector", columns="category", aggfunc="size", fill_value=0)
    counts = counts.reindex(index=names, columns=top + ([OTHERS] if (frame["category"] == OTHERS).any() else []),
                            fill_value=0)
    hidden = (counts > 0) & (counts < threshold)
    for sector in counts.index:
        row_hidden = hidden.loc[sector]
        if row_hidden.sum() == 1:
            candidates = counts.loc[sector][~row_hidden & (counts.loc[sector] > 0)]
            if len(candidates):
                hidden.loc[sector, candidates.idxmin()] = True
    totals = counts.sum(axis=1)
    text = counts.astype(str).mask(hidden, f"< {threshold}")
    text["Total"] = totals.astype(str).mask(totals.between(1, threshold - 1), f"< {threshold}")
    return text.reset_index()
