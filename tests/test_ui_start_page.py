"""The first screen: its recent projects list shows names and where they are, without a sideways scroll."""

from __future__ import annotations

from PySide6.QtCore import Qt

from stationmap.ui.start_page import RECENT_LIST_WIDTH, StartPage


def test_recent_projects_use_the_columns_width_and_shorten_long_paths_in_the_middle(qtbot):
    page = StartPage()
    qtbot.addWidget(page)
    page.resize(1366, 700)
    long_path = "/media/comisaria/MEMORIA USB/Informes de la comisaría El Porvenir/2026/noviembre/porvenir.stationmap"
    page.set_recent([long_path, "/home/analista/cajamarca.stationmap"])
    page.show()
    qtbot.waitExposed(page)
    listing = page.recent_list
    assert listing.width() >= RECENT_LIST_WIDTH
    assert listing.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert listing.textElideMode() == Qt.TextElideMode.ElideMiddle
    first = listing.item(0)
    assert first.toolTip() == long_path and first.data(Qt.ItemDataRole.UserRole) == long_path
    assert first.text().startswith("porvenir  —  ")
