"""The Mapa menu: exports of the current map, and the station's own offline basemap."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from shapely.geometry import shape

from conftest import shared_path
from stationmap.core.errors import GeometryError
from stationmap.maps.basemap.reader import open_pack
from stationmap.store.project import Project
from stationmap.ui.app_config import SettingsStore
from stationmap.ui.basemap_tools.jobs import BuildRequest, build_basemap, read_basemap, store_basemap
from stationmap.ui.main_window import MainWindow

SAMPLE_PACK = Path(__file__).resolve().parents[1] / "sample_data" / "basemap" / "trujillo.pmtiles"


def _florencia(project_file):
    with Project.open(project_file) as project:
        districts = json.loads(project.asset("districts"))["features"]
    return next(shape(f["geometry"]) for f in districts if "FLORENCIA" in json.dumps(f["properties"]).upper())


@pytest.mark.slow
def test_a_pack_cut_from_the_osm_extract_replaces_the_project_basemap(sample_project_file, tmp_path):
    pbf = shared_path("geo", "trujillo-osm-extract-2026", "trujillo.osm.pbf")
    project_file = tmp_path / "p.stationmap"
    shutil.copy(sample_project_file, project_file)
    seen = []
    name, data, meta = build_basemap(BuildRequest(pbf, _florencia(project_file), "florencia", maxzoom=14),
                                     lambda f, m="": seen.append(f))
    assert data[:7] == b"PMTiles" and meta["tiles"] >= 4 and seen[-1] >= 0.9
    with Project.open(project_file) as project:
        store_basemap(project, name, data, meta)
        assert [a["name"] for a in project.assets("basemap")] == ["florencia"]  # the sample's pack replaced
    loaded = tmp_path / "f.pmtiles"
    loaded.write_bytes(data)
    with open_pack(loaded) as pack:
        assert pack.maxzoom == 14 and pack.schema == "stationmap-v1"


def test_a_foreign_or_broken_pack_is_refused_with_a_coded_error(tmp_path):
    broken = tmp_path / "mapa.mbtiles"
    broken.write_bytes(b"this is not a tile archive")
    with pytest.raises(GeometryError) as err:
        read_basemap(broken)
    assert err.value.code.startswith("basemap.")
    good = tmp_path / "bueno.pmtiles"
    shutil.copy(SAMPLE_PACK, good)
    name, data, meta = read_basemap(good)
    assert name == "bueno" and meta["kind"] == "vector" and len(data) == good.stat().st_size


@pytest.fixture
def window(qtbot, config_dir, sample_project_file, tmp_path):
    window = MainWindow(SettingsStore(config_dir))
    qtbot.addWidget(window)
    window.install_features(("stationmap.ui.basemap_tools",))
    copy = tmp_path / "s.stationmap"
    shutil.copy(sample_project_file, copy)
    # The page draws its incidents as they arrive, possibly in the same turn as it says it is ready.
    with qtbot.waitSignals([window.map_panel.loaded, window.map_panel.drawn], timeout=30_000):
        assert window.open_project(copy)
    return window


def test_map_menu_exports_html_and_png(window, qtbot, tmp_path):
    menu_titles = [a.text() for a in window.menuBar().actions()]
    assert "&Mapa" in menu_titles
    window.map_tools.export_to(tmp_path / "mapa.html", "html")
    html = (tmp_path / "mapa.html").read_text(encoding="utf-8")
    assert 'id="sm-basemap"' in html  # the basemap travels inside the file
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    # At once: the export waits for the engine's first frame of the view's size itself (before it, a
    # grab is blank, or holds the 100 x 30 frame the map was drawn at in the hidden window, in a corner).
    window.map_tools.export_to(tmp_path / "mapa.png", "png")
    from PIL import Image

    image = Image.open(tmp_path / "mapa.png").convert("RGB")
    assert image.size == (window.map_panel.width(), window.map_panel.height()) and image.width > 300
    pixels = image.get_flattened_data()
    assert len(set(pixels)) > 50                              # a drawn map, not a blank view
    assert pixels.count((255, 255, 255)) < 0.3 * len(pixels)  # drawn all over, not in a corner


def test_loading_a_pack_from_the_menu_stores_it_and_redraws(window, qtbot, tmp_path, captured_boxes):
    pack = tmp_path / "otro.pmtiles"
    shutil.copy(SAMPLE_PACK, pack)
    with qtbot.waitSignal(window.map_tools.runner.finished, timeout=30_000):
        window.map_tools.start_load(pack)
    assert [a["name"] for a in window.project.assets("basemap")] == ["otro"]
    assert any("otro" in text for text in captured_boxes)
    broken = tmp_path / "roto.mbtiles"
    broken.write_bytes(b"nada")
    with qtbot.waitSignal(window.map_tools.runner.finished, timeout=30_000):
        window.map_tools.start_load(broken)
    assert [a["name"] for a in window.project.assets("basemap")] == ["otro"]  # nothing lost
    assert any("roto.mbtiles" in text and "Traceback" not in text for text in captured_boxes)


def test_the_map_export_is_offered_beside_the_project_and_opened_if_wanted(window, qtbot, monkeypatch, xdg_mime):
    # It was offered in whatever folder the program was started from, and written without a word.
    import datetime as dt

    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    offered, asked, opened = [], [], []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, caption, start, pattern: (offered.append(start) or start, pattern))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    window.map_tools.export_html.trigger()
    expected = Path(window.project.path).parent / f"mapa_{dt.date.today():%Y-%m-%d}.html"
    assert offered == [str(expected)] and expected.is_file()
    assert str(expected) in asked[0] and opened == [str(expected)]
