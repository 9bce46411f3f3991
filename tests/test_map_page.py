"""Map documents without Qt: point payloads, filter bits, layers, page building, vendored assets."""

from __future__ import annotations

import base64
import json
import re

import numpy as np
import pandas as pd
import pytest
from conftest import shared_path
from factories import make_incidents

from stationmap.core.model import UNKNOWN_CATEGORY
from stationmap.maps import assets
from stationmap.maps.layers import class_breaks, districts_layer, points_layer
from stationmap.maps.page import BasemapSpec, json_for_script, page_config, render_page
from stationmap.maps.points import UNKNOWN_COLOUR, incident_payload, mask_bits


def test_payload_keeps_located_incidents_as_columns_in_table_order():
    frame = make_incidents(6, seed=2)
    frame.loc[2, "lat"] = np.nan
    frame.loc[4, "category"] = None
    frame.loc[5, "start_ts"] = None
    payload = incident_payload(frame)
    data = payload.data
    assert payload.rows.tolist() == [0, 1, 3, 4, 5]
    assert data["id"] == [1, 2, 4, 5, 6]
    assert data["lat_e6"][0] == round(frame.loc[0, "lat"] * 1e6)
    assert [data["categories"][c] for c in data["cat"]][3] == UNKNOWN_CATEGORY
    assert data["colors"][data["categories"].index(UNKNOWN_CATEGORY)] == UNKNOWN_COLOUR
    assert data["ts"][4] is None and data["ts"][0] == int(frame.loc[0, "start_ts"])
    assert [data["addresses"][a] for a in data["addr"]] == frame["address"].iloc[payload.rows].tolist()


def test_categories_are_ordered_by_frequency_for_stable_colours():
    frame = make_incidents(30, seed=1)
    frame["category"] = ["Hurto"] * 20 + ["Robo"] * 7 + ["Lesiones"] * 3
    data = incident_payload(frame).data
    assert data["categories"] == ["Hurto", "Robo", "Lesiones"]
    assert len(set(data["colors"])) == 3


def test_mask_bits_are_numpy_packbits_and_none_means_all():
    mask = np.array([True, False, True, True, False, False, False, True, False, True])
    decoded = np.unpackbits(np.frombuffer(base64.b64decode(mask_bits(mask)), np.uint8))[: len(mask)]
    assert decoded.astype(bool).tolist() == mask.tolist()
    assert mask_bits(np.ones(5, bool)) is None


def test_json_for_script_cannot_close_the_script_element():
    text = json_for_script({"a": "</script><script>alert(1)</script>", "b": "x & y"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["a"] == "</script><script>alert(1)</script>"


def test_basemap_attribution_keeps_text_but_never_markup():
    spec = BasemapSpec(kind="vector", url=None, schema="openmaptiles", minzoom=0, maxzoom=14,
                       attribution='<a href="https://x.org">© OSM</a><img src=x onerror=alert(1)>',
                       has_pois=True)
    assert spec.to_json()["attribution"] == "© OSM"


def test_embedded_page_loads_only_app_scheme_assets_in_order():
    config = page_config(mode="embedded", language="en", basemap=None, bounds=(-79.1, -8.2, -78.9, -8.0))
    html = render_page(config, inline_assets=False, title="<Mapa>")
    sources = re.findall(r'<script src="([^"]+)"', html) + re.findall(r'href="([^"]+)"', html)
    assert sources and all(url.startswith("app://stationmap/web/") for url in sources)
    # The incidents are asked for before anything else loads; Leaflet comes before what uses it.
    assert [url.rsplit("/web/", 1)[1] for url in sources[:2]] == ["stationmap/prefetch.js", "leaflet/leaflet.js"]
    assert "<title>&lt;Mapa&gt;</title>" in html
    assert config["view"]["bounds"] == [[-8.2, -79.1], [-8.0, -78.9]]
    assert config["text"]["time_unknown"] == "time unknown"
    # The basemap's renderer is not parsed ahead of the first drawing: map.js loads it afterwards,
    # in this order, from the URLs the page's config names.
    written = json.loads(re.search(r'id="sm-config">(.*?)</script>', html).group(1))
    renderer = ["pmtiles/pmtiles.js", "protomaps-leaflet/protomaps-leaflet.js", "stationmap/basemap-style.js"]
    assert [url.rsplit("/web/", 1)[1] for url in written["basemap_scripts"]] == renderer
    assert not set(renderer) & {url.rsplit("/web/", 1)[1] for url in sources}


def test_an_exported_page_carries_the_basemap_renderer_inline_before_map_js():
    config = page_config(mode="export", language="es", basemap=None, bounds=None)
    html = render_page(config, inline_assets=True, title="Mapa")
    written = json.loads(re.search(r'id="sm-config">(.*?)</script>', html).group(1))
    assert "basemap_scripts" not in written and "<script src=" not in html
    starts = [html.index(assets.read_text(name)[:200]) for name in
              ("pmtiles/pmtiles.js", "protomaps-leaflet/protomaps-leaflet.js", "stationmap/basemap-style.js",
               "stationmap/map.js")]
    assert starts == sorted(starts)


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_embedded_page_made_without_jinja_is_what_the_template_renders(language):
    # render_page writes the embedded (linked) page out by hand: no Jinja2 at start-up.
    from stationmap.maps import page

    config = page_config(mode="embedded", language=language, basemap=None, bounds=(-79.1, -8.2, -78.9, -8.0),
                         load_id="abc")
    config["text"]["legend"] = "</script><b>&"
    for title, extra in (("<Mapa> & \"co\"", ("app://stationmap/qt/qwebchannel.js",)), ("StationMap", ())):
        made = render_page(config, inline_assets=False, title=title, extra_scripts=extra)
        assert made == page._template_page(config, inline_assets=False, title=title, layers=None,
                                           basemap_b64=None, extra_scripts=extra)


def test_every_page_asset_is_vendored_with_licence_and_version():
    versions = assets.read_text("VERSIONS.md")
    for relative in assets.PAGE_SCRIPTS + assets.PAGE_STYLES + (assets.PAGE_TEMPLATE,):
        assert assets.asset_path(relative) is not None, relative
        library = relative.split("/")[0]
        if library != "stationmap":
            assert assets.asset_path(f"{library}/LICENSE") is not None
            assert f"`{library}/`" in versions
    for library, version in (("leaflet", "1.9.4"), ("protomaps-leaflet", "5.1.0"), ("pmtiles", "4.5.0")):
        assert f"{library}@{version}" in versions
    assert assets.asset_path("../../pyproject.toml") is None  # the scheme cannot leave the web root
    names = [p.name.lower() for p in assets.web_root().rglob("*")]
    assert not any("heatmap" in n for n in names)  # ad blockers drop scripts named like that


def test_class_breaks_are_increasing_whole_numbers():
    assert class_breaks(np.array([1, 2, 3, 4, 100])) == sorted(set(class_breaks(np.array([1, 2, 3, 4, 100]))))
    assert class_breaks(np.array([5, 5, 5])) == [5]
    assert class_breaks(np.array([])) == []


def test_sidpol_counts_join_district_polygons_on_ubigeo_with_lost_zeros():
    """Real SIDPOL exports (Cajamarca, UBIGEO without its leading zero) on real INEI districts."""
    counts_file = shared_path("data", "peru-sidpol-cajamarca", "DATASET_DENUNCIAS.csv")
    districts_file = shared_path("geo", "peru-limits-inei2007-juaneladio", "peru_distrital_simple.geojson")
    raw = pd.read_csv(counts_file, sep=";", encoding="latin-1")
    counts = pd.DataFrame({"ubigeo": raw["UBIGEO_HECHO"], "count": raw["CANTIDAD"],
                           "year": raw.iloc[:, 0], "month": raw["MES"]})
    districts = json.loads(districts_file.read_text(encoding="utf-8"))
    layer = districts_layer(districts, counts)
    by_code = {f["properties"]["ubigeo"]: f["properties"] for f in layer["geojson"]["features"]}
    cajamarca = by_code["060101"]
    expected = int(raw.loc[raw["UBIGEO_HECHO"] == 60101, "CANTIDAD"].sum())
    assert cajamarca["count"] == expected > 0 and cajamarca["name"] == "CAJAMARCA"
    assert by_code["150101"]["count"] is None  # Lima is not in a Cajamarca export: no data, not zero
    assert layer["breaks"] == sorted(layer["breaks"]) and len(layer["colors"]) == len(layer["breaks"])
    assert re.fullmatch(r"\d\d/\d{4}–\d\d/\d{4}", layer["period"])


def test_station_points_keep_name_and_drop_other_properties():
    collection = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-79.0, -8.1]},
         "properties": {"comisaria": "CPNP LA NORIA", "codigo_cpnp": "1082"}},
        {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": []}, "properties": {}}]}
    layer = points_layer(collection)
    assert [f["properties"] for f in layer["features"]] == [{"name": "CPNP LA NORIA", "address": None}]


@pytest.mark.parametrize("language", ["es", "en"])
def test_density_legend_states_kernel_bandwidth_and_cell_in_metres(language):
    from stationmap.maps.layers import density_layer

    layer = density_layer(b"\x89PNG", (-79.1, -8.2, -78.9, -8.0), kernel="quartic", bandwidth_m=200,
                          cell_m=50, ramp=["#fff", "#f00"], language=language)
    word = {"es": "cuártico", "en": "quartic"}[language]
    assert "200 m" in layer["legend"] and "50 m" in layer["legend"] and word in layer["legend"]
    assert layer["image"].startswith("data:image/png;base64,")
    assert layer["bounds"] == [[-8.2, -79.1], [-8.0, -78.9]]


def test_density_overlay_from_a_real_surface_keeps_its_metres_and_corners():
    from stationmap.analysis.density import density_surface
    from stationmap.maps.layers import density_layer_from_surface

    frame = make_incidents(500, seed=4)
    surface = density_surface(frame["lon"], frame["lat"], cell_m=100, bandwidth_m=250, kernel="quartic")
    layer = density_layer_from_surface(surface, "es")
    west, south, east, north = surface.image_bounds_lonlat
    assert layer["bounds"] == [[south, west], [north, east]]
    assert "250 m" in layer["legend"] and "100 m" in layer["legend"]
    assert layer["ramp_labels"][1].endswith("incidentes por km²")
    assert base64.b64decode(layer["image"].split(",", 1)[1])[:4] == b"\x89PNG"


def test_binary_columns_read_back_as_the_typed_arrays_the_page_builds():
    frame = make_incidents(7, seed=6)
    frame.loc[3, "start_ts"] = None
    payload = incident_payload(frame)
    meta, raw = payload.binary()
    assert meta["n"] == 7 and meta["categories"] == payload.meta["categories"]
    for column in meta["layout"]:
        assert column["offset"] % np.dtype(column["type"]).itemsize == 0  # a valid typed-array view
        values = np.frombuffer(raw, column["type"], column["length"], column["offset"])
        np.testing.assert_array_equal(values, payload.columns[column["name"]])
    ts = np.frombuffer(raw, "float64", 7, next(c["offset"] for c in meta["layout"] if c["name"] == "ts"))
    assert np.isnan(ts[3]) and ts[0] == frame.loc[0, "start_ts"]
