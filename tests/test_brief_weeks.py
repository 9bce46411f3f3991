"""A brief only for weeks the data cover: no data is not zero crime, and a mean keeps its decimal."""

from __future__ import annotations

import shutil
from datetime import date

import numpy as np
import pytest
from shapely.geometry import box

from factories import local_ts, make_incidents
from stationmap.analysis.change import compare_counts
from stationmap.core.errors import StationMapError
from stationmap.planning.sectors import balanced_sectors
from stationmap.reports.brief_content import build_brief, iso_week_bounds
from stationmap.reports.brief_weeks import available_weeks
from stationmap.store.project import Project


def _sectors(incidents, n: int):
    lon, lat = incidents["lon"].to_numpy(dtype=float), incidents["lat"].to_numpy(dtype=float)
    area = box(np.nanmin(lon), np.nanmin(lat), np.nanmax(lon), np.nanmax(lat))
    return balanced_sectors(area, lon, lat, None, n, cell_m=150)


@pytest.fixture(scope="module")
def sample(sample_project_file):
    with Project.open(sample_project_file) as project:
        incidents = project.incidents()
    return incidents, _sectors(incidents, 4)


def _refusal(incidents, sectors, week: str) -> StationMapError:
    start, end = iso_week_bounds(week)
    with pytest.raises(StationMapError) as error:
        build_brief(incidents, start, end, station="S", sectors=sectors)
    return error.value


@pytest.mark.parametrize("week, code", [("2026-W47", "brief.week_after_data"), ("2027-W05", "brief.week_after_data"),
                                        ("2020-W10", "brief.week_before_data")])
def test_a_week_outside_the_data_is_refused_not_reported_as_a_fall(sample, week, code):
    incidents, sectors = sample
    error = _refusal(incidents, sectors, week)
    assert error.code == code
    message = error.message("es")
    assert f"No hay datos para la semana {week}" in message
    assert ("llegan hasta el 15/11/2026" in message and "2026-W46" in message) if "after" in code else \
        ("empiezan el 17/11/2025" in message and "2025-W47" in message)
    assert "descenso" not in message and "variación normal" not in message
    assert "There are no data for week" in error.message("en")


def test_a_week_the_data_cover_only_in_part_is_refused_and_not_offered():
    # Incidents from Wednesday 02/09/2026 to Wednesday 30/09/2026 (28 days): weeks 37 to 39 are whole.
    incidents = make_incidents(400, start="2026-09-02", days=28)
    incidents.loc[0, "start_ts"] = incidents.loc[0, "end_ts"] = local_ts("2026-09-30 10:00")
    sectors = _sectors(incidents, 3)
    for week in ("2026-W40", "2026-W36"):   # 28/09-04/10 and 31/08-06/09: each half in the data
        error = _refusal(incidents, sectors, week)
        assert error.code == "brief.week_partial", week
        assert "solo en parte" in error.message("es") and "entre 2026-W37 y 2026-W39" in error.message("es")
    weeks, newest = available_weeks(incidents)
    assert weeks == ["2026-W39", "2026-W38", "2026-W37"] and newest == "2026-W39"
    start, end = iso_week_bounds("2026-W39")
    assert build_brief(incidents, start, end, station="S", sectors=sectors).categories[0].current > 0


def test_no_dated_incidents_is_explained():
    incidents = make_incidents(0)
    error = _refusal(incidents, [], "2026-W46")
    assert error.code == "brief.no_dated_incidents"


def test_sectors_are_not_judged_against_weeks_before_the_data(sample):
    incidents, sectors = sample
    start, end = iso_week_bounds("2025-W47")      # the sample's first week: nothing before it
    brief = build_brief(incidents, start, end, station="S", sectors=sectors)
    assert brief.categories[0].vs_previous is None
    assert all(line.change is None for line in brief.sectors), "a first week is not a 'real rise' on every sector"


def test_a_mean_is_written_with_its_decimal_as_the_table_writes_it():
    change = compare_counts(124, 495, 4)            # the usual week: 123.75
    assert "124 frente a 123.8 habituales" in change.sentence("es")
    assert "against a usual 123.8" in change.sentence("en")
    assert "frente a 1,500.2 habituales" in compare_counts(1500, 6001, 4).sentence("es")
    assert "30 frente a 30 habituales" in compare_counts(30, 120, 4).sentence("es")   # a whole mean stays whole


def test_the_sample_still_offers_its_52_weeks(sample):
    weeks, newest = available_weeks(sample[0])
    assert len(weeks) == 52 and newest == "2026-W46" and weeks[-1] == "2025-W47"
    first = date(1970, 1, 1) + np.timedelta64(int(sample[0]["start_ts"].min()) // 86400, "D").item()
    assert first == date(2025, 11, 17)


def test_run_brief_refuses_before_writing_anything(sample_project_file, tmp_path):
    from stationmap.reports.jobs import BriefRequest, run_brief

    project = tmp_path / "p.stationmap"
    shutil.copy(sample_project_file, project)
    with pytest.raises(StationMapError) as error:
        run_brief(BriefRequest(project, "2026-W47", tmp_path / "out"))
    assert error.value.code == "brief.week_after_data"
    assert not (tmp_path / "out").exists()
