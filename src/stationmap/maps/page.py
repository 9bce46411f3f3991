"""Build the map page: one Jinja2 template shared by the embedded view and the exported file.

Why not folium: folium renders a whole page per map, pulls jQuery/Bootstrap/Font Awesome that this page
does not need, and its markers are one JS object each. The panel loads this page once and then pushes
column arrays into a canvas layer, so a filter change never regenerates HTML; the export inlines the
very same Leaflet/protomaps assets. The template is ours, the asset files are the vendored ones.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from typing import Any

from markupsafe import escape

from stationmap.maps import assets
from stationmap.maps.labels import THOUSANDS_SEPARATORS, page_text

APP_ORIGIN = "app://stationmap"
# Below this zoom incidents are drawn as pixel-grid clusters, from it on as single points.
CLUSTER_MAX_ZOOM = 15


@dataclass(frozen=True)
class BasemapSpec:
    """What the page needs to know to draw a basemap pack."""

    kind: str                 # "vector" (MVT, drawn by protomaps-leaflet) or "raster"
    url: str | None           # PMTiles file or z/x/y template on the app scheme; None when inlined
    schema: str               # "stationmap-v1", "openmaptiles", ... (vector layouts)
    minzoom: int
    maxzoom: int
    attribution: str          # plain text; escaped here because Leaflet shows it as HTML
    has_pois: bool
    inline: bool = False

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        # Packs made elsewhere may carry HTML links here; keep their text, never their markup.
        data["attribution"] = str(escape(re.sub(r"<[^>]*>", "", self.attribution)))
        return data


def json_for_script(value: Any) -> str:
    """JSON safe inside a <script> element: '<', '>' and '&' become \\u escapes."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_config(*, mode: str, language: str, basemap: BasemapSpec | None,
                bounds: tuple[float, float, float, float] | None, load_id: str = "") -> dict[str, Any]:
    """`bounds` is (min_lon, min_lat, max_lon, max_lat) of the first view (the jurisdiction).

    `load_id` names this page load: the embedding panel gives each load its own, and the page
    reports it when ready, so a late "ready" from a page already replaced is told apart.
    """
    view: dict[str, Any] = {}
    if bounds is not None:
        min_lon, min_lat, max_lon, max_lat = bounds
        view["bounds"] = [[min_lat, min_lon], [max_lat, max_lon]]
    return {
        "mode": mode,
        "lang": language,
        "thousands": THOUSANDS_SEPARATORS.get(language, THOUSANDS_SEPARATORS["es"]),
        "text": page_text(language),
        "basemap": basemap.to_json() if basemap else None,
        "view": view,
        "cluster_max_zoom": CLUSTER_MAX_ZOOM,
        "load_id": load_id,
    }


_CSS_URL = re.compile(r"url\((['\"]?)(images/[^'\")]+)\1\)")


def _inline_css(relative: str) -> str:
    """Stylesheet text with its relative images turned into data: URIs (no file beside the export)."""
    import base64

    folder = relative.rsplit("/", 1)[0]
    text = assets.read_text(relative)

    def data_uri(match: re.Match[str]) -> str:
        path = assets.asset_path(f"{folder}/{match.group(2)}")
        if path is None:  # an image the page never shows (e.g. Leaflet's default marker)
            return "none"
        encoded = base64.b64encode(path.read_bytes()).decode("ascii")
        return f"url(data:{assets.content_type(path.name)};base64,{encoded})"

    return _CSS_URL.sub(data_uri, text)


def _inline_js(relative: str) -> str:
    text = assets.read_text(relative)
    # Source-map comments would point at files the export does not carry.
    text = re.sub(r"^//# sourceMappingURL=.*$", "", text, flags=re.MULTILINE)
    return text.replace("</script", "<\\/script")


def render_page(config: dict[str, Any], *, inline_assets: bool, title: str,
                layers: dict[str, Any] | None = None, basemap_b64: str | None = None,
                extra_scripts: tuple[str, ...] = ()) -> str:
    """The page HTML. `extra_scripts` are URLs loaded before the page scripts (the Qt web channel)."""
    if not inline_assets and not layers and not basemap_b64:
        return _linked_page(config, title, extra_scripts)
    return _template_page(config, inline_assets=inline_assets, title=title, layers=layers,
                          basemap_b64=basemap_b64, extra_scripts=extra_scripts)


def _template_page(config: dict[str, Any], *, inline_assets: bool, title: str, layers: dict[str, Any] | None,
                   basemap_b64: str | None, extra_scripts: tuple[str, ...]) -> str:
    from jinja2 import Environment

    if inline_assets:
        styles = [{"text": _inline_css(s)} for s in assets.PAGE_STYLES]
        scripts = [{"text": _inline_js(s)} for s in assets.PAGE_SCRIPTS]
    else:
        styles = [{"url": _asset_url(s)} for s in assets.PAGE_STYLES]
        scripts = [{"url": _asset_url(s)} for s in assets.LINKED_PAGE_SCRIPTS]
        config = _with_basemap_scripts(config)
    scripts = [{"url": url} for url in extra_scripts] + scripts
    # Autoescape stays off because every value below is either escaped here or already script-safe JSON.
    template = Environment(autoescape=False).from_string(assets.read_text(assets.PAGE_TEMPLATE))
    return template.render(
        lang=config["lang"], title=escape(title), styles=styles, scripts=scripts,
        config_json=json_for_script(config),
        layers_json=json_for_script(layers) if layers else "",
        basemap_b64=basemap_b64 or "",
    )


def _with_basemap_scripts(config: dict[str, Any]) -> dict[str, Any]:
    """A linked page's config: it names the basemap's scripts, which map.js loads after the first drawing."""
    return dict(config, basemap_scripts=[_asset_url(s) for s in assets.BASEMAP_SCRIPTS])


def _asset_url(relative: str) -> str:
    """Where the embedded view loads a page asset from (the app:// scheme serves resources/web)."""
    return f"{APP_ORIGIN}/web/{relative}"


def _linked_page(config: dict[str, Any], title: str, extra_scripts: tuple[str, ...]) -> str:
    """What the template renders for the embedded view (assets as URLs, no data blocks), written out.

    The embedded page is made at every start-up, before the map can begin loading; importing Jinja2
    and compiling the template took about a tenth of a second there. tests/test_map_page.py checks
    that this stays exactly what the template renders.
    """
    config = _with_basemap_scripts(config)
    styles = "".join(f'<link rel="stylesheet" href="{_asset_url(s)}">\n' for s in assets.PAGE_STYLES)
    scripts = "".join(f'<script src="{url}"></script>\n'
                      for url in (*extra_scripts, *(_asset_url(s) for s in assets.LINKED_PAGE_SCRIPTS)))
    return (f'<!DOCTYPE html>\n\n<html lang="{config["lang"]}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>\n'
            f'{styles}\n</head>\n<body>\n<div id="map"></div>\n'
            f'<script type="application/json" id="sm-config">{json_for_script(config)}</script>\n'
            f'{scripts}\n</body>\n</html>')


def is_vector_pack(pack: Any) -> bool:
    tile_type = str(getattr(pack, "tile_type", "")).lower()
    return "mvt" in tile_type or "pbf" in tile_type or "vector" in tile_type


def basemap_spec(pack: Any, *, url: str | None, inline: bool = False) -> BasemapSpec:
    """Describe an opened basemap pack (maps.basemap.open_pack) for the page."""
    schema = str(getattr(pack, "schema", "") or "")
    if "openmaptiles" in schema.lower():
        schema = "openmaptiles"
    vector = is_vector_pack(pack)
    layer_ids = {str(layer.get("id")) for layer in (getattr(pack, "metadata", None) or {}).get("vector_layers", [])
                 if isinstance(layer, dict)}
    return BasemapSpec(
        kind="vector" if vector else "raster", url=url, schema=schema or "stationmap-v1",
        minzoom=int(pack.minzoom), maxzoom=int(pack.maxzoom),
        attribution=str(pack.attribution or "© OpenStreetMap contributors"),
        has_pois=vector and bool(layer_ids & {"pois", "poi"}), inline=inline)
