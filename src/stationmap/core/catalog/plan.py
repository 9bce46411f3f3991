"""Messages about patrol plans."""

MESSAGES = {
    "plan.minimums_exceed_units": {
        "es": "Los mínimos por sector y las unidades fijadas suman {needed} unidades, pero solo hay {available} disponibles.",
        "en": "Sector minimums and locked units add up to {needed} units, but only {available} are available.",
    },
    "plan.unknown_sector": {
        "es": "La unidad está fijada en el sector «{sector}», que no existe en este plan.",
        "en": "A unit is locked to sector “{sector}”, which does not exist in this plan.",
    },
    "plan.dosage_over_budget": {
        "es": "No hay tiempo para visitar {places} puntos críticos: solo quedan {budget} minutos de patrullaje preventivo en el turno.",
        "en": "There is no time to visit {places} critical points: only {budget} minutes of proactive patrol are left in the shift.",
    },
    "plan.unknown_unit_kind_hint": {
        "es": "Tipo de unidad desconocido en el archivo de unidades: «{kind}». ¿Quiso decir «{hint}»?",
        "en": "Unknown unit type in the units file: “{kind}”. Did you mean “{hint}”?",
    },
    "plan.unknown_unit_kind": {
        "es": "Tipo de unidad desconocido en el archivo de unidades: «{kind}». Use patrullero, integrado, "
              "motorizado, serenazgo o a_pie.",
        "en": "Unknown unit type in the units file: “{kind}”. Use patrullero, integrado, motorizado, serenazgo "
              "or a_pie.",
    },
    "plan.empty_period": {
        "es": "El periodo del plan está vacío: la fecha final es anterior a la inicial.",
        "en": "The plan period is empty: the end date is before the start date.",
    },
    "plan.no_sectors": {
        "es": "El proyecto no tiene sectores. Importe o genere los sectores antes de planificar.",
        "en": "The project has no sectors. Import or generate sectors before planning.",
    },
    "plan.no_jurisdiction": {
        "es": "El proyecto no tiene jurisdicción. Impórtela, dibújela o elíjala entre los distritos en "
              "Análisis → Sectores y jurisdicción….",
        "en": "The project has no jurisdiction. Import it, draw it or choose it among the districts under "
              "Analysis → Sectors and jurisdiction….",
    },
    "plan.station_exceeds_units": {
        "es": "En el turno {shift} se dejan {kept} unidades en la comisaría («at_station»), pero ese turno solo "
              "tiene {available}. Baje «at_station» o agregue unidades al turno.",
        "en": "The {shift} shift keeps {kept} units at the station (“at_station”), but that shift only has "
              "{available}. Lower “at_station” or add units to the shift.",
    },
    "plan.units_file_missing": {
        "es": "No se encontró el archivo de unidades «{path}». Revise la ruta y el nombre del archivo.",
        "en": "The units file “{path}” was not found. Check the path and the file name.",
    },
    "plan.units_file_unreadable": {
        "es": "No se pudo leer el archivo de unidades «{path}» ({reason}).",
        "en": "The units file “{path}” could not be read ({reason}).",
    },
    "plan.units_file_encoding": {
        "es": "El archivo de unidades «{path}» no está en UTF-8. Guárdelo como UTF-8 (en el Bloc de notas: "
              "Guardar como → Codificación UTF-8).",
        "en": "The units file “{path}” is not UTF-8. Save it as UTF-8 (in Notepad: Save as → Encoding UTF-8).",
    },
    "plan.units_file_bad_json": {
        "es": "El archivo de unidades «{path}» no es JSON válido: hay un error en la línea {line}, columna "
              "{column} (revise comas, comillas y llaves; no debe haber una coma antes de «}}»).",
        "en": "The units file “{path}” is not valid JSON: there is a mistake at line {line}, column {column} "
              "(check commas, quotes and braces; there must be no comma before “}}”).",
    },
    "plan.units_not_object": {
        "es": "El archivo de unidades debe ser un objeto JSON, por ejemplo "
              '{{"per_shift": {{"noche": {{"patrullero": 6, "serenazgo": 4}}}}}}.',
        "en": "The units file must be a JSON object, for example "
              '{{"per_shift": {{"noche": {{"patrullero": 6, "serenazgo": 4}}}}}}.',
    },
    "plan.units_not_mapping": {
        "es": "En el archivo de unidades, «{field}» debe ser un objeto entre llaves {{…}}.",
        "en": "In the units file, “{field}” must be an object in braces {{…}}.",
    },
    "plan.units_missing_per_shift": {
        "es": "Al archivo de unidades le falta «per_shift», las unidades de cada turno, por ejemplo "
              '{{"per_shift": {{"manana": {{"patrullero": 3}}, "tarde": {{"patrullero": 4}}, '
              '"noche": {{"patrullero": 6}}}}}}.',
        "en": "The units file lacks “per_shift”, the units of each shift, for example "
              '{{"per_shift": {{"manana": {{"patrullero": 3}}, "tarde": {{"patrullero": 4}}, '
              '"noche": {{"patrullero": 6}}}}}}.',
    },
    "plan.units_unknown_key": {
        "es": "El archivo de unidades tiene una clave desconocida: «{key}». Claves válidas: {valid}.",
        "en": "The units file has an unknown key: “{key}”. Valid keys: {valid}.",
    },
    "plan.units_unknown_key_hint": {
        "es": "El archivo de unidades tiene una clave desconocida: «{key}». ¿Quiso decir «{hint}»? Claves válidas: {valid}.",
        "en": "The units file has an unknown key: “{key}”. Did you mean “{hint}”? Valid keys: {valid}.",
    },
    "plan.units_unknown_shift": {
        "es": "El archivo de unidades menciona el turno «{key}», que esta comisaría no tiene. "
              "Turnos válidos: {valid}.",
        "en": "The units file names the shift “{key}”, which this station does not have. "
              "Valid shifts: {valid}.",
    },
    "plan.units_unknown_shift_hint": {
        "es": "El archivo de unidades menciona el turno «{key}», que esta comisaría no tiene. ¿Quiso decir «{hint}»? "
              "Turnos válidos: {valid}.",
        "en": "The units file names the shift “{key}”, which this station does not have. Did you mean “{hint}”? "
              "Valid shifts: {valid}.",
    },
    "plan.no_units": {
        "es": "El archivo de unidades no tiene ninguna unidad en ningún turno, así que no hay plan que hacer. "
              "Indique cuántas unidades tiene cada turno, por ejemplo "
              '{{"per_shift": {{"noche": {{"patrullero": 6, "serenazgo": 4}}}}}}.',
        "en": "The units file has no unit in any shift, so there is no plan to make. Say how many units each "
              'shift has, for example {{"per_shift": {{"noche": {{"patrullero": 6, "serenazgo": 4}}}}}}.',
    },
    "plan.bad_count": {
        "es": "En el archivo de unidades, «{field}» debe ser un número entero de 0 o más; se leyó «{value}».",
        "en": "In the units file, “{field}” must be a whole number of 0 or more; it reads “{value}”.",
    },
    "plan.bad_cap": {
        "es": "En el archivo de unidades, «cap_per_sector» (tope de unidades por sector) debe ser al menos 1; "
              "se leyó «{value}», con lo que ninguna unidad podría salir a un sector. Para no poner tope, "
              "quite «cap_per_sector».",
        "en": "In the units file, “cap_per_sector” (most units per sector) must be at least 1; it reads "
              "“{value}”, which would keep every unit out of the sectors. For no cap, leave “cap_per_sector” out.",
    },
    "plan.bad_proactive_share": {
        "es": "En el archivo de unidades, «proactive_share» (parte del turno para patrullaje preventivo) debe "
              "estar entre 0 y 1, por ejemplo 0.4 para el 40 %; se leyó «{value}».",
        "en": "In the units file, “proactive_share” (share of the shift for proactive patrol) must be between "
              "0 and 1, for example 0.4 for 40 %; it reads “{value}”.",
    },
    "plan.period_too_long": {
        "es": "El periodo del plan tiene {days} días; un plan cubre como máximo {max} días (una semana o un mes). "
              "Haga un plan por semana.",
        "en": "The plan period has {days} days; a plan covers at most {max} days (a week or a month). "
              "Make one plan per week.",
    },
    "plan.bad_date": {
        "es": "«{text}» no es una fecha. Escríbala como dd/mm/aaaa (16/11/2026) o aaaa-mm-dd (2026-11-16).",
        "en": "“{text}” is not a date. Write it as dd/mm/yyyy (16/11/2026) or yyyy-mm-dd (2026-11-16).",
    },
    # --- warnings a plan carries ------------------------------------------------------------------
    "plan.warn.heading": {"es": "Avisos", "en": "Warnings"},
    "plan.warn.no_recent_incidents": {
        "es": "No hay denuncias en las {weeks} semanas anteriores al {start}: el riesgo es cero en todos los "
              "sectores, las unidades se reparten por igual y no hay puntos críticos que visitar. Revise que "
              "las fechas del plan sigan a los datos importados.",
        "en": "There are no incidents in the {weeks} weeks before {start}: risk is zero in every sector, units "
              "are shared evenly and there are no critical points to visit. Check that the plan's dates follow "
              "the imported data.",
    },
    "plan.out_is_file": {
        "es": "No se puede escribir el plan en la carpeta «{path}»: ya existe un archivo con ese nombre. "
              "Elija una carpeta.",
        "en": "The plan cannot be written to the folder “{path}”: a file of that name already exists. "
              "Choose a folder.",
    },
    "plan.out_under_file": {
        "es": "No se puede escribir el plan en la carpeta «{path}»: «{blocker}» es un archivo, no una carpeta. "
              "Elija otra carpeta.",
        "en": "The plan cannot be written to the folder “{path}”: “{blocker}” is a file, not a folder. "
              "Choose another folder.",
    },
    "plan.out_no_permission": {
        "es": "No se puede escribir el plan en la carpeta «{path}»: no hay permiso de escritura en «{folder}». "
              "Elija otra carpeta.",
        "en": "The plan cannot be written to the folder “{path}”: there is no permission to write in “{folder}”. "
              "Choose another folder.",
    },
    "plan.out_failed": {
        "es": "No se puede escribir el plan en la carpeta «{path}» ({detail}). Elija otra carpeta.",
        "en": "The plan cannot be written to the folder “{path}” ({detail}). Choose another folder.",
    },
    "plan.warn.points_outside": {
        "es": {"one": "1 punto crítico queda fuera de todos los sectores y no forma parte del plan "
                      "(ninguna unidad lo visita): {points}. Páselo a la comisaría vecina o corrija los sectores.",
               "other": "{count} puntos críticos quedan fuera de todos los sectores y no forman parte del plan "
                        "(ninguna unidad los visita): {points}. Páselos a la comisaría vecina o corrija los "
                        "sectores."},
        "en": {"one": "1 critical point lies outside every sector and is not part of the plan (no unit visits "
                      "it): {points}. Pass it to the neighbouring station or fix the sectors.",
               "other": "{count} critical points lie outside every sector and are not part of the plan (no unit "
                        "visits them): {points}. Pass them to the neighbouring station or fix the sectors."},
    },
    "plan.warn.shift_without_units": {
        "es": "El turno {shift} no tiene unidades en el archivo de unidades: sus páginas quedan sin asignaciones.",
        "en": "The {shift} shift has no units in the units file: its pages have no assignments.",
    },
    "plan.warn.cap_leaves_units": {
        "es": "Con un tope de {cap} unidades por sector y {sectors} sectores, {kept} unidad(es) del turno {shift} "
              "quedan en la comisaría cada día.",
        "en": "With a cap of {cap} units per sector and {sectors} sectors, {kept} unit(s) of the {shift} shift "
              "stay at the station every day.",
    },
    # --- why a unit goes where it goes ------------------------------------------------------------
    "plan.reason.share": {
        "es": "{sector}, {shift}: {share} % del riesgo de este turno en las últimas {weeks} semanas",
        "en": "{sector}, {shift}: {share} % of this shift's risk in the last {weeks} weeks",
    },
    "plan.reason.no_risk": {
        "es": "{sector}, {shift}: sin denuncias en las últimas {weeks} semanas; reparto parejo entre sectores",
        "en": "{sector}, {shift}: no incidents in the last {weeks} weeks; shared evenly among sectors",
    },
    "plan.reason.station": {
        "es": "{shift}: retén en la comisaría",
        "en": "{shift}: reserve at the station",
    },
    "plan.reason.locked": {"es": " (fijado por el comisario)", "en": " (locked by the commander)"},
}

# Wording of the plan's documents (PDF, route cards, HTML, CSV/XLSX, GeoJSON, KML, GPX): key -> (es, en).
_TEXT = {
    "col_date": ("Fecha", "Date"), "col_shift": ("Turno", "Shift"), "col_unit": ("Unidad", "Unit"),
    "col_type": ("Tipo", "Type"), "col_sector": ("Sector", "Sector"), "col_locked": ("Fijado", "Locked"),
    "col_reason": ("Motivo", "Reason"), "col_point": ("Punto crítico", "Critical point"),
    "col_street": ("Calle", "Street"), "col_start": ("Inicio", "Start"), "col_end": ("Fin", "End"),
    "col_minutes": ("Minutos", "Minutes"), "col_risk": ("Riesgo {shift} (%)", "Risk {shift} (%)"),
    "col_unit_shifts": ("Unidades-turno en el periodo", "Unit-shifts in the period"),
    "col_points": ("Puntos críticos", "Critical points"), "col_code": ("Código", "Code"),
    "col_incidents": ("Incidentes", "Incidents"), "col_weight": ("Peso", "Weight"),
    "col_crimes": ("Delitos principales", "Main crimes"), "col_peak": ("Horas pico", "Peak hours"),
    "col_lat": ("Latitud", "Latitude"), "col_lon": ("Longitud", "Longitude"),
    "table_assignments": ("Asignaciones", "Assignments"), "table_visits": ("Visitas", "Visits"),
    "table_sectors": ("Sectores", "Sectors"), "table_points": ("Puntos críticos", "Critical points"),
    "station_reserve": ("Comisaría (retén)", "Station (reserve)"), "station": ("Comisaría", "Station"),
    "yes": ("sí", "yes"), "no": ("no", "no"),
    "outside": ("Fuera de los sectores: sin patrullaje", "Outside the sectors: not patrolled"),
    "title": ("Plan de patrullaje", "Patrol plan"),
    "title_station": ("Plan de patrullaje — {station}", "Patrol plan — {station}"),
    "title_period": ("Plan de patrullaje {start}–{end}", "Patrol plan {start}–{end}"),
    "version": ("versión {version}", "version {version}"),
    "version_by": ("versión {version}, elaborado por {author}", "version {version}, made by {author}"),
    "cover_subtitle": ("Del {start} al {end} · {version} · generado {created}",
                       "From {start} to {end} · {version} · made {created}"),
    "page_subtitle": ("{station} · plan del {start} al {end}", "{station} · plan from {start} to {end}"),
    "col_hours": ("Horario", "Hours"), "col_units_per_day": ("Unidades por día", "Units per day"),
    "col_at_station": ("En comisaría", "At the station"),
    "col_visits_period": ("Visitas a puntos críticos (periodo)", "Critical point visits (period)"),
    "col_visits": ("Visitas a puntos críticos", "Critical point visits"),
    "col_point_short": ("Punto", "Point"), "col_time": ("Hora", "Time"),
    "continued": ("{title} (continuación)", "{title} (continued)"),
    "note": ("Riesgo: denuncias ponderadas por gravedad y recencia de las últimas {weeks} semanas, repartidas "
             "por hora (método aorístico). Visitas de {vmin}-{vmax} min, repetidas al menos cada {gap} min, en "
             "orden aleatorio, con tiempo para llegar de un punto a otro; {pro:.0f} % del turno para patrullaje "
             "preventivo (visitas y traslados), el resto para atender llamadas. Los mapas muestran delitos "
             "denunciados, no todos los delitos.",
             "Risk: incidents weighted by severity and recency over the last {weeks} weeks, spread over the "
             "hours (aoristic method). Visits of {vmin}-{vmax} min, repeated at least every {gap} min in random "
             "order, with time to get from one point to the next; {pro:.0f} % of the shift for proactive patrol "
             "(visits and trips), the rest for calls for service. The maps show reported crime, not all crime."),
    "chart_caption": ("Cuándo ocurren (últimas semanas, aorístico; más oscuro = más incidentes); horas de "
                      "este turno marcadas",
                      "When incidents happen (last weeks, aoristic; darker = more incidents); this shift's "
                      "hours outlined"),
    "chart_title": ("Cuándo ocurren (últimas semanas, aorístico)", "When incidents happen (last weeks, aoristic)"),
    "credit": ("Calles: © OpenStreetMap contributors (ODbL). Elaborado con StationMap.",
               "Streets: © OpenStreetMap contributors (ODbL). Made with StationMap."),
    "credit_files": ("Sectores y puntos críticos: StationMap. Calles: © OpenStreetMap contributors (ODbL).",
                     "Sectors and critical points: StationMap. Streets: © OpenStreetMap contributors (ODbL)."),
    "credit_points": ("Puntos críticos: StationMap. Calles: © OpenStreetMap contributors (ODbL).",
                      "Critical points: StationMap. Streets: © OpenStreetMap contributors (ODbL)."),
    "synthetic": ("Incidentes SINTÉTICOS (estación de ejemplo).", "SYNTHETIC incidents (sample station)."),
    "page": ("Página {page}", "Page {page}"),
    "route_cards": ("Tarjetas de ruta", "Route cards"),
    "route_shift": ("{day} · Turno {shift} {hours} · {station}", "{day} · {shift} shift {hours} · {station}"),
    "route_no_visits": ("Patrullaje del sector y atención de llamadas", "Sector patrol and calls for service"),
    "route_advice": ("Permanezca 10-15 min en cada punto; varíe el recorrido.",
                     "Stay 10-15 min at each point; vary the route."),
    "points_summary": ("{street} — {incidents} incidentes; horas pico {peak}",
                       "{street} — {incidents} incidents; peak hours {peak}"),
    "points_summary_crimes": ("{street} — {incidents} incidentes; {crimes}; horas pico {peak}",
                              "{street} — {incidents} incidents; {crimes}; peak hours {peak}"),
    "gpx_name": ("Puntos críticos {start}", "Critical points {start}"),
    "gpx_desc": ("{sector}; horas pico {peak}", "{sector}; peak hours {peak}"),
    "html_subtitle": ("{station} · del {start} al {end} · versión {version}",
                      "{station} · from {start} to {end} · version {version}"),
    "html_made": ("generado {created}", "made {created}"),
    "html_synthetic": ("Incidentes sintéticos", "Synthetic incidents"),
    "html_sample": ("(estación de ejemplo).", "(sample station)."),
    "rows": ("{count} filas", "{count} rows"),
}

# Unit kinds: a label, and the singular/plural used after a count ("3 patrulleros", "1 patrol car").
_KINDS = {
    "patrullero": (("Patrullero", "patrullero", "patrulleros"), ("Patrol car", "patrol car", "patrol cars")),
    "integrado": (("Patrullaje integrado", "patrullaje integrado", "patrullajes integrados"),
                  ("Joint patrol", "joint patrol", "joint patrols")),
    "motorizado": (("Motorizado", "motorizado", "motorizados"),
                   ("Motorcycle unit", "motorcycle unit", "motorcycle units")),
    "serenazgo": (("Serenazgo", "serenazgo", "serenazgos"),
                  ("Serenazgo unit", "serenazgo unit", "serenazgo units")),
    "a_pie": (("A pie", "patrulla a pie", "patrullas a pie"), ("Foot patrol", "foot patrol", "foot patrols")),
}

MESSAGES.update({f"plan.text.{key}": {"es": es, "en": en} for key, (es, en) in _TEXT.items()})
for _kind, (_es, _en) in _KINDS.items():
    MESSAGES[f"plan.kind.{_kind}"] = {"es": _es[0], "en": _en[0]}
    MESSAGES[f"plan.kind.{_kind}.one"] = {"es": _es[1], "en": _en[1]}
    MESSAGES[f"plan.kind.{_kind}.other"] = {"es": _es[2], "en": _en[2]}
