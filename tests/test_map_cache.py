"""The map's incidents kept between start-ups (store.map_cache): used only while the incidents are unchanged."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest
from factories import make_incidents

from stationmap.maps.payload import payload_from_bytes, payload_to_bytes
from stationmap.maps.points import incident_payload, same_payload
from stationmap.store import incident_chunks, map_cache
from stationmap.store.project import Project
from stationmap.ui.map_first import read_map_payload


def _add(project: Project, frame: pd.DataFrame) -> None:
    with project.transaction() as db:
        import_id = db.execute("INSERT INTO imports (started_at, files, sha256s) "
                               "VALUES ('2026-11-16', '[]', '[]')").lastrowid
        incident_chunks.append(db, import_id, incident_chunks.to_arrow(frame), incident_chunks.KnownKeys(db))


def _project(tmp_path, n=300) -> Path:
    path = tmp_path / "p.stationmap"
    with Project.create(path) as project:
        _add(project, make_incidents(n, seed=4))
    return path


def test_a_payload_survives_its_bytes():
    frame = make_incidents(200, seed=1)
    frame.loc[:4, "lat"] = None
    payload = incident_payload(frame)
    back = payload_from_bytes(payload_to_bytes(payload))
    assert back.binary() == payload.binary()       # served as it was made, without decoding
    assert same_payload(payload, back)             # and decoded, the same arrays
    assert payload_to_bytes(back) == payload_to_bytes(payload)


def test_bytes_that_do_not_add_up_are_not_a_payload():
    data = payload_to_bytes(incident_payload(make_incidents(50, seed=2)))
    size = int.from_bytes(data[:8], "little")
    head = json.loads(data[8:8 + size])
    shifted = dict(head, layout=[dict(entry, offset=entry["offset"] + 8) for entry in head["layout"]])
    retyped = dict(head, layout=[dict(entry, type="uint8") for entry in head["layout"]])

    def with_head(new_head):
        encoded = json.dumps(new_head).encode()
        return len(encoded).to_bytes(8, "little") + encoded + data[8 + size:]

    for damaged in (data[:-8], data + b"\0" * 8, data[:8 + size], b"", with_head(shifted),
                    with_head(retyped), with_head(dict(head, n=head["n"] + 1)), with_head([1, 2])):
        with pytest.raises(ValueError):
            payload_from_bytes(damaged)


def test_an_entry_is_used_only_under_its_key_and_never_if_damaged(tmp_path, config_dir):
    project = tmp_path / "a.stationmap"
    assert map_cache.read(project, "k1") is None
    map_cache.write(project, "k1", b"datos")
    assert map_cache.read(project, "k1") == b"datos"
    assert map_cache.read(project, "k2") is None
    assert map_cache.read(tmp_path / "b.stationmap", "k1") is None
    entry = next((config_dir / map_cache.FOLDER).glob("*.bin"))
    entry.write_bytes(b"garbage")
    assert map_cache.read(project, "k1") is None


def test_only_the_most_recent_projects_are_kept(tmp_path, config_dir):
    for k in range(map_cache.KEEP + 2):
        map_cache.write(tmp_path / f"p{k}.stationmap", "k", b"x")
    assert len(list((config_dir / map_cache.FOLDER).glob("*.bin"))) == map_cache.KEEP


def test_any_change_to_the_incidents_changes_the_fingerprint(tmp_path):
    path = _project(tmp_path)
    with Project.open(path) as project:
        first = project.incidents_fingerprint("v")
        assert project.incidents_fingerprint("v") == first
        assert project.incidents_fingerprint("w") != first      # another version of the code
        with project.transaction() as db:                           # a recategorisation rewrites chunks
            incident_chunks.rewrite(db, lambda table: table.set_column(
                table.schema.get_field_index("address"), "address", table.column("category")))
        second = project.incidents_fingerprint("v")
        more = make_incidents(10, seed=9)
        more["source_key"] = [f"new{i}" for i in range(10)]
        _add(project, more)
        third = project.incidents_fingerprint("v")
    assert len({first, second, third}) == 3


def test_the_next_start_up_serves_the_cached_payload_without_numpy(tmp_path, config_dir):
    path = _project(tmp_path)
    first = read_map_payload(path, lambda *args: None)            # read, drawn, kept
    with Project.open(path) as project:
        assert same_payload(first, incident_payload(project.incidents()))
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from stationmap.ui.map_first import read_map_payload
        payload = read_map_payload(Path({str(path)!r}), lambda *args: None)
        meta, columns = payload.binary()
        print(payload.count, "pyarrow" in sys.modules, "pandas" in sys.modules, "numpy" in sys.modules)
        sys.stdout.flush()
        sys.stdout.buffer.write(json.dumps(meta, sort_keys=True).encode() + b"\\n" + columns)
    """)
    result = subprocess.run([sys.executable, "-c", "import json\n" + script], capture_output=True, check=True)
    counts, served = result.stdout.split(b"\n", 1)
    assert counts.split() == [str(first.count).encode(), b"False", b"False", b"False"]
    meta, columns = first.binary()
    assert served == json.dumps(meta, sort_keys=True).encode() + b"\n" + columns
    with Project.open(path) as project:                             # the incidents change: read again
        more = make_incidents(10, seed=9)
        more["source_key"] = [f"new{i}" for i in range(10)]
        _add(project, more)
    assert read_map_payload(path, lambda *args: None).count == first.count + 10
