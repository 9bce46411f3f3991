"""Counts per district drawn on Peru's bundled district limits when a project has no shapes for them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from conftest import shared_path
from offline_browser import remote_resource_references, run_chromium
from stationmap.maps import national_districts
from stationmap.maps.document import MapDocument, apply_geography
from stationmap.maps.export import export_project_html
from stationmap.maps.layers import CHOROPLETH_COLOURS, feature_ubigeo
from stationmap.store import import_job
from stationmap.store.project import Project

ROOT = Path(__file__).resolve().parents[1]
TRUJILLO_DISTRICTS = ROOT / "sample_data" / "geo" / "distritos_trujillo.geojson"


@pytest.fixture(scope="module")
def cajamarca_project(tmp_path_factory) -> Path:
    source = shared_path("data", "peru-sidpol-cajamarca", "DATASET_DENUNCIAS.csv")
    path = tmp_path_factory.mktemp("sidpol") / "cajamarca.stationmap"
    import_job.run(import_job.ImportRequest(path, [source]))
    return path


def counts(*rows: tuple[str, int]) -> pd.DataFrame:
    return pd.DataFrame({"ubigeo": [u for u, _ in rows], "year": 2026, "month": 10,
                         "category": "Hurto", "count": [c for _, c in rows]})


def drawn(document: MapDocument) -> dict[str, int | None]:
    return {f["properties"]["ubigeo"]: f["properties"]["count"] for f in document.districts["geojson"]["features"]}


def test_sidpol_cajamarca_counts_are_drawn_on_the_departments_districts(cajamarca_project):
    with Project.open(cajamarca_project) as project:
        table = project.counts()
    document = MapDocument()
    apply_geography(document, {}, table)   # a project with counts and no geography of its own
    shown = drawn(document)
    in_file = set(table["ubigeo"])
    # Every district of the export's provinces, each once; every counted district is on the map.
    assert len(shown) == len(document.districts["geojson"]["features"])
    assert in_file <= set(shown) and {u[:4] for u in shown} == {u[:4] for u in in_file}
    assert document.districts["unmapped"] == 0
    # Nothing lost or counted twice: the map's districts hold every complaint of the export.
    assert sum(c for c in shown.values() if c is not None) == int(table["count"].sum())
    assert {u for u, c in shown.items() if c is None} == set(shown) - in_file   # "sin datos", not zero
    assert document.districts["credit"] == national_districts.CREDIT
    # The first view is Cajamarca's counted districts, not the whole country.
    west, south, east, north = document.area()
    assert -79.6 < west < east < -77.5 and -8.0 < south < north < -4.4


def test_the_projects_own_district_shapes_win_and_are_never_drawn_twice():
    own = json.loads(TRUJILLO_DISTRICTS.read_text(encoding="utf-8"))
    own_codes = {feature_ubigeo(f) for f in own["features"]}
    document = MapDocument()
    apply_geography(document, {"districts": own}, counts(("130102", 41), ("130101", 120)))
    assert set(drawn(document)) == own_codes and document.districts["credit"] == ""

    # Counts from another province as well: that province's districts join, Trujillo's stay the project's.
    apply_geography(document, {"districts": own}, counts(("130102", 41), ("060101", 900)))
    shown = drawn(document)
    features = document.districts["geojson"]["features"]
    assert len(features) == len(shown)                       # no UBIGEO twice
    assert own_codes < set(shown) and shown["060101"] == 900 and shown["130102"] == 41
    assert {u[:4] for u in set(shown) - own_codes} == {"0601"}
    assert document.districts["credit"] == national_districts.CREDIT


def test_a_district_newer_than_the_limits_is_counted_as_not_on_the_map():
    document = MapDocument()
    # 130112 Alto Trujillo was created after 2007; 130102 El Porvenir, which it split from, was not.
    apply_geography(document, {}, counts(("130102", 10), ("130112", 7), ("130112", 3)))
    assert drawn(document)["130102"] == 10 and "130112" not in drawn(document)
    assert document.districts["unmapped"] == 1


def test_without_the_bundled_limits_the_map_keeps_what_the_project_has(monkeypatch, tmp_path):
    monkeypatch.setattr(national_districts, "resources_dir", lambda name: tmp_path / name)
    national_districts._all_districts.cache_clear()
    try:
        document = MapDocument()
        apply_geography(document, {}, counts(("060101", 900)))
        assert document.districts is None and document.area() is None
    finally:
        national_districts._all_districts.cache_clear()


@pytest.mark.chromium
@pytest.mark.slow
def test_exported_map_of_sidpol_counts_draws_its_districts_with_the_network_cut(cajamarca_project, tmp_path):
    with Project.open(cajamarca_project) as project:
        result = export_project_html(project, tmp_path / "cajamarca.html")
        table = project.counts()
    html = result.path.read_text(encoding="utf-8")
    assert remote_resource_references(html) == []
    run = run_chromium(tmp_path, result.path, "--dump-dom")
    fills = re.findall(r'<path class="leaflet-interactive"[^>]*fill="(#[0-9a-f]{6})"', run.stdout)
    counted = len(set(table["ubigeo"]))
    assert len(fills) > counted > 100, run.stderr[-2000:]
    # Counted districts in the classes' colours, the districts without a row in grey.
    assert sum(fill in CHOROPLETH_COLOURS for fill in fills) == counted
    assert fills.count("#cccccc") == len(fills) - counted
    assert "Límites distritales: INEI 2007" in run.stdout
    # The layer list offers the districts, not an incidents layer that would show nothing.
    overlays = re.search(r'class="leaflet-control-layers-overlays">(.*?)</div>', run.stdout, re.DOTALL)
    assert re.findall(r"<span> (.*?)</span>", overlays.group(1)) == ["Distritos (conteos)"]


def test_the_limits_around_incidents_are_the_districts_they_fall_in_and_not_a_region():
    tumbes = national_districts.districts_around(-80.47, -3.59, -80.43, -3.55)    # Tumbes city
    names = {f["properties"]["ubigeo"]: f["properties"]["nombre"] for f in tumbes["features"]}
    assert names["240101"] == "TUMBES" and len(names) <= 10
    assert national_districts.districts_around(-99.3, 19.2, -99.0, 19.5) is None   # Mexico City
    assert national_districts.districts_around(-81.3, -18.3, -68.7, -0.1) is None  # all of Peru: clutter


@pytest.mark.chromium
@pytest.mark.slow
def test_an_exported_map_without_basemap_names_the_districts_around_its_incidents(tmp_path):
    """A station in Tumbes exports its map from the command line: the file names where it is, offline."""
    from factories import make_incidents

    log = make_incidents(200, seed=7, center=(-3.566, -80.451))
    csv = tmp_path / "tumbes.csv"
    log.assign(fecha=pd.to_datetime(log["start_ts"], unit="s").dt.strftime("%d/%m/%Y %H:%M"))[
        ["source_id", "fecha", "category", "lat", "lon", "address"]].rename(columns={
            "source_id": "nro_denuncia", "category": "modalidad", "lat": "latitud", "lon": "longitud",
            "address": "direccion"}).to_csv(csv, sep=";", index=False)
    import_job.run(import_job.ImportRequest(tmp_path / "tumbes.stationmap", [csv]))
    with Project.open(tmp_path / "tumbes.stationmap") as project:
        result = export_project_html(project, tmp_path / "tumbes.html")
    assert result.points == 200 and not result.basemap_included
    run = run_chromium(tmp_path, result.path, "--dump-dom")
    names = re.findall(r'class="leaflet-tooltip sm-area-name[^"]*"[^>]*><span[^>]*>([^<]*)</span>', run.stdout)
    assert "TUMBES" in names, run.stderr[-2000:]
    assert "Límites distritales: INEI 2007" in run.stdout
