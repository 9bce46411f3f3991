"""`stationmap --self-test` from source: the whole run on the sample station, and how it reports failures."""

from __future__ import annotations

import pytest

from stationmap.ui.map import register_app_scheme

register_app_scheme()  # must precede the QApplication that pytest-qt creates

from stationmap import selftest  # noqa: E402

STEPS = 7


@pytest.mark.slow
@pytest.mark.webengine
# Chromium's GPU probing under Xvfb with software GL logs these once per process; they say nothing
# about the map (the page is drawn by the CPU rasteriser either way).
@pytest.mark.qt_log_ignore("vulkan", "Vulkan", "GPU vendor", "DRI3", "GPUInfo")
def test_self_test_passes_on_the_sample_station_and_keeps_every_export(qapp, tmp_path, capsys):
    code = selftest.run(tmp_path)
    out = capsys.readouterr().out
    assert code == 0, out
    lines = out.splitlines()
    assert lines[0].startswith("Autoprueba de StationMap")
    assert sum(line.lstrip().startswith("OK") for line in lines) == STEPS
    assert "ninguna solicitud salió del equipo" in out and lines[-1].startswith("Autoprueba superada")
    assert "límites de 1826 distritos del Perú" in out
    plan = {p.name for p in (tmp_path / "plan").iterdir()}
    assert {"plan_patrullaje.pdf", "tarjetas_de_ruta.pdf", "plan.xlsx", "puntos_criticos.gpx"} <= plan
    brief = sorted(p.name for p in (tmp_path / "informe").iterdir())
    assert len(brief) == 4 and all(p.stat().st_size > 0 for p in (tmp_path / "informe").iterdir())
    # The original sample data is never touched: the project is a fresh copy in the output folder.
    assert (tmp_path / "estacion_de_ejemplo.stationmap").stat().st_size > 0


@pytest.mark.slow
@pytest.mark.webengine
@pytest.mark.qt_log_ignore("vulkan", "Vulkan", "GPU vendor", "DRI3", "GPUInfo")   # as above
def test_startup_probe_reports_the_main_window_map_drawn(qapp, sample_project_file, config_dir, capsys):
    assert selftest.startup_probe(sample_project_file) == 0
    drawn = capsys.readouterr().out.strip().splitlines()[-1]
    assert drawn.startswith("drawn ") and int(drawn.split()[1]) > 1000
    # The measurement must not change the user's recent projects.
    assert not (config_dir / "stationmap.ini").exists()


def test_missing_sample_data_fails_with_a_reason_and_no_traceback(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("STATIONMAP_SAMPLE_DIR", str(tmp_path / "nowhere"))
    monkeypatch.setenv("STATIONMAP_CONFIG_DIR", str(tmp_path / "config"))
    code = selftest.run(tmp_path / "out")
    out = capsys.readouterr().out
    assert code == 1
    assert "FALLA  estación de ejemplo" in out and "Traceback" not in out
    assert out.count("no se ejecutó porque falló un paso anterior") == STEPS - 1
    assert f"({STEPS} de {STEPS} pasos)" in out
    # The traceback-free line on stdout points at the log, which holds the reason.
    assert "self-test step" in (tmp_path / "config" / "stationmap.log").read_text(encoding="utf-8")


def test_english_report(tmp_path, monkeypatch, capsys):
    from stationmap.core.messages import set_language

    monkeypatch.setenv("STATIONMAP_SAMPLE_DIR", str(tmp_path / "nowhere"))
    monkeypatch.setenv("STATIONMAP_CONFIG_DIR", str(tmp_path / "config"))
    set_language("en")
    try:
        assert selftest.run(tmp_path / "out") == 1
    finally:
        set_language("es")
    out = capsys.readouterr().out
    assert out.startswith("StationMap 0.") and "FAILED sample station" in out and "Self-test failed" in out


def _state(tmp_path, blocked=(), pages=()):
    state = selftest.SelfTestState(tmp_path, blocked=lambda: list(blocked))
    for index, html in enumerate(pages):
        page = tmp_path / f"page{index}.html"
        page.write_text(html, encoding="utf-8")
        state.exports.append(page)
    return state


def test_a_bundle_without_perus_district_limits_fails_the_check_with_a_reason(tmp_path, monkeypatch):
    from stationmap.maps import national_districts

    monkeypatch.setattr(national_districts, "resources_dir", lambda name: tmp_path / name)
    national_districts._all_districts.cache_clear()
    try:
        with pytest.raises(selftest.StepFailure) as failure:
            selftest._national_districts()
    finally:
        national_districts._all_districts.cache_clear()
    assert failure.value.detail.startswith("Faltan los límites distritales del Perú (resources/geo)")


def test_offline_step_fails_on_a_blocked_request(tmp_path):
    with pytest.raises(selftest.StepFailure) as failure:
        selftest._offline(_state(tmp_path, blocked=["https://tile.openstreetmap.org/5/9/16.png"]))
    assert "tile.openstreetmap.org" in failure.value.detail


@pytest.mark.parametrize("html", [
    '<html><script src="https://unpkg.com/leaflet.js"></script></html>',
    "<html><link rel=stylesheet href='//cdn.example/x.css'></html>",
    '<html><style>body{background:url( "http://example.org/a.png")}</style></html>',
    '<html><img alt=x src=https://example.org/a.png></html>',
])
def test_offline_step_fails_on_an_export_with_a_remote_resource(tmp_path, html):
    with pytest.raises(selftest.StepFailure) as failure:
        selftest._offline(_state(tmp_path, pages=["<html>ok</html>", html]))
    assert "page1.html" in failure.value.detail


def test_offline_step_accepts_attribution_links_in_text(tmp_path):
    page = ('<html><a href="https://www.openstreetmap.org/copyright">© OpenStreetMap contributors</a>'
            '<script>var x = 1;</script><img src="data:image/png;base64,AAAA"></html>')
    assert "ninguna" in selftest._offline(_state(tmp_path, pages=[page]))


def test_file_check_rejects_missing_empty_and_truncated_files(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.7\n...")
    (tmp_path / "b.pdf").write_bytes(b"<html>an error page saved as pdf</html>")
    (tmp_path / "c.csv").write_bytes(b"")
    (tmp_path / "d.xlsx").write_bytes(b"PK\x03\x04rest")
    state = _state(tmp_path)
    with pytest.raises(selftest.StepFailure) as failure:
        selftest._check_files(state, tmp_path, ("a.pdf", "b.pdf", "c.csv", "d.xlsx", "e.kml"), [])
    assert failure.value.detail.endswith("b.pdf, c.csv, e.kml")
    assert "2 archivos" in selftest._check_files(state, tmp_path, ("a.pdf", "d.xlsx"), [])
