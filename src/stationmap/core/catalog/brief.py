"""Messages of the weekly brief and data-quality report."""

MESSAGES = {
    "change.up": {
        "es": "{current} frente a {expected} habituales ({percent}): un aumento mayor que la variación normal.",
        "en": "{current} against a usual {expected} ({percent}): a rise beyond normal variation.",
    },
    "change.down": {
        "es": "{current} frente a {expected} habituales ({percent}): un descenso mayor que la variación normal.",
        "en": "{current} against a usual {expected} ({percent}): a fall beyond normal variation.",
    },
    "change.normal": {
        "es": "{current} frente a {expected} habituales: dentro de la variación normal.",
        "en": "{current} against a usual {expected}: within normal variation.",
    },
    "brief.bad_week": {
        "es": "«{week}» no es una semana ISO válida; escriba por ejemplo 2026-W47.",
        "en": "“{week}” is not a valid ISO week; write for example 2026-W47.",
    },
    # A week the data do not cover: its missing days would read as zero crime, a false "real fall".
    "brief.week_after_data": {
        "es": "No hay datos para la semana {week} (del {start} al {end}): los incidentes del proyecto llegan "
              "hasta el {last}. La última semana con datos completos es la {latest}.",
        "en": "There are no data for week {week} ({start} to {end}): the project's incidents end on {last}. "
              "The last week with complete data is {latest}.",
    },
    "brief.week_before_data": {
        "es": "No hay datos para la semana {week} (del {start} al {end}): los incidentes del proyecto empiezan "
              "el {first}. La primera semana con datos completos es la {earliest}.",
        "en": "There are no data for week {week} ({start} to {end}): the project's incidents begin on {first}. "
              "The first week with complete data is {earliest}.",
    },
    "brief.week_partial": {
        "es": "Los datos cubren la semana {week} (del {start} al {end}) solo en parte: los incidentes del proyecto "
              "van del {first} al {last}, y los días sin datos se leerían como un descenso. Elija una semana "
              "completa, entre {earliest} y {latest}.",
        "en": "The data cover week {week} ({start} to {end}) only in part: the project's incidents run from "
              "{first} to {last}, and the days without data would read as a fall. Choose a complete week, "
              "from {earliest} to {latest}.",
    },
    "brief.no_full_week": {
        "es": "Los incidentes del proyecto (del {first} al {last}) no cubren ninguna semana completa, de lunes "
              "a domingo: todavía no se puede hacer un informe semanal.",
        "en": "The project's incidents ({first} to {last}) do not cover any complete week, Monday to Sunday: "
              "a weekly brief cannot be made yet.",
    },
    "brief.no_dated_incidents": {
        "es": "El proyecto no tiene incidentes con fecha: el informe semanal necesita incidentes uno a uno, "
              "con su fecha.",
        "en": "The project has no dated incidents: the weekly brief needs incident-level data, each with its date.",
    },
    "brief.counts_only": {
        "es": "El informe semanal necesita incidentes uno a uno, con su fecha, y este proyecto solo tiene conteos "
              "agregados (por distrito y mes, como los de SIDPOL). Esos conteos se ven en la ventana, en "
              "Ver → Estadísticas agregadas.",
        "en": "The weekly brief needs incident-level data, each incident with its date, and this project only "
              "has aggregated counts (per district and month, like SIDPOL's). Those counts are shown in the "
              "window, under View → Aggregated statistics.",
    },
    "brief.bad_threshold": {
        "es": "El umbral de la versión comunitaria debe ser 1 o más (se indicó {threshold}): es la cifra más "
              "pequeña que el informe para la comunidad muestra tal cual.",
        "en": "The community version's threshold must be 1 or more (it was {threshold}): it is the smallest "
              "count the community report shows as it is.",
    },
    "brief.out_is_file": {
        "es": "No se puede escribir el informe en la carpeta «{path}»: ya existe un archivo con ese nombre. "
              "Elija una carpeta.",
        "en": "The brief cannot be written to the folder “{path}”: a file of that name already exists. "
              "Choose a folder.",
    },
    "brief.out_under_file": {
        "es": "No se puede escribir el informe en la carpeta «{path}»: «{blocker}» es un archivo, no una carpeta. "
              "Elija otra carpeta.",
        "en": "The brief cannot be written to the folder “{path}”: “{blocker}” is a file, not a folder. "
              "Choose another folder.",
    },
    "brief.out_no_permission": {
        "es": "No se puede escribir el informe en la carpeta «{path}»: no hay permiso de escritura en «{folder}». "
              "Elija otra carpeta.",
        "en": "The brief cannot be written to the folder “{path}”: there is no permission to write in “{folder}”. "
              "Choose another folder.",
    },
    "brief.out_failed": {
        "es": "No se puede escribir el informe en la carpeta «{path}» ({detail}). Elija otra carpeta.",
        "en": "The brief cannot be written to the folder “{path}” ({detail}). Choose another folder.",
    },
    "brief.provisional_sectors": {
        "es": "El proyecto no tiene sectores guardados: el informe usa {count} sectores provisionales de carga "
              "similar, calculados solo para él (el proyecto no se modificó).",
        "en": "The project has no saved sectors: the brief uses {count} provisional sectors of similar workload, "
              "made for it only (the project was not changed).",
    },
    "brief.progress.project": {"es": "Leyendo el proyecto…", "en": "Reading the project…"},
    "brief.progress.analysis": {"es": "Analizando la semana…", "en": "Analysing the week…"},
    "brief.progress.pdf": {"es": "Escribiendo los PDF…", "en": "Writing the PDFs…"},
    "brief.progress.html": {"es": "Escribiendo las páginas HTML…", "en": "Writing the HTML pages…"},
}
