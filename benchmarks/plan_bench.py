"""Benchmark: a week's patrol plan for 30 sectors x 3 shifts x 7 days on the sample station, and every export.

Figures: seconds to build the plan (risk, critical points, allocation, dosage) and to write the
exports (roll-call PDF, route cards, CSV/XLSX, GeoJSON, KML, GPX), the sizes of the PDFs, and as
"ratio" the whole job over a baseline measured in the same run on the same machine: loading the
project's incident table (the one piece of work every plan starts from).

Run: .venv/bin/python benchmarks/plan_bench.py
The last printed line is one JSON object with the figures.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import best_of, print_result  # noqa: E402

from stationmap.maps.basemap.reader import open_pack  # noqa: E402
from stationmap.maps.document import basemap_asset  # noqa: E402
from stationmap.maps.vector_features import StreetNamer  # noqa: E402
from stationmap.planning import project_geography as geo  # noqa: E402
from stationmap.planning.plan import UnitsSpec, build_plan  # noqa: E402
from stationmap.planning.sectors import balanced_sectors  # noqa: E402
from stationmap.reports.plan_export import export_plan  # noqa: E402
from stationmap.store.project import Project  # noqa: E402
from stationmap.store.sample import write_sample_project  # noqa: E402

SPEC = UnitsSpec(per_shift={"manana": {"patrullero": 10, "motorizado": 6, "serenazgo": 8},
                            "tarde": {"patrullero": 12, "motorizado": 8, "serenazgo": 10},
                            "noche": {"patrullero": 14, "motorizado": 8, "serenazgo": 12}},
                 at_station={"noche": 2})


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        project_path = work / "sample.stationmap"
        write_sample_project(project_path)
        with Project.open(project_path) as project:
            baseline = best_of(3, project.incidents)
            incidents = project.incidents()
            area = geo.jurisdiction(project)
            pack = open_pack(basemap_asset(project, work))
        start = time.perf_counter()
        sectors = balanced_sectors(area, incidents["lon"].to_numpy(), incidents["lat"].to_numpy(),
                                   incidents["weight"].to_numpy(), 30, cell_m=100)
        sectors_s = time.perf_counter() - start
        start = time.perf_counter()
        plan = build_plan(incidents, sectors, SPEC, date(2026, 11, 16), date(2026, 11, 22), seed=1,
                          street_namer=StreetNamer(pack))
        plan_s = time.perf_counter() - start
        start = time.perf_counter()
        files = export_plan(plan, work / "out", station="Comisaría PNP El Porvenir", basemap=pack, synthetic=True)
        export_s = time.perf_counter() - start
        sizes = {f.name: f.stat().st_size for f in files}
    total = sectors_s + plan_s + export_s
    visits = sum(len(v) for v in plan.visits.values())
    print(f"{len(sectors)} sectors in {sectors_s:.2f} s; plan ({len(plan.allocations)} shift-days, "
          f"{len(plan.critical_points)} critical points, {visits} visits) in {plan_s:.2f} s; "
          f"exports in {export_s:.2f} s")
    print(f"PDF {sizes['plan_patrullaje.pdf'] / 1e6:.2f} MB, route cards {sizes['tarjetas_de_ruta.pdf'] / 1e6:.2f} MB; "
          f"baseline (load incidents) {baseline * 1000:.0f} ms")
    print_result({"sectors": len(sectors), "shift_days": len(plan.allocations), "visits": visits,
                  "sectors_s": round(sectors_s, 3), "plan_s": round(plan_s, 3), "exports_s": round(export_s, 3),
                  "total_s": round(total, 3), "baseline_load_s": round(baseline, 4),
                  "ratio": round(total / baseline, 1), "pdf_bytes": sizes["plan_patrullaje.pdf"],
                  "route_cards_bytes": sizes["tarjetas_de_ruta.pdf"], "xlsx_bytes": sizes["plan.xlsx"]})


if __name__ == "__main__":
    main()
