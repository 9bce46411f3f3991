"""Every file a plan is handed out as, written into one folder.

This is the function behind both the "Exportar plan" menu and
`stationmap plan --out DIR`, so a script and a commander get the same files.
"""

from __future__ import annotations

from pathlib import Path

from stationmap.core.messages import current_language
from stationmap.core.progress import Progress, no_progress
from stationmap.planning.plan import PatrolPlan
from stationmap.maps.vector_features import features as basemap_features
from stationmap.reports.html_documents import write_plan_html
from stationmap.reports.plan_files import write_geojson, write_gpx, write_kml, write_tables
from stationmap.reports.plan_pdf import write_plan_pdf, write_route_cards


def plan_bounds(plan: PatrolPlan) -> tuple[float, float, float, float]:
    import shapely

    return shapely.union_all([s.geometry for s in plan.sectors]).bounds


def _make_out_folder(out: Path) -> None:
    """The folder the plan goes into, or a coded error saying why it cannot be (a file in the way,
    no permission to write, a disk that refuses); nothing half-made is left."""
    from stationmap.reports.jobs import check_out_folder, make_out_folder

    check_out_folder(out, "plan")
    make_out_folder(out, "plan")


def export_plan(plan: PatrolPlan, out_dir: str | Path, *, station: str, basemap=None, synthetic: bool = False,
                progress: Progress = no_progress, language: str | None = None) -> list[Path]:
    """Every file of the plan, all in `language` (default: the language the user chose)."""
    lang = language or current_language()
    out = Path(out_dir)
    _make_out_folder(out)
    written = []
    progress(0.0, "PDF")
    written.append(write_plan_pdf(plan, out / "plan_patrullaje.pdf", station=station, basemap=basemap,
                                  synthetic=synthetic, language=lang))
    progress(0.5, "HTML")
    features = list(basemap_features(basemap, plan_bounds(plan))) if basemap is not None and basemap.kind == "vector" else []
    written.append(write_plan_html(plan, out / "plan_patrullaje.html", station=station, features=features,
                                   synthetic=synthetic, language=lang))
    progress(0.6, "tarjetas de ruta")
    written.append(write_route_cards(plan, out / "tarjetas_de_ruta.pdf", station=station, language=lang))
    progress(0.8, "tablas")
    written += write_tables(plan, out, lang)
    written.append(write_geojson(plan, out / "plan.geojson", lang))
    written.append(write_kml(plan, out / "plan.kml", lang))
    written.append(write_gpx(plan, out / "puntos_criticos.gpx", lang))
    progress(1.0, "")
    return written
