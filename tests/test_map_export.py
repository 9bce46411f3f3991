"""The exported map: one self-contained HTML file, drawn by headless Chromium with the network cut."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from offline_browser import count_near, remote_resource_references, run_chromium
from stationmap.maps.document import MapDocument, apply_geography
from stationmap.maps.export import export_html
from stationmap.maps.points import PALETTE

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_PACK = ROOT / "sample_data" / "basemap" / "trujillo.pmtiles"
SAMPLE_GEO = ROOT / "sample_data" / "geo"
MAX_EXPORT_BYTES = 15 * 1024 * 1024
XSS_CATEGORY = "<script>window.__xss = 1</script>"
XSS_ADDRESS = '<img src=x onerror="window.__xss = 2">'
# A view at street zoom in the sample pack, where incidents are drawn one by one.
STREET_VIEW = (-79.040, -8.092, -79.020, -8.078)

def sample_geography() -> dict:
    return {name: json.loads((SAMPLE_GEO / file).read_text(encoding="utf-8")) for name, file in (
        ("jurisdiction", "jurisdiccion_el_porvenir.geojson"), ("districts", "distritos_trujillo.geojson"),
        ("stations", "comisarias_trujillo.geojson"))}


def sample_incidents(n: int = 2000):
    from factories import make_incidents

    frame = make_incidents(n, seed=11, center=(-8.085, -79.03))
    frame.loc[0, ["category", "address", "lat", "lon"]] = (XSS_CATEGORY, XSS_ADDRESS, -8.085, -79.03)
    return frame


@pytest.fixture
def exported(tmp_path) -> Path:
    if not SAMPLE_PACK.exists():
        pytest.skip("sample basemap pack not built")
    document = MapDocument(incidents=sample_incidents(), basemap_path=SAMPLE_PACK)
    apply_geography(document, sample_geography(), None)
    result = export_html(tmp_path / "mapa.html", document, start_view=STREET_VIEW)
    assert result.basemap_included and result.points == 2000
    return result.path


def test_export_is_one_file_without_remote_resources(exported):
    html = exported.read_text(encoding="utf-8")
    assert exported.stat().st_size <= MAX_EXPORT_BYTES
    assert remote_resource_references(html) == []
    assert 'id="sm-basemap"' in html and "<script src=" not in html and "<link " not in html
    assert "app://stationmap" not in html and "qwebchannel.js" not in html
    # Payloads travel as JSON with '<' escaped: they can never close or open an element.
    assert XSS_CATEGORY not in html and XSS_ADDRESS not in html
    assert "\\u003cscript\\u003ewindow.__xss = 1\\u003c/script\\u003e" in html


def test_scan_finds_remote_references_and_ignores_attribution_links():
    bad = ('<link rel="stylesheet" href="https://unpkg.com/leaflet.css">'
           '<script src="https://cdn.example.org/x.js"></script>'
           '<style>.a{background:url("http://example.org/i.png")}</style><script>fetch("https://a.b/c")</script>')
    assert len(remote_resource_references(bad)) == 4
    assert remote_resource_references('<a href="https://www.openstreetmap.org/copyright">OSM</a>') == []


def pixels(png: Path) -> np.ndarray:
    from PySide6.QtGui import QImage

    image = QImage(str(png)).convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 3].reshape(image.height(), image.width(), 3).astype(int)


@pytest.mark.chromium
@pytest.mark.slow
def test_exported_map_draws_streets_and_incidents_with_the_network_cut(exported, tmp_path):
    shot = tmp_path / "export.png"
    run = run_chromium(tmp_path, exported, f"--screenshot={shot}")
    assert shot.exists(), run.stderr[-2000:]
    image = pixels(shot)
    assert count_near(image, "#f2efe9") > 20_000                      # land of the basemap
    assert count_near(image, "#f9d38c") + count_near(image, "#fbe6a6") > 2_000   # major streets
    assert count_near(image, "#d9d0c9") > 2_000                       # buildings at street zoom
    markers = sum(count_near(image, colour, 4) for colour in PALETTE[:5])
    assert markers > 1_000                                            # incidents in category colours


@pytest.mark.chromium
@pytest.mark.slow
def test_a_project_exported_as_the_window_does_shows_its_streets_offline(sample_project_file, tmp_path):
    """QA: the sample station's map, exported fitted to its jurisdiction (not at a street view), came out
    as a grey page in Chromium: the page refitted itself when the window took its final size, under the
    screenshot (or a print), with the basemap's new tiles not yet drawn."""
    from stationmap.maps.export import export_project_html
    from stationmap.store.project import Project

    with Project.open(sample_project_file) as project:
        result = export_project_html(project, tmp_path / "estacion.html")
    assert result.basemap_included
    shot = tmp_path / "estacion.png"
    run = run_chromium(tmp_path, result.path, f"--screenshot={shot}")
    assert shot.exists(), run.stderr[-2000:]
    assert count_near(pixels(shot), "#f2efe9") > 20_000                  # land of the basemap


@pytest.mark.chromium
@pytest.mark.slow
def test_exported_layer_list_offers_the_incidents_once_there_are_some(exported, tmp_path):
    run = run_chromium(tmp_path, exported, "--dump-dom")
    overlays = re.search(r'class="leaflet-control-layers-overlays">(.*?)</div>', run.stdout, re.DOTALL)
    assert overlays, run.stderr[-2000:]
    listed = re.findall(r"<span> (.*?)</span>", overlays.group(1))
    assert listed.count("Incidentes") == 1 and "Jurisdicción" in listed


@pytest.mark.chromium
@pytest.mark.slow
def test_exported_popup_shows_payloads_as_text(exported, tmp_path):
    # Open the popup of the payload incident (row 0) after the page has started, then dump the DOM.
    page = tmp_path / "with_click.html"
    page.write_text(exported.read_text(encoding="utf-8").replace(
        "</body>", "<script>setTimeout(() => SM.incidents.openPopup(0), 500)</script></body>"), encoding="utf-8")
    run = run_chromium(tmp_path, page, "--dump-dom")
    popup = re.search(r'<div class="leaflet-popup-content"[^>]*>(.*?)</table>', run.stdout, re.DOTALL)
    assert popup, run.stderr[-2000:]
    content = popup.group(1)
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in content
    assert "&lt;img src=x onerror=\"window.__xss = 2\"&gt;" in content
    assert "<script" not in content and "<img" not in content


def solid_png(rgb: tuple[int, int, int], size: int = 256) -> bytes:
    """A plain PNG tile, written by hand so the test needs no imaging library."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + bytes(rgb) * size
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(row * size))
            + chunk(b"IEND", b""))


def raster_mbtiles(path: Path, bounds, zooms, rgb) -> Path:
    """A raster MBTiles as QGIS "Generate XYZ tiles" makes them: TMS rows, PNG tiles."""
    import sqlite3

    from stationmap.maps.basemap.tiling import tiles_covering

    db = sqlite3.connect(path)
    db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    db.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
    db.executemany("INSERT INTO metadata VALUES (?, ?)", [
        ("format", "png"), ("minzoom", str(min(zooms))), ("maxzoom", str(max(zooms))),
        ("bounds", ",".join(map(str, bounds))), ("attribution", "prueba")])
    tile = solid_png(rgb)
    for z in zooms:
        db.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)",
                       [(z, x, (1 << z) - 1 - y, tile) for x, y in tiles_covering(bounds, z)])
    db.commit()
    db.close()
    return path


@pytest.mark.chromium
@pytest.mark.slow
def test_raster_pack_is_embedded_and_drawn_in_the_export(tmp_path):
    bounds = (-79.06, -8.11, -79.00, -8.06)
    pack = raster_mbtiles(tmp_path / "raster.mbtiles", bounds, (12, 13, 14), (0x33, 0x66, 0xcc))
    document = MapDocument(incidents=sample_incidents(200), basemap_path=pack)
    result = export_html(tmp_path / "raster.html", document, area=bounds)
    assert result.basemap_included
    shot = tmp_path / "raster.png"
    run = run_chromium(tmp_path, result.path, f"--screenshot={shot}")
    assert shot.exists(), run.stderr[-2000:]
    assert count_near(pixels(shot), "#3366cc", 3) > 200_000  # the pack's tiles fill the view


@pytest.mark.chromium
@pytest.mark.slow
def test_a_popup_shows_a_date_known_only_to_its_month_as_the_month(tmp_path):
    from conftest import shared_path
    from stationmap.store import import_job
    from stationmap.store.project import Project

    uk = shared_path("data", "uk-police-city-of-london-street-2016-2017", "2016-01-city-of-london-street.csv")
    import_job.run(import_job.ImportRequest(tmp_path / "londres.stationmap", [uk]))
    with Project.open(tmp_path / "londres.stationmap") as project:
        incidents = project.incidents()
    result = export_html(tmp_path / "londres.html", MapDocument(incidents=incidents))
    page = tmp_path / "with_click.html"
    page.write_text(result.path.read_text(encoding="utf-8").replace(
        "</body>", "<script>setTimeout(() => SM.incidents.openPopup(0), 500)</script></body>"), encoding="utf-8")
    run = run_chromium(tmp_path, page, "--dump-dom")
    date = re.search(r'<tr class="sm-popup-date"><th[^>]*>Fecha</th><td[^>]*>([^<]*)</td>', run.stdout)
    time = re.search(r'<tr class="sm-popup-time"><th[^>]*>Hora</th><td[^>]*>([^<]*)</td>', run.stdout)
    assert date and time, run.stderr[-2000:]
    assert (date.group(1), time.group(1)) == ("01/2016", "hora desconocida")
