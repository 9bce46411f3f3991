"""A patrol plan as tables in Spanish, the shape roll calls and spreadsheets use.

Only plan facts leave through these tables: units, sectors, places, times and
aggregated counts. No incident row, victim, document number or free text is
ever part of them, so every export built on them is free of personal data.
"""

from __future__ import annotations

import pandas as pd

from stationmap.analysis.temporal_tables import shift_names
from stationmap.planning.plan import PatrolPlan

KIND_LABEL = {"patrullero": "Patrullero", "integrado": "Patrullaje integrado", "motorizado": "Motorizado",
              "serenazgo": "Serenazgo", "a_pie": "A pie"}


def _shift_labels(plan: PatrolPlan) -> dict[str, str]:
    return dict(zip((s.key for s in plan.shifts.shifts), shift_names(plan.shifts)))


def clock(plan: PatrolPlan, shift_key: str, minute: int) -> str:
    """Wall-clock time of a minute counted from the shift's start."""
    start = next(s.start_hour for s in plan.shifts.shifts if s.key == shift_key)
    total = (start * 60 + minute) % (24 * 60)
    return f"{total // 60:02d}:{total % 60:02d}"


def assignments_table(plan: PatrolPlan) -> pd.DataFrame:
    labels = _shift_labels(plan)
    rows = []
    for (day, shift), allocation in plan.allocations.items():
        for a in allocation.assignments:
            rows.append({"Fecha": day.strftime("%d/%m/%Y"), "Turno": labels[shift], "Unidad": a.unit.id,
                         "Tipo": KIND_LABEL.get(a.unit.kind, a.unit.kind),
                         "Sector": a.sector or "Comisaría (retén)", "Fijado": "sí" if a.locked else "no",
                         "Motivo": a.reason})
    return pd.DataFrame(rows, columns=["Fecha", "Turno", "Unidad", "Tipo", "Sector", "Fijado", "Motivo"])


def visits_table(plan: PatrolPlan) -> pd.DataFrame:
    labels = _shift_labels(plan)
    points = {p.code: p for p in plan.critical_points}
    sector_of = {(day, shift, a.unit.id): a.sector for (day, shift), al in plan.allocations.items()
                 for a in al.assignments}
    rows = []
    for (day, shift, unit), visits in plan.visits.items():
        for v in visits:
            rows.append({"Fecha": day.strftime("%d/%m/%Y"), "Turno": labels[shift], "Unidad": unit,
                         "Sector": sector_of[(day, shift, unit)], "Punto crítico": v.place,
                         "Calle": points[v.place].street, "Inicio": clock(plan, shift, v.start_minute),
                         "Fin": clock(plan, shift, v.start_minute + v.minutes), "Minutos": v.minutes})
    return pd.DataFrame(rows, columns=["Fecha", "Turno", "Unidad", "Sector", "Punto crítico", "Calle",
                                       "Inicio", "Fin", "Minutos"])


def sectors_table(plan: PatrolPlan) -> pd.DataFrame:
    labels = _shift_labels(plan)
    per_shift = plan.risk.per_shift()
    totals = per_shift.sum(axis=0)
    rows = []
    for g, sector in enumerate(plan.sectors):
        row = {"Sector": sector.name}
        for s, shift in enumerate(plan.shifts.shifts):
            share = 100.0 * per_shift[g, s] / totals[s] if totals[s] > 0 else 0.0
            row[f"Riesgo {labels[shift.key]} (%)"] = round(share, 1)
        row["Unidades-turno en el periodo"] = sum(len(al.units_in(sector.name)) for al in plan.allocations.values())
        row["Puntos críticos"] = sum(1 for owner in plan.point_sector if owner == g)
        rows.append(row)
    return pd.DataFrame(rows)


def critical_points_table(plan: PatrolPlan) -> pd.DataFrame:
    names = [s.name for s in plan.sectors]
    rows = []
    for point, owner in zip(plan.critical_points, plan.point_sector):
        top = sorted(point.categories.items(), key=lambda kv: -kv[1])[:3]
        rows.append({"Código": point.code, "Calle": point.street,
                     "Sector": names[owner] if owner >= 0 else "Fuera de los sectores",
                     "Incidentes": point.incidents, "Peso": round(point.weight, 1),
                     "Delitos principales": ", ".join(f"{k} ({v})" for k, v in top),
                     "Horas pico": ", ".join(f"{h:02d}:00" for h in point.peak_hours),
                     "Latitud": round(point.lat, 6), "Longitud": round(point.lon, 6)})
    return pd.DataFrame(rows, columns=["Código", "Calle", "Sector", "Incidentes", "Peso",
                                       "Delitos principales", "Horas pico", "Latitud", "Longitud"])


def plan_tables(plan: PatrolPlan) -> dict[str, pd.DataFrame]:
    return {"Asignaciones": assignments_table(plan), "Visitas": visits_table(plan),
            "Sectores": sectors_table(plan), "Puntos críticos": critical_points_table(plan)}
