"""What the window shows with no project open: open, create, or try the sample station."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget


# The recent projects' list: the start page's column is 520 pixels at most.
RECENT_LIST_WIDTH = 480


class StartPage(QWidget):
    open_requested = Signal()
    new_requested = Signal()
    sample_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("StationMap"), self)
        title.setStyleSheet("font-size: 22pt; font-weight: bold;")
        subtitle = QLabel(self.tr("Mapa del delito y plan de patrullaje para su comisaría, sin internet."), self)
        subtitle.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Abrir proyecto…"), self)
        self.new_button = QPushButton(self.tr("Nuevo proyecto…"), self)
        self.sample_button = QPushButton(self.tr("Abrir estación de ejemplo"), self)
        self.open_button.clicked.connect(self.open_requested)
        self.new_button.clicked.connect(self.new_requested)
        self.sample_button.clicked.connect(self.sample_requested)
        self.recent_label = QLabel(self.tr("Proyectos recientes"), self)
        self.recent_list = QListWidget(self)
        self.recent_list.setMaximumHeight(180)
        # As wide as the column, long paths shortened in the middle (the file name and the drive or
        # stick they are on both matter); the whole path in the tooltip, never a sideways scrollbar.
        self.recent_list.setMinimumWidth(RECENT_LIST_WIDTH)
        self.recent_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.recent_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recent_list.itemActivated.connect(
            lambda item: self.recent_requested.emit(item.data(Qt.ItemDataRole.UserRole)))

        column = QWidget(self)
        column.setMaximumWidth(520)
        inner = QVBoxLayout(column)
        inner.addWidget(title)
        inner.addWidget(subtitle)
        inner.addSpacing(16)
        self._buttons = QVBoxLayout()
        for button in (self.open_button, self.new_button, self.sample_button):
            button.setMinimumHeight(36)
            self._buttons.addWidget(button)
        inner.addLayout(self._buttons)
        inner.addSpacing(16)
        inner.addWidget(self.recent_label)
        inner.addWidget(self.recent_list)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def add_action(self, action: QAction) -> QPushButton:
        """A button under the built-in ones for a feature's action (training mode, for workshops)."""
        button = QPushButton(action.text(), self)
        button.setToolTip(action.toolTip())
        button.setMinimumHeight(36)
        button.clicked.connect(action.trigger)
        self._buttons.addWidget(button)
        return button

    def set_recent(self, paths: list[str]) -> None:
        self.recent_list.clear()
        for path in paths:
            item = QListWidgetItem(f"{Path(path).stem}  —  {path}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            if not Path(path).is_file():   # its drive is not connected (see MainWindow._show_project_state)
                item.setText(self.tr("%1 (no disponible)").replace("%1", item.text()))
                item.setToolTip(self.tr("No se encuentra %1: conecte la memoria USB o el disco donde está.")
                                .replace("%1", path))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.recent_list.addItem(item)
        self.recent_label.setVisible(bool(paths))
        self.recent_list.setVisible(bool(paths))
