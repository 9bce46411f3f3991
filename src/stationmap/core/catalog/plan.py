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
    "plan.unknown_unit_kind": {
        "es": "Tipo de unidad desconocido: «{kind}». Use patrullero, integrado, motorizado, serenazgo o a_pie.",
        "en": "Unknown unit type: “{kind}”. Use patrullero, integrado, motorizado, serenazgo or a_pie.",
    },
    "plan.bad_units_spec": {
        "es": "El archivo de unidades no es válido ({detail}). Se espera, por ejemplo: "
              '{{"per_shift": {{"noche": {{"patrullero": 6, "serenazgo": 4}}}}, "at_station": {{"noche": 1}}}}.',
        "en": "The units file is not valid ({detail}). Expected, for example: "
              '{{"per_shift": {{"noche": {{"patrullero": 6, "serenazgo": 4}}}}, "at_station": {{"noche": 1}}}}.',
    },
    "plan.empty_period": {
        "es": "El periodo del plan está vacío: la fecha final es anterior a la inicial.",
        "en": "The plan period is empty: the end date is before the start date.",
    },
    "plan.no_sectors": {
        "es": "El proyecto no tiene sectores. Importe o genere los sectores antes de planificar.",
        "en": "The project has no sectors. Import or generate sectors before planning.",
    },
    "plan.no_jurisdiction": {
        "es": "El proyecto no tiene jurisdicción. Impórtela, dibújela o elíjala entre los distritos en "
              "Análisis → Sectores y jurisdicción….",
        "en": "The project has no jurisdiction. Import it, draw it or choose it among the districts under "
              "Analysis → Sectors and jurisdiction….",
    },
}
