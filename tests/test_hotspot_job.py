"""Hot-spot layers and the method evaluation on the sample station."""

from __future__ import annotations

from datetime import datetime, timezone

import shapely
from shapely.geometry import shape

from factories import local_ts
from stationmap.analysis.hotspot_job import HotspotSettings, evaluate, hotspot_cells
from stationmap.planning import project_geography as geo
from stationmap.store.project import Project

END = local_ts("2026-11-16 00:00")


def _sample(sample_project_file):
    with Project.open(sample_project_file) as project:
        return project.incidents(), geo.jurisdiction(project)


def test_each_method_flags_cells_inside_the_jurisdiction_with_a_legend(sample_project_file):
    incidents, area = _sample(sample_project_file)
    for method in ("conteo", "kde", "gistar"):
        layer = hotspot_cells(incidents, area, HotspotSettings(method=method), END)
        assert layer["features"], method
        assert layer["legend"]["method"] == method and layer["legend"]["cell_m"] >= 50
        cells = shapely.union_all([shape(f["geometry"]) for f in layer["features"]])
        assert cells.intersection(area).area / cells.area > 0.9
    kde = hotspot_cells(incidents, area, HotspotSettings(method="kde", top_share=0.05), END)
    total_cells = int(area.area / (0.0009 ** 2))  # rough count of 100 m cells in degrees
    assert len(kde["features"]) < 0.1 * total_cells  # a small share of the area, as asked


def test_evaluation_on_the_station_history_puts_baselines_beside_the_smoothers(sample_project_file):
    incidents, area = _sample(sample_project_file)
    result = evaluate(incidents, area, test_weeks=6)
    assert 30 < result.area_km2 < 45  # the jurisdiction PAI is measured against (37 km²)
    methods = set(result.table["method"])
    assert methods == {"counts_all", "counts_year", "counts_8w", "recency_4w", "kde_quartic", "kde_gaussian"}
    assert result.bandwidth_m == max(250.0, result.cell_m)
    at_5 = result.table[result.table["share"] == 0.05]
    # The sample has stable puntos críticos: every method should beat a random map (PAI 1) clearly.
    assert (at_5["pai"] > 2).all(), at_5
    assert (result.detail["week_start"].nunique()) == 6
    assert result.detail["week_start"].max() == local_ts("2026-11-09 00:00")  # the last full week


def test_evaluated_methods_are_named_in_the_users_language():
    from stationmap.analysis.evaluation import default_methods, method_label

    assert [method_label(key, 300, "en") for key in default_methods()] == [
        "Counts (all history)", "Counts (last year)", "Counts (last 8 weeks)", "Recent (4-week half-life)",
        "Quartic KDE 300 m (last year)", "Gaussian KDE 300 m (last year)"]
    assert method_label("kde_gaussian", 300, "es") == "KDE gaussiano 300 m (último año)"


def test_the_layer_says_what_it_was_computed_from_in_both_languages(sample_project_file):
    # QA: with the table filtered to a week's Friday and Saturday nights, the layer still took every
    # incident of its 8 weeks and only "últimas 8 semanas" hinted at it. The layer keeps its look-back
    # (the plan's) but says so: the dates, how many incidents, and that the table's filters do not apply.
    import numpy as np

    from stationmap.ui.hotspots.jobs import HotspotRequest, run_hotspots

    incidents, area = _sample(sample_project_file)
    ts = incidents["start_ts"].to_numpy(dtype="float64", na_value=np.nan)
    end = (np.floor(np.nanmax(ts) / 86_400) + 1) * 86_400
    start = end - 8 * 7 * 86_400
    located = (incidents["lon"].notna() & incidents["lat"].notna()).to_numpy() & (ts >= start) & (ts < end)
    first = datetime.fromtimestamp(start, timezone.utc).strftime("%d/%m/%Y")
    last = datetime.fromtimestamp(end - 86_400, timezone.utc).strftime("%d/%m/%Y")
    layers = {language: run_hotspots(HotspotRequest(incidents, area, HotspotSettings(method="gistar"), language),
                                     lambda *_: None)
              for language in ("es", "en")}
    assert layers["es"]["legend"]["basis"] == (
        f"Calculado con todos los incidentes del {first} al {last} (últimas 8 semanas): {located.sum():,} con "
        "ubicación, de todas las categorías y horas. No sigue los filtros de la tabla ni del mapa.")
    assert layers["en"]["legend"]["basis"] == (
        f"Computed from all incidents from {first} to {last} (last 8 weeks): {located.sum():,} located, "
        "all categories and hours. It does not follow the table's or the map's filters.")
    assert 0 < located.sum() < len(incidents)

    # One week is "última semana" / "last week", not "últimas 1 semanas".
    one = run_hotspots(HotspotRequest(incidents, area, HotspotSettings(method="conteo", weeks=1), "en"),
                       lambda *_: None)
    assert " · last week · " in one["legend"]["text"] and "(last week)" in one["legend"]["basis"]
