"""Messages of the analyst's tools in the window (weekly brief dialog, category editor)."""

MESSAGES = {
    "brief_ui.cannot_write_folder": {
        "es": "No se puede escribir el informe en la carpeta «{path}»: {detail}. Elija otra carpeta.",
        "en": "The brief cannot be written to the folder “{path}”: {detail}. Choose another folder.",
    },
}
