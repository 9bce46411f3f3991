"""The weekly brief reads completely in Spanish and in English."""

from __future__ import annotations

import re
import shutil
import string
import subprocess

from stationmap.reports.brief_text import TEXT
from stationmap.reports.jobs import BriefRequest, run_brief


def test_both_languages_have_every_key_with_the_same_placeholders():
    assert set(TEXT["es"]) == set(TEXT["en"])
    for key in TEXT["es"]:
        fields = [{f for _, f, _, _ in string.Formatter().parse(TEXT[lang][key]) if f} for lang in ("es", "en")]
        assert fields[0] == fields[1], key


def test_the_english_brief_has_no_spanish_headings(sample_project_file, tmp_path):
    project = tmp_path / "p.stationmap"
    shutil.copy(sample_project_file, project)
    files = run_brief(BriefRequest(project, "2026-W46", tmp_path / "en", language="en"))
    pdf = next(f for f in files if f.name == "informe_semanal_2026-W46.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Weekly crime brief" in text and "What moved" in text and "Data quality" in text
    assert "a rise beyond normal variation" in text  # the robbery rise, in English
    for spanish in ("Semana habitual", "Calidad de los datos", "Qué se movió", "Página", "variación normal"):
        assert spanish not in text, spanish
    html = next(f for f in files if f.name == "informe_semanal_2026-W46.html").read_text(encoding="utf-8")
    assert 'lang="en"' in html and "What changed" in html and "Qué cambió" not in html
    community = next(f for f in files if f.name == "informe_comunidad_2026-W46.pdf")
    community_text = subprocess.run(["pdftotext", str(community), "-"], capture_output=True, text=True).stdout
    assert "Community brief" in community_text and "Other crimes" in community_text
    assert re.search(r"counts below 3 are shown", community_text)
