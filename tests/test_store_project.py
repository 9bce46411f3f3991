"""The project file: round trip, recognising what is not a project, migrations with backup."""

from __future__ import annotations

import sqlite3

import numpy as np
import pandas as pd
import pytest
from factories import make_incidents

from stationmap.core.errors import ProjectError
from stationmap.core.model import COUNT_COLUMNS, INCIDENT_COLUMNS
from stationmap.store import incident_chunks, schema
from stationmap.store.project import Project


def _add_incidents(project: Project, frame) -> int:
    with project.transaction() as db:
        import_id = db.execute("INSERT INTO imports (started_at, files, sha256s) "
                               "VALUES ('2026-11-16', '[]', '[]')").lastrowid
        return incident_chunks.append(db, import_id, incident_chunks.to_arrow(frame),
                                      incident_chunks.KnownKeys(db))


def test_incidents_round_trip_keeps_values_and_types(tmp_path):
    path = tmp_path / "estación 2026.stationmap"
    frame = make_incidents(500)
    frame.loc[3, "start_ts"] = None  # an unknown date must come back as missing, not 0
    frame["start_ts"] = frame["start_ts"].astype("Int64")
    frame.loc[4, "lat"] = np.nan
    with Project.create(path) as project:
        assert _add_incidents(project, frame) == 500
    with Project.open(path) as project:
        back = project.incidents()
    assert list(back.columns) == ["id", *INCIDENT_COLUMNS, "import_id"]
    assert back["id"].tolist() == list(range(1, 501)) and back["import_id"].eq(1).all()
    assert back["source_key"].tolist() == frame["source_key"].tolist()
    assert back["start_ts"].isna().tolist() == frame["start_ts"].isna().tolist()
    assert back["start_ts"].dropna().tolist() == frame["start_ts"].dropna().tolist()
    np.testing.assert_array_equal(back["lat"].to_numpy(), frame["lat"].to_numpy())
    assert back["category"].tolist() == frame["category"].tolist()
    assert back["end_ts"].dtype == np.int64


def test_missing_values_and_chunk_boundaries_survive_storage(tmp_path, monkeypatch):
    # Small chunks so that one import spans several; ids must run on across them.
    monkeypatch.setattr(incident_chunks, "CHUNK_ROWS", 700)
    frame = make_incidents(3000)
    frame["lat"] = frame["lat"].where(frame.index >= 2500)
    frame["start_ts"] = frame["start_ts"].astype("Int64").where(frame.index >= 2500)
    frame["address"] = frame["address"].where(frame.index >= 2500)
    with Project.create(tmp_path / "a.stationmap") as project:
        _add_incidents(project, frame)
        assert project.db.execute("SELECT count(*) FROM incident_chunks").fetchone()[0] == 5
        back = project.incidents()
    assert back["id"].tolist() == list(range(1, 3001))
    assert back["lat"].isna().sum() == 2500 and back["start_ts"].isna().sum() == 2500
    assert str(back["start_ts"].dtype) == "Int64" and back["address"].dtype == "str"
    assert (back["address"] == "").sum() == 2500
    np.testing.assert_array_equal(back["lon"].to_numpy(), frame["lon"].to_numpy())


def test_duplicate_source_keys_are_ignored_and_counted(tmp_path):
    frame = make_incidents(100)
    with Project.create(tmp_path / "a.stationmap") as project:
        assert _add_incidents(project, frame) == 100
        assert _add_incidents(project, frame.iloc[50:]) == 0
        later = make_incidents(30, seed=1)
        later["source_key"] = [f"k{i}" for i in range(90, 120)]  # 10 known, 20 new
        assert _add_incidents(project, later) == 20
        assert project.incident_count() == 120
        back = project.incidents()
    assert back["id"].tolist() == list(range(1, 121))
    assert back["import_id"].tolist() == [1] * 100 + [3] * 20
    assert back["source_key"].tolist()[-20:] == [f"k{i}" for i in range(100, 120)]


def test_empty_project_has_empty_typed_tables(tmp_path):
    with Project.create(tmp_path / "a.stationmap") as project:
        assert project.incidents().empty
        assert list(project.counts().columns) == ["id", *COUNT_COLUMNS, "import_id"]
        assert project.imports().empty
        assert project.rejections().empty


def test_meta_assets_profiles_and_categories_persist(tmp_path):
    from stationmap.io.categories import CategoryTable
    from stationmap.io.mapping import ColumnMapping

    path = tmp_path / "a.stationmap"
    with Project.create(path) as project:
        project.set_meta("station", {"name": "Comisaría Prueba", "synthetic": True})
        project.put_asset("jurisdiction", "geojson", b'{"type": "FeatureCollection"}', {"crs": 4326})
        project.put_asset("trujillo", "basemap", bytes(range(256)) * 10)
        project.save_mapping_profile("sidpol", ColumnMapping(fields={"date": "FECHA"}, day_first=True))
        edited = CategoryTable.default().to_frame()
        edited.loc[len(edited)] = ["arrebato de mochila", "Hurto", edited["weight"].iloc[0]]
        project.save_category_table(CategoryTable.from_frame(edited))
    with Project.open(path) as project:
        assert project.get_meta("station") == {"name": "Comisaría Prueba", "synthetic": True}
        assert project.get_meta("missing", 7) == 7
        assert project.asset("trujillo") == bytes(range(256)) * 10
        assert project.asset("nothing") is None
        assert [a["name"] for a in project.assets("basemap")] == ["trujillo"]
        assert {a["name"]: a["size"] for a in project.assets()} == {"jurisdiction": 29, "trujillo": 2560}
        profile = project.mapping_profiles()["sidpol"]
        assert profile.fields == {"date": "FECHA"} and profile.day_first is True
        stored = project.category_table()
        assert stored.to_frame()["raw"].tolist() == edited["raw"].tolist()
        category, _weight = stored.classify(pd.Series(["arrebato de mochila"]))
        assert category[0] == "Hurto"
        assert CategoryTable.default().classify(pd.Series(["arrebato de mochila"]))[0][0] != "Hurto"


def test_create_refuses_to_overwrite(tmp_path):
    path = tmp_path / "a.stationmap"
    path.write_text("keep me")
    with pytest.raises(ProjectError) as caught:
        Project.create(path)
    assert caught.value.code == "project.already_exists"
    assert path.read_text() == "keep me"


@pytest.mark.parametrize("content", [b"", b"fecha;hora\n01/02/2026;10:00\n", bytes(range(256)) * 8])
def test_files_that_are_not_sqlite_are_not_projects(tmp_path, content):
    path = tmp_path / "x.stationmap"
    path.write_bytes(content)
    with pytest.raises(ProjectError) as caught:
        Project.open(path)
    assert caught.value.code == "project.not_a_project"
    assert "no es un proyecto de StationMap" in caught.value.message("es")


def test_someone_elses_sqlite_file_is_not_a_project(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (x)")
    with pytest.raises(ProjectError) as caught:
        Project.open(path)
    assert caught.value.code == "project.not_a_project"


def test_missing_project_is_not_found(tmp_path):
    with pytest.raises(ProjectError) as caught:
        Project.open(tmp_path / "nowhere.stationmap")
    assert caught.value.code == "project.not_found"
    assert "nowhere.stationmap" in caught.value.message("en")


def test_truncated_project_is_damaged(tmp_path):
    path = tmp_path / "a.stationmap"
    with Project.create(path) as project:
        _add_incidents(project, make_incidents(3000))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ProjectError) as caught:
        Project.open(path)
    assert caught.value.code == "project.damaged"


def test_overwritten_pages_are_reported_as_damage_not_as_a_traceback(tmp_path):
    path = tmp_path / "a.stationmap"
    with Project.create(path) as project:
        _add_incidents(project, make_incidents(3000))
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[page_size:] = b"\xff" * (len(data) - page_size)  # every page but the header one
    path.write_bytes(bytes(data))
    with pytest.raises(ProjectError) as caught:
        with Project.open(path) as project:
            project.incidents()
    assert caught.value.code == "project.damaged"


def test_a_chunk_sqlite_keeps_but_arrow_cannot_read_is_damage(tmp_path):
    path = tmp_path / "a.stationmap"
    with Project.create(path) as project:
        _add_incidents(project, make_incidents(100))
    with sqlite3.connect(path) as db:
        db.execute("UPDATE incident_chunks SET data = substr(data, 1, length(data) / 2)")
    with Project.open(path) as project, pytest.raises(ProjectError) as caught:
        project.incidents()
    assert caught.value.code == "project.damaged"


def test_project_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "a.stationmap"
    Project.create(path).close()
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    before = path.read_bytes()
    with pytest.raises(ProjectError) as caught:
        Project.open(path)
    assert caught.value.code == "project.too_new"
    assert caught.value.data["version"] == schema.SCHEMA_VERSION + 1
    assert path.read_bytes() == before


def _write_version_1_project(path) -> None:
    """The layout of the first release (schema version 1), written by hand: no assets table."""
    incident_columns = ", ".join(f'"{c}"' for c in INCIDENT_COLUMNS if c != "source_key")
    count_columns = ", ".join(f'"{c}"' for c in COUNT_COLUMNS if c != "source_key")
    with sqlite3.connect(path) as db:
        db.executescript(f"""
            CREATE TABLE imports (id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT,
                files TEXT NOT NULL, sha256s TEXT NOT NULL, rows_read INTEGER NOT NULL DEFAULT 0,
                imported INTEGER NOT NULL DEFAULT 0, duplicates INTEGER NOT NULL DEFAULT 0,
                rejected INTEGER NOT NULL DEFAULT 0, report_json TEXT);
            CREATE TABLE incidents (id INTEGER PRIMARY KEY, source_key TEXT NOT NULL UNIQUE,
                {incident_columns}, import_id INTEGER NOT NULL);
            CREATE TABLE counts (id INTEGER PRIMARY KEY, source_key TEXT NOT NULL UNIQUE,
                {count_columns}, import_id INTEGER NOT NULL);
            CREATE TABLE rejections (id INTEGER PRIMARY KEY, import_id INTEGER NOT NULL,
                file TEXT NOT NULL, row INTEGER NOT NULL, code TEXT NOT NULL, data TEXT NOT NULL DEFAULT '{{}}');
            CREATE TABLE mapping_profiles (name TEXT PRIMARY KEY, mapping TEXT NOT NULL);
            CREATE TABLE category_table (raw TEXT PRIMARY KEY, category TEXT NOT NULL, weight REAL NOT NULL);
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            INSERT INTO imports (started_at, files, sha256s) VALUES ('2026-01-05', '["a.csv"]', '["ab"]');
            INSERT INTO incidents (source_key, start_ts, end_ts, time_known, category, lat, lon, import_id)
                VALUES ('id:D1#1', 1767600000, 1767600000, 1, 'Robo', -8.07, -79.03, 1);
            INSERT INTO meta (key, value) VALUES ('station', '"Comisaría Vieja"');
            PRAGMA application_id = {schema.APPLICATION_ID};
            PRAGMA user_version = 1;
        """)


def test_version_1_project_is_backed_up_then_migrated(tmp_path):
    path = tmp_path / "vieja.stationmap"
    _write_version_1_project(path)
    original = path.read_bytes()
    with Project.open(path) as project:
        assert project.incidents()["source_key"].tolist() == ["id:D1#1"]
        assert project.get_meta("station") == "Comisaría Vieja"
        project.put_asset("jurisdiction", "geojson", b"{}")  # the table version 2 added
        assert project.db.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    backup = tmp_path / "vieja.stationmap.v1.bak"
    assert backup.read_bytes() == original
    with Project.open(path) as project:  # already current: no second backup
        assert project.asset("jurisdiction") == b"{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vieja.stationmap", "vieja.stationmap.v1.bak"]


def test_incident_rows_of_an_old_project_move_into_chunks_with_their_ids(tmp_path, monkeypatch):
    from stationmap.store.tables import insert_frame

    monkeypatch.setattr(incident_chunks, "CHUNK_ROWS", 1000)  # several migration batches
    path = tmp_path / "vieja.stationmap"
    _write_version_1_project(path)
    frame = make_incidents(2500)
    frame.loc[7, "lat"] = np.nan
    with sqlite3.connect(path) as db:
        insert_frame(db, "incidents", frame, INCIDENT_COLUMNS, {"import_id": 1})
        db.execute("DELETE FROM incidents WHERE id = 1200")  # a gap, as a hand edit might leave
    with Project.open(path) as project:
        back = project.incidents()
        assert project.db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'incidents'"
                                  ).fetchone()[0] == 0
        assert project.db.execute("PRAGMA freelist_count").fetchone()[0] == 0  # the old rows' pages given back
    assert path.stat().st_size < (tmp_path / "vieja.stationmap.v1.bak").stat().st_size
    assert len(back) == 2500
    assert back["id"].tolist() == [*range(1, 1200), *range(1201, 2502)]
    assert back["source_key"].tolist() == ["id:D1#1", *frame["source_key"].drop(1198)]
    assert np.isnan(back["lat"].iloc[8]) and back["category"].iloc[1:].tolist() == frame["category"].drop(1198).tolist()


def test_failed_migration_leaves_the_old_file_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "vieja.stationmap"
    _write_version_1_project(path)
    original = path.read_bytes()

    def broken_step(db):
        db.execute("CREATE TABLE assets (name TEXT)")
        raise RuntimeError("disk full half-way")

    monkeypatch.setitem(schema.MIGRATIONS, 1, broken_step)
    with pytest.raises(RuntimeError):
        Project.open(path)
    assert path.read_bytes() == original


def test_rejected_write_rolls_back_the_whole_transaction(tmp_path):
    with Project.create(tmp_path / "a.stationmap") as project:
        with pytest.raises(ZeroDivisionError):
            with project.transaction():
                project.set_meta("a", 1)
                _add_incidents(project, make_incidents(10))
                raise ZeroDivisionError
        assert project.get_meta("a") is None
        assert project.incident_count() == 0


def test_a_reader_sees_the_incidents_committed_before_a_write_began(tmp_path):
    path = tmp_path / "a.stationmap"
    with Project.create(path) as reader, Project.open(path) as writer:
        _add_incidents(writer, make_incidents(10))
        with writer.transaction():
            _add_incidents(writer, make_incidents(5, seed=3).assign(source_key=list("abcde")))
            assert len(reader.incidents()) == 10
        assert len(reader.incidents()) == 15


def test_project_in_a_missing_folder_cannot_be_created(tmp_path):
    with pytest.raises(ProjectError) as caught:
        Project.create(tmp_path / "no" / "such" / "folder" / "a.stationmap")
    assert caught.value.code == "project.folder_missing"
    assert caught.value.data["folder"] == str(tmp_path / "no" / "such" / "folder")


def test_a_folder_is_not_a_project(tmp_path):
    with pytest.raises(ProjectError) as caught:
        Project.open(tmp_path)
    assert caught.value.code == "project.not_a_project"
