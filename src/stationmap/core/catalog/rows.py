"""Messages of the normaliser: column mapping, rejected rows and warnings about a file.

Rejections carry `row` (the line a spreadsheet shows), `value` (the raw cell) and
`column`; warnings carry `count` and `rows` (the first row numbers), and say it in the singular
for one row ({"one": ..., "other": ...}, see core/messages.py).
"""

MESSAGES = {
    # --- column mapping -------------------------------------------------------------------
    "mapping.invalid": {
        "es": "El perfil de columnas no es válido ({reason}). Vuelva a asignar las columnas.",
        "en": "The column profile is not valid ({reason}). Map the columns again.",
    },
    "mapping.no_date": {
        "es": "No se encontró ninguna columna de fecha en «{file}» (columnas: {columns}). "
              "Indique qué columna tiene la fecha del hecho.",
        "en": "No date column was found in '{file}' (columns: {columns}). "
              "Choose the column that holds the date of the incident.",
    },
    "mapping.column_missing": {
        "es": "La columna «{column}» asignada a «{field}» no existe en «{file}». Revise la asignación.",
        "en": "Column '{column}' mapped to '{field}' does not exist in '{file}'. Check the mapping.",
    },
    "mapping.fallback_profile": {
        "es": "La asignación de columnas elegida no corresponde a «{file}» (no tiene la columna «{column}» "
              "asignada a «{field}»); se usó el perfil guardado «{profile}», que sí corresponde. Revíselo.",
        "en": "The chosen column mapping does not fit '{file}' (it has no column '{column}' mapped to "
              "'{field}'); the saved profile '{profile}', which fits, was used instead. Please check it.",
    },
    "mapping.fallback_automatic": {
        "es": "La asignación de columnas elegida no corresponde a «{file}» (no tiene la columna «{column}» "
              "asignada a «{field}»); se usó la asignación automática de sus propias columnas. Revísela.",
        "en": "The chosen column mapping does not fit '{file}' (it has no column '{column}' mapped to "
              "'{field}'); its own columns were mapped automatically instead. Please check them.",
    },
    # --- rejected rows ---------------------------------------------------------------------
    "rows.date_missing": {
        "es": "Fila {row}: la fila no tiene fecha (columna «{column}» vacía).",
        "en": "Row {row}: the row has no date (column '{column}' is empty).",
    },
    "rows.date_unreadable": {
        "es": "Fila {row}: no se entiende la fecha «{value}» (columna «{column}»). Escríbala como dd/mm/aaaa.",
        "en": "Row {row}: the date '{value}' cannot be read (column '{column}'). Write it as dd/mm/yyyy.",
    },
    "rows.date_impossible": {
        "es": "Fila {row}: la fecha «{value}» no existe (columna «{column}»).",
        "en": "Row {row}: the date '{value}' does not exist (column '{column}').",
    },
    "rows.date_too_old": {
        "es": "Fila {row}: la fecha «{value}» es anterior a 1901; revise el año (columna «{column}»).",
        "en": "Row {row}: the date '{value}' is before 1901; check the year (column '{column}').",
    },
    "rows.date_in_future": {
        "es": "Fila {row}: la fecha «{value}» está en el futuro; revise el año (columna «{column}»).",
        "en": "Row {row}: the date '{value}' lies in the future; check the year (column '{column}').",
    },
    "rows.window_reversed": {
        "es": "Fila {row}: el fin del hecho «{value}» es anterior a su inicio «{start}». "
              "Corrija la fecha u hora final.",
        "en": "Row {row}: the end of the incident '{value}' is before its start '{start}'. Fix the end date or time.",
    },
    "rows.count_invalid": {
        "es": "Fila {row}: la cantidad «{value}» no es un número entero positivo (columna «{column}»).",
        "en": "Row {row}: the count '{value}' is not a positive whole number (column '{column}').",
    },
    "rows.place_missing": {
        "es": "Fila {row}: la fila no indica el distrito ni el UBIGEO; no se puede ubicar el conteo.",
        "en": "Row {row}: the row names neither a district nor a UBIGEO; the count cannot be placed.",
    },
    # --- warnings about a file -------------------------------------------------------------
    "rows.day_first_assumed": {
        "es": "Las fechas no permiten saber si son día/mes o mes/día; se leyeron como día/mes (dd/mm/aaaa). "
              "Confírmelo en la importación.",
        "en": "The dates do not tell day/month from month/day; they were read as day/month (dd/mm/yyyy). "
              "Please confirm it when importing.",
    },
    "rows.time_unreadable": {
        "es": {"one": "1 fila tiene una hora que no se entiende y se importó sin hora (fila {rows}).",
               "other": "{count} filas tienen una hora que no se entiende y se importaron sin hora (filas {rows})."},
        "en": {"one": "1 row has a time that cannot be read and was imported without a time (row {rows}).",
               "other": "{count} rows have a time that cannot be read and were imported without a time "
                        "(rows {rows})."},
    },
    "rows.time_midnight_unknown": {
        "es": {"one": "1 fila tiene la hora 00:00, que suele significar «hora desconocida»; "
                      "se importó sin hora (fila {rows}).",
               "other": "{count} filas tienen la hora 00:00, que suele significar «hora desconocida»; "
                        "se importaron sin hora (filas {rows})."},
        "en": {"one": "1 row has the time 00:00, which usually means 'time unknown'; "
                      "it was imported without a time (row {rows}).",
               "other": "{count} rows have the time 00:00, which usually means 'time unknown'; "
                        "they were imported without a time (rows {rows})."},
    },
    "rows.time_none": {
        "es": "El archivo no tiene columna de hora: los hechos se importaron solo con su fecha.",
        "en": "The file has no time column: incidents were imported with their date only.",
    },
    "rows.coords_missing": {
        "es": {"one": "1 fila tiene coordenadas imposibles (0,0 o fuera de rango), así que no tiene lugar en "
                      "el mapa (fila {rows}).",
               "other": "{count} filas tienen coordenadas imposibles (0,0 o fuera de rango), así que no tienen "
                        "lugar en el mapa (filas {rows})."},
        "en": {"one": "1 row has impossible coordinates (0,0 or out of range), so it has no place on the map "
                      "(row {rows}).",
               "other": "{count} rows have impossible coordinates (0,0 or out of range), so they have no place "
                        "on the map (rows {rows})."},
    },
    "rows.coords_empty": {
        "es": {"one": "1 fila no tiene coordenadas, así que no tiene lugar en el mapa (fila {rows}).",
               "other": "{count} filas no tienen coordenadas, así que no tienen lugar en el mapa (filas {rows})."},
        "en": {"one": "1 row has no coordinates, so it has no place on the map (row {rows}).",
               "other": "{count} rows have no coordinates, so they have no place on the map (rows {rows})."},
    },
    "rows.coords_incomplete": {
        "es": {"one": "1 fila tiene solo una de las dos coordenadas (falta la latitud o la longitud), "
                      "así que no tiene lugar en el mapa (fila {rows}).",
               "other": "{count} filas tienen solo una de las dos coordenadas (falta la latitud o la longitud), "
                        "así que no tienen lugar en el mapa (filas {rows})."},
        "en": {"one": "1 row has only one of the two coordinates (the latitude or the longitude is missing), "
                      "so it has no place on the map (row {rows}).",
               "other": "{count} rows have only one of the two coordinates (the latitude or the longitude is "
                        "missing), so they have no place on the map (rows {rows})."},
    },
    "rows.coords_unreadable": {
        "es": {"one": "1 fila tiene coordenadas que no son números ni grados (por ejemplo, texto), "
                      "así que no tiene lugar en el mapa (fila {rows}).",
               "other": "{count} filas tienen coordenadas que no son números ni grados (por ejemplo, texto), "
                        "así que no tienen lugar en el mapa (filas {rows})."},
        "en": {"one": "1 row has coordinates that are neither numbers nor degrees (text, for example), "
                      "so it has no place on the map (row {rows}).",
               "other": "{count} rows have coordinates that are neither numbers nor degrees (text, for example), "
                        "so they have no place on the map (rows {rows})."},
    },
    "rows.coords_none": {
        "es": "El archivo no tiene columnas de coordenadas: los hechos no se verán en el mapa.",
        "en": "The file has no coordinate columns: the incidents will not show on the map.",
    },
    "rows.coords_outside_peru": {
        "es": {"one": "1 fila tiene coordenadas fuera del Perú; se importó marcada (fila {rows}).",
               "other": "{count} filas tienen coordenadas fuera del Perú; se importaron marcadas (filas {rows})."},
        "en": {"one": "1 row has coordinates outside Peru; it was imported and flagged (row {rows}).",
               "other": "{count} rows have coordinates outside Peru; they were imported and flagged (rows {rows})."},
    },
    "rows.coords_outside_area": {
        "es": {"one": "1 fila queda fuera de la jurisdicción de la comisaría; se importó marcada (fila {rows}).",
               "other": "{count} filas quedan fuera de la jurisdicción de la comisaría; "
                        "se importaron marcadas (filas {rows})."},
        "en": {"one": "1 row falls outside the station's jurisdiction; it was imported and flagged (row {rows}).",
               "other": "{count} rows fall outside the station's jurisdiction; they were imported and flagged "
                        "(rows {rows})."},
    },
    "rows.coords_swapped_columns": {
        "es": "Las columnas de latitud y longitud estaban intercambiadas; se corrigieron.",
        "en": "The latitude and longitude columns were swapped; this was corrected.",
    },
    "rows.coords_swapped_rows": {
        "es": {"one": "1 fila tenía la latitud y la longitud intercambiadas; se corrigió (fila {rows}).",
               "other": "{count} filas tenían la latitud y la longitud intercambiadas; se corrigieron "
                        "(filas {rows})."},
        "en": {"one": "1 row had latitude and longitude swapped; this was corrected (row {rows}).",
               "other": "{count} rows had latitude and longitude swapped; this was corrected (rows {rows})."},
    },
    "rows.utm_zone_guessed": {
        "es": "Las coordenadas UTM se leyeron en la zona {zone}S (deducida de los datos). "
              "Si no es correcta, indíquela en la importación.",
        "en": "The UTM coordinates were read in zone {zone}S (deduced from the data). "
              "If that is wrong, set it when importing.",
    },
    "rows.category_unknown": {
        "es": {"one": "1 fila tiene una modalidad no reconocida y quedó como «No especificado»: {values}.",
               "other": "{count} filas tienen una modalidad no reconocida y quedaron como «No especificado»: "
                        "{values}."},
        "en": {"one": "1 row has an unrecognised category and was set to 'No especificado': {values}.",
               "other": "{count} rows have an unrecognised category and were set to 'No especificado': {values}."},
    },
    "rows.ubigeo_invalid": {
        "es": {"one": "1 fila tiene un UBIGEO que no es de 6 dígitos (fila {rows}).",
               "other": "{count} filas tienen un UBIGEO que no es de 6 dígitos (filas {rows})."},
        "en": {"one": "1 row has a UBIGEO that is not 6 digits (row {rows}).",
               "other": "{count} rows have a UBIGEO that is not 6 digits (rows {rows})."},
    },
}
