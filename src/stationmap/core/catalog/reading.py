"""Messages of the file readers (io/readers.py and its helpers): files, rows and warnings."""

MESSAGES = {
    # --- a file that cannot be read at all (InputFileError) -------------------------------
    "read.not_found": {
        "es": "No se encontró el archivo o carpeta «{file}».",
        "en": "The file or folder “{file}” was not found.",
    },
    "read.unreadable": {
        "es": "No se puede abrir «{file}»: {reason}.",
        "en": "“{file}” cannot be opened: {reason}.",
    },
    "read.unsupported": {
        "es": "«{file}» tiene una extensión que no se puede importar ({suffix}). Use uno de: {supported}.",
        "en": "“{file}” has an extension that cannot be imported ({suffix}). Use one of: {supported}.",
    },
    "read.no_files_in_folder": {
        "es": "La carpeta «{file}» no contiene archivos que se puedan importar ({supported}).",
        "en": "The folder “{file}” holds no file that can be imported ({supported}).",
    },
    "read.only_subfolders": {
        # Subfolders are not searched: one folder per data set is common, and importing them all at once
        # would mix them. `folders` names the first few.
        "es": {"one": "La carpeta «{file}» no contiene archivos que se puedan importar ({supported}), pero tiene "
                      "1 subcarpeta ({folders}). Elija esa subcarpeta.",
               "other": "La carpeta «{file}» no contiene archivos que se puedan importar ({supported}), pero tiene "
                        "{count} subcarpetas ({folders}). Elija una de ellas."},
        "en": {"one": "The folder “{file}” holds no file that can be imported ({supported}), but it has "
                      "1 subfolder ({folders}). Choose that subfolder.",
               "other": "The folder “{file}” holds no file that can be imported ({supported}), but it has "
                        "{count} subfolders ({folders}). Choose one of them."},
    },
    "read.empty": {
        "es": "El archivo «{file}» está vacío.",
        "en": "The file “{file}” is empty.",
    },
    "read.binary": {
        "es": "«{file}» no es un archivo de texto ni una tabla ({kind}). Revise que eligió el archivo correcto.",
        "en": "“{file}” is not a text file or a table ({kind}). Check that you chose the right file.",
    },
    "read.binary_data": {
        "es": "«{file}» no es un archivo de texto ni una tabla (contiene datos binarios). "
              "Revise que eligió el archivo correcto.",
        "en": "“{file}” is not a text file or a table (it holds binary data). Check that you chose the right file.",
    },
    "read.no_table_in_sheets": {
        "es": "Ninguna hoja del libro «{file}» tiene una tabla de incidentes o de conteos reconocible "
              "(hojas: {sheets}). Elija la hoja con --sheet NOMBRE o en el diálogo de importación.",
        "en": "No sheet of the workbook “{file}” holds a recognisable table of incidents or counts "
              "(sheets: {sheets}). Choose the sheet with --sheet NAME or in the import dialog.",
    },
    "read.corrupt": {
        # The library's own words (English) go to the log, not to the user.
        "es": "No se puede leer el libro de Excel «{file}»: está dañado o no es un archivo Excel. "
              "Si se abre en Excel, guárdelo de nuevo como libro de Excel (.xlsx) o como CSV e impórtelo otra vez.",
        "en": "The Excel workbook “{file}” cannot be read: it is damaged or not an Excel file. "
              "If it opens in Excel, save it again as an Excel workbook (.xlsx) or as CSV and import it again.",
    },
    "read.excel_is_text": {
        "es": "«{file}» no es un libro de Excel sino un archivo de texto (probablemente CSV) con extensión {suffix}. "
              "Cambie la extensión a .csv e impórtelo de nuevo.",
        "en": "“{file}” is not an Excel workbook but a text file (probably CSV) named {suffix}. "
              "Change its extension to .csv and import it again.",
    },
    "read.excel_is_html": {
        "es": "«{file}» no es un libro de Excel sino una página web (HTML) con extensión {suffix}. "
              "Ábrala en Excel y guárdela como libro de Excel (.xlsx) o como CSV, e impórtela de nuevo.",
        "en": "“{file}” is not an Excel workbook but a web page (HTML) named {suffix}. "
              "Open it in Excel, save it as an Excel workbook (.xlsx) or as CSV, and import it again.",
    },
    "read.password": {
        "es": "El libro de Excel «{file}» está protegido con contraseña. Guárdelo sin contraseña e impórtelo de nuevo.",
        "en": "The Excel workbook “{file}” is password-protected. Save it without a password and import it again.",
    },
    "read.no_sheets": {
        "es": "El libro de Excel «{file}» no tiene hojas con datos.",
        "en": "The Excel workbook “{file}” has no worksheet with data.",
    },
    "read.sheet_not_found": {
        "es": "El libro «{file}» no tiene una hoja llamada «{sheet}». Hojas disponibles: {sheets}.",
        "en": "The workbook “{file}” has no sheet named “{sheet}”. Available sheets: {sheets}.",
    },
    "read.not_json": {
        "es": "«{file}» no es un GeoJSON válido: el contenido no es JSON (línea {line}, columna {column}).",
        "en": "“{file}” is not valid GeoJSON: its content is not JSON (line {line}, column {column}).",
    },
    "read.not_geojson": {
        "es": "«{file}» es JSON pero no una colección de elementos GeoJSON (FeatureCollection); se encontró: {found}.",
        "en": "“{file}” is JSON but not a GeoJSON FeatureCollection; found: {found}.",
    },
    # --- one row that could not be split into cells (Rejection in RawTable.bad_rows) -----
    "read.extra_columns": {
        "es": "La fila tiene {found} celdas pero el encabezado solo {expected} columnas; sobra: «{extra}». "
              "Revise si hay un separador de más en esa fila.",
        "en": "The row has {found} cells but the header only {expected} columns; left over: “{extra}”. "
              "Check that row for an extra separator.",
    },
    "read.unbalanced_quote": {
        "es": "La fila tiene comillas (\") sin cerrar, por lo que no se puede dividir en celdas: «{text}».",
        "en": "The row has an unclosed quote (\"), so it cannot be split into cells: “{text}”.",
    },
    "read.geometry_not_point": {
        "es": "El elemento {feature} tiene una geometría de tipo {geometry_type}; solo se importan puntos.",
        "en": "Feature {feature} has a {geometry_type} geometry; only points are imported.",
    },
    "read.feature_invalid": {
        "es": "El elemento {feature} no es un Feature GeoJSON válido ({reason}).",
        "en": "Feature {feature} is not a valid GeoJSON Feature ({reason}).",
    },
    # --- warnings: the file was read, but an assumption was made -------------------------
    "read.header_not_first": {
        "es": "El encabezado de la tabla está en la fila {line}; lo que está encima (títulos) no se importó.",
        "en": "The table header is on row {line}; what is above it (titles) was not imported.",
    },
    "read.header_only": {
        "es": "«{file}» tiene encabezado pero ninguna fila de datos; no hay nada que importar.",
        "en": "“{file}” has a header but no rows; there is nothing to import.",
    },
    "read.sheet_chosen": {
        "es": "El libro tiene varias hojas ({sheets}); se importó «{sheet}», la primera con una tabla reconocible. "
              "Para otra hoja, elíjala con --sheet o en el diálogo de importación.",
        "en": "The workbook has several sheets ({sheets}); “{sheet}”, the first with a recognisable table, "
              "was imported. For another sheet, choose it with --sheet or in the import dialog.",
    },
    "read.mixed_encoding_lines": {
        # `lines` lists the first line numbers; `fallback` is the other encoding's name (CP1252, CP850).
        "es": {"one": "El archivo está en UTF-8 salvo 1 línea, leída como {fallback}; revise sus tildes y eñes "
                      "(línea {lines}).",
               "other": "El archivo está en UTF-8 salvo {count} líneas, leídas como {fallback}; revise sus tildes "
                        "y eñes (líneas {lines})."},
        "en": {"one": "The file is in UTF-8 except for 1 line, read as {fallback}; check its accented letters "
                      "(line {lines}).",
               "other": "The file is in UTF-8 except for {count} lines, read as {fallback}; check their accented "
                        "letters (lines {lines})."},
    },
    "read.mixed_encoding": {
        # Only import records stored before read.mixed_encoding_lines: their data is {encoding: the label,
        # lines: how many, fallback}, with no count to choose a plural by, so the sentence needs none.
        "es": "El archivo está en UTF-8, pero algunas líneas estaban en {fallback} (en total: {lines}); "
              "cada una se leyó con su propia codificación.",
        "en": "The file is in UTF-8, but some lines were in {fallback} (in all: {lines}); "
              "each was read in its own encoding.",
    },
    "read.double_encoding_repaired": {
        "es": {"one": "Se corrigió 1 letra con acento mal codificado (texto UTF-8 guardado dos veces): «{example}».",
               "other": "Se corrigieron {count} letras con acentos mal codificados (texto UTF-8 guardado dos "
                        "veces), por ejemplo «{example}»."},
        "en": {"one": "1 accented letter that was encoded twice (UTF-8 saved again as UTF-8) was repaired: "
                      "“{example}”.",
               "other": "{count} accented letters that were encoded twice (UTF-8 saved again as UTF-8) were "
                        "repaired, for example “{example}”."},
    },
    "read.nul_removed": {
        # `lines` lists the rows where they were; one row may hold several, so only the count picks the form.
        "es": {"one": "Se quitó 1 carácter nulo (NUL) del archivo (fila {lines}). Revise esa fila.",
               "other": "Se quitaron {count} caracteres nulos (NUL) del archivo; filas: {lines}. Revise esas filas."},
        "en": {"one": "1 NUL character was removed from the file (row {lines}). Check that row.",
               "other": "{count} NUL characters were removed from the file; rows: {lines}. Check those rows."},
    },
    "read.short_rows": {
        # Some exporters drop a row's trailing empty cells, so short rows are padded; but a row may also
        # have lost cells in the middle, which shifts its values: the user checks the rows listed.
        "es": {"one": "1 fila tiene menos celdas que el encabezado; se completó con celdas vacías (fila {rows}).",
               "other": "{count} filas tienen menos celdas que el encabezado; se completaron con celdas vacías "
                        "(filas {rows})."},
        "en": {"one": "1 row has fewer cells than the header; it was completed with empty cells (row {rows}).",
               "other": "{count} rows have fewer cells than the header; they were completed with empty cells "
                        "(rows {rows})."},
    },
    "read.single_column": {
        "es": "No se encontró un separador de columnas (, ; | o tabulador); el archivo se leyó como una sola columna.",
        "en": "No column separator (, ; | or tab) was found; the file was read as a single column.",
    },
    "read.duplicate_columns": {
        "es": "Hay columnas con el mismo nombre o sin nombre; se renombraron: {names}.",
        "en": "Some columns share a name or have none; they were renamed: {names}.",
    },
    "read.geojson_crs": {
        "es": "El GeoJSON declara el sistema de coordenadas {crs}; se asumió longitud/latitud WGS84.",
        "en": "The GeoJSON declares the coordinate system {crs}; WGS84 longitude/latitude was assumed.",
    },
}
