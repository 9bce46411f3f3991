"""Messages of the weekly brief and data-quality report."""

MESSAGES = {
    "change.up": {
        "es": "{current} frente a {expected} habituales ({percent}): un aumento mayor que la variación normal.",
        "en": "{current} against a usual {expected} ({percent}): a rise beyond normal variation.",
    },
    "change.down": {
        "es": "{current} frente a {expected} habituales ({percent}): un descenso mayor que la variación normal.",
        "en": "{current} against a usual {expected} ({percent}): a fall beyond normal variation.",
    },
    "change.normal": {
        "es": "{current} frente a {expected} habituales: dentro de la variación normal.",
        "en": "{current} against a usual {expected}: within normal variation.",
    },
    "brief.bad_week": {
        "es": "«{week}» no es una semana ISO válida; escriba por ejemplo 2026-W47.",
        "en": "“{week}” is not a valid ISO week; write for example 2026-W47.",
    },
}
