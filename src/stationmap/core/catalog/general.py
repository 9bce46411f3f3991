"""Messages shared by every part of the application."""

MESSAGES = {
    # Exported files opened with the computer's own program (ui.system_open), when it has none.
    "system.no_program": {
        "es": "Esta computadora no tiene un programa para abrir «{name}». El archivo está guardado en {folder}: "
              "puede copiarlo y abrirlo en otra computadora.",
        "en": "This computer has no program to open '{name}'. The file is saved in {folder}: "
              "you can copy it and open it on another computer.",
    },
    "system.no_folder_program": {
        "es": "Esta computadora no tiene un programa para mostrar carpetas. Los archivos están en {path}.",
        "en": "This computer has no program to show folders. The files are in {path}.",
    },
    "error.unknown": {
        "es": "Ocurrió un error inesperado. El detalle quedó en el archivo de registro.",
        "en": "An unexpected error occurred. The details were written to the log file.",
    },
    # Why the system refused a file, said inside a longer message ("No se pudo escribir «x»: {reason}").
    "os_reason.read_only": {
        "es": "el disco o la carpeta es de solo lectura",
        "en": "the disk or folder is read-only",
    },
    "os_reason.no_permission": {
        "es": "no hay permiso para escribir ahí (o el archivo está abierto en otro programa)",
        "en": "there is no permission to write there (or the file is open in another program)",
    },
    "os_reason.disk_full": {
        "es": "no queda espacio en el disco",
        "en": "the disk is full",
    },
    "os_reason.io_error": {
        "es": "el disco no respondió (¿se retiró la memoria USB?)",
        "en": "the disk did not respond (was the USB stick pulled out?)",
    },
    "os_reason.path_too_long": {
        "es": "la ruta es demasiado larga",
        "en": "the path is too long",
    },
    "os_reason.not_found": {
        "es": "la carpeta no existe",
        "en": "the folder does not exist",
    },
    "os_reason.busy": {
        "es": "otro programa lo está usando",
        "en": "another program is using it",
    },
    "task.cancelled": {
        "es": "Operación cancelada. No se guardó ningún cambio.",
        "en": "Operation cancelled. No change was saved.",
    },
}
