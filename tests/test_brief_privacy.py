"""The community report hides small counts, and nothing printed lets anyone work them out again.

The check is exhaustive rather than a list of known tricks: for every table, every hidden cell is given
every value it could have (1 to threshold - 1, which is all "< 3" says), the report is made again, and it
must come out the same. If it does, no subtraction over a row, a column or a total can tell the values apart.
"""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess

import pandas as pd
import pytest
from shapely.geometry import box

from factories import make_incidents
from stationmap.planning.sectors import Sector
from stationmap.reports.participatory import suppressed_sector_counts

OTHERS = "Otros delitos"
CATEGORIES = ["Robo", "Hurto", "Lesiones", "Extorsión", "Estafa"]


def _sectors(n: int) -> list[Sector]:
    return [Sector(f"Sector {k + 1}", box(-79.0 + k * 0.01, -8.0, -79.0 + (k + 1) * 0.01, -7.99)) for k in range(n)]


def _incidents(table: list[list[int]]) -> pd.DataFrame:
    """One incident per count, at the centre of its sector (row) with its category (column)."""
    lon, lat, category = [], [], []
    for k, row in enumerate(table):
        for name, count in zip(CATEGORIES, row):
            lon += [-79.0 + (k + 0.5) * 0.01] * count
            lat += [-7.995] * count
            category += [name] * count
    frame = make_incidents(len(lon))
    frame["lon"], frame["lat"], frame["category"] = lon, lat, category
    return frame


def _published(table: list[list[int]], threshold: int) -> dict[tuple[str, str], str]:
    """What the report prints, cell by cell, keyed by category (column order aside). These tables have
    at most five categories, so "Otros delitos" stands for the one that did not get its own column."""
    shown = suppressed_sector_counts(_incidents(table), _sectors(len(table)), threshold=threshold)
    present = [name for c, name in enumerate(CATEGORIES) if any(row[c] for row in table)]
    pooled = [name for name in present if name not in shown.columns]
    key = {OTHERS: pooled[0]} if len(pooled) == 1 else {}
    return {(row["Sector"], key.get(column, column)): str(row[column]) for _, row in shown.iterrows()
            for column in shown.columns if column != "Sector"}


def _feasible_values(table: list[list[int]], threshold: int) -> dict[tuple[int, int], set[int]]:
    """For each hidden cell, every value it can take with the report unchanged."""
    original = _published(table, threshold)
    hidden = [(int(sector.split()[-1]) - 1, CATEGORIES.index(column)) for (sector, column), text in original.items()
              if column in CATEGORIES and text == f"< {threshold}"]
    feasible: dict[tuple[int, int], set[int]] = {cell: set() for cell in hidden}
    for values in itertools.product(range(1, threshold), repeat=len(hidden)):
        other = [list(row) for row in table]
        for (r, c), v in zip(hidden, values):
            other[r][c] = v
        if _published(other, threshold) == original:
            for cell, v in zip(hidden, values):
                feasible[cell].add(v)
    return feasible


# Tables made for the purpose: the two rows QA recovered, rows with one, two and three small cells,
# a row whose every count is small, an empty row, and small cells sharing a column.
TABLES = [
    pytest.param([[15, 5, 3, 1, 1]], 3, id="qa-sector-3: 15 5 3 <3 <3 total 25"),
    pytest.param([[11, 2, 2, 0, 4]], 3, id="qa-sector-6: 11 <3 <3 0 4 total 19"),
    pytest.param([[10, 2, 5, 0, 0]], 3, id="one small cell"),
    pytest.param([[8, 3, 1, 2, 2]], 3, id="three small cells"),
    pytest.param([[1, 2, 0, 0, 0], [0, 0, 0, 0, 0]], 3, id="all small and empty"),
    pytest.param([[5, 1, 4, 0, 0], [6, 2, 3, 0, 0], [7, 0, 9, 1, 0]], 3, id="small cells in one column"),
    pytest.param([[9, 4, 1, 6, 0], [3, 3, 12, 2, 0]], 5, id="threshold 5"),
]


@pytest.mark.parametrize("table, threshold", TABLES)
def test_no_hidden_count_can_be_worked_out_from_what_is_printed(table, threshold):
    published = _published(table, threshold)
    for (sector, column), text in published.items():
        r = int(sector.split()[-1]) - 1
        if column in CATEGORIES and text == f"< {threshold}":
            assert 1 <= table[r][CATEGORIES.index(column)] < threshold, "a cell marked small must be small"
        elif column in CATEGORIES:
            assert text == str(table[r][CATEGORIES.index(column)]), "a shown count is the true count"
    feasible = _feasible_values(table, threshold)
    assert feasible, "the table has small cells to protect"
    for cell, values in feasible.items():
        assert values == set(range(1, threshold)), (cell, values)


def test_the_qa_row_no_longer_prints_a_total_that_gives_the_hidden_cells_away():
    published = _published([[15, 5, 3, 1, 1]], 3)
    assert published[("Sector 1", "Total")] != "25"
    # A lower bound from the shown cells and the number hidden (each at least 1): 23 + 2, "or more".
    assert published[("Sector 1", "Total")] == "25 o más"
    shown = suppressed_sector_counts(_incidents([[15, 5, 3, 1, 1], [3, 4, 0, 0, 0]]), _sectors(2), threshold=3)
    assert list(shown["Sector"]) == ["Sector 1", "Sector 2"], "no column-total row to subtract from"
    assert shown.loc[1, "Total"] == "7", "a row with nothing hidden keeps its exact total"


def test_the_others_column_is_named_in_the_reports_language():
    table = [[5, 4, 3, 3, 3], [0, 0, 0, 0, 0]]
    frame = _incidents(table)
    frame.loc[frame.index[-3:], "category"] = "Estafa informática"   # a sixth category: "others"
    english = suppressed_sector_counts(frame, _sectors(2), threshold=3, language="en")
    assert "Other crimes" in english.columns and "Otros delitos" not in english.columns


def test_the_community_documents_agree_and_speak_english(sample_project_file, tmp_path):
    from stationmap.reports.jobs import BriefRequest, run_brief

    project = tmp_path / "p.stationmap"
    shutil.copy(sample_project_file, project)
    files = {f.name: f for f in run_brief(BriefRequest(project, "2026-W46", tmp_path / "en", language="en"))}
    pdf = subprocess.run(["pdftotext", str(files["informe_comunidad_2026-W46.pdf"]), "-"],
                         capture_output=True, text=True).stdout
    html = files["informe_comunidad_2026-W46.html"].read_text(encoding="utf-8")
    title = re.search(r"<h1>(.*?)</h1>", html).group(1)
    assert title == "Community brief" and title in pdf, "one title for the PDF and the HTML"
    assert "SYNTHETIC" in pdf and "SYNTHETIC" in html, "the sample's incidents are marked in both"
    assert "Otros delitos" not in pdf and "Otros delitos" not in html
    assert "Other crimes" in html
