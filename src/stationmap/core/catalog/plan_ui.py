"""Messages about saved patrol plans and the plan editor."""

MESSAGES = {
    "plan_ui.bad_saved_plan": {
        "es": "El plan guardado en el proyecto está dañado o es de una versión más nueva de StationMap ({detail}).",
        "en": "The plan saved in the project is damaged or comes from a newer StationMap version ({detail}).",
    },
    "plan_ui.saved_plan_missing": {
        "es": "El proyecto ya no tiene el plan guardado «{name}».",
        "en": "The project no longer holds the saved plan “{name}”.",
    },
    "plan_ui.no_previous_plan": {
        "es": "No hay un plan guardado de una semana anterior al {start} para comparar.",
        "en": "There is no saved plan of a week before {start} to compare with.",
    },
    "plan_ui.no_incidents": {
        "es": "El proyecto no tiene incidentes: importe datos antes de generar un plan de patrullaje.",
        "en": "The project has no incidents: import data before generating a patrol plan.",
    },
}
