"""Re-apply an edited category table to every incident already imported.

An analyst who decides that "ROBO AGRAV." is Robo expects last year's rows to
follow. The new table is saved and every incident's category and weight are
recomputed from its raw values in one transaction, exactly as the import
classifies them (the subcategory speaks where the category says nothing known);
each incident chunk whose rows change is rewritten whole.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from stationmap.io.categories import CategoryTable
from stationmap.io.normalize import classify_with_fallback
from stationmap.store import incident_chunks
from stationmap.store.project import Project

if TYPE_CHECKING:
    import pyarrow as pa


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
    changed = 0

    def reclassify(chunk: "pa.Table") -> "pa.Table | None":
        nonlocal changed
        import pyarrow as pa
        import pyarrow.compute as pc

        raw = pd.Series(chunk.column("category_raw").to_pandas(), dtype="str")
        sub = pd.Series(chunk.column("subcategory_raw").to_pandas(), dtype="str")
        category, weight = classify_with_fallback(table, raw, sub)
        new_category = pa.array(category.to_numpy(dtype=object), type=pa.large_string())
        new_weight = pa.array(weight.to_numpy(dtype=np.float64), type=pa.float64())
        differs = pc.or_(pc.not_equal(chunk.column("category"), new_category),
                         pc.not_equal(chunk.column("weight"), new_weight))
        count = pc.sum(pc.fill_null(differs, True)).as_py() or 0
        if not count:
            return None
        changed += count
        chunk = chunk.set_column(chunk.schema.get_field_index("category"), "category", new_category)
        return chunk.set_column(chunk.schema.get_field_index("weight"), "weight", new_weight)

    with project.transaction() as db:
        incident_chunks.rewrite(db, reclassify)
        project.save_category_table(table)
    return changed
