"""A patrol plan as tables, the shape roll calls and spreadsheets use, in the user's language.

Only plan facts leave through these tables: units, sectors, places, times and
aggregated counts. No incident row, victim, document number or free text is
ever part of them, so every export built on them is free of personal data.

Every function takes `language` ("es", "en"; default the user's) so one plan
exports wholly in Spanish or wholly in English. With `native=True` dates and
times stay `date`/`time` values (for spreadsheets); otherwise they are text as
Peruvians write them (dd/mm/yyyy, HH:MM).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pandas as pd

from stationmap.analysis.temporal_tables import shift_names
from stationmap.core.messages import render
from stationmap.planning.plan import PatrolPlan

# Table ids, in order; the CSV file names (plan_<id>.csv) stay the same in every language for scripts.
TABLE_IDS = ("asignaciones", "visitas", "sectores", "puntos_criticos")


def text(key: str, language: str | None = None, **data) -> str:
    """A plan document's wording (catalog `plan.text.<key>`)."""
    return render(f"plan.text.{key}", data, language)


def kind_label(kind: str, language: str | None = None) -> str:
    code = f"plan.kind.{kind}"
    label = render(code, language=language)
    return kind if label.startswith(code) else label


def kind_count(kind: str, count: int, language: str | None = None) -> str:
    """"3 patrulleros", "1 patrol car": the count with the kind's proper singular or plural."""
    code = f"plan.kind.{kind}.{'one' if count == 1 else 'other'}"
    words = render(code, language=language)
    return f"{count} {kind if words.startswith(code) else words}"


def shift_labels(plan: PatrolPlan, language: str | None = None) -> dict[str, str]:
    return dict(zip((s.key for s in plan.shifts.shifts), shift_names(plan.shifts, language)))


def sector_name(plan: PatrolPlan, owner: int, language: str | None = None) -> str:
    """The sector of a critical point; a point outside every sector (in plans saved before such
    points were left out) says plainly that nobody patrols it."""
    return plan.sectors[owner].name if owner >= 0 else text("outside", language)


def clock(plan: PatrolPlan, shift_key: str, minute: int) -> str:
    """Wall-clock time of a minute counted from the shift's start."""
    start = next(s.start_hour for s in plan.shifts.shifts if s.key == shift_key)
    total = (start * 60 + minute) % (24 * 60)
    return f"{total // 60:02d}:{total % 60:02d}"


def visit_moment(plan: PatrolPlan, day: date, shift_key: str, minute: int) -> datetime:
    """The real local date and time of a minute of the shift that starts on `day` (a night shift's
    visits after midnight fall on the next calendar day)."""
    start = next(s.start_hour for s in plan.shifts.shifts if s.key == shift_key)
    return datetime.combine(day, time(start)) + timedelta(minutes=minute)


def _time(plan: PatrolPlan, shift_key: str, minute: int, native: bool):
    shown = clock(plan, shift_key, minute)
    return time(int(shown[:2]), int(shown[3:])) if native else shown


def _day(day, native: bool):
    return day if native else day.strftime("%d/%m/%Y")


def assignments_table(plan: PatrolPlan, language: str | None = None, native: bool = False) -> pd.DataFrame:
    labels = shift_labels(plan, language)
    t = lambda key: text(key, language)  # noqa: E731 - a short alias keeps the rows readable
    columns = [t(c) for c in ("col_date", "col_shift", "col_unit", "col_type", "col_sector", "col_locked",
                              "col_reason")]
    rows = []
    for (day, shift), allocation in plan.allocations.items():
        for a in allocation.assignments:
            rows.append([_day(day, native), labels[shift], a.unit.id, kind_label(a.unit.kind, language),
                         a.sector or t("station_reserve"), t("yes") if a.locked else t("no"),
                         a.reason_in(language)])
    return pd.DataFrame(rows, columns=columns)


def visits_table(plan: PatrolPlan, language: str | None = None, native: bool = False) -> pd.DataFrame:
    labels = shift_labels(plan, language)
    points = {p.code: p for p in plan.critical_points}
    sector_of = {(day, shift, a.unit.id): a.sector for (day, shift), al in plan.allocations.items()
                 for a in al.assignments}
    columns = [text(c, language) for c in ("col_date", "col_shift", "col_unit", "col_sector", "col_point",
                                            "col_street", "col_start", "col_end", "col_minutes")]
    rows = []
    for (day, shift, unit), visits in plan.visits.items():
        for v in visits:
            # The visit's own calendar date (Noche of 16/11 visits at 00:11 on 17/11), so date then time sorts.
            moment = visit_moment(plan, day, shift, v.start_minute)
            rows.append([_day(moment.date(), native), labels[shift], unit, sector_of[(day, shift, unit)], v.place,
                         points[v.place].street, _time(plan, shift, v.start_minute, native),
                         _time(plan, shift, v.start_minute + v.minutes, native), v.minutes])
    return pd.DataFrame(rows, columns=columns)


def sectors_table(plan: PatrolPlan, language: str | None = None) -> pd.DataFrame:
    labels = shift_labels(plan, language)
    per_shift = plan.risk.per_shift()
    totals = per_shift.sum(axis=0)
    rows = []
    for g, sector in enumerate(plan.sectors):
        row = {text("col_sector", language): sector.name}
        for s, shift in enumerate(plan.shifts.shifts):
            share = 100.0 * per_shift[g, s] / totals[s] if totals[s] > 0 else 0.0
            row[text("col_risk", language, shift=labels[shift.key])] = round(share, 1)
        row[text("col_unit_shifts", language)] = sum(len(al.units_in(sector.name))
                                                     for al in plan.allocations.values())
        row[text("col_points", language)] = sum(1 for owner in plan.point_sector if owner == g)
        rows.append(row)
    return pd.DataFrame(rows)


def critical_points_table(plan: PatrolPlan, language: str | None = None) -> pd.DataFrame:
    columns = [text(c, language) for c in ("col_code", "col_street", "col_sector", "col_incidents", "col_weight",
                                           "col_crimes", "col_peak", "col_lat", "col_lon")]
    rows = []
    for point, owner in zip(plan.critical_points, plan.point_sector):
        rows.append([point.code, point.street, sector_name(plan, owner, language), point.incidents,
                     round(point.weight, 1), point.crimes_text(), point.peak_text(),
                     round(point.lat, 6), round(point.lon, 6)])
    return pd.DataFrame(rows, columns=columns)


def plan_tables(plan: PatrolPlan, language: str | None = None, native: bool = False) -> dict[str, pd.DataFrame]:
    """The four tables by their title in `language`, in TABLE_IDS order."""
    return {text("table_assignments", language): assignments_table(plan, language, native),
            text("table_visits", language): visits_table(plan, language, native),
            text("table_sectors", language): sectors_table(plan, language),
            text("table_points", language): critical_points_table(plan, language)}
