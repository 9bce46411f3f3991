"""Category edits re-apply to incidents already in the project."""

from __future__ import annotations

import shutil

import pandas as pd

from stationmap.store.project import Project
from stationmap.store.recategorize import reassign


def test_bulk_reassignment_reaches_old_rows_and_survives_reopening(sample_project_file, tmp_path):
    path = tmp_path / "copy.stationmap"
    shutil.copy(sample_project_file, path)
    with Project.open(path) as project:
        before = project.incidents()
        raw = before.loc[before["category"] == "Daños", "category_raw"].dropna().unique().tolist()
        assert raw, "the sample has Daños rows"
        n_moved = int((before["category"] == "Daños").sum())
        table = reassign(project, raw, "Otros")
        assert table.classify(pd.Series(raw))[0].eq("Otros").all()
    with Project.open(path) as project:
        after = project.incidents()
        assert (after["category"] == "Daños").sum() == 0
        assert (after["category"] == "Otros").sum() == (before["category"] == "Otros").sum() + n_moved
        moved = after["category_raw"].isin(raw)
        assert (after.loc[moved, "weight"] == project.category_table().weight("Otros")).all()
        untouched = ~moved
        assert (after.loc[untouched, "category"].to_numpy() == before.loc[untouched, "category"].to_numpy()).all()
