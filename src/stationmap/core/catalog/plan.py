"""Messages about patrol plans."""

MESSAGES = {
    "plan.minimums_exceed_units": {
        "es": "Los mínimos por sector y las unidades fijadas suman {needed} unidades, pero solo hay {available} disponibles.",
        "en": "Sector minimums and locked units add up to {needed} units, but only {available} are available.",
    },
    "plan.unknown_sector": {
        "es": "La unidad está fijada en el sector «{sector}», que no existe en este plan.",
        "en": "A unit is locked to sector “{sector}”, which does not exist in this plan.",
    },
    "plan.dosage_over_budget": {
        "es": "No hay tiempo para visitar {places} puntos críticos: solo quedan {budget} minutos de patrullaje preventivo en el turno.",
        "en": "There is no time to visit {places} critical points: only {budget} minutes of proactive patrol are left in the shift.",
    },
}
