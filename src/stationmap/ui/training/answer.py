"""The answer to the night exercise: the critical point of the incidents the filter leaves.

Plain code (no Qt), shared by the panel, which marks it on the map, and by the
trainer's guide, which prints it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from stationmap.core.filters import IncidentFilter
from stationmap.core.progress import Progress, no_progress


def find_answer(inputs: tuple[Path | None, Any, IncidentFilter], progress: Progress = no_progress) -> dict | None:
    """Long task (a second or two): `critical_point_of_filter` for (project path, incidents, filter).

    The project is opened again here because an SQLite connection belongs to its thread.
    """
    from stationmap.store.project import Project

    project_path, incidents, flt = inputs
    progress(0.0, "")
    if project_path is None:
        return critical_point_of_filter(None, incidents, flt)
    with Project.open(project_path) as project:
        return critical_point_of_filter(project, incidents, flt)


def critical_point_of_filter(project: Any, incidents: Any, flt: IncidentFilter) -> dict | None:
    """Street, place and size of the heaviest critical point among the filtered incidents."""
    from stationmap.analysis.critical_points import find_critical_points
    from stationmap.analysis.filtering import filter_mask

    if incidents is None or not len(incidents):
        return None
    points = find_critical_points(incidents[filter_mask(incidents, flt)], limit=1)
    if not points:
        return None
    point = points[0]
    street = _street_at(project, point.lon, point.lat) if project is not None else ""
    return {"street": street, "lon": point.lon, "lat": point.lat, "incidents": point.incidents,
            "peak_hours": list(point.peak_hours), "categories": dict(point.categories)}


def _street_at(project: Any, lon: float, lat: float) -> str:
    """Nearest named street from the project's vector basemap ("" without one)."""
    from stationmap.maps.basemap.reader import open_pack
    from stationmap.maps.document import basemap_asset
    from stationmap.maps.vector_features import StreetNamer

    with tempfile.TemporaryDirectory(prefix="stationmap-training-") as folder:
        path = basemap_asset(project, Path(folder))
        if path is None:
            return ""
        pack = open_pack(path)
        try:
            return StreetNamer(pack)(lon, lat) if pack.kind == "vector" else ""
        finally:
            pack.close()
