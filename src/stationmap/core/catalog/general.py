"""Messages shared by every part of the application."""

MESSAGES = {
    "error.unknown": {
        "es": "Ocurrió un error inesperado. El detalle quedó en el archivo de registro.",
        "en": "An unexpected error occurred. The details were written to the log file.",
    },
    "task.cancelled": {
        "es": "Operación cancelada. No se guardó ningún cambio.",
        "en": "Operation cancelled. No change was saved.",
    },
}
