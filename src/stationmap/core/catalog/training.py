"""Messages of the training kit (Modo capacitación)."""

MESSAGES = {
    "training.content_unreadable": {
        "es": "No se pudieron leer los ejercicios de capacitación ({path}): {detail}",
        "en": "The training exercises could not be read ({path}): {detail}",
    },
}
