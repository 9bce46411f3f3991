"""Every word the weekly brief prints, in Spanish (default) and English.

The PDF and the HTML versions take their text from here, so both languages stay
complete together (tests/test_brief_text.py checks keys and placeholders). Data
values (category names, streets, sector names) stay as the register wrote them.
"""

from __future__ import annotations

from stationmap.core.messages import DEFAULT_LANGUAGE

TEXT: dict[str, dict[str, str]] = {
    "es": {
        "title": "Informe semanal de incidencia delictiva",
        "community_title": "Informe para la comunidad",
        "subtitle": "{station} · semana {label} (del {start} al {end})",
        "community_subtitle": "{station} · semana del {start} al {end}",
        "footer": "Delitos denunciados (no todo delito se denuncia). Calles: © OpenStreetMap contributors (ODbL).",
        "footer_short": "Delitos denunciados (no todo delito se denuncia).",
        "synthetic": "Incidentes SINTÉTICOS (estación de ejemplo).",
        "page": "Página {n}",
        "week_total": "Total de la semana",
        "crime": "Delito", "week": "Semana", "previous_4": "Promedio 4 semanas previas",
        "real_change": "¿Cambio real?", "last_year": "Misma semana año anterior",
        "no_data": "sin datos",
        "up": "aumento real", "down": "descenso real", "normal": "variación normal",
        "change_note": "Un cambio es «real» cuando una prueba exacta de Poisson (5 %) lo distingue de la "
                       "variación normal; con números pequeños (de 3 a 5, por ejemplo) casi nunca lo es.",
        "no_last_year": "Los datos del proyecto no llegan a la misma semana del año anterior: no hay comparación anual.",
        "where": "Dónde: densidad de la semana, sectores y puntos críticos",
        "density_note": "Densidad de la semana: núcleo {kernel}, ancho de banda {bandwidth} m, celda {cell} m "
                        "(más oscuro = más incidentes por km²; se lee también en blanco y negro).",
        "quartic": "cuártico", "gaussian": "gaussiano",
        "point": "Punto", "street": "Calle", "incidents_4w": "Incidentes (4 sem.)", "peak_hours": "Horas pico",
        "new": "Nuevo", "NEW": "NUEVO", "sector": "Sector", "previous_mean": "Promedio previo",
        "when": "Cuándo: esta semana frente a una semana habitual",
        "this_week": "Esta semana", "usual_week": "Semana habitual (promedio de las 4 anteriores)",
        "heat_note": "Los dos gráficos usan la misma escala: un mismo gris es la misma cifra en ambos; el más "
                     "oscuro = {value} incidentes en esa hora, blanco = ninguno. Un hecho con hora incierta se "
                     "reparte entre las horas posibles (método aorístico).",
        # The HTML chart is in colour (viridis): yellow is the busiest hour, not the darkest cell.
        "heat_note_html": "Amarillo = más incidentes ({value} en esa hora); violeta = pocos; gris claro = "
                          "ninguno. Los dos gráficos usan la misma escala de color (bajo cada uno). Un hecho con hora "
                          "incierta se reparte entre las horas posibles (método aorístico), por eso una celda "
                          "puede tener una fracción de incidente.",
        "incident": "incidente",
        "weight": "Peso",
        "weight_note": "Los puntos se ordenan por peso: sus incidentes ponderados por gravedad (un delito grave "
                       "cuenta más que uno leve), no por su número.",
        "quality_scope": "Los indicadores son los de los {n} incidentes de la semana {label} (su fila en la tabla "
                         "semanal dice lo mismo, redondeado); las filas duplicadas y rechazadas son las de todas "
                         "las importaciones del proyecto; la tabla semanal muestra las últimas {weeks} semanas.",
        "indicator_week": "Indicador (semana {label}, {n} incidentes)",
        "indicator_imports": "Importaciones (todas)",
        "provisional_sectors": "Sectores provisionales: el proyecto no tiene sectores guardados, así que para este "
                               "informe se calcularon {count} de carga similar (no se guardaron). Para fijarlos, "
                               "defínalos en Análisis → Sectores y jurisdicción…",
        # The community's reading: no app instruction for the public.
        "provisional_sectors_public": "Los {count} sectores de este informe se trazaron para él y pueden cambiar en "
                                      "los próximos.",
        "what_moved": "Qué se movió",
        "no_movement": "Sin desplazamientos horarios notables en los delitos principales.",
        "movement": "{category}: la parte en el turno {shift} {verb} de {before} % a {now} % de los casos.",
        "rose": "subió", "fell": "bajó",
        "quality": "Calidad de los datos", "indicator": "Indicador", "value": "Valor",
        "duplicates": "Filas duplicadas encontradas en las importaciones",
        "rejected": "Filas rechazadas en las importaciones",
        "reason": "Motivo de rechazo (ejemplo)", "rows": "Filas",
        "incidents": "Incidentes", "with_coordinates_short": "Con coordenadas", "known_time_short": "Hora conocida",
        "unspecified_short": "No especificado",
        "with_coordinates": "Con coordenadas válidas", "with_sector": "Dentro de un sector",
        "known_time": "Con hora conocida", "long_window": "Con ventana de más de 8 h",
        "unspecified": "Categoría «No especificado»",
        "suppression": "Para proteger a las víctimas, las cifras menores que {threshold} se muestran como «< {threshold}».",
        "suppression_total": "En un sector con cifras ocultas el total se da como mínimo («… o más»), para que "
                             "no se puedan deducir restando.",
        "others": "Otros delitos", "at_least": "{n} o más",
        "community_intro": "Conteos por sector de la semana. No se muestran lugares exactos ni detalles de los hechos.",
        "what_changed": "Qué cambió", "vs_previous": "Frente a las 4 semanas previas",
        "change_marked": "Un cambio se marca solo si una prueba exacta de Poisson (5 %) lo distingue de la variación normal.",
        "streets": "Calles", "density": "Densidad", "sectors": "Sectores", "critical_points": "Puntos críticos",
        "density_html": "Densidad de la semana: núcleo {kernel}, ancho de banda {bandwidth} m, celda {cell} m.",
        "change": "Cambio", "duplicates_short": "Duplicados encontrados al importar",
        "rejected_short": "Filas rechazadas al importar",
    },
    "en": {
        "title": "Weekly crime brief",
        "community_title": "Community brief",
        "subtitle": "{station} · week {label} ({start} to {end})",
        "community_subtitle": "{station} · week of {start} to {end}",
        "footer": "Reported crime (not every crime is reported). Streets: © OpenStreetMap contributors (ODbL).",
        "footer_short": "Reported crime (not every crime is reported).",
        "synthetic": "SYNTHETIC incidents (sample station).",
        "page": "Page {n}",
        "week_total": "Week total",
        "crime": "Crime", "week": "Week", "previous_4": "Mean of the 4 previous weeks",
        "real_change": "Real change?", "last_year": "Same week last year",
        "no_data": "no data",
        "up": "real rise", "down": "real fall", "normal": "normal variation",
        "change_note": "A change is “real” when an exact Poisson test (5 %) tells it apart from normal "
                       "variation; with small numbers (3 to 5, say) it almost never is.",
        "no_last_year": "The project's data do not reach the same week last year: no yearly comparison.",
        "where": "Where: the week's density, sectors and critical points",
        "density_note": "Density of the week: {kernel} kernel, bandwidth {bandwidth} m, cell {cell} m "
                        "(darker = more incidents per km²; also reads in black and white).",
        "quartic": "quartic", "gaussian": "Gaussian",
        "point": "Point", "street": "Street", "incidents_4w": "Incidents (4 wk.)", "peak_hours": "Peak hours",
        "new": "New", "NEW": "NEW", "sector": "Sector", "previous_mean": "Previous mean",
        "when": "When: this week against a usual week",
        "this_week": "This week", "usual_week": "Usual week (mean of the 4 before)",
        "heat_note": "Both charts share one scale: the same grey is the same count in each; the darkest = "
                     "{value} incidents in that hour, white = none. An incident whose time is uncertain is "
                     "spread over its possible hours (aoristic method).",
        "heat_note_html": "Yellow = more incidents ({value} in that hour); purple = few; light grey = none. "
                          "Both charts share one colour scale (key under each). An incident whose time is uncertain is "
                          "spread over its possible hours (aoristic method), so a cell can hold a fraction of "
                          "an incident.",
        "incident": "incident",
        "weight": "Weight",
        "weight_note": "Points are ranked by weight: their incidents weighted by severity (a serious crime counts "
                       "more than a minor one), not by their number.",
        "quality_scope": "The indicators are those of the week {label}'s {n} incidents (its row in the weekly "
                         "table says the same, rounded); the duplicate and rejected rows are those of all the "
                         "project's imports; the weekly table shows the last {weeks} weeks.",
        "indicator_week": "Indicator (week {label}, {n} incidents)",
        "indicator_imports": "Imports (all)",
        "provisional_sectors": "Provisional sectors: the project has no saved sectors, so {count} sectors of "
                               "similar workload were made for this brief (not saved). To fix them, define them "
                               "in Analysis → Sectors and jurisdiction…",
        "provisional_sectors_public": "The {count} sectors of this brief were drawn for it and may change in later "
                                      "ones.",
        "what_moved": "What moved",
        "no_movement": "No notable shift in time of day for the main crimes.",
        "movement": "{category}: the share in the {shift} shift {verb} from {before} % to {now} % of cases.",
        "rose": "rose", "fell": "fell",
        "quality": "Data quality", "indicator": "Indicator", "value": "Value",
        "duplicates": "Duplicate rows found by the imports",
        "rejected": "Rows rejected by the imports",
        "reason": "Reason for rejection (example)", "rows": "Rows",
        "incidents": "Incidents", "with_coordinates_short": "With coordinates", "known_time_short": "Known time",
        "unspecified_short": "Unspecified",
        "with_coordinates": "With valid coordinates", "with_sector": "Inside a sector",
        "known_time": "With a known time", "long_window": "With a window over 8 h",
        "unspecified": "Category “No especificado” (unspecified)",
        "suppression": "To protect victims, counts below {threshold} are shown as “< {threshold}”.",
        "suppression_total": "In a sector with hidden counts the total is given as a minimum (“… or more”), so "
                             "that they cannot be worked out by subtraction.",
        "others": "Other crimes", "at_least": "{n} or more",
        "community_intro": "Counts per sector for the week. No exact places and no details of incidents are shown.",
        "what_changed": "What changed", "vs_previous": "Against the 4 previous weeks",
        "change_marked": "A change is marked only when an exact Poisson test (5 %) tells it apart from normal variation.",
        "streets": "Streets", "density": "Density", "sectors": "Sectors", "critical_points": "Critical points",
        "density_html": "Density of the week: {kernel} kernel, bandwidth {bandwidth} m, cell {cell} m.",
        "change": "Change", "duplicates_short": "Duplicates found on import",
        "rejected_short": "Rows rejected on import",
    },
}


class BriefText:
    """`t("key", **data)` in one language, falling back to Spanish."""

    def __init__(self, language: str | None = None) -> None:
        self.language = language if language in TEXT else DEFAULT_LANGUAGE

    def __call__(self, key: str, **data: object) -> str:
        text = TEXT[self.language].get(key) or TEXT[DEFAULT_LANGUAGE][key]
        return text.format(**data) if data else text
