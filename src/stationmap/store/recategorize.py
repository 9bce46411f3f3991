"""Re-apply an edited category table to every incident already imported.

An analyst who decides that "ROBO AGRAV." is Robo expects last year's rows to
follow. The new table is saved and every incident's category and weight are
recomputed from its raw value in one transaction: one classification per
distinct raw value, then a single UPDATE joined on a temporary mapping table,
so a million rows take about a second instead of a scan per value.
"""

from __future__ import annotations

import pandas as pd

from stationmap.io.categories import CategoryTable
from stationmap.store.project import Project


def reassign(project: Project, raw_values: list[str], category: str, table: CategoryTable | None = None
             ) -> CategoryTable:
    """Bulk re-assignment: every value in `raw_values` becomes `category`; returns the new table."""
    table = table or project.category_table()
    frame = table.to_frame()
    weight = table.weight(category)
    frame = frame[~frame["raw"].isin(raw_values) | frame["raw"].eq(frame["category"])]
    extra = pd.DataFrame({"raw": raw_values, "category": category, "weight": weight})
    new_table = CategoryTable.from_frame(pd.concat([frame, extra], ignore_index=True))
    apply_table(project, new_table)
    return new_table


def apply_table(project: Project, table: CategoryTable) -> int:
    """Save `table` and recompute every incident's category and weight; returns rows changed."""
    with project.transaction() as db:
        raws = [r[0] for r in db.execute("SELECT DISTINCT category_raw FROM incidents")]
        values = pd.Series([r if r is not None else "" for r in raws], dtype=object)
        category, weight = table.classify(values)
        db.execute("CREATE TEMP TABLE IF NOT EXISTS recategorized (raw TEXT PRIMARY KEY, category TEXT, weight REAL)")
        db.execute("DELETE FROM temp.recategorized")
        db.executemany("INSERT INTO temp.recategorized VALUES (?, ?, ?)",
                       zip(values.tolist(), category.tolist(), weight.astype(float).tolist()))
        changed = db.execute(
            "UPDATE incidents SET category = r.category, weight = r.weight FROM temp.recategorized AS r "
            "WHERE r.raw = coalesce(incidents.category_raw, '') "
            "AND (incidents.category IS NOT r.category OR incidents.weight IS NOT r.weight)").rowcount
        db.execute("DROP TABLE temp.recategorized")
        project.save_category_table(table)
    return changed
