"""The "Plan de patrullaje" dock: resources, the plan editor, saved versions, export.

The panel gets the open project and its incidents through `set_project` /
`set_incidents`, runs the long work (building, rebalancing, exporting) on
its own TaskRunner, and reports the sector overlay for the map through
`overlay_changed`; it never reaches into the window.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QFileDialog, QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton,
                               QScrollArea, QTabWidget, QVBoxLayout, QWidget)

from stationmap.analysis.temporal_tables import shift_names
from stationmap.core.errors import StationMapError
from stationmap.planning import plan_io
from stationmap.planning.allocation import Assignment
from stationmap.planning.plan import PatrolPlan, UnitsSpec
from stationmap.planning.plan_compare import compare_plans, keep_unit_places, moved_units
from stationmap.ui.error_display import show_error
from stationmap.ui.plan.generate_dialog import GenerateDialog, PlanChoices
from stationmap.ui.plan.plan_view import PlanView
from stationmap.ui.plan.sector_overlay import sector_units_geojson
from stationmap.ui.plan.units_editor import UnitsEditor
from stationmap.ui.plan.versions_view import VersionsView
from stationmap.ui.plan.work import BuildRequest, ExportRequest, build_project_plan, export_project_plan, next_week
from stationmap.ui.system_open import open_or_explain
from stationmap.ui.tasks import TaskProgressDialog, owned_runner
from stationmap.ui.unsaved_work import UnsavedWork, may_go_on

log = logging.getLogger(__name__)
UNITS_META = "units_spec"
AUTHOR_META = "plan_author"
DAY = "%d/%m/%Y"


class PlanPanel(QWidget):
    overlay_changed = Signal(object, str)   # sector GeoJSON with units (None: remove), overlay title
    exported = Signal(object)               # list of written paths
    saved = Signal()                        # the plan in the editor was saved as a version
    plan_available = Signal(bool)           # a plan is open (export, save and rebalance make sense)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Any = None
        self.incidents: Any = None
        self.plan: PatrolPlan | None = None
        self._saved = False
        self.runner = owned_runner(self, self._on_succeeded)
        self._after: Callable[[Any], None] = lambda _result: None

        self.generate_button = QPushButton(self.tr("Generar plan…"), self)
        self.rebalance_button = QPushButton(self.tr("Reequilibrar"), self)
        self.rebalance_button.setToolTip(self.tr("Rehace el plan con los recursos de la pestaña Recursos, "
                                                 "manteniendo las unidades fijadas por el comisario"))
        self.save_button = QPushButton(self.tr("Guardar versión"), self)
        self.export_button = QPushButton(self.tr("Exportar plan…"), self)
        self.generate_button.clicked.connect(self.generate)
        self.rebalance_button.clicked.connect(self.rebalance)
        self.save_button.clicked.connect(self.save_version)
        self.export_button.clicked.connect(self.export)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.units_editor = UnitsEditor(self)
        self.units_editor.save_requested.connect(self.save_resources)
        self.units_editor.edited.connect(self._resources_edited)
        self.plan_view = PlanView(self)
        # Queued: the override resets the table model, which must not happen inside the editor's commit.
        self.plan_view.override_requested.connect(self.override, Qt.ConnectionType.QueuedConnection)
        self.plan_view.clear_locks_requested.connect(self.clear_locks)
        self.plan_view.shift_chosen.connect(self._emit_overlay)
        self.versions = VersionsView(self)
        self.versions.open_requested.connect(self.open_version)
        self.versions.compare_requested.connect(self.compare_with)
        self.versions.compare_previous_requested.connect(self.compare_with_previous_week)
        self.tabs = QTabWidget(self)
        # The resources scroll on their own: the tallest page no longer sets the whole panel's height,
        # so in a short dock (1366x768) the plan and the comparison get the dock's room.
        self.units_scroll = QScrollArea(self)
        self.units_scroll.setWidgetResizable(True)
        self.units_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.units_scroll.setWidget(self.units_editor)
        self.tabs.addTab(self.units_scroll, self.tr("Recursos"))
        self.tabs.addTab(self.plan_view, self.tr("Plan"))
        self.tabs.addTab(self.versions, self.tr("Versiones"))

        buttons = QHBoxLayout()
        for button in (self.generate_button, self.rebalance_button, self.save_button, self.export_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        self.set_project(None)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        """The height the dock's scroll area gives the panel: what the buttons and the (wrapped) status
        need, and the tabs' minimum, not their preferred height.

        The word-wrapped labels make the panel's height depend on its width, and the scroll area then
        made the panel as tall as it would like to be (about 730 px) inside a dock of 350 at 1366x768:
        the tables stood mostly below the fold, the comparison out of sight until the dock was
        scrolled. The tables now fit the dock and scroll themselves.
        """
        preferred = super().heightForWidth(width)   # counts the tabs at their preferred height
        if preferred < 0:
            return preferred
        return preferred - max(self.tabs.sizeHint().height() - self.tabs.minimumSizeHint().height(), 0)

    # --- project --------------------------------------------------------------------------
    def set_project(self, project: Any) -> None:
        from stationmap.reports.jobs import DEFAULT_UNITS

        self.runner.cancel()
        self.project = project
        self.units_editor.set_spec(DEFAULT_UNITS)
        if project is not None:
            try:
                saved = project.get_meta(UNITS_META)
                self.units_editor.set_spec(UnitsSpec.from_json(saved) if saved else DEFAULT_UNITS)
            except StationMapError as error:
                show_error(self, error)
        self._set_plan(None, saved=False)
        self._refresh_versions()
        self.generate_button.setEnabled(project is not None)

    def set_incidents(self, incidents: Any) -> None:
        self.incidents = incidents

    def save_resources(self, spec: UnitsSpec) -> bool:
        if self.project is None:
            return False
        try:
            self.project.set_meta(UNITS_META, spec.to_json())
        except StationMapError as error:
            show_error(self, error)
            return False
        self.units_editor.mark_saved()
        self._show_status(self.tr("Recursos guardados en el proyecto."))
        return True

    def unsaved_resources(self) -> UnsavedWork | None:
        """Resource edits not saved in the project (MainWindow.add_unsaved_work)."""
        if self.project is None or not self.units_editor.is_modified():
            return None
        return UnsavedWork(self.tr("Los recursos de la pestaña Recursos tienen cambios sin guardar."),
                           lambda: self.save_resources(self.units_editor.spec()))

    def _resources_edited(self) -> None:
        if self.plan is not None:
            self._show_status()   # says whether the plan still has the resources shown

    # --- building ---------------------------------------------------------------------------
    def generate(self) -> None:
        """Ask for the period, seed and author, then build the plan on the worker."""
        if self.project is None:
            return
        from stationmap.planning.project_geography import sectors

        start, end = next_week(self.incidents)
        dialog = GenerateDialog(start, end, author=str(self.project.get_meta(AUTHOR_META, "") or ""),
                                needs_sectors=not sectors(self.project), parent=self)
        # A new plan replaces the one in the editor: an unsaved one is saved or discarded first, never lost unasked.
        if dialog.exec() == QDialog.DialogCode.Accepted and may_go_on(self, [self.unsaved_work]):
            self.generate_with(dialog.choices())

    def generate_with(self, choices: PlanChoices) -> None:
        if self.project is None:
            return
        if self.incidents is None or len(self.incidents) == 0:
            show_error(self, StationMapError("plan_ui.no_incidents"))
            return
        self._remember_author(choices.author)
        request = BuildRequest(Path(self.project.path), self.units_editor.spec(), choices.start, choices.end,
                               choices.seed, choices.author, choices.n_sectors)
        self._start(build_project_plan, request, self.tr("Generando el plan de patrullaje…"), self._built)

    def _remember_author(self, author: str) -> None:
        """Keep the author as the next plan's default. Only a convenience: a write-protected project
        (a locked USB stick) still builds and exports its plan, so a refused write is only logged."""
        if not self.project.writable():
            return   # a write refused half-way could leave the stick with a journal to roll back
        try:
            if self.project.get_meta(AUTHOR_META, "") != author:
                self.project.set_meta(AUTHOR_META, author)
        except StationMapError as error:
            log.info("the plan's author was not kept in the project: %s", error)

    def _built(self, result: Any) -> None:
        self._set_plan(result.plan, saved=False)
        self.plan_view.show_moves(None)
        self.tabs.setCurrentWidget(self.plan_view)
        if result.sectors_generated and result.sectors_kept:
            self._show_status(self.tr("Se generaron %1 sectores de igual carga de trabajo y se guardaron "
                                      "en el proyecto.").replace("%1", str(len(result.plan.sectors))))
        elif result.sectors_generated:   # a write-protected project: made for this plan only
            self._show_status(self.tr("Se generaron %1 sectores de igual carga de trabajo para este plan; no se "
                                      "guardaron porque el proyecto no se puede escribir.")
                              .replace("%1", str(len(result.plan.sectors))))

    def override(self, unit: str, sector: str | None) -> None:
        """The commander puts a unit in another sector: it is locked there and shown at once."""
        if self.plan is None:
            return
        self.plan.spec.locked[unit] = sector or ""
        day, shift = self.plan_view.current()
        allocation = self.plan.allocations[(day, shift)]
        allocation.assignments = [
            Assignment(a.unit, sector, True, self.tr("Fijado por el comisario; pulse «Reequilibrar»"))
            if a.unit.id == unit else a for a in allocation.assignments]
        self.plan.visits.pop((day, shift, unit), None)   # they were for the old sector's places
        self._set_plan(self.plan, saved=False)

    def clear_locks(self) -> None:
        if self.plan is not None and self.plan.spec.locked:
            self.plan.spec.locked.clear()
            self._set_plan(self.plan, saved=False)

    def rebalance(self) -> None:
        """Rebuild the plan with the resources shown in Recursos (what «Generar plan…» uses too),
        keeping the locked units where the commander put them.

        The plan's own units were used before, so resources just saved (one more car, a minimum per
        sector) were silently ignored until a new plan was generated. A lock on a unit the new
        resources no longer have (PT-06 when there are 5 cars) is dropped, and the status says so.
        """
        if self.plan is None or self.project is None:
            return
        before = self.plan
        resources = self.units_editor.spec()
        units = {u.id for key in (s.key for s in before.shifts.shifts) for u in resources.units(key)}
        kept = {unit: sector for unit, sector in before.spec.locked.items() if unit in units}
        dropped = sorted(set(before.spec.locked) - set(kept))
        changed = not same_resources(resources, before.spec)
        request = BuildRequest(Path(self.project.path), replace(resources, locked=kept), before.period_start,
                               before.period_end, before.seed, before.author, sectors=list(before.sectors))

        def rebalanced(result: Any) -> None:
            plan = keep_unit_places(before, result.plan)
            self._set_plan(plan, saved=False)
            self.plan_view.show_moves(moved_units(before, plan))
            notes = []
            if changed:
                notes.append(self.tr("Se aplicaron los recursos de la pestaña Recursos: %1 unidades-turno "
                                     "antes, %2 ahora.").replace("%1", str(unit_shifts(before)))
                             .replace("%2", str(unit_shifts(plan))))
            if dropped:
                notes.append(self.tr("Ya no se fijan %1: los recursos no tienen esas unidades.")
                             .replace("%1", ", ".join(dropped)))
            if notes:
                self._show_status("\n".join(notes))

        self._start(build_project_plan, request, self.tr("Reequilibrando el plan…"), rebalanced)

    # --- versions ---------------------------------------------------------------------------
    def save_version(self) -> None:
        if self.plan is None or self.project is None:
            return
        try:
            plan_io.save_plan(self.project, self.plan)
        except StationMapError as error:
            show_error(self, error)
            return
        self._saved = True
        self._refresh_versions()
        self._show_status()
        self.saved.emit()

    def unsaved_work(self) -> UnsavedWork | None:
        """The plan in the editor, when it is not saved as a version (MainWindow.add_unsaved_work)."""
        if self.plan is None or self._saved or self.project is None:
            return None
        description = self.tr("El plan de patrullaje del %1 no está guardado.").replace("%1", self._period(self.plan))
        return UnsavedWork(description, self._save_before_leaving)

    def _save_before_leaving(self) -> bool:
        self.save_version()
        return self._saved

    def open_version(self, name: str) -> None:
        if not may_go_on(self, [self.unsaved_work]):   # the plan in the editor is not dropped unasked
            return
        try:
            plan = plan_io.load_plan(self.project, name)
        except StationMapError as error:
            show_error(self, error)
            return
        self._set_plan(plan, saved=True)
        self.plan_view.show_moves(None)
        self.tabs.setCurrentWidget(self.plan_view)

    def compare_with(self, name: str) -> None:
        if self.plan is None:
            return
        try:
            other = plan_io.load_plan(self.project, name)
        except StationMapError as error:
            show_error(self, error)
            return
        title = (self.tr("Antes: plan del %1 (versión %2). Ahora: el plan en el editor. Unidades-turno del periodo.")
                 .replace("%1", self._period(other)).replace("%2", str(other.version)))
        labels = dict(zip((s.key for s in self.plan.shifts.shifts), shift_names(self.plan.shifts)))
        self.versions.show_comparison(title, compare_plans(other, self.plan), labels)
        self.tabs.setCurrentWidget(self.versions)

    def compare_with_previous_week(self) -> None:
        if self.plan is None:
            return
        previous = plan_io.previous_week_plan(self.project, self.plan.period_start)
        if previous is None:
            show_error(self, StationMapError("plan_ui.no_previous_plan",
                                             start=self.plan.period_start.strftime(DAY)))
            return
        self.compare_with(previous.name)

    # --- export -----------------------------------------------------------------------------
    def export(self) -> None:
        if self.plan is None:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Carpeta para los archivos del plan"),
                                                  str(Path(self.project.path).parent))
        if not folder:
            return
        # A folder of its own per week: the files' names do not change from week to week, and this
        # week's export must not silently replace last week's printed plan.
        week_folder = Path(folder) / export_folder_name(self.plan)
        if week_folder.is_dir() and any(week_folder.iterdir()):
            answer = QMessageBox.question(
                self, self.tr("Exportar plan"),
                self.tr("La carpeta %1 ya tiene archivos de un plan de esta semana. ¿Reemplazarlos?")
                .replace("%1", str(week_folder)))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.export_to(week_folder)

    def export_to(self, folder: Path) -> None:
        if self.plan is None or self.project is None:
            return
        request = ExportRequest(Path(self.project.path), self.plan, folder)
        self._start(export_project_plan, request, self.tr("Exportando el plan…"),
                    lambda files: self._exported(folder, files))

    def _exported(self, folder: Path, files: list[Path]) -> None:
        self.exported.emit(files)
        answer = QMessageBox.question(
            self, self.tr("Plan exportado"),
            self.tr("Se escribieron %1 archivos en %2. ¿Abrir la carpeta?")
            .replace("%1", str(len(files))).replace("%2", str(folder)))
        if answer == QMessageBox.StandardButton.Yes:
            open_or_explain(self, folder)

    # --- helpers ----------------------------------------------------------------------------
    def _start(self, function: Callable, request: Any, title: str, after: Callable[[Any], None]) -> None:
        self._after = after
        TaskProgressDialog(self.runner, title, self)
        self.runner.start(function, request)

    def _on_succeeded(self, result: Any) -> None:
        after, self._after = self._after, (lambda _result: None)
        after(result)

    def _set_plan(self, plan: PatrolPlan | None, *, saved: bool) -> None:
        self.plan = plan
        self._saved = saved
        self.plan_view.set_plan(plan)
        for button in (self.rebalance_button, self.save_button, self.export_button):
            button.setEnabled(plan is not None)
        self.versions.set_can_compare(plan is not None)
        self.plan_available.emit(plan is not None)
        self._show_status()   # the plan view reported its shift, which redrew the overlay

    def _show_status(self, note: str = "") -> None:
        """What plan is open and whether it is saved; `note` adds what just happened."""
        if self.plan is None:
            self.status.setText("\n".join([self.tr("Sin plan abierto."), *([note] if note else [])]))
            return
        state = (self.tr("versión %1 guardada").replace("%1", str(self.plan.version)) if self._saved
                 else self.tr("sin guardar"))
        text = self.tr("Plan del %1, %2").replace("%1", self._period(self.plan)).replace("%2", state)
        if self.plan.author:
            text += " · " + self.tr("elaborado por %1").replace("%1", self.plan.author)
        # What the plan's PDF prints under "Avisos" (no recent incidents, points outside the sectors).
        lines = [text, *(f"⚠ {warning}" for warning in self.plan.warning_texts()), *([note] if note else [])]
        if not same_resources(self.units_editor.spec(), self.plan.spec):
            lines.append(self.tr("Los recursos de la pestaña Recursos no son los de este plan: «Reequilibrar» "
                                 "los aplica y mantiene las unidades fijadas."))
        self.status.setText("\n".join(lines))

    @staticmethod
    def _period(plan: PatrolPlan) -> str:
        return f"{plan.period_start.strftime(DAY)} – {plan.period_end.strftime(DAY)}"

    def _refresh_versions(self) -> None:
        try:
            plans = plan_io.saved_plans(self.project) if self.project is not None else []
        except StationMapError as error:
            show_error(self, error)
            plans = []
        self.versions.set_saved(plans)

    def _emit_overlay(self) -> None:
        day, shift = self.plan_view.current()
        if self.plan is None or day is None:
            self.overlay_changed.emit(None, "")
            return
        title = self.tr("Plan: unidades por sector (%1)").replace("%1", self.plan_view.shift.currentText())
        self.overlay_changed.emit(sector_units_geojson(self.plan, day, shift, self.tr("unidades")), title)


def same_resources(a: UnitsSpec, b: UnitsSpec) -> bool:
    """Whether two specs give the same units and bounds (locks belong to a plan, not to resources)."""
    def counts(spec: UnitsSpec) -> tuple:
        per_shift = {s: {k: int(n) for k, n in kinds.items() if n} for s, kinds in spec.per_shift.items()}
        return ({s: kinds for s, kinds in per_shift.items() if kinds},
                {s: int(n) for s, n in spec.at_station.items() if n},
                spec.minimum_per_sector, spec.cap_per_sector or None, round(spec.proactive_share, 2))
    return counts(a) == counts(b)


def unit_shifts(plan: PatrolPlan) -> int:
    return sum(len(a.assignments) for a in plan.allocations.values())


def export_folder_name(plan: PatrolPlan) -> str:
    """The folder a plan's files go to inside the one the user chose: "plan_2026-11-16_a_2026-11-22"."""
    return f"plan_{plan.period_start.isoformat()}_a_{plan.period_end.isoformat()}"
