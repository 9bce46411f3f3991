"""Messages of the plan and brief commands."""

MESSAGES = {
    "commands.sectors_generated": {
        "es": "El proyecto no tenía sectores: se crearon {count} sectores de carga similar y se guardaron en él.",
        "en": "The project had no sectors: {count} sectors of similar workload were made and saved in it.",
    },
    "commands.plan_written": {
        "es": "Plan escrito: {files} archivos en {out} ({points} puntos críticos).",
        "en": "Plan written: {files} files in {out} ({points} critical points).",
    },
    "commands.brief_written": {
        "es": "Informe escrito: {files} archivos en {out}.",
        "en": "Brief written: {files} files in {out}.",
    },
}
