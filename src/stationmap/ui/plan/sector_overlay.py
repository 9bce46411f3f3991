"""The plan's sectors as a map overlay: how many units (and which) each sector has in one shift."""

from __future__ import annotations

from datetime import date

from shapely.geometry import mapping

from stationmap.planning.plan import PatrolPlan

OVERLAY_NAME = "plan_sectors"
STYLE = {"color": "#1f4e9c", "weight": 2, "fillColor": "#1f4e9c", "fillOpacity": 0.08, "dashArray": "6 4"}


def sector_units_geojson(plan: PatrolPlan, day: date, shift: str, units_word: str) -> dict:
    """Sector polygons with `nombre`, `unidades` and a label such as "Sector 2: 3 unidades (PT-01, ...)"."""
    allocation = plan.allocations.get((day, shift))
    features = []
    for sector in plan.sectors:
        units = [u.id for u in allocation.units_in(sector.name)] if allocation is not None else []
        label = f"{sector.name}: {len(units)} {units_word}" + (f" ({', '.join(units)})" if units else "")
        features.append({"type": "Feature", "geometry": mapping(sector.geometry),
                         "properties": {"nombre": sector.name, "unidades": len(units), "etiqueta": label}})
    return {"type": "FeatureCollection", "features": features}
