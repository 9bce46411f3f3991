"""Weekly brief on the sample station: content, PDF pages, participatory suppression."""

from __future__ import annotations

import re
import subprocess
from datetime import date

import numpy as np
import pytest

from stationmap.analysis.density import density_surface
from stationmap.maps.basemap.reader import open_pack
from stationmap.maps.document import basemap_asset
from stationmap.maps.vector_features import StreetNamer, features
from stationmap.planning import project_geography as geo
from stationmap.planning.sectors import balanced_sectors
from stationmap.reports.brief_content import build_brief, iso_week_bounds
from stationmap.reports.brief_pdf import write_brief_pdf, write_participatory_pdf
from stationmap.reports.participatory import suppressed_sector_counts
from stationmap.store.project import Project


@pytest.fixture(scope="module")
def brief_inputs(sample_project_file, tmp_path_factory):
    with Project.open(sample_project_file) as project:
        incidents, imports, rejections = project.incidents(), project.imports(), project.rejections()
        area = geo.jurisdiction(project)
        pack = open_pack(basemap_asset(project, tmp_path_factory.mktemp("pack")))
    sectors = balanced_sectors(area, incidents["lon"].to_numpy(), incidents["lat"].to_numpy(), None, 5, cell_m=150)
    start, end = iso_week_bounds("2026-W46")
    brief = build_brief(incidents, start, end, station="Comisaría PNP El Porvenir", sectors=sectors,
                        imports=imports, rejections=rejections, synthetic=True, street_namer=StreetNamer(pack))
    return brief, incidents, sectors, pack


def test_iso_week_parsing():
    assert iso_week_bounds("2026-W47") == (date(2026, 11, 16), date(2026, 11, 22))
    with pytest.raises(Exception) as err:
        iso_week_bounds("semana 47")
    assert getattr(err.value, "code", "") == "brief.bad_week"


def test_brief_content_on_the_sample(brief_inputs):
    brief, incidents, sectors, _ = brief_inputs
    total = brief.categories[0]
    ts = incidents["start_ts"].to_numpy(dtype="float64", na_value=np.nan)
    in_week = (ts >= (date(2026, 11, 9) - date(1970, 1, 1)).days * 86400) & \
              (ts < (date(2026, 11, 16) - date(1970, 1, 1)).days * 86400)
    assert total.current == int(in_week.sum())
    # The sample has a year of history from 17/11/2025: four weeks back exist, a year back does not.
    assert total.vs_previous is not None and total.vs_last_year is None
    # The generator plants a rise in robbery over the last weeks; the brief must say so.
    robbery = next(line for line in brief.categories if line.category == "Robo")
    assert robbery.vs_previous.verdict == "up"
    assert sum(s.current for s in brief.sectors) <= total.current
    assert brief.critical_points and all(p.street for p in brief.critical_points[:3])
    assert brief.new_points <= {p.code for p in brief.critical_points}
    assert brief.matrix_current.sum() <= total.current + 1e-6


def test_brief_pdf_pages(brief_inputs, tmp_path):
    brief, incidents, sectors, pack = brief_inputs
    located = brief.period_mask & np.isfinite(incidents["lon"].to_numpy(dtype="float64", na_value=np.nan))
    density = density_surface(incidents["lon"][located], incidents["lat"][located], cell_m=75, bandwidth_m=250)
    bounds = sectors[0].geometry.union(sectors[-1].geometry).bounds
    path = write_brief_pdf(brief, tmp_path / "brief.pdf", sectors=sectors,
                           basemap_features=features(pack, bounds), density=density)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) == 4
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "aumento mayor que la variación normal" in text and "Calidad de los datos" in text
    assert "2026-W46" in text and "SINTÉTICOS" in text


def test_participatory_counts_never_show_small_numbers_or_let_them_be_derived(brief_inputs, tmp_path):
    brief, incidents, sectors, _ = brief_inputs
    table = suppressed_sector_counts(incidents[brief.period_mask], sectors, threshold=3)
    cells = table.drop(columns=["Sector", "Total"])
    for value in cells.to_numpy().ravel():
        assert value == "< 3" or value == "0" or int(value) >= 3
    for _, row in table.iterrows():
        hidden = [c for c in cells.columns if row[c] == "< 3"]
        shown = sum(int(row[c]) for c in cells.columns if row[c] != "< 3")
        # A sector with hidden cells gets a lower bound, never an exact total to subtract from.
        assert row["Total"] == (f"{shown + len(hidden)} o más" if hidden else str(shown))
    path = write_participatory_pdf(brief, incidents, sectors, tmp_path / "comunidad.pdf")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "< 3" in text
    assert not re.search(r"-?\d+\.\d{4,}", text), "no coordinates in the community report"
    assert "PC-" not in text and "Av." not in text.replace("Avenida", "")


def test_complementary_suppression_on_a_hand_made_table():
    from shapely.geometry import box

    from factories import make_incidents
    from stationmap.planning.sectors import Sector

    df = make_incidents(17)
    df["lon"], df["lat"] = -79.0, -8.0
    df["category"] = ["Robo"] * 10 + ["Hurto"] * 2 + ["Lesiones"] * 5
    table = suppressed_sector_counts(df, [Sector("S1", box(-79.1, -8.1, -78.9, -7.9))], threshold=3)
    row = table.iloc[0]
    assert row["Hurto"] == "< 3"
    assert row["Lesiones"] == "5"            # a count above the threshold is printed as it is
    assert row["Robo"] == "10" and row["Total"] == "16 o más"   # not 17, or 17 - 10 - 5 would reveal Hurto


@pytest.mark.chromium
def test_brief_job_writes_pdf_and_offline_html_for_the_week(sample_project_file, tmp_path):
    import shutil

    from offline_browser import count_near, remote_resource_references, screenshot
    from stationmap.reports.jobs import BriefRequest, run_brief

    project = tmp_path / "copy.stationmap"
    shutil.copy(sample_project_file, project)
    files = run_brief(BriefRequest(project, "2026-W46", tmp_path / "out"))
    names = {f.name for f in files}
    assert names == {"informe_semanal_2026-W46.pdf", "informe_comunidad_2026-W46.pdf",
                     "informe_semanal_2026-W46.html", "informe_comunidad_2026-W46.html"}
    weekly = tmp_path / "out" / "informe_semanal_2026-W46.html"
    assert remote_resource_references(weekly.read_text(encoding="utf-8")) == []
    image = screenshot(tmp_path, weekly)
    assert count_near(image, "#9a9a9a", 12) > 2000      # streets drawn with no network
    community = (tmp_path / "out" / "informe_comunidad_2026-W46.html").read_text(encoding="utf-8")
    assert "PC-" not in community and "<svg" not in community  # no places, no map
    assert not re.search(r"<td>[12]</td>", community)          # no count of 1 or 2
