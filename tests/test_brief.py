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


# --- QA of the English brief for 2026-W46 (quality figures, heat scales, tool tips, point order, map) ---

def _english_html(brief, sectors, tmp_path):
    from stationmap.reports.html_documents import write_brief_html

    return write_brief_html(brief, tmp_path / "brief.html", sectors=sectors, language="en").read_text(encoding="utf-8")


def _pdf_page(path, page: int) -> str:
    return subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path), "-"],
                          capture_output=True, text=True).stdout


def test_quality_figures_are_the_weeks_and_agree_with_its_row(brief_inputs, tmp_path):
    from stationmap.reports.brief_content import recent_quality_weeks

    brief, incidents, sectors, _ = brief_inputs
    q = brief.quality
    assert q.incidents == brief.categories[0].current == int(brief.period_mask.sum())
    week, count, located, timed, unspecified = recent_quality_weeks(q)[-1]
    assert week == brief.start and count == q.incidents
    # The sample's whole-project shares (95.9 %, 91.5 %) differ from the week's (94 %, 91 %).
    assert round(q.shares["with_coordinates"]) == located
    assert round(q.shares["known_time"]) == timed
    assert round(q.shares["unspecified"]) == unspecified
    html = _english_html(brief, sectors, tmp_path)
    assert f"Indicator (week {brief.label}, {q.incidents} incidents)" in html
    path = write_brief_pdf(brief, tmp_path / "brief.pdf", sectors=sectors, language="en")
    page = " ".join(_pdf_page(path, 4).split())
    assert f"Indicator (week {brief.label}, {q.incidents} incidents)" in page and "Imports (all)" in page


def _heat_blocks(html: str) -> list[str]:
    return re.findall(r'<svg class="heat".*?</svg>', html)


def test_both_heat_charts_share_one_scale_said_once(brief_inputs, tmp_path):
    brief, _, sectors, _ = brief_inputs
    peak = max(brief.matrix_current.max(), brief.matrix_reference.max())
    assert brief.matrix_reference.max() < peak    # the sample's two charts have different peaks
    html = _english_html(brief, sectors, tmp_path)
    now, usual = _heat_blocks(html)
    colour = {}
    for block, matrix in ((now, brief.matrix_current), (usual, brief.matrix_reference)):
        fills = re.findall(r'<rect x="\d+" y="\d+" width="25" height="25" fill="(#[0-9a-f]{6})"', block)
        assert len(fills) == 7 * 24
        for value, fill in zip(matrix.ravel(), fills):
            colour.setdefault(fill, []).append(float(value))
        assert block.endswith(">4 incidents</text></svg>")   # the key tops out at the shared peak
    # One scale: a colour stands for one band of counts, whichever chart it is in.
    viridis_bands = sorted((min(v), max(v)) for c, v in colour.items() if c != "#f4f4f4")
    for (lo1, hi1), (lo2, hi2) in zip(viridis_bands, viridis_bands[1:]):
        assert hi1 <= lo2 + 1e-9
    assert html.count("share one colour scale") == 1
    path = write_brief_pdf(brief, tmp_path / "brief.pdf", sectors=sectors, language="en")
    page = " ".join(_pdf_page(path, 3).split())
    assert page.count("Both charts share one scale") == 1 and "the darkest = 4 incidents" in page
    assert "Darkest cell" not in page


def test_heat_tool_tips_never_read_zero_on_a_coloured_cell_and_say_one_incident():
    from stationmap.reports.svg import heat_svg

    matrix = np.zeros((7, 24))
    matrix[0, :4] = [0.004, 0.03, 1.0, 2.5]
    svg = heat_svg(matrix, ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], unit="incidents", unit_one="incident")
    cells = dict(re.findall(r'fill="(#[0-9a-f]{6})"><title>Mon (\d\d):00: ([^<]*)</title>', svg)[i][1:]
                 for i in range(5))
    assert cells == {"00": "&lt; 0.01 incidents", "01": "0.03 incidents", "02": "1 incident",
                     "03": "2.5 incidents", "04": "0 incidents"}
    for fill, text in re.findall(r'fill="(#[0-9a-f]{6})"><title>[^:]*:00: ([^<]*)</title>', svg):
        assert (fill == "#f4f4f4") == text.startswith("0 "), (fill, text)


def test_heat_tool_tips_of_the_brief_agree_with_their_colours(brief_inputs, tmp_path):
    brief, _, sectors, _ = brief_inputs
    html = _english_html(brief, sectors, tmp_path)
    tips = re.findall(r'fill="(#[0-9a-f]{6})"><title>[^:]*:00: ([^<]*)</title>', html)
    assert len(tips) == 2 * 7 * 24
    for fill, text in tips:
        assert (fill == "#f4f4f4") == text.startswith("0 "), (fill, text)
        assert not text.startswith("1 incidents")


def test_critical_points_show_the_weight_they_are_ranked_by(brief_inputs, tmp_path):
    brief, _, sectors, _ = brief_inputs
    weights = [p.weight for p in brief.critical_points]
    assert weights == sorted(weights, reverse=True)
    counts = [p.incidents for p in brief.critical_points]
    assert counts != sorted(counts, reverse=True)    # the order is not the count's: it needs explaining
    from stationmap.core.numbers import mean_text

    html = _english_html(brief, sectors, tmp_path)
    rows = re.findall(r"<tr><td>(PC-\d\d)</td><td>[^<]*</td><td>([^<]*)</td><td>(\d+)</td>", html)
    assert [(code, w) for code, w, _ in rows] == [(p.code, mean_text(p.weight)) for p in brief.critical_points]
    assert "<th>Weight</th>" in html and "ranked by weight" in html
    path = write_brief_pdf(brief, tmp_path / "brief.pdf", sectors=sectors, language="en")
    page = _pdf_page(path, 2)
    assert "Weight" in page and "ranked by weight" in " ".join(page.split())
    for p in brief.critical_points[:8]:
        line = next(l for l in page.splitlines() if l.strip().startswith(p.code))
        assert mean_text(p.weight) in line.split()


def test_map_markers_are_kept_apart_and_sector_names_inside_the_frame(brief_inputs):
    import shapely

    from stationmap.reports import pdf_drawing as draw
    from stationmap.reports.brief_pdf import MARGIN, PAGE_H, PAGE_W
    from stationmap.reports.svg import SVG_POINT_RADIUS, map_svg

    brief, _, sectors, _ = brief_inputs
    box = (MARGIN, PAGE_H - MARGIN - 40 - 380, PAGE_W - 2 * MARGIN, 380)   # brief_pdf's map box
    frame = draw.frame_for(shapely.union_all([s.geometry for s in sectors]).bounds, *box)
    true_xy = draw._true_positions(frame, brief.critical_points)
    shown = draw._points_on_page(frame, brief.critical_points)

    def closest(xy):
        d = np.hypot(xy[:, None, 0] - xy[None, :, 0], xy[:, None, 1] - xy[None, :, 1])
        return d[~np.eye(len(xy), dtype=bool)].min()

    assert closest(true_xy) < 2 * draw.POINT_RADIUS          # PC-03 and PC-06 would touch
    assert closest(shown) >= 2 * draw.POINT_RADIUS + 2.9
    assert np.abs(shown - true_xy).max() < 4 * draw.POINT_RADIUS   # moved a little, not across the map
    svg = map_svg(shapely.union_all([s.geometry for s in sectors]).bounds, sectors=sectors,
                  points=brief.critical_points)
    discs = np.array([[float(x), float(y)] for x, y in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="9"', svg)])
    assert len(discs) == len(brief.critical_points) and closest(discs) >= 2 * SVG_POINT_RADIUS


def test_a_sector_name_stays_inside_the_map_frame():
    from shapely.geometry import box

    from stationmap.reports.label_placement import label_position, spread_markers

    frame = (0.0, 0.0, 300.0, 200.0)
    sector = box(-100, -150, 120, 30)     # mostly off the map: its own middle is below the frame
    for obstacles in (np.zeros((0, 2)), np.array([[50.0, 15.0]])):
        x, y = label_position(sector, obstacles, 20, 5.5, 7, frame=frame)
        assert 20 <= x <= 280 and 5.5 <= y <= 194.5, (x, y)
    apart = spread_markers(np.array([[10.0, 10.0], [12.0, 10.0], [10.0, 10.0]]), 6, gap=3)
    d = np.hypot(apart[:, None, 0] - apart[None, :, 0], apart[:, None, 1] - apart[None, :, 1])
    assert d[~np.eye(3, dtype=bool)].min() >= 15 - 1e-6
