"""The import job end to end: every row accounted for, duplicates, profiles, one transaction."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest
from conftest import SAMPLE_DATA, shared_path

from stationmap.core.errors import InputFileError
from stationmap.core.model import TableKind
from stationmap.core.progress import Cancelled
from stationmap.io.mapping import ColumnMapping
from stationmap.store.import_job import ImportRequest, file_sha256, run
from stationmap.store.project import Project

HEADER = "NRO_DENUNCIA;FECHA_HECHO;HORA_HECHO;MODALIDAD;LATITUD;LONGITUD;DIRECCION\n"


def _station_csv(path: Path, first: int, last: int) -> Path:
    """Incidents D<first>..D<last>, as a station export would list them."""
    lines = [HEADER]
    for n in range(first, last + 1):
        lines.append(f"D{n:06d};{1 + n % 28:02d}/10/2026;{n % 24:02d}:15;ROBO AGRAVADO;"
                     f"-8.07{n % 10};-79.01{n % 7};Av. Prueba {n}\n")
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _invariant(report) -> None:
    assert report.rows_read == report.imported + report.duplicates + report.rejected
    for summary in report.files:
        assert summary.rows_read == summary.imported + summary.duplicates + summary.rejected


def _fingerprint(path: Path) -> tuple:
    """What a project holds: counts of every table and a checksum of the incidents."""
    with Project.open(path) as project:
        incidents = project.incidents()
        digest = hashlib.sha256(pd.util.hash_pandas_object(incidents, index=False)
                                .to_numpy().tobytes()).hexdigest()
        return (len(incidents), len(project.counts()), len(project.imports()),
                len(project.rejections()), digest)


def test_sample_station_rows_are_all_accounted_for_and_reimport_adds_nothing(tmp_path):
    project = tmp_path / "p.stationmap"
    first = run(ImportRequest(project, [SAMPLE_DATA / "station"]))
    _invariant(first)
    assert first.imported > 5000 and first.rejected > 0
    assert first.kind == TableKind.INCIDENTS
    again = run(ImportRequest(project, [SAMPLE_DATA / "station"]))
    _invariant(again)
    assert (again.imported, again.duplicates) == (0, first.imported + first.duplicates)
    assert again.rejected == first.rejected
    with Project.open(project) as opened:
        assert opened.incident_count() == first.imported
        history = opened.imports()
        assert history["imported"].tolist() == [first.imported, 0]
        files = json.loads(history["files"][0])
        assert len(files) == 2
        assert json.loads(history["sha256s"][0])[0] == file_sha256(Path(files[0]))
        rejected = opened.rejections(import_id=int(history["id"][0]))
        assert len(rejected) == first.rejected
        assert rejected["message"].str.len().min() > 10  # a sentence, not a bare code


def test_overlapping_later_export_adds_only_the_new_rows(tmp_path):
    project = tmp_path / "p.stationmap"
    early = run(ImportRequest(project, [_station_csv(tmp_path / "oct_a.csv", 1, 100)]))
    assert early.imported == 100
    later = run(ImportRequest(project, [_station_csv(tmp_path / "oct_b.csv", 61, 130)]))
    assert (later.rows_read, later.imported, later.duplicates) == (70, 30, 40)
    with Project.open(project) as opened:
        ids = opened.incidents()["source_id"]
        assert sorted(ids) == [f"D{n:06d}" for n in range(1, 131)]


def test_rejections_are_listed_in_row_order_whoever_found_them(tmp_path):
    """A row too wide (found by the reader) after an impossible date (found by the normaliser)."""
    path = tmp_path / "registro.csv"
    path.write_text(HEADER + "D1;31/02/2026;10:00;ROBO;-8.07;-79.01;Av. Uno\n"
                    "D2;01/03/2026;10:00;ROBO;-8.07;-79.01;Av. Dos;sobra\n"
                    "D3;32/03/2026;10:00;ROBO;-8.07;-79.01;Av. Tres\n"
                    "D4;01/03/2026;10:00;ROBO;-8.07;-79.01;Av. Cuatro\n", encoding="utf-8")
    report = run(ImportRequest(tmp_path / "p.stationmap", [path]))
    assert [(r.row, r.code) for r in report.rejections] == [
        (2, "rows.date_impossible"), (3, "read.extra_columns"), (4, "rows.date_impossible")]
    _invariant(report)
    with Project.open(tmp_path / "p.stationmap") as project:
        stored = project.rejections()
    assert list(stored["row"]) == [2, 3, 4]


def test_cancel_during_insert_leaves_the_project_as_before(tmp_path):
    project = tmp_path / "p.stationmap"
    run(ImportRequest(project, [_station_csv(tmp_path / "a.csv", 1, 50)]))
    before = _fingerprint(project)
    seen = []

    def cancel_while_saving(fraction: float, message: str = "") -> None:
        seen.append(fraction)
        if fraction > 0.5 and len(seen) > 3:  # reading is done; rows are being inserted
            raise Cancelled()

    with pytest.raises(Cancelled):
        run(ImportRequest(project, [_station_csv(tmp_path / "b.csv", 1, 400),
                                    _station_csv(tmp_path / "c.csv", 401, 900)]),
            cancel_while_saving)
    assert _fingerprint(project) == before


def test_progress_goes_forward_per_file_and_ends_at_one(tmp_path):
    fractions = []
    run(ImportRequest(tmp_path / "p.stationmap", [_station_csv(tmp_path / "a.csv", 1, 10),
                                                  _station_csv(tmp_path / "b.csv", 11, 20)]),
        lambda fraction, message="": fractions.append(fraction))
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0
    assert any(0.4 < f < 0.6 for f in fractions)  # the second file starts half-way


@pytest.mark.parametrize("date_column, expected_day", [("REGISTRO", 20), ("HECHO", 3)])
def test_saved_profile_is_used_when_its_columns_match(tmp_path, date_column, expected_day):
    # Two date columns: whichever the profile names must be the one used (they cannot both be
    # the guess), and a profile naming a column the file lacks must not be used.
    path = tmp_path / "libro.csv"
    path.write_text("REGISTRO;HECHO;HORA;TIPO\n20/11/2026;03/11/2026;21:40;HURTO\n",
                    encoding="utf-8")
    project = tmp_path / "p.stationmap"
    with Project.create(project) as opened:
        opened.save_mapping_profile("libro", ColumnMapping(
            fields={"date": date_column, "time": "HORA", "category": "TIPO"}, day_first=True))
        opened.save_mapping_profile("otro", ColumnMapping(
            fields={"date": "FECHA", "time": "HORA", "category": "TIPO", "address": "DIR"}))
    report = run(ImportRequest(project, [path]))
    assert report.files[0].mapping["date"] == date_column
    with Project.open(project) as opened:
        start = opened.incidents()["start_ts"][0]
    assert pd.Timestamp(start, unit="s").day == expected_day


def test_one_unreadable_file_among_several_is_a_warning(tmp_path):
    folder = tmp_path / "meses"
    folder.mkdir()
    _station_csv(folder / "2026-10.csv", 1, 30)
    (folder / "2026-11.csv").write_bytes(b"")
    report = run(ImportRequest(tmp_path / "p.stationmap", [folder]))
    assert report.imported == 30
    assert [w.code for w in report.warnings if w.file.endswith("2026-11.csv")] == ["read.empty"]


def test_a_lone_unreadable_file_fails_and_changes_nothing(tmp_path):
    project = tmp_path / "p.stationmap"
    run(ImportRequest(project, [_station_csv(tmp_path / "a.csv", 1, 5)]))
    before = _fingerprint(project)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(InputFileError) as caught:
        run(ImportRequest(project, [empty]))
    assert caught.value.code == "read.empty"
    assert _fingerprint(project) == before


def test_points_outside_the_jurisdiction_are_flagged(tmp_path):
    project = tmp_path / "p.stationmap"
    with Project.create(project) as opened:
        opened.put_asset("jurisdiction", "geojson", json.dumps({
            "type": "Feature", "properties": {},
            "geometry": {"type": "Polygon", "coordinates": [[[-79.02, -8.08], [-79.0, -8.08],
                                                             [-79.0, -8.06], [-79.02, -8.06],
                                                             [-79.02, -8.08]]]}}).encode())
    path = tmp_path / "two.csv"
    path.write_text(HEADER + "D1;01/11/2026;10:00;HURTO;-8.07;-79.01;a\n"
                    "D2;01/11/2026;11:00;HURTO;-8.20;-79.10;b\n", encoding="utf-8")
    run(ImportRequest(project, [path]))
    with Project.open(project) as opened:
        status = dict(zip(opened.incidents()["source_id"], opened.incidents()["coord_status"]))
    assert status == {"D1": "ok", "D2": "outside_area"}


def test_sidpol_aggregated_counts_go_to_the_counts_table(tmp_path):
    source = shared_path("data", "peru-sidpol-cajamarca", "DATASET_DENUNCIAS.csv")
    project = tmp_path / "p.stationmap"
    report = run(ImportRequest(project, [source]))
    _invariant(report)
    assert report.kind == TableKind.AGGREGATED
    assert report.rows_read == 17_471
    with Project.open(project) as opened:
        counts = opened.counts()
        assert opened.incident_count() == 0
    assert len(counts) == report.imported
    assert counts["ubigeo"].str.len().eq(6).all()  # "60202" came back as "060202"
