"""The map's incidents read straight from the Arrow chunks (start-up) equal those of the incident table."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import numpy as np
import pandas as pd
from factories import make_incidents

from stationmap.core.model import UNKNOWN_CATEGORY
from stationmap.maps.points import ARROW_COLUMNS, incident_payload, incident_payload_from_arrow, same_payload
from stationmap.store import incident_chunks
from stationmap.store.project import Project


def _add(project: Project, frame: pd.DataFrame) -> None:
    with project.transaction() as db:
        import_id = db.execute("INSERT INTO imports (started_at, files, sha256s) "
                               "VALUES ('2026-11-16', '[]', '[]')").lastrowid
        incident_chunks.append(db, import_id, incident_chunks.to_arrow(frame), incident_chunks.KnownKeys(db))


def _messy_project(tmp_path, monkeypatch) -> Project:
    # Small chunks, so that the columns come from several chunks of two imports.
    monkeypatch.setattr(incident_chunks, "CHUNK_ROWS", 150)
    first = make_incidents(400, seed=1)
    first["start_ts"] = first["start_ts"].astype("Int64")
    first.loc[[3, 250], "start_ts"] = None                  # unknown dates
    first.loc[[5, 6, 390], "lat"] = np.nan                   # not located
    first.loc[7, "lon"] = 200.0                              # impossible
    first.loc[[8, 300], "category"] = None                   # stored as ""
    first.loc[9, "address"] = None
    first["category"] = first["category"].astype("category")  # stored dictionary-encoded
    second = make_incidents(120, seed=2)
    second["source_key"] = [f"second{i}" for i in range(120)]
    second.loc[0, "category"] = UNKNOWN_CATEGORY
    project = Project.create(tmp_path / "p.stationmap")
    _add(project, first)
    _add(project, second)
    return project


def test_the_map_columns_draw_exactly_what_the_incident_table_draws(tmp_path, monkeypatch):
    with _messy_project(tmp_path, monkeypatch) as project:
        ids, columns = project.incident_columns(ARROW_COLUMNS)
        table = project.incidents()
    assert ids.tolist() == table["id"].tolist()
    fast, full = incident_payload_from_arrow(ids, columns), incident_payload(table)
    assert same_payload(fast, full)
    assert fast.count == 520 - 4
    assert fast.meta["categories"][0] == table["category"].iloc[full.rows].value_counts().index[0]


def test_the_map_knows_which_dates_are_known_only_to_their_month(tmp_path):
    """UK street-level data (a month per crime) among dated incidents: both paths say which is which."""
    from conftest import shared_path
    from stationmap.maps.points import TK_DATE, TK_MONTH, TK_TIME
    from stationmap.store import import_job

    uk = shared_path("data", "uk-police-city-of-london-street-2016-2017", "2016-01-city-of-london-street.csv")
    path = tmp_path / "mezcla.stationmap"
    import_job.run(import_job.ImportRequest(path, [uk]))
    with Project.open(path) as project:
        _add(project, make_incidents(50, seed=3))
        ids, columns = project.incident_columns(ARROW_COLUMNS)
        table = project.incidents()
    fast, full = incident_payload_from_arrow(ids, columns), incident_payload(table)
    assert same_payload(fast, full)
    shown = table.iloc[full.rows]
    expected = np.where(shown["date_precision"] == "month", TK_MONTH,
                        np.where(shown["time_known"] > 0, TK_TIME, TK_DATE))
    assert full.columns["tk"].tolist() == expected.tolist()
    assert {TK_MONTH, TK_TIME} <= set(full.columns["tk"].tolist())


def test_a_payload_that_differs_is_told_apart(tmp_path, monkeypatch):
    with _messy_project(tmp_path, monkeypatch) as project:
        table = project.incidents()
    other = table.copy()
    other.loc[10, "lat"] += 0.001
    assert not same_payload(incident_payload(table), incident_payload(other))
    renamed = table.copy()
    renamed.loc[11, "address"] = "otra"
    assert not same_payload(incident_payload(table), incident_payload(renamed))


def test_reading_the_map_columns_never_imports_pandas(tmp_path, monkeypatch):
    # The point of the path: the first map is drawn before pandas (~0.4 s to import) is needed.
    _messy_project(tmp_path, monkeypatch).close()
    script = textwrap.dedent(f"""
        import sys
        from stationmap.maps.points import ARROW_COLUMNS, incident_payload_from_arrow
        from stationmap.store.project import Project
        with Project.open({str(tmp_path / "p.stationmap")!r}) as project:
            payload = incident_payload_from_arrow(*project.incident_columns(ARROW_COLUMNS))
        assert payload.count == 516, payload.count
        print("pandas" in sys.modules)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
