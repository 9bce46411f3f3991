"""A later SIDPOL export that revises a month's count updates it instead of doubling it."""

from __future__ import annotations

from conftest import shared_path
from stationmap.store.import_job import ImportRequest, run
from stationmap.store.project import Project


def test_revised_and_new_cells_update_the_project_and_identical_ones_are_duplicates(tmp_path):
    original = shared_path("data", "peru-sidpol-cajamarca", "DATASET_DENUNCIAS.csv").read_bytes()
    lines = original.split(b"\r\n")
    header, first, second = lines[0], lines[1], lines[2]
    assert first.endswith(b";2") and second.endswith(b";1")  # 2018-01 CACHACHI Otros 2; CAJABAMBA Estafa 1
    revised = tmp_path / "revisado.csv"
    new_cell = b"2026;3;CAJAMARCA;CAJABAMBA;CACHACHI;60202;Robo;4"
    revised.write_bytes(b"\r\n".join([header, first[:-1] + b"5", second, new_cell]) + b"\r\n")
    project = tmp_path / "region.stationmap"
    first_report = run(ImportRequest(project, [shared_path("data", "peru-sidpol-cajamarca", "DATASET_DENUNCIAS.csv")]))
    assert first_report.imported == 17_471
    report = run(ImportRequest(project, [revised]))
    assert (report.rows_read, report.imported, report.duplicates, report.rejected) == (3, 2, 1, 0)
    with Project.open(project) as opened:
        counts = opened.counts()
    assert len(counts) == 17_472
    assert int(counts["count"].sum()) == 171_501 - 2 + 5 + 4  # revised, not added twice
    again = run(ImportRequest(project, [revised]))
    assert again.imported == 0 and again.duplicates == 3
