"""Messages of the command line: the import summary, the plan and brief commands, --help and argparse's
own words.

Figures other than {count} reach these messages already written by cli.py as the window writes them
(numbers.count_text, "13,220"); {count} is written so by messages.render itself."""

MESSAGES = {
    # `stationmap import` and `stationmap sample`: the summary printed after an import (cli._print_summary).
    # The headline is made of one plural phrase per figure, so that each says "1 fila leída" when it is 1.
    "commands.import_summary": {
        "es": "{rows_read}: {imported}, {duplicates}, {rejected}.",
        "en": "{rows_read}: {imported}, {duplicates}, {rejected}.",
    },
    "commands.import_rows_read": {
        "es": {"one": "1 fila leída", "other": "{count} filas leídas"},
        "en": {"one": "1 row read", "other": "{count} rows read"},
    },
    "commands.import_imported": {
        "es": {"one": "1 importada", "other": "{count} importadas"},
        "en": {"one": "1 imported", "other": "{count} imported"},
    },
    "commands.import_duplicates": {
        "es": {"one": "1 duplicada", "other": "{count} duplicadas"},
        "en": {"one": "1 duplicate", "other": "{count} duplicates"},
    },
    "commands.import_rejected": {
        "es": {"one": "1 rechazada", "other": "{count} rechazadas"},
        "en": {"one": "1 rejected", "other": "{count} rejected"},
    },
    # One line per file: imported of rows read, and what the file held (the window's "Tipo" column).
    "commands.import_file": {
        "es": "  {file}: {imported} / {rows_read} ({kind})",
        "en": "  {file}: {imported} / {rows_read} ({kind})",
    },
    "commands.kind.incidents": {"es": "incidentes", "en": "incidents"},
    "commands.kind.aggregated": {"es": "conteos agregados", "en": "aggregated counts"},
    "commands.summary_more_rejections": {
        "es": {"one": "  …y 1 rechazo más; detalle en --report.",
               "other": "  …y {count} rechazos más; detalle en --report."},
        "en": {"one": "  …and 1 more rejection; details with --report.",
               "other": "  …and {count} more rejections; details with --report."},
    },
    "commands.summary_more_rejections_in": {
        "es": {"one": "  …y 1 rechazo más; detalle en {path}.",
               "other": "  …y {count} rechazos más; detalle en {path}."},
        "en": {"one": "  …and 1 more rejection; details in {path}.",
               "other": "  …and {count} more rejections; details in {path}."},
    },
    "commands.summary_more_warnings": {
        "es": {"one": "  …y 1 advertencia más; detalle en --report.",
               "other": "  …y {count} advertencias más; detalle en --report."},
        "en": {"one": "  …and 1 more warning; details with --report.",
               "other": "  …and {count} more warnings; details with --report."},
    },
    "commands.summary_more_warnings_in": {
        "es": {"one": "  …y 1 advertencia más; detalle en {path}.",
               "other": "  …y {count} advertencias más; detalle en {path}."},
        "en": {"one": "  …and 1 more warning; details in {path}.",
               "other": "  …and {count} more warnings; details in {path}."},
    },
    "commands.sectors_generated": {
        "es": {"one": "El proyecto no tenía sectores: se creó 1 sector y se guardó en él.",
               "other": "El proyecto no tenía sectores: se crearon {count} sectores de carga similar y se "
                        "guardaron en él."},
        "en": {"one": "The project had no sectors: 1 sector was made and saved in it.",
               "other": "The project had no sectors: {count} sectors of similar workload were made and saved in it."},
    },
    "commands.sectors_generated_not_kept": {
        "es": {"one": "El proyecto no tenía sectores: se creó 1 sector para este plan; "
                      "no se guardó en él porque no se puede escribir.",
               "other": "El proyecto no tenía sectores: se crearon {count} sectores de carga similar para este "
                        "plan; no se guardaron en él porque no se puede escribir."},
        "en": {"one": "The project had no sectors: 1 sector was made for this plan; "
                      "it was not saved in it because it cannot be written.",
               "other": "The project had no sectors: {count} sectors of similar workload were made for this plan; "
                        "they were not saved in it because it cannot be written."},
    },
    # {count}: the critical points; {files}: how many files (always several).
    "commands.plan_written": {
        "es": {"one": "Plan escrito: {files} archivos en {out} (1 punto crítico).",
               "other": "Plan escrito: {files} archivos en {out} ({count} puntos críticos)."},
        "en": {"one": "Plan written: {files} files in {out} (1 critical point).",
               "other": "Plan written: {files} files in {out} ({count} critical points)."},
    },
    "commands.brief_written": {
        "es": "Informe escrito: {files} archivos en {out}.",
        "en": "Brief written: {files} files in {out}.",
    },
    # `stationmap --help` in the language asked for (--lang), argparse's own words included (cli._Parser):
    # one language per screen, never the two halves side by side.
    "commands.help_usage": {"es": "uso: ", "en": "usage: "},
    "commands.help_positionals": {"es": "argumentos", "en": "arguments"},
    "commands.help_options": {"es": "opciones", "en": "options"},
    "commands.help_help": {"es": "mostrar esta ayuda y salir", "en": "show this help and exit"},
    "commands.help_version": {"es": "mostrar la versión y salir", "en": "show the version and exit"},
    "commands.help_description": {
        "es": "StationMap: mapa del delito y plan de patrullaje sin conexión.",
        "en": "StationMap: offline crime mapping and patrol planning.",
    },
    "commands.help_log": {
        "es": "Los detalles de un error inesperado quedan en el archivo de registro:\n  {path}",
        "en": "The details of an unexpected error go to the log file:\n  {path}",
    },
    "commands.help_portable": {
        "es": "Modo portátil: configuración, registro y copias de capacitación en\n  {folder}",
        "en": "Portable mode: settings, log and training copies in\n  {folder}",
    },
    "commands.help_lang": {"es": "idioma de los mensajes: es (español, por defecto) o en",
                           "en": "message language: es (Spanish, the default) or en"},
    "commands.help_self_test": {"es": "comprobar esta instalación sin red",
                                "en": "check this installation offline"},
    "commands.help_commands": {"es": "orden a ejecutar (sin orden se abre la ventana)",
                               "en": "command to run (with none, the window opens)"},
    "commands.help_import": {"es": "importar archivos de incidentes", "en": "import incident files"},
    "commands.help_paths": {"es": "archivos o carpetas", "en": "files or folders"},
    "commands.help_import_project": {"es": "proyecto .stationmap (se crea si falta)",
                                     "en": ".stationmap project (made if missing)"},
    "commands.help_mapping": {"es": "perfil de columnas", "en": "column mapping profile"},
    "commands.help_report": {"es": "guardar el informe JSON", "en": "write the JSON report"},
    "commands.help_sheet": {"es": "hoja de Excel", "en": "Excel sheet"},
    "commands.help_sample": {"es": "crear el proyecto de ejemplo", "en": "write the sample project"},
    "commands.help_sample_project": {"es": "proyecto a crear (nunca se sobrescribe)",
                                     "en": "project to make (never overwritten)"},
    "commands.help_plan": {"es": "plan de patrullaje y sus exportaciones", "en": "patrol plan and its exports"},
    "commands.help_project": {"es": "proyecto .stationmap", "en": ".stationmap project"},
    "commands.help_from": {"es": "primer día (dd/mm/aaaa o aaaa-mm-dd)", "en": "first day (dd/mm/yyyy or yyyy-mm-dd)"},
    "commands.help_to": {"es": "último día (dd/mm/aaaa o aaaa-mm-dd)", "en": "last day (dd/mm/yyyy or yyyy-mm-dd)"},
    "commands.help_units": {"es": "unidades por turno (JSON)", "en": "units per shift (JSON)"},
    "commands.help_sectors": {"es": "sectores a generar si el proyecto no tiene (6)",
                              "en": "sectors to make when the project has none (6)"},
    "commands.help_seed": {"es": "semilla del orden de visitas (0)", "en": "visit order seed (0)"},
    "commands.help_author": {"es": "quién elabora el plan", "en": "who makes the plan"},
    "commands.help_plan_out": {"es": "carpeta de los archivos del plan", "en": "folder for the plan's files"},
    "commands.help_brief": {"es": "informe semanal", "en": "weekly brief"},
    "commands.help_week": {"es": "semana ISO, p. ej. 2026-W47", "en": "ISO week, e.g. 2026-W47"},
    "commands.help_threshold": {"es": "cifra mínima en la versión comunitaria, 1 o más (3)",
                                "en": "smallest count in the community version, 1 or more (3)"},
    "commands.help_brief_out": {"es": "carpeta de los archivos del informe", "en": "folder for the brief's files"},
    "commands.help_gui": {"es": "abrir la ventana", "en": "open the window"},
    "commands.help_file": {"es": "proyecto a abrir", "en": "project to open"},
    "commands.help_open_sample": {"es": "abrir la estación de ejemplo", "en": "open the sample station"},
    # argparse's own complaints about a command line, in the user's language (cli._Parser.error).
    "commands.cli_error": {"es": "{prog}: error: {message}", "en": "{prog}: error: {message}"},
    "commands.cli_required": {"es": "faltan estos argumentos: {names}",
                              "en": "the following arguments are required: {names}"},
    "commands.cli_unrecognized": {"es": "argumentos no reconocidos: {names}",
                                  "en": "unrecognized arguments: {names}"},
    "commands.cli_invalid_choice": {"es": "argumento {name}: valor no válido: {value} (elija entre {choices})",
                                    "en": "argument {name}: invalid choice: {value} (choose from {choices})"},
    "commands.cli_expected_one": {"es": "argumento {name}: falta su valor",
                                  "en": "argument {name}: expected one argument"},
    "commands.cli_invalid_value": {"es": "argumento {name}: valor no válido: {value}",
                                   "en": "argument {name}: invalid value: {value}"},
}
