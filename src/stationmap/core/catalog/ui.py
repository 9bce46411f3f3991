"""Messages of the application shell (main window, import dialogs)."""

MESSAGES = {
    "ui.export_failed": {
        "es": "No se pudo escribir «{path}»: {reason}. Elija otra carpeta o cierre el archivo si "
              "está abierto en Excel.",
        "en": "Could not write “{path}”: {reason}. Choose another folder, or close the file if it "
              "is open in Excel.",
    },
}
