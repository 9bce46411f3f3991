"""Messages of `stationmap --self-test` (support staff read them on a station laptop)."""

MESSAGES = {
    "selftest.title": {
        "es": "Autoprueba de StationMap {version}",
        "en": "StationMap {version} self-test",
    },
    "selftest.step_ok": {
        "es": "  OK     {step} ({seconds:.1f} s): {detail}",
        "en": "  OK     {step} ({seconds:.1f} s): {detail}",
    },
    "selftest.step_failed": {
        "es": "  FALLA  {step} ({seconds:.1f} s): {detail}",
        "en": "  FAILED {step} ({seconds:.1f} s): {detail}",
    },
    "selftest.step_skipped": {
        "es": "  --     {step}: no se ejecutó porque falló un paso anterior",
        "en": "  --     {step}: not run because an earlier step failed",
    },
    "selftest.passed": {
        "es": "Autoprueba superada en {seconds:.1f} s.",
        "en": "Self-test passed in {seconds:.1f} s.",
    },
    "selftest.failed": {
        "es": "Autoprueba fallida ({failed} de {total} pasos). Detalle en el registro: {log}",
        "en": "Self-test failed ({failed} of {total} steps). Details in the log: {log}",
    },
    "selftest.step.sample": {"es": "estación de ejemplo", "en": "sample station"},
    "selftest.step.libraries": {"es": "bibliotecas de datos", "en": "data libraries"},
    "selftest.step.map": {"es": "mapa", "en": "map"},
    "selftest.step.charts": {"es": "gráfico horas y días", "en": "hour and weekday chart"},
    "selftest.step.plan": {"es": "plan de patrullaje", "en": "patrol plan"},
    "selftest.step.brief": {"es": "informe semanal", "en": "weekly brief"},
    "selftest.step.offline": {"es": "sin conexión", "en": "offline"},
    "selftest.sample_detail": {
        "es": "{incidents} incidentes importados",
        "en": "{incidents} incidents imported",
    },
    "selftest.libraries_detail": {
        "es": "Arrow IPC ({codecs}), CSV, cálculo y texto de pandas funcionan",
        "en": "Arrow IPC ({codecs}), CSV, compute and pandas strings work",
    },
    "selftest.libraries_failed": {
        "es": "una biblioteca de datos no funciona: {detail}",
        "en": "a data library does not work: {detail}",
    },
    "selftest.map_detail": {
        "es": "{visible} incidentes dibujados sobre el mapa base; límites de {districts} distritos del Perú",
        "en": "{visible} incidents drawn over the basemap; limits of {districts} districts of Peru",
    },
    "selftest.districts_missing": {
        "es": "Faltan los límites distritales del Perú (resources/geo): {error}",
        "en": "Peru's district limits are missing (resources/geo): {error}",
    },
    "selftest.map_timeout": {
        "es": "el mapa no terminó de dibujarse en {seconds} s",
        "en": "the map did not finish drawing within {seconds} s",
    },
    "selftest.map_not_drawn": {
        "es": "el mapa se dibujó incompleto: {state}",
        "en": "the map was drawn incompletely: {state}",
    },
    "selftest.map_page_errors": {
        "es": "la página del mapa informó errores: {errors}",
        "en": "the map page reported errors: {errors}",
    },
    "selftest.no_scheme": {
        "es": "el esquema app:// no se pudo registrar (la aplicación Qt ya existía)",
        "en": "the app:// scheme could not be registered (the Qt application already existed)",
    },
    "selftest.no_display": {
        "es": "no hay pantalla disponible (DISPLAY vacío); use xvfb-run o QT_QPA_PLATFORM",
        "en": "no display available (DISPLAY is empty); use xvfb-run or QT_QPA_PLATFORM",
    },
    "selftest.charts_detail": {
        "es": "{cells} celdas hora×día con incidentes",
        "en": "{cells} hour×weekday cells with incidents",
    },
    "selftest.files_detail": {
        "es": "{count} archivos escritos ({kinds})",
        "en": "{count} files written ({kinds})",
    },
    "selftest.files_bad": {
        "es": "archivos ausentes, vacíos o dañados: {files}",
        "en": "files missing, empty or damaged: {files}",
    },
    "selftest.offline_detail": {
        "es": "ninguna solicitud salió del equipo",
        "en": "no request left the machine",
    },
    "selftest.requests_blocked": {
        "es": "{count} solicitudes intentaron salir del equipo, la primera: {first}",
        "en": "{count} requests tried to leave the machine, the first: {first}",
    },
    "selftest.unexpected": {
        "es": "error inesperado ({error}); el detalle quedó en el registro",
        "en": "unexpected error ({error}); the details are in the log",
    },
}
