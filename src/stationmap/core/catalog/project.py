"""Messages of the project file, the import job and the command line."""

MESSAGES = {
    "project.not_found": {
        "es": "No se encontró el proyecto «{path}».",
        "en": "The project “{path}” was not found.",
    },
    "project.not_a_project": {
        "es": "«{path}» no es un proyecto de StationMap.",
        "en": "“{path}” is not a StationMap project.",
    },
    "project.damaged": {
        "es": "El proyecto «{path}» está dañado y no se puede abrir ({detail}). "
              "Use una copia de respaldo.",
        "en": "The project “{path}” is damaged and cannot be opened ({detail}). Use a backup copy.",
    },
    "project.too_new": {
        "es": "El proyecto «{path}» fue guardado por una versión más nueva de StationMap "
              "(formato {version}; esta versión lee hasta el formato {supported}). "
              "Actualice StationMap para abrirlo.",
        "en": "The project “{path}” was saved by a newer StationMap "
              "(format {version}; this version reads up to format {supported}). "
              "Update StationMap to open it.",
    },
    "project.unreadable": {
        "es": "No se puede leer el proyecto «{path}» ({detail}).",
        "en": "The project “{path}” cannot be read ({detail}).",
    },
    "project.busy": {
        "es": "Otro programa está usando el proyecto «{path}». Ciérrelo e inténtelo de nuevo.",
        "en": "Another program is using the project “{path}”. Close it and try again.",
    },
    "project.cannot_write": {
        "es": "No se puede escribir el proyecto «{path}» ({detail}).",
        "en": "The project “{path}” cannot be written ({detail}).",
    },
    "project.already_exists": {
        "es": "Ya existe un archivo en «{path}»; no se sobrescribe.",
        "en": "A file already exists at “{path}”; it is not overwritten.",
    },
    "project.mapping_file_bad": {
        "es": "No se puede leer el perfil de columnas «{path}» ({detail}).",
        "en": "The column profile “{path}” cannot be read ({detail}).",
    },
    "project.no_input_files": {
        "es": "No hay archivos que importar en {paths}.",
        "en": "There are no files to import in {paths}.",
    },
    "project.import_summary": {
        "es": "{rows_read} filas leídas: {imported} importadas, {duplicates} duplicadas, "
              "{rejected} rechazadas.",
        "en": "{rows_read} rows read: {imported} imported, {duplicates} duplicates, "
              "{rejected} rejected.",
    },
    "project.report_unwritable": {
        "es": "No se puede escribir el informe «{path}» ({detail}). No se importó nada; elija otra ruta para --report.",
        "en": "The report “{path}” cannot be written ({detail}). Nothing was imported; choose another --report path.",
    },
    "project.report_no_folder": {
        "es": "No se puede escribir el informe «{path}»: la carpeta «{folder}» no existe. "
              "No se importó nada; elija otra ruta para --report.",
        "en": "The report “{path}” cannot be written: the folder “{folder}” does not exist. "
              "Nothing was imported; choose another --report path.",
    },
    "project.summary_rejection": {
        "es": "  ✗ {file}, fila {row}: {message}",
        "en": "  ✗ {file}, row {row}: {message}",
    },
    "project.summary_rejection_plain": {
        "es": "  ✗ {file}: {message}",
        "en": "  ✗ {file}: {message}",
    },
    "project.summary_warning": {
        "es": "  ! {file}: {message}",
        "en": "  ! {file}: {message}",
    },
    "project.summary_more_rejections": {
        "es": "  …y {count} rechazos más; detalle en --report.",
        "en": "  …and {count} more rejections; details with --report.",
    },
    "project.summary_more_rejections_in": {
        "es": "  …y {count} rechazos más; detalle en {path}.",
        "en": "  …and {count} more rejections; details in {path}.",
    },
    "project.summary_more_warnings": {
        "es": "  …y {count} advertencias más; detalle en --report.",
        "en": "  …and {count} more warnings; details with --report.",
    },
    "project.summary_more_warnings_in": {
        "es": "  …y {count} advertencias más; detalle en {path}.",
        "en": "  …and {count} more warnings; details in {path}.",
    },
    "project.report_written": {
        "es": "Informe guardado en {path}.",
        "en": "Report written to {path}.",
    },
    "project.unexpected": {
        "es": "Error inesperado ({error}). El detalle quedó en {log}.",
        "en": "Unexpected error ({error}). The details are in {log}.",
    },
    "project.sample_file_missing": {
        "es": "El archivo de ejemplo «{file}» no está disponible; se omitió.",
        "en": "The sample file “{file}” is not available; it was skipped.",
    },
    "project.sample_written": {
        "es": "Proyecto de ejemplo guardado en {path}.",
        "en": "Sample project written to {path}.",
    },
    "project.progress_reading": {
        "es": "Leyendo {file}…",
        "en": "Reading {file}…",
    },
    "project.progress_saving": {
        "es": "Guardando {file}: {done} de {total} filas…",
        "en": "Saving {file}: {done} of {total} rows…",
    },
    "project.progress_normalizing": {
        "es": "Interpretando {file}…",
        "en": "Interpreting {file}…",
    },
    "project.progress_committing": {
        "es": "Confirmando la importación…",
        "en": "Committing the import…",
    },
}
