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
        <location filename="../../src/stationmap/ui/filter_bar.py" line="190"/>
        <source>Selección del mapa: %n incidentes</source>
        <translation>
            <numerusform>Selección del mapa: %n incidente</numerusform>
            <numerusform>Selección del mapa: %n incidentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/stationmap/ui/filter_bar.py" line="192"/>
        <source>Selección de horas: %n horas</source>
        <translation>
            <numerusform>Selección de horas: %n hora</numerusform>
            <numerusform>Selección de horas: %n horas</numerusform>
        </translation>
    </message>
</context>
</TS>
