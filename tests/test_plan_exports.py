"""Sample station -> plan -> every export, checked as a person would: pages, pictures, no PII."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import date
from xml.etree import ElementTree

import numpy as np
import pandas as pd
import pytest

from stationmap.maps.basemap.reader import open_pack
from stationmap.maps.document import basemap_asset
from stationmap.maps.vector_features import StreetNamer
from stationmap.planning import project_geography as geo
from stationmap.planning.plan import UnitsSpec, build_plan
from stationmap.planning.sectors import balanced_sectors
from stationmap.reports.plan_export import export_plan
from stationmap.store.project import Project

SPEC = UnitsSpec(per_shift={"manana": {"patrullero": 3, "serenazgo": 2},
                            "tarde": {"patrullero": 4, "serenazgo": 3},
                            "noche": {"patrullero": 6, "serenazgo": 4}},
                 at_station={"noche": 1}, minimum_per_sector=1)


@pytest.fixture(scope="module")
def exported(sample_project_file, tmp_path_factory):
    with Project.open(sample_project_file) as project:
        incidents = project.incidents()
        area = geo.jurisdiction(project)
        pack = open_pack(basemap_asset(project, tmp_path_factory.mktemp("pack")))
    sectors = balanced_sectors(area, incidents["lon"].to_numpy(), incidents["lat"].to_numpy(),
                               incidents["weight"].to_numpy(), 5, cell_m=150)
    plan = build_plan(incidents, sectors, SPEC, date(2026, 11, 16), date(2026, 11, 22), seed=3,
                      street_namer=StreetNamer(pack))
    out = tmp_path_factory.mktemp("plan")
    files = export_plan(plan, out, station="Comisaría PNP El Porvenir", basemap=pack, synthetic=True)
    return plan, out, files, incidents


def test_every_export_is_written(exported):
    plan, out, files, _ = exported
    names = {f.name for f in files}
    assert {"plan_patrullaje.pdf", "tarjetas_de_ruta.pdf", "plan.xlsx", "plan.geojson", "plan.kml",
            "puntos_criticos.gpx", "plan_asignaciones.csv", "plan_visitas.csv"} <= names
    assert all(f.stat().st_size > 0 for f in files)


def test_critical_points_are_named_after_real_streets(exported):
    plan, *_ = exported
    named = [p.street for p in plan.critical_points if p.street]
    assert len(named) >= 0.8 * len(plan.critical_points) and len(plan.critical_points) >= 5


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) not installed")
def test_pdf_has_a_cover_and_a_page_per_day_and_shift_with_a_drawn_map(exported, tmp_path):
    plan, out, *_ = exported
    info = subprocess.run(["pdfinfo", str(out / "plan_patrullaje.pdf")], capture_output=True, text=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) == 1 + 7 * 3
    assert "595.2" in info  # A4 width in points
    subprocess.run(["pdftoppm", "-r", "40", "-gray", "-f", "2", "-l", "2", "-png",
                    str(out / "plan_patrullaje.pdf"), str(tmp_path / "page")], check=True)
    from PIL import Image  # shipped with reportlab's dependencies

    page = np.asarray(Image.open(next(tmp_path.glob("page*.png"))).convert("L"), dtype=float)
    map_area = page[int(page.shape[0] * 0.08):int(page.shape[0] * 0.45), int(page.shape[1] * 0.1):int(page.shape[1] * 0.9)]
    # Streets drawn in greys: many mid-grey pixels, not a blank white box.
    assert ((map_area > 60) & (map_area < 235)).mean() > 0.15
    text = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(out / "plan_patrullaje.pdf"), "-"],
                          capture_output=True, text=True).stdout
    assert "Mañana" in text and "16/11/2026" in text and "del riesgo" in text


def pages_of_words(pdf) -> list[list[tuple[float, str]]]:
    """Each page's words as (bottom edge in points from the page's top, text), from pdftotext -bbox."""
    xhtml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    namespace = {"x": "http://www.w3.org/1999/xhtml"}
    pages = ElementTree.fromstring(xhtml).findall(".//x:page", namespace)
    return [[(float(w.get("yMax")), w.text or "") for w in page.findall("x:word", namespace)] for page in pages]


def assert_nothing_runs_into_the_footer(pdf) -> None:
    """Every word but the footer's ends above the bottom margin: no table runs over the page's foot."""
    from stationmap.reports.pdf_layout import MARGIN, PAGE_H

    for number, words in enumerate(pages_of_words(pdf), start=1):
        footer = max(y for y, text in words if text == "Página")
        body = [(y, text) for y, text in words if y < footer - 4]
        assert all(y <= PAGE_H - MARGIN + 1 for y, _ in body), (number, max(body))
        assert [text for y, text in words if abs(y - footer) <= 4][-2:] == ["Página", str(number)]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed")
def test_every_shift_fits_its_page_above_the_footer(exported):
    """Ten units at night (6 cars, 4 serenazgo) with their visit windows: the map gets shorter, the page
    stays one per shift and no row runs into the footer (they did: the last rows ran over the footer,
    and with more units they would have run off the page)."""
    plan, out, *_ = exported
    assert_nothing_runs_into_the_footer(out / "plan_patrullaje.pdf")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed")
def test_a_shift_with_more_units_than_a_page_holds_goes_on_under_the_same_title(exported, tmp_path):
    plan, _, _, incidents = exported
    many = UnitsSpec(per_shift={"manana": {"patrullero": 5}, "tarde": {"patrullero": 5},
                                "noche": {"patrullero": 14, "serenazgo": 10}}, minimum_per_sector=1)
    crowded = build_plan(incidents, plan.sectors, many, date(2026, 11, 16), date(2026, 11, 16), seed=3)
    pdf = export_plan(crowded, tmp_path, station="Comisaría PNP El Porvenir", synthetic=True)[0]
    assert pdf.name == "plan_patrullaje.pdf"
    assert_nothing_runs_into_the_footer(pdf)
    pages = pages_of_words(pdf)
    assert len(pages) > 1 + 3
    texts = [" ".join(text for _, text in page) for page in pages]
    night = [text for text in texts if text.startswith("Noche · lun 16/11/2026 · 22:00–06:00")]
    assert len(night) >= 2 and "(continuación)" in night[1]
    # Every unit of the night appears in its table, each once, header repeated on every page.
    ids = [word for page in night for word in page.split() if re.fullmatch(r"(PT|SZ)-\d\d", word)]
    assert sorted(ids) == sorted(f"PT-{k:02d}" for k in range(1, 15)) + sorted(f"SZ-{k:02d}" for k in range(1, 11))
    assert all("Unidad" in page and "Motivo" in page for page in night)


def test_no_personal_data_or_incident_text_in_any_export(exported):
    plan, out, files, incidents = exported
    # Free text, ids and addresses of individual incidents must never leave through a plan.
    secrets = set(incidents["source_id"].dropna().astype(str)) | set(incidents["description"].dropna().astype(str))
    secrets = {s for s in secrets if len(s) >= 6}
    assert secrets, "the sample has ids/descriptions to look for"
    text_files = [f for f in files if f.suffix in (".csv", ".geojson", ".kml", ".gpx")]
    for f in text_files:
        content = f.read_text(encoding="utf-8-sig")
        assert not any(s in content for s in secrets), f.name
        assert not re.search(r"\b\d{8}\b", content), f"{f.name}: looks like a DNI"
        assert not re.search(r"\b9\d{8}\b", content), f"{f.name}: looks like a phone number"


def test_gps_files_parse_and_hold_every_critical_point(exported):
    plan, out, *_ = exported
    gpx = ElementTree.parse(out / "puntos_criticos.gpx").getroot()
    ns = {"g": "http://www.topografix.com/GPX/1/1"}
    wpts = gpx.findall("g:wpt", ns)
    assert len(wpts) == len(plan.critical_points)
    assert all(-8.2 < float(w.get("lat")) < -7.9 and -79.2 < float(w.get("lon")) < -78.9 for w in wpts)
    kml = ElementTree.parse(out / "plan.kml").getroot()
    placemarks = kml.findall(".//{http://www.opengis.net/kml/2.2}Placemark")
    assert len(placemarks) == len(plan.sectors) + len(plan.critical_points)
    geo_json = json.loads((out / "plan.geojson").read_text(encoding="utf-8"))
    kinds = pd.Series([f["properties"]["tipo"] for f in geo_json["features"]]).value_counts()
    assert kinds["sector"] == len(plan.sectors) and kinds["punto_critico"] == len(plan.critical_points)


def test_spreadsheet_sheets_match_the_plan(exported):
    plan, out, *_ = exported
    sheets = pd.read_excel(out / "plan.xlsx", sheet_name=None, engine="openpyxl")
    assert set(sheets) == {"Asignaciones", "Visitas", "Sectores", "Puntos críticos"}
    total_units = sum(sum(v.values()) for v in SPEC.per_shift.values()) * 7
    assert len(sheets["Asignaciones"]) == total_units
    assert len(sheets["Visitas"]) == sum(len(v) for v in plan.visits.values())


@pytest.mark.chromium
def test_plan_html_is_self_contained_and_draws_map_chart_and_tables_offline(exported, tmp_path):
    from offline_browser import count_near, remote_resource_references, screenshot

    plan, out, *_ = exported
    page = out / "plan_patrullaje.html"
    html = page.read_text(encoding="utf-8")
    assert remote_resource_references(html) == []
    assert "<script" not in html  # nothing to execute, nothing to fetch
    image = screenshot(tmp_path, page)
    assert count_near(image, "#9a9a9a", 12) > 2000      # streets
    assert count_near(image, "#000000", 30) > 2000      # sector outlines, point discs, text
    assert count_near(image, "#21918c", 20) > 200       # hour x weekday cells (viridis)
    assert "Sector 1" in html and plan.critical_points[0].code in html
