"""Build the trainer's guides (guia_del_instructor.pdf, trainers_guide.pdf) from exercises.json
and the sample station.

Usage, from the repository root:
    .venv/bin/python resources/training/build_guide.py

The answers are computed here from a freshly built sample station with the same
functions the training panel uses, so the printed guide and the app agree. One guide
per language of the exercises (names in ui.training.content.GUIDE_FILES); Ayuda ▸
Guía del instructor opens the one of the window's language.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

HERE = Path(__file__).resolve().parent
NIGHT_DRAG = ((4, 22), (6, 1))   # Friday 22 h to Sunday 01 h: both weekend nights, 22:00-02:00

# The guide's own wording; the exercises' texts come from exercises.json.
TEXT = {
    "es": {
        "title": "StationMap — Guía del instructor",
        "subtitle": "Taller con la estación de ejemplo (datos sintéticos), sin conexión a internet",
        "notice": "Los incidentes de la estación de ejemplo son sintéticos: no son denuncias reales. "
                  "Datos de mapas © OpenStreetMap contributors (ODbL).",
        "agenda": "Duración y orden", "activity": "Actividad", "minutes": "Minutos",
        "opening": "Presentación, instalación desde la memoria USB, abrir el modo capacitación",
        "closing": "Reiniciar para el grupo siguiente y preguntas", "total": "Total",
        "before": "Antes del taller",
        "before_items": [
            "Instale StationMap en cada computadora desde la memoria USB; no hace falta internet.",
            "En computadoras compartidas use el <b>modo portátil</b>: una carpeta <i>StationMapData</i> "
            "(o un archivo <i>portable.txt</i>) junto a StationMap.exe guarda allí la configuración, el "
            "registro y las copias de capacitación; nada queda en el perfil del usuario.",
            "Abra <b>Ayuda → Modo capacitación</b>. Se crea una copia nueva de la estación de ejemplo "
            "y se abre el panel «Capacitación» con los ejercicios. La estación de ejemplo original no "
            "cambia.",
            "El panel marca cada ejercicio con una señal verde cuando se cumple; si el intento aún no "
            "basta, dice qué falta. Un ejercicio hecho queda marcado durante la sesión, también si se "
            "cierra y se vuelve a abrir StationMap. «Comprobar» vuelve a revisar y «Reiniciar» descarta "
            "la copia y prepara una nueva para el grupo siguiente."],
        "reads": "Lo que lee el participante",
        "exercise": "Ejercicio {number}: {title} ({minutes} min)",
        "steps": "Pasos", "when_done": "Cuándo se marca como hecho",
        "night": "<b>Respuesta con la estación de ejemplo:</b> las noches de viernes y sábado (22:00–02:00) "
                 "reúnen {count} incidentes. El punto crítico está en <b>{street}</b> ({lat:.5f}, {lon:.5f}), "
                 "con {incidents} incidentes; horas pico: {hours}; delitos: {kinds}.",
        "no_street": "sin nombre de calle",
        "plan": "<b>Qué revisar con el grupo:</b> cada unidad tiene sector y turno, y su motivo («sector 4, "
                "noche: 31 % de los incidentes ponderados…»); los sectores de más riesgo reciben más "
                "unidades pero ninguno queda sin el mínimo.",
        "pdf": "<b>Qué revisar con el grupo:</b> la hoja se puede leer impresa en blanco y negro; cada unidad "
               "lleva sus puntos a visitar con hora y duración (10–15 minutos, regreso al menos cada 2 horas).",
    },
    "en": {
        "title": "StationMap — Trainer's guide",
        "subtitle": "Workshop with the sample station (synthetic data), with no internet connection",
        "notice": "The sample station's incidents are synthetic: they are not real reports. "
                  "Map data © OpenStreetMap contributors (ODbL).",
        "agenda": "Length and order", "activity": "Activity", "minutes": "Minutes",
        "opening": "Introduction, installing from the USB stick, opening training mode",
        "closing": "Reset for the next group, and questions", "total": "Total",
        "before": "Before the workshop",
        "before_items": [
            "Install StationMap on each computer from the USB stick; no internet is needed.",
            "On shared computers use <b>portable mode</b>: a <i>StationMapData</i> folder (or a "
            "<i>portable.txt</i> file) beside StationMap.exe keeps the settings, the log and the training "
            "copies there; nothing stays in the user's profile.",
            "Open <b>Help → Training mode</b>. A fresh copy of the sample station is made and the "
            "\"Training\" panel opens with the exercises. The original sample station does not change.",
            "The panel marks each exercise with a green tick when it is done; when an attempt is not yet "
            "enough, it says what is missing. An exercise done stays marked for the session, also when "
            "StationMap is closed and opened again. \"Check\" looks again and \"Reset\" discards the copy "
            "and prepares a new one for the next group."],
        "reads": "What the trainee reads",
        "exercise": "Exercise {number}: {title} ({minutes} min)",
        "steps": "Steps", "when_done": "When it is marked as done",
        "night": "<b>Answer with the sample station:</b> Friday and Saturday nights (22:00–02:00) hold {count} "
                 "incidents. The critical point is on <b>{street}</b> ({lat:.5f}, {lon:.5f}), with {incidents} "
                 "incidents; peak hours: {hours}; crimes: {kinds}.",
        "no_street": "no street name",
        "plan": "<b>What to go over with the group:</b> each unit has a sector and a shift, and its reason "
                "(\"sector 4, night: 31 % of the weighted incidents…\"); the riskier sectors get more units "
                "but none is left below the minimum.",
        "pdf": "<b>What to go over with the group:</b> the sheet reads well printed in black and white; each "
               "unit carries its places to visit with time and length (10–15 minutes, back at least every "
               "2 hours).",
    },
}


def night_answer() -> tuple[dict | None, int]:
    """The critical point of the sample's weekend nights, and how many incidents those nights hold."""
    from stationmap.analysis.filtering import filter_mask
    from stationmap.core.filters import IncidentFilter
    from stationmap.store.project import Project
    from stationmap.store.sample import write_sample_project
    from stationmap.ui.charts.cell_selection import block_cells
    from stationmap.ui.training.answer import find_answer

    with tempfile.TemporaryDirectory() as folder:
        path = write_sample_project(Path(folder) / "muestra.stationmap").path
        with Project.open(path) as project:
            incidents = project.incidents()
        flt = IncidentFilter(cells=block_cells(*NIGHT_DRAG))
        return find_answer((path, incidents, flt)), int(filter_mask(incidents, flt).sum())


def styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    # Headings stay with what follows them, never alone at the foot of a page.
    return {"title": base["Title"],
            "h1": ParagraphStyle("h1", parent=base["Heading1"], keepWithNext=1, spaceBefore=14),
            "h2": ParagraphStyle("h2", parent=base["Heading2"], keepWithNext=1),
            "body": ParagraphStyle("body", parent=base["BodyText"], fontSize=10.5, leading=14),
            "small": ParagraphStyle("small", parent=base["BodyText"], fontSize=8.5, leading=11,
                                    textColor=colors.HexColor("#555555"))}


def bullets(texts: list[str], style: ParagraphStyle, numbered: bool = False) -> ListFlowable:
    return ListFlowable([ListItem(Paragraph(t, style)) for t in texts],
                        bulletType="1" if numbered else "bullet", leftIndent=16)


def agenda_table(exercises: list, st: dict, text: dict) -> Table:
    rows = [["", text["activity"], text["minutes"]], ["0", Paragraph(text["opening"], st["body"]), "15"]]
    rows += [[str(n), Paragraph(e.title, st["body"]), str(e.minutes)] for n, e in enumerate(exercises, 1)]
    rows += [["", text["closing"], "10"],
             ["", text["total"], str(25 + sum(e.minutes for e in exercises))]]
    table = Table(rows, colWidths=[1 * cm, 12.5 * cm, 2.2 * cm])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, 0), "Helvetica-Bold"), ("FONT", (0, -1), (-1, -1), "Helvetica-Bold"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef7")), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (2, 0), (2, -1), "RIGHT")]))
    return table


def answer_paragraphs(exercise, night: tuple[dict | None, int], st: dict, text: dict) -> list:
    point, night_count = night
    if exercise.id == "night_hotspot" and point is not None:
        hours = ", ".join(f"{h:02d} h" for h in point["peak_hours"])
        kinds = ", ".join(f"{name} ({count})" for name, count in point["categories"].items())
        return [Paragraph(text["night"].format(count=night_count, street=point["street"] or text["no_street"],
                                               lat=point["lat"], lon=point["lon"], incidents=point["incidents"],
                                               hours=hours, kinds=kinds), st["body"])]
    if exercise.id == "weekly_plan":
        return [Paragraph(text["plan"], st["body"])]
    if exercise.id == "roll_call_pdf":
        return [Paragraph(text["pdf"], st["body"])]
    return []


def build(language: str = "es", night: tuple[dict | None, int] | None = None) -> Path:
    """The guide of `language`, written where the app looks for it; `night` saves building the
    sample station again for a second language."""
    sys.path.insert(0, str(HERE.parents[1] / "src"))
    from stationmap.ui.training.content import GUIDE_FILES, load_exercises

    output = HERE / GUIDE_FILES[language]
    text = TEXT[language]
    intro, exercises = load_exercises(language, HERE / "exercises.json")
    night = night or night_answer()
    st = styles()
    story: list = [
        Paragraph(text["title"], st["title"]), Paragraph(text["subtitle"], st["h2"]),
        Paragraph(text["notice"], st["small"]),
        Paragraph(text["agenda"], st["h1"]), agenda_table(exercises, st, text), Spacer(1, 0.4 * cm),
        Paragraph(text["before"], st["h1"]), bullets(text["before_items"], st["body"]),
        Paragraph(text["reads"], st["h2"]), Paragraph(intro, st["body"]),
    ]
    for number, exercise in enumerate(exercises, 1):
        story += [Paragraph(text["exercise"].format(number=number, title=exercise.title,
                                                    minutes=exercise.minutes), st["h1"]),
                  Paragraph(text["steps"], st["h2"]), bullets(exercise.steps, st["body"], numbered=True),
                  Paragraph(text["when_done"], st["h2"]), Paragraph(exercise.answer, st["body"]),
                  Spacer(1, 0.2 * cm), *answer_paragraphs(exercise, night, st, text)]
    document = SimpleDocTemplate(str(output), pagesize=A4, title=text["title"], lang=language,
                                 author="StationMap", leftMargin=2 * cm, rightMargin=2 * cm,
                                 topMargin=1.8 * cm, bottomMargin=1.8 * cm, invariant=1)
    document.build(story)
    return output


if __name__ == "__main__":
    night = night_answer()
    for language in TEXT:
        print(build(language, night))
