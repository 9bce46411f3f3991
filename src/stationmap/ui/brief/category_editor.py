"""Análisis → "Categorías…": which standard category each raw value goes to, and how heavy it weighs.

Three parts: every raw value of the project with its rows and its standard
category (editable; several rows at once through "Asignar a la selección"),
the standard categories with their severity weights, and groups of
near-identical spellings (`analysis.harmonize.spelling_groups`) that one click
puts in one category. Nothing is written until "Aplicar": then the edited
table is saved and re-applied to every incident already imported
(`store.recategorize.apply_table`) on the worker.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QPushButton, QSplitter, QStyledItemDelegate,
                               QStyleOptionViewItem, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from stationmap.ui.tasks import TaskProgressDialog, owned_runner

RAW, ROWS, CATEGORY = range(3)


def _apply(inputs: tuple[Path, Any], progress: Any) -> int:
    """Worker side: open the project file, save the table and recompute every incident's category."""
    from stationmap.store.project import Project
    from stationmap.store.recategorize import apply_table

    path, table = inputs
    progress(0.1, "")
    with Project.open(path) as project:
        return apply_table(project, table)


class _CategoryDelegate(QStyledItemDelegate):
    """Edits the category column with a combo of the standard categories."""

    def __init__(self, categories: list[str], parent: QWidget) -> None:
        super().__init__(parent)
        self._categories = categories

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.addItems(self._categories)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data()))

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText())


class CategoryEditorDialog(QDialog):
    applied = Signal(int)   # incidents whose category or weight changed

    def __init__(self, project_path: Path, table: Any, incidents: pd.DataFrame,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from stationmap.analysis.harmonize import raw_value_counts, spelling_groups

        self.setWindowTitle(self.tr("Categorías"))
        self._project_path = Path(project_path)
        self._table = table
        self.categories: list[str] = table.standard_categories()
        counts = raw_value_counts(incidents)
        counts = counts[counts["category_raw"].notna()]
        self._initial = dict(zip(counts["category_raw"].astype(str), counts["category"].astype(str)))
        self.runner = owned_runner(self, self._on_applied)
        self.runner.finished.connect(lambda: self.apply_button.setEnabled(True))

        self.raw_table = self._build_raw_table(counts)
        self.weight_table = self._build_weight_table()
        # Groups still split across categories first: those are the ones that need a click.
        self.groups = sorted(spelling_groups(counts.groupby("category_raw")["rows"].sum()), key=self._is_unified)
        self.suggestions = self._build_suggestions()

        self.bulk_category = QComboBox(self)
        self.bulk_category.addItems(self.categories)
        bulk_button = QPushButton(self.tr("Asignar a la selección"), self)
        bulk_button.clicked.connect(lambda: self.assign_selected(self.bulk_category.currentText()))
        bulk_row = QHBoxLayout()
        bulk_row.addWidget(QLabel(self.tr("Valores seleccionados →"), self))
        bulk_row.addWidget(self.bulk_category, 1)
        bulk_row.addWidget(bulk_button)

        raw_box = QGroupBox(self.tr("Valores originales"), self)
        raw_layout = QVBoxLayout(raw_box)
        raw_layout.addWidget(self.raw_table)
        raw_layout.addLayout(bulk_row)
        weight_box = QGroupBox(self.tr("Peso por categoría estándar"), self)
        QVBoxLayout(weight_box).addWidget(self.weight_table)
        suggestion_box = QGroupBox(self.tr("Grafías casi iguales"), self)
        suggestion_layout = QVBoxLayout(suggestion_box)
        suggestion_layout.addWidget(self.suggestions)
        if not self.groups:
            suggestion_layout.addWidget(QLabel(self.tr("No se encontraron grafías casi iguales."), self))
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(raw_box)
        top.addWidget(weight_box)
        top.setSizes([620, 300])
        body = QSplitter(Qt.Orientation.Vertical, self)
        body.addWidget(top)
        body.addWidget(suggestion_box)
        body.setSizes([420, 200])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        self.apply_button = buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setText(self.tr("Aplicar"))
        self.apply_button.setToolTip(self.tr("Guarda la tabla y vuelve a clasificar todos los incidentes importados."))
        self.apply_button.clicked.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(body, 1)
        layout.addWidget(buttons)
        self.resize(960, 680)

    # --- building ---------------------------------------------------------------------------
    def _build_raw_table(self, counts: pd.DataFrame) -> QTableWidget:
        table = QTableWidget(len(counts), 3, self)
        table.setHorizontalHeaderLabels([self.tr("Valor original"), self.tr("Filas"),
                                         self.tr("Categoría estándar")])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.SelectedClicked)
        table.setItemDelegateForColumn(CATEGORY, _CategoryDelegate(self.categories, table))
        table.verticalHeader().setVisible(False)
        locale = QLocale()
        fixed = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        for row, (raw, category, rows) in enumerate(counts[["category_raw", "category", "rows"]]
                                                    .itertuples(index=False)):
            raw_item = QTableWidgetItem(str(raw))
            raw_item.setFlags(fixed)
            count_item = QTableWidgetItem(locale.toString(int(rows)))
            count_item.setFlags(fixed)
            count_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, RAW, raw_item)
            table.setItem(row, ROWS, count_item)
            table.setItem(row, CATEGORY, QTableWidgetItem(str(category)))
        header = table.horizontalHeader()
        header.setSectionResizeMode(RAW, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ROWS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CATEGORY, QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _build_weight_table(self) -> QTableWidget:
        table = QTableWidget(len(self.categories), 2, self)
        table.setHorizontalHeaderLabels([self.tr("Categoría estándar"), self.tr("Peso")])
        table.verticalHeader().setVisible(False)
        for row, category in enumerate(self.categories):
            name = QTableWidgetItem(category)
            name.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
            weight = QTableWidgetItem()
            weight.setData(Qt.ItemDataRole.EditRole, float(self._table.weight(category)))  # a spin box edits it
            table.setItem(row, 0, name)
            table.setItem(row, 1, weight)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _build_suggestions(self) -> QTableWidget:
        table = QTableWidget(len(self.groups), 4, self)
        table.setHorizontalHeaderLabels([self.tr("Grafías"), self.tr("Filas"), self.tr("Categoría sugerida"), ""])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        locale = QLocale()
        self.unify_buttons: list[QPushButton] = []
        for row, group in enumerate(self.groups):
            spellings = "  ·  ".join(f"{raw} ({locale.toString(rows)})" for raw, rows in group.members)
            table.setItem(row, 0, QTableWidgetItem(spellings))
            table.setItem(row, 1, QTableWidgetItem(locale.toString(group.rows)))
            table.setItem(row, 2, QTableWidgetItem(self.category_of(group.suggestion) or ""))
            button = QPushButton(self.tr("Unificar"), table)
            button.setToolTip(self.tr("Pone todas estas grafías en la categoría de «%1».")
                              .replace("%1", group.suggestion))
            button.clicked.connect(lambda _checked=False, r=row: self.unify(r))
            if self._is_unified(group):
                self._mark_unified(button)
            table.setCellWidget(row, 3, button)
            self.unify_buttons.append(button)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return table

    # --- editing ----------------------------------------------------------------------------
    def _row_of(self, raw: str) -> int | None:
        for row in range(self.raw_table.rowCount()):
            if self.raw_table.item(row, RAW).text() == raw:
                return row
        return None

    def category_of(self, raw: str) -> str | None:
        row = self._row_of(raw)
        return None if row is None else self.raw_table.item(row, CATEGORY).text()

    def set_category(self, raw: str, category: str) -> None:
        row = self._row_of(raw)
        if row is not None:
            self.raw_table.item(row, CATEGORY).setText(category)

    def _is_unified(self, group: Any) -> bool:
        return len({self.category_of(raw) for raw, _ in group.members}) == 1

    def unify(self, group_row: int) -> None:
        """Every spelling of the group goes to the category its most frequent spelling has now."""
        group = self.groups[group_row]
        category = self.category_of(group.suggestion)
        if category is None:
            return
        for raw, _rows in group.members:
            self.set_category(raw, category)
        self.suggestions.item(group_row, 2).setText(category)
        self._mark_unified(self.unify_buttons[group_row])

    def _mark_unified(self, button: QPushButton) -> None:
        button.setEnabled(False)
        button.setText(self.tr("Ya unificadas"))

    def assign_selected(self, category: str) -> None:
        for row in sorted({index.row() for index in self.raw_table.selectionModel().selectedRows()}):
            self.raw_table.item(row, CATEGORY).setText(category)

    def weights(self) -> dict[str, float]:
        table = self.weight_table
        return {table.item(row, 0).text(): float(table.item(row, 1).data(Qt.ItemDataRole.EditRole))
                for row in range(table.rowCount())}

    def edited_table(self) -> Any:
        """The project's table with the new weights and an explicit row for every re-assigned value."""
        from stationmap.io.categories import CategoryTable

        frame = self._table.to_frame()
        weights = self.weights()
        standard = frame["raw"] == frame["category"]
        frame.loc[standard, "weight"] = frame.loc[standard, "category"].map(weights).fillna(frame["weight"])
        changed = [(raw, category, weights.get(category, 1.0))
                   for raw, category in ((self.raw_table.item(r, RAW).text(), self.raw_table.item(r, CATEGORY).text())
                                         for r in range(self.raw_table.rowCount()))
                   if category != self._initial.get(raw)]
        extra = pd.DataFrame(changed, columns=["raw", "category", "weight"])
        return CategoryTable.from_frame(pd.concat([frame, extra], ignore_index=True))

    def apply(self) -> None:
        self.apply_button.setEnabled(False)
        TaskProgressDialog(self.runner, self.tr("Reclasificando los incidentes…"), self)
        self.runner.start(_apply, (self._project_path, self.edited_table()))

    def _on_applied(self, changed: int) -> None:
        self.applied.emit(changed)
        self.accept()

    def reject(self) -> None:
        self.runner.cancel()
        self.runner.wait()
        super().reject()
