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
        "es": "El proyecto «{path}» está dañado y no se puede abrir. Use una copia de respaldo.",
        "en": "The project “{path}” is damaged and cannot be opened. Use a backup copy.",
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
    "project.read_only": {
        "es": "No se puede guardar en el proyecto «{path}»: el archivo o su carpeta es de solo lectura "
              "(memoria USB protegida contra escritura o sin permiso). No se guardó nada y el proyecto quedó "
              "como estaba. Quite la protección o copie el proyecto a una carpeta del computador.",
        "en": "The project “{path}” cannot be saved to: the file or its folder is read-only "
              "(a write-protected USB stick, or no permission). Nothing was saved and the project is as it was. "
              "Remove the protection or copy the project to a folder on the computer.",
    },
    "project.disk_full": {
        "es": "No queda espacio en el disco del proyecto «{path}». No se guardó nada y el proyecto quedó "
              "como estaba. Libere espacio o copie el proyecto a otro disco.",
        "en": "The disk of the project “{path}” is full. Nothing was saved and the project is as it was. "
              "Free some space or copy the project to another disk.",
    },
    "project.io_error": {
        "es": "No se pudo leer o escribir el proyecto «{path}»: el disco no respondió (¿se retiró la memoria "
              "USB?). Lo que estaba a medio guardar no cuenta: se deshace al abrir el proyecto de nuevo. "
              "Vuelva a conectar el disco y abra el proyecto otra vez.",
        "en": "The project “{path}” could not be read or written: the disk did not respond (was the USB stick "
              "pulled out?). Anything half-saved does not count: it is undone when the project is opened again. "
              "Reconnect the disk and open the project again.",
    },
    "project.path_too_long": {
        "es": "La ruta del proyecto «{path}» es demasiado larga. Use un nombre más corto o una carpeta "
              "más cercana a la raíz del disco.",
        "en": "The path of the project “{path}” is too long. Use a shorter name or a folder closer to "
              "the top of the disk.",
    },
    "project.folder_missing": {
        "es": "No se puede crear el proyecto «{path}»: la carpeta «{folder}» no existe.",
        "en": "The project “{path}” cannot be created: the folder “{folder}” does not exist.",
    },
    "project.read_only_unfinished_save": {
        "es": "El proyecto «{path}» quedó con un guardado a medias (por ejemplo, se retiró la memoria USB) y "
              "StationMap debe deshacerlo antes de abrirlo, lo que requiere escribir; pero el archivo o su "
              "carpeta es de solo lectura. El proyecto no está dañado: quite la protección contra escritura "
              "y ábralo de nuevo.",
        "en": "The project “{path}” was left with a half-finished save (for example, the USB stick was pulled "
              "out) and StationMap must undo it before opening, which needs writing; but the file or its folder "
              "is read-only. The project is not damaged: remove the write protection and open it again.",
    },
    "project.gone": {
        "es": "El archivo del proyecto «{path}» ya no está ahí (¿se movió, se borró o se retiró la memoria "
              "USB?). No se importó nada. Abra el proyecto de nuevo desde donde esté ahora.",
        "en": "The project file “{path}” is no longer there (was it moved, deleted, or the USB stick "
              "pulled out?). Nothing was imported. Open the project again from where it is now.",
    },
    "project.needs_upgrade_read_only": {
        "es": "El proyecto «{path}» fue creado por una versión anterior de StationMap y hay que actualizarlo "
              "para abrirlo, lo que requiere escribir en él; pero el archivo o su carpeta es de solo lectura. "
              "Copie el proyecto a una carpeta del computador y ábralo desde allí.",
        "en": "The project “{path}” was made by an earlier version of StationMap and must be updated to be "
              "opened, which needs writing to it; but the file or its folder is read-only. "
              "Copy the project to a folder on the computer and open it from there.",
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
