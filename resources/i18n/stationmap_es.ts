<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="es">
<context>
    <name>BuildBasemapDialog</name>
    <message numerus="yes">
        <location filename="../../src/stationmap/ui/basemap_tools/build_dialog.py" line="101"/>
        <source>área de %n puntos</source>
        <translation>
            <numerusform>área de %n punto</numerusform>
            <numerusform>área de %n puntos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message numerus="yes">
        <location filename="../../src/stationmap/ui/filter_bar.py" line="270"/>
        <source>Selección del mapa: %n incidentes</source>
        <translation>
            <numerusform>Selección del mapa: %n incidente</numerusform>
            <numerusform>Selección del mapa: %n incidentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/stationmap/ui/filter_bar.py" line="245"/>
        <source>Selección de horas: %n horas</source>
        <translation>
            <numerusform>Selección de horas: %n hora</numerusform>
            <numerusform>Selección de horas: %n horas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message numerus="yes">
        <location filename="../../src/stationmap/ui/import_summary.py" line="232"/>
        <source>en %n archivos: %1</source>
        <translation>
            <numerusform>en %n archivo: %1</numerusform>
            <numerusform>en %n archivos: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/stationmap/ui/import_summary.py" line="254"/>
        <source>Son conteos de denuncias por distrito y mes, no incidentes: %Ln denuncias en %1 distritos, de %2 a %3.</source>
        <translation>
            <numerusform>Son conteos de denuncias por distrito y mes, no incidentes: %Ln denuncia en %1 distritos, de %2 a %3.</numerusform>
            <numerusform>Son conteos de denuncias por distrito y mes, no incidentes: %Ln denuncias en %1 distritos, de %2 a %3.</numerusform>
        </translation>
    </message>
</context>
</TS>
