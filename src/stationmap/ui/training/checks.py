"""Whether a trainee has done each exercise, judged from the open project and the shared filter.

Plain functions over plain data (no Qt), so they are tested directly. Each returns a
`Check`: the details the "done" text shows once the exercise is done, or else, when the
trainee has tried something, a hint in the trainee's language saying what is missing.
Nothing tried (no selection, no saved plan, no PDF) is a plain `PENDING`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from stationmap.core.messages import render

NIGHT_HOURS = frozenset({22, 23, 0, 1, 2, 3, 4, 5})
FRIDAY, SATURDAY = 4, 5          # weekday numbers, Monday = 0
EVENING_HOURS = (22, 23)
PLAN_CARS, PLAN_SERENAZGO = 6, 4
# The roll-call PDF as the plan export names it (reports.plan_export; tests/test_ui_plan.py checks it).
ROLL_CALL_PDF = "plan_patrullaje.pdf"
DAY = "%d/%m/%Y"                 # as the plan panel writes a plan's week


@dataclass(frozen=True)
class Check:
    detail: dict | None = None   # str.format fields of the exercise's "done" text; None: not done
    hint: str = ""               # what is missing, once the trainee has tried something

    @property
    def done(self) -> bool:
        return self.detail is not None


PENDING = Check()


def _hint(code: str, language: str | None, **values: Any) -> Check:
    return Check(hint=render(f"training.hint.{code}", values, language))


# --- exercise 1: the weekend nights ------------------------------------------------------------
def weekend_nights_selected(cells: Iterable[tuple[int, int]] | None) -> bool:
    """Only night hours are picked, with both Friday's and Saturday's evening among them."""
    return night_selection(cells).done


def night_selection(cells: Iterable[tuple[int, int]] | None, language: str | None = None) -> Check:
    """Done (with no details: the panel adds the critical point) when `weekend_nights_selected`;
    otherwise what the selection lacks or has too much of."""
    cells = frozenset(cells or ())
    if not cells:
        return PENDING
    day_hours = sorted({hour for _, hour in cells if hour not in NIGHT_HOURS})
    evenings = [day for day in (FRIDAY, SATURDAY) if any((day, hour) in cells for hour in EVENING_HOURS)]
    if not day_hours and len(evenings) == 2:
        return Check(detail={})
    hints = []
    if evenings == [FRIDAY]:
        hints.append(render("training.hint.night_friday_only", language=language))
    elif evenings == [SATURDAY]:
        hints.append(render("training.hint.night_saturday_only", language=language))
    elif not evenings:
        hints.append(render("training.hint.night_no_weekend_evening", language=language))
    if day_hours:
        hours = ", ".join(f"{hour:02d} h" for hour in day_hours)
        hints.append(render("training.hint.night_day_hours", {"hours": hours}, language))
    return Check(hint=" ".join(hints))


# --- exercise 2: next week's plan ------------------------------------------------------------
def _plan_spec(meta: dict, body: Any) -> dict:
    """The units spec of a stored plan: in its meta, or in its JSON body under "spec"."""
    for holder in (meta, body):
        spec = holder.get("spec") if isinstance(holder, dict) else None
        if isinstance(spec, dict):
            return spec
    return {}


def _json_or_empty(data: bytes | None) -> Any:
    try:
        return json.loads(data) if data else {}
    except (ValueError, UnicodeDecodeError):
        return {}   # a binary plan body (e.g. a PDF) carries no spec


def _shift_units(spec: dict, body: Any) -> dict[str, dict[str, int]]:
    """Units per shift, every shift of the plan included (a shift left empty has {})."""
    per_shift = spec.get("per_shift") if isinstance(spec.get("per_shift"), dict) else {}
    shifts = body.get("shifts") if isinstance(body, dict) else None
    keys = [str(s["key"]) for s in shifts if isinstance(s, dict) and "key" in s] if isinstance(shifts, list) else []
    units = {str(key): {str(kind): int(n) for kind, n in counts.items() if int(n) > 0}
             for key, counts in per_shift.items() if isinstance(counts, dict)}
    return {key: units.get(key, {}) for key in keys} if keys else units


def _period(meta: dict, body: Any) -> tuple[date, date] | None:
    for holder in (meta, body):
        try:
            return date.fromisoformat(holder["period_start"]), date.fromisoformat(holder["period_end"])
        except (KeyError, TypeError, ValueError):
            continue
    return None


@dataclass(frozen=True)
class _SavedPlan:
    """What the exercise looks at in one saved plan."""

    name: str
    period: tuple[date, date] | None
    version: int
    created_at: str
    shifts: dict[str, dict[str, int]]

    def week(self) -> str:
        return _week(self.period) if self.period else self.name

    def wrong_shifts(self, cars: int, serenazgo: int) -> dict[str, dict[str, int]]:
        """Shifts whose units are not exactly `cars` patrol cars and `serenazgo` units (no other kind)."""
        wanted = {"patrullero": cars, "serenazgo": serenazgo}
        return {key: units for key, units in self.shifts.items()
                if {kind: n for kind, n in units.items() if n} != {k: n for k, n in wanted.items() if n}}


def _week(period: tuple[date, date]) -> str:
    return f"{period[0].strftime(DAY)} – {period[1].strftime(DAY)}"


# Plans already read, by (project, name, size): the panel checks every few seconds, and a saved
# version never changes (the next one gets a new name), so its body is decoded once.
_read_plans: dict[tuple[str, str, int], _SavedPlan] = {}
_READ_PLANS_KEPT = 64


def _saved_plans(project: Any) -> list[_SavedPlan]:
    """Every plan asset, the last saved first (newest build, then highest version)."""
    found = []
    for asset in project.assets("plan"):
        key = (str(getattr(project, "path", "")), asset["name"], int(asset.get("size") or 0))
        if key not in _read_plans:
            if len(_read_plans) >= _READ_PLANS_KEPT:
                _read_plans.clear()
            _read_plans[key] = _read_plan(asset["name"], asset.get("meta") or {}, project)
        found.append(_read_plans[key])
    return sorted(found, key=lambda p: (p.created_at, p.version), reverse=True)


def _read_plan(name: str, meta: dict, project: Any) -> _SavedPlan:
    body = _json_or_empty(project.asset(name)) if "spec" not in meta else {}
    try:
        version = int(meta.get("version") or (body.get("version") if isinstance(body, dict) else 0) or 0)
    except (TypeError, ValueError):
        version = 0
    return _SavedPlan(name, _period(meta, body), version, str(meta.get("created_at", "")),
                      _shift_units(_plan_spec(meta, body), body))


def plan_with_units(project: Any, week: tuple[date, date] | None = None, cars: int = PLAN_CARS,
                    serenazgo: int = PLAN_SERENAZGO, language: str | None = None) -> Check:
    """A saved plan (asset of kind "plan") of `week` (when given) in which every shift has exactly
    `cars` patrol cars and `serenazgo` units and no other kind of unit. The default resources
    (reports.jobs.DEFAULT_UNITS) have those only at night, so the untouched plan is not the exercise.
    """
    if project is None:
        return PENDING
    plans = _saved_plans(project)
    for plan in plans:
        if plan.shifts and not plan.wrong_shifts(cars, serenazgo) and (week is None or plan.period == week):
            return Check(detail={"week": plan.week(), "version": plan.version})
    if not plans or not plans[0].shifts:
        return PENDING   # nothing saved, or not a plan this app saved: nothing to explain
    last = plans[0]
    if week is not None and last.period is not None and last.period != week:
        return _hint("plan_week", language, saved=last.week(), wanted=_week(week))
    return _hint("plan_units", language, week=last.week(), version=last.version, cars=cars, serenazgo=serenazgo,
                 units="; ".join(_units_text(key, units, language)
                                 for key, units in last.wrong_shifts(cars, serenazgo).items()))


def _units_text(shift_key: str, units: dict[str, int], language: str | None) -> str:
    """"mañana: 3 patrulleros, 2 serenazgos", in the trainee's language."""
    from stationmap.analysis.temporal_tables import shift_name
    from stationmap.reports.plan_tables import kind_count

    counts = ", ".join(kind_count(kind, n, language) for kind, n in units.items() if n)
    return f"{shift_name(shift_key, language).lower()}: " + (
        counts or render("training.hint.no_units", language=language))


# --- exercise 3: the roll-call PDF -------------------------------------------------------------
def exported_pdf(folder: Path | None, language: str | None = None) -> Check:
    """The plan's roll-call PDF anywhere in the training folder (a fresh folder, so it is the
    trainee's); any other PDF, such as a weekly brief, is not the exercise, and the hint says so."""
    if folder is None or not folder.is_dir():
        return PENDING
    pdfs = sorted((path for path in folder.rglob("*.pdf") if path.is_file() and _is_pdf(path)),
                  key=lambda p: p.stat().st_mtime, reverse=True)
    roll_call = [path for path in pdfs if path.name == ROLL_CALL_PDF]
    if roll_call:
        return Check(detail={"file": roll_call[0].relative_to(folder).as_posix()})
    if pdfs:
        return _hint("pdf_other", language, file=pdfs[0].name, pdf=ROLL_CALL_PDF)
    return PENDING


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(5) == b"%PDF-"
    except OSError:
        return False   # being written or removed right now: the next check sees it
