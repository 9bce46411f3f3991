/* Paint and label rules for vector basemap packs, drawn by protomaps-leaflet on canvas.
 *
 * Two tile layouts are understood: "stationmap-v1" (packs StationMap builds from an OSM extract)
 * and "openmaptiles" (packs made elsewhere, e.g. with tilemaker). Colours are muted so incident
 * markers stay the strongest thing on the map; street names use a white halo to stay legible
 * over buildings. */
(function () {
  "use strict";
  const P = window.protomapsL;

  const COLOURS = {
    background: "#f2efe9", water: "#aad3df", park: "#c8e6b0", grass: "#d4ecc0",
    residential: "#ebe6df", commercial: "#f2dede", industrial: "#e4dcec", cemetery: "#d0dcc8",
    sand: "#f0e6c0", farmland: "#eef0d5", building: "#d9d0c9", buildingEdge: "#c4b8ae",
    casing: "#b8ada2", motorway: "#f3b26b", primary: "#f9d38c", secondary: "#fbe6a6",
    minor: "#ffffff", path: "#a89f95", boundary: "#9b6fa6", label: "#333333",
    place: "#222222", poi: "#4f5b66", halo: "#ffffff",
  };
  const FONT = "Arial, 'DejaVu Sans', 'Liberation Sans', sans-serif";

  // Road classes of both layouts mapped to one drawing rank.
  const ROAD_RANK = {
    motorway: "major", trunk: "major", primary: "primary", secondary: "secondary",
    tertiary: "secondary", residential: "minor", minor: "minor", unclassified: "minor",
    living_street: "minor", service: "service", track: "path", path: "path",
    footway: "path", pedestrian: "path", cycleway: "path", steps: "path",
    // Protomaps basemap layout
    highway: "major", major_road: "primary", medium_road: "secondary", minor_road: "minor", other: "service",
  };
  const ROAD_FILL = {
    major: COLOURS.motorway, primary: COLOURS.primary, secondary: COLOURS.secondary,
    minor: COLOURS.minor, service: COLOURS.minor, path: COLOURS.path,
  };
  // Line widths in screen pixels per rank, growing with zoom so streets read as streets.
  const ROAD_WIDTH = {
    major: [[10, 1.5], [14, 5], [17, 14]], primary: [[10, 1.2], [14, 4.5], [17, 13]],
    secondary: [[11, 0.8], [14, 3.5], [17, 11]], minor: [[12, 0.5], [14, 2], [17, 9]],
    service: [[14, 0.8], [17, 5]], path: [[14, 0.6], [17, 1.8]],
  };

  function interpolate(stops) {
    return function (z) {
      if (z <= stops[0][0]) return stops[0][1];
      for (let i = 1; i < stops.length; i++) {
        if (z <= stops[i][0]) {
          const [z0, v0] = stops[i - 1], [z1, v1] = stops[i];
          return v0 + ((v1 - v0) * (z - z0)) / (z1 - z0);
        }
      }
      return stops[stops.length - 1][1];
    };
  }

  const LAYOUTS = {
    "stationmap-v1": {
      water: "water", landuse: "landuse", park: null, building: "buildings", roads: "roads",
      roadClass: (p) => p.kind, roadNames: "roads", places: "places", placeClass: (p) => p.kind,
      pois: "pois", poiClass: (p) => p.kind, boundaries: "boundaries", landuseClass: (p) => p.kind,
    },
    protomaps: {
      water: "water", landuse: "landuse", park: null, building: "buildings", roads: "roads",
      roadClass: (p) => p.kind_detail === "service" ? "service" : p.kind, roadNames: "roads", places: "places",
      placeClass: (p) => (p.kind === "locality" ? "town" : p.kind), pois: "pois", poiClass: (p) => p.kind,
      boundaries: "boundaries", landuseClass: (p) => p.kind,
    },
    openmaptiles: {
      water: "water", waterway: "waterway", landuse: "landuse", park: "park", landcover: "landcover",
      building: "building", roads: "transportation", roadClass: (p) => p.class,
      roadNames: "transportation_name", places: "place", placeClass: (p) => p.class,
      pois: "poi", poiClass: (p) => p.subclass || p.class, boundaries: "boundary",
      landuseClass: (p) => p.class,
    },
  };

  const rankOf = (layout, f) => ROAD_RANK[layout.roadClass(f.props)] || null;
  const isPolygon = (f) => f.geomType === 3;
  const isLine = (f) => f.geomType === 2;

  function areaRules(L) {
    const rules = [];
    const landuseFill = {
      park: COLOURS.park, pitch: COLOURS.park, grass: COLOURS.grass, cemetery: COLOURS.cemetery,
      residential: COLOURS.residential, commercial: COLOURS.commercial, retail: COLOURS.commercial,
      industrial: COLOURS.industrial, farmland: COLOURS.farmland, sand: COLOURS.sand,
      wood: COLOURS.park, forest: COLOURS.park, meadow: COLOURS.grass,
    };
    const fillOf = (f) => landuseFill[L.landuseClass(f.props)];
    for (const layer of [L.landuse, L.landcover]) {
      if (!layer) continue;
      rules.push({ dataLayer: layer, filter: (z, f) => isPolygon(f) && !!fillOf(f),
        symbolizer: new P.PolygonSymbolizer({ fill: (z, f) => fillOf(f) || COLOURS.background }) });
    }
    if (L.park) rules.push({ dataLayer: L.park, symbolizer: new P.PolygonSymbolizer({ fill: COLOURS.park }) });
    rules.push({ dataLayer: L.water, filter: (z, f) => isPolygon(f),
      symbolizer: new P.PolygonSymbolizer({ fill: COLOURS.water }) });
    const waterLines = L.waterway || L.water;
    rules.push({ dataLayer: waterLines, filter: (z, f) => isLine(f),
      symbolizer: new P.LineSymbolizer({ color: COLOURS.water, width: interpolate([[11, 1], [16, 4]]) }) });
    rules.push({ dataLayer: L.building, minzoom: 15,
      symbolizer: new P.PolygonSymbolizer({ fill: COLOURS.building, stroke: COLOURS.buildingEdge, width: 0.5 }) });
    return rules;
  }

  function roadRules(L) {
    const rules = [];
    const order = ["path", "service", "minor", "secondary", "primary", "major"];
    // Casings first (all ranks), then fills, so crossings join cleanly.
    for (const rank of order) {
      if (rank === "path") continue;
      const width = interpolate(ROAD_WIDTH[rank]);
      rules.push({ dataLayer: L.roads, minzoom: 13, filter: (z, f) => isLine(f) && rankOf(L, f) === rank,
        symbolizer: new P.LineSymbolizer({ color: COLOURS.casing, width: (z) => width(z) + 1.5 }) });
    }
    for (const rank of order) {
      const width = interpolate(ROAD_WIDTH[rank]);
      const dash = rank === "path" ? [3, 2] : undefined;
      rules.push({ dataLayer: L.roads, filter: (z, f) => isLine(f) && rankOf(L, f) === rank,
        symbolizer: new P.LineSymbolizer({ color: ROAD_FILL[rank], width: width, dash: dash, dashColor: ROAD_FILL[rank] }) });
    }
    rules.push({ dataLayer: L.boundaries, filter: (z, f) => isLine(f),
      symbolizer: new P.LineSymbolizer({ color: COLOURS.boundary, width: 1.2, dash: [6, 3], dashColor: COLOURS.boundary, opacity: 0.7 }) });
    return rules;
  }

  function labelRules(L) {
    const placeSize = { city: 18, town: 16, suburb: 14, village: 13, neighbourhood: 12, quarter: 12 };
    return [
      { dataLayer: L.places, filter: (z, f) => !!placeSize[L.placeClass(f.props)],
        symbolizer: new P.CenteredTextSymbolizer({ labelProps: ["name"], fill: COLOURS.place, stroke: COLOURS.halo, width: 3,
          fontFamily: FONT, fontWeight: 600, fontSize: (z, f) => placeSize[L.placeClass(f.props)] || 12 }) },
      { dataLayer: L.roadNames, minzoom: 14, filter: (z, f) => isLine(f) && !!f.props.name,
        symbolizer: new P.LineLabelSymbolizer({ labelProps: ["name"], fill: COLOURS.label, stroke: COLOURS.halo, width: 3,
          fontFamily: FONT, fontSize: (z) => (z >= 17 ? 14 : z >= 16 ? 13 : 12), fontWeight: 500 }) },
    ];
  }

  // Places that matter to patrol planning get a label one zoom earlier than shops and schools.
  const KEY_POIS = new Set(["marketplace", "bar", "nightclub", "police", "bank", "bus_station", "hospital",
    "pub", "casino", "gambling", "fuel", "townhall", "courthouse", "prison", "atm"]);

  function poiRules(L) {
    const isKey = (f) => KEY_POIS.has(L.poiClass(f.props));
    const text = (size) => new P.OffsetTextSymbolizer({ labelProps: ["name"], fill: COLOURS.poi, stroke: COLOURS.halo,
      width: 2.5, fontFamily: FONT, fontSize: size, offsetX: 6, offsetY: 4 });
    const dot = new P.CircleSymbolizer({ radius: 3, fill: COLOURS.poi, stroke: COLOURS.halo, width: 1.2 });
    return {
      paint: [],
      labels: [
        { dataLayer: L.pois, minzoom: 16, filter: (z, f) => f.geomType === 1 && (z >= 17 || isKey(f)),
          symbolizer: new P.GroupSymbolizer([dot, text(11)]) },
        { dataLayer: L.pois, minzoom: 15, filter: (z, f) => f.geomType === 1 && isKey(f),
          symbolizer: dot },
      ],
    };
  }

  /** Rules for a vector pack's layout; unknown layouts fall back to stationmap-v1 names. */
  window.SMBasemapStyle = {
    background: COLOURS.background,
    rules(schema) {
      const L = LAYOUTS[schema] || LAYOUTS["stationmap-v1"];
      return { paint: areaRules(L).concat(roadRules(L)), labels: labelRules(L), pois: poiRules(L) };
    },
    layoutOf(schema) {
      return LAYOUTS[schema] ? schema : "stationmap-v1";
    },
  };
})();
