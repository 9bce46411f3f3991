"""Build the trainer's guide (guia_del_instructor.pdf) from exercises.json and the sample station.

Usage, from the repository root:
    .venv/bin/python resources/training/build_guide.py

The answers are computed here from a freshly built sample station with the same
functions the training panel uses, so the printed guide and the app agree.
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
OUTPUT = HERE / "guia_del_instructor.pdf"
NIGHT_DRAG = ((4, 22), (6, 1))   # Friday 22 h to Sunday 01 h: both weekend nights, 22:00-02:00


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


def agenda_table(exercises: list, st: dict) -> Table:
    rows = [["", "Actividad", "Minutos"], ["0", "Presentación, instalación desde la memoria USB, abrir "
                                              "el modo capacitación", "15"]]
    rows += [[str(n), Paragraph(e.title, st["body"]), str(e.minutes)] for n, e in enumerate(exercises, 1)]
    rows += [["", "Reiniciar para el grupo siguiente y preguntas", "10"],
             ["", "Total", str(25 + sum(e.minutes for e in exercises))]]
    table = Table(rows, colWidths=[1 * cm, 12.5 * cm, 2.2 * cm])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, 0), "Helvetica-Bold"), ("FONT", (0, -1), (-1, -1), "Helvetica-Bold"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef7")), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (2, 0), (2, -1), "RIGHT")]))
    return table


def answer_paragraphs(exercise, night: tuple[dict | None, int], st: dict) -> list:
    point, night_count = night
    if exercise.id == "night_hotspot" and point is not None:
        hours = ", ".join(f"{h:02d} h" for h in point["peak_hours"])
        kinds = ", ".join(f"{name} ({count})" for name, count in point["categories"].items())
        return [Paragraph(f"<b>Respuesta con la estación de ejemplo:</b> las noches de viernes y sábado "
                          f"(22:00–02:00) reúnen {night_count} incidentes. El punto crítico está en "
                          f"<b>{point['street'] or 'sin nombre de calle'}</b> ({point['lat']:.5f}, "
                          f"{point['lon']:.5f}), con {point['incidents']} incidentes; horas pico: {hours}; "
                          f"delitos: {kinds}.", st["body"])]
    if exercise.id == "weekly_plan":
        return [Paragraph("<b>Qué revisar con el grupo:</b> cada unidad tiene sector y turno, y su motivo "
                          "(«sector 4, noche: 31 % de los incidentes ponderados…»); los sectores de más riesgo "
                          "reciben más unidades pero ninguno queda sin el mínimo.", st["body"])]
    if exercise.id == "roll_call_pdf":
        return [Paragraph("<b>Qué revisar con el grupo:</b> la hoja se puede leer impresa en blanco y negro; "
                          "cada unidad lleva sus puntos a visitar con hora y duración (10–15 minutos, "
                          "regreso al menos cada 2 horas).", st["body"])]
    return []


def build(output: Path = OUTPUT) -> Path:
    sys.path.insert(0, str(HERE.parents[1] / "src"))
    from stationmap.ui.training.content import load_exercises

    intro, exercises = load_exercises("es", HERE / "exercises.json")
    night = night_answer()
    st = styles()
    story: list = [
        Paragraph("StationMap — Guía del instructor", st["title"]),
        Paragraph("Taller con la estación de ejemplo (datos sintéticos), sin conexión a internet", st["h2"]),
        Paragraph("Los incidentes de la estación de ejemplo son sintéticos: no son denuncias reales. "
                  "Datos de mapas © OpenStreetMap contributors (ODbL). Guía generada por "
                  "resources/training/build_guide.py.", st["small"]),
        Paragraph("Duración y orden", st["h1"]), agenda_table(exercises, st), Spacer(1, 0.4 * cm),
        Paragraph("Antes del taller", st["h1"]),
        bullets(["Instale StationMap en cada computadora desde la memoria USB; no hace falta internet.",
                 "En computadoras compartidas use el <b>modo portátil</b>: una carpeta <i>StationMapData</i> "
                 "(o un archivo <i>portable.txt</i>) junto a StationMap.exe guarda allí la configuración, el "
                 "registro y las copias de capacitación; nada queda en el perfil del usuario.",
                 "Abra <b>Ayuda → Modo capacitación</b>. Se crea una copia nueva de la estación de ejemplo "
                 "y se abre el panel «Capacitación» con los ejercicios. La estación de ejemplo original no "
                 "cambia.",
                 "El panel marca cada ejercicio con una señal verde cuando se cumple; «Comprobar» vuelve a "
                 "revisar y «Reiniciar» descarta la copia y prepara una nueva para el grupo siguiente."],
                st["body"]),
        Paragraph("Lo que lee el participante", st["h2"]), Paragraph(intro, st["body"]),
    ]
    for number, exercise in enumerate(exercises, 1):
        story += [Paragraph(f"Ejercicio {number}: {exercise.title} ({exercise.minutes} min)", st["h1"]),
                  Paragraph("Pasos", st["h2"]), bullets(exercise.steps, st["body"], numbered=True),
                  Paragraph("Cuándo se marca como hecho", st["h2"]), Paragraph(exercise.answer, st["body"]),
                  Spacer(1, 0.2 * cm), *answer_paragraphs(exercise, night, st)]
    document = SimpleDocTemplate(str(output), pagesize=A4, title="StationMap — Guía del instructor",
                                 author="StationMap", leftMargin=2 * cm, rightMargin=2 * cm,
                                 topMargin=1.8 * cm, bottomMargin=1.8 * cm, invariant=1)
    document.build(story)
    return output


if __name__ == "__main__":
    print(build())
