"""Messages of the training kit (Modo capacitación): errors, and the hints an exercise box shows
when the trainee's attempt is not yet the exercise (ui.training.checks)."""

MESSAGES = {
    "training.content_unreadable": {
        "es": "No se pudieron leer los ejercicios de capacitación ({path}): {detail}",
        "en": "The training exercises could not be read ({path}): {detail}",
    },
    "training.guide_missing": {
        "es": "No se encontró la guía del instructor ({path}). Vuelva a instalar StationMap.",
        "en": "The trainer's guide was not found ({path}). Install StationMap again.",
    },
    "training.guide_not_opened": {
        "es": "No se pudo abrir la guía del instructor: esta computadora no tiene un programa para leer PDF. "
              "La guía está en {path}; puede copiarla o imprimirla desde otra computadora.",
        "en": "The trainer's guide could not be opened: this computer has no program to read PDF files. "
              "The guide is at {path}; copy it or print it from another computer.",
    },
    "training.hint.night_friday_only": {
        "es": "La selección cubre solo la noche del viernes: falta la del sábado (arrastre hasta el domingo 01 h).",
        "en": "The selection covers only Friday night: Saturday night is missing (drag down to Sunday 01h).",
    },
    "training.hint.night_saturday_only": {
        "es": "La selección cubre solo la noche del sábado: falta la del viernes (empiece en el viernes 22 h).",
        "en": "The selection covers only Saturday night: Friday night is missing (start at Friday 22h).",
    },
    "training.hint.night_no_weekend_evening": {
        "es": "La selección no incluye las 22 ni las 23 h del viernes ni del sábado: arrastre desde el "
              "viernes 22 h hasta el domingo 01 h.",
        "en": "The selection includes neither 22h nor 23h of Friday or Saturday: drag from Friday 22h "
              "down to Sunday 01h.",
    },
    "training.hint.night_day_hours": {
        "es": "Incluye horas que no son de noche ({hours}): deje solo de 22:00 a 05:59.",
        "en": "It includes hours that are not night ({hours}): keep only 22:00 to 05:59.",
    },
    "training.hint.plan_week": {
        "es": "El plan guardado es del {saved}; el ejercicio pide la semana siguiente al último dato: {wanted}.",
        "en": "The saved plan is for {saved}; the exercise asks for the week after the last data: {wanted}.",
    },
    "training.hint.plan_units": {
        "es": "El plan del {week}, versión {version}, tiene {units}. El ejercicio pide {cars} patrulleros y "
              "{serenazgo} unidades de serenazgo en cada turno: póngalos en la pestaña «Recursos», genere "
              "el plan otra vez y guárdelo.",
        "en": "The plan for {week}, version {version}, has {units}. The exercise asks for {cars} patrol cars "
              "and {serenazgo} serenazgo units in every shift: enter them on the \"Resources\" tab, generate "
              "the plan again and save it.",
    },
    "training.hint.no_units": {"es": "ninguna unidad", "en": "no units"},
    "training.hint.pdf_other": {
        "es": "«{file}» no es el PDF para la lista: exporte el plan con Patrullaje → Exportar plan… "
              "(escribe {pdf}).",
        "en": "\"{file}\" is not the roll-call PDF: export the plan with Patrol → Export plan… (it writes {pdf}).",
    },
}
