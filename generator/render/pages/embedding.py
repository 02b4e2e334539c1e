"""What every page that offers an embed shares: the embed's and its oEmbed response's
paths, the copy-paste snippet, and the oEmbed document (embeds.py makes the embed pages)."""

from __future__ import annotations

import json

from markupsafe import Markup

from generator.render.pages.common import Settings
from generator.safety import escape

#: Suggested iframe heights before embed.js measures the real one.
EXERCISE_HEIGHT, ROUTINE_HEIGHT, WIDTH = 900, 1100, 640
HEIGHTS = {"exercises": EXERCISE_HEIGHT, "routines": ROUTINE_HEIGHT}


def embed_path(kind: str, ident: str) -> str:
    """URL path of an embed view: `embed/exercises/<id>/`."""
    return f"embed/{kind}/{ident}/"


def oembed_path(kind: str, ident: str) -> str:
    return f"oembed/{kind}/{ident}.json"


def snippet(settings: Settings, kind: str, ident: str, title: str, height: int) -> str:
    """The copy-paste HTML a clinic puts in its page: a sandboxed iframe and the resizer."""
    src = settings.url(embed_path(kind, ident))
    label = escape.html_only(f"{title}: {settings.site_name}")
    return (
        f'<iframe src="{src}" title="{label}" width="100%" height="{height}" loading="lazy" '
        f'referrerpolicy="no-referrer" '
        f'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" '
        f'style="border:0;width:100%;max-width:{WIDTH}px"></iframe>\n'
        f'<script src="{settings.url("embed.js")}" async></script>'
    )


def oembed(settings: Settings, kind: str, ident: str, title: str, height: int) -> bytes:
    """A static oEmbed 1.0 `rich` response for one embeddable page."""
    document = {
        "version": "1.0",
        "type": "rich",
        "title": title,
        "provider_name": settings.site_name,
        "provider_url": settings.site_url,
        "html": snippet(settings, kind, ident, title, height),
        "width": WIDTH,
        "height": height,
        "cache_age": 86400,
    }
    return (json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def snippet_block(settings: Settings, kind: str, ident: str, title: str) -> Markup:
    """The snippet as a fenced code block for the full page (Material adds a copy button)."""
    height = HEIGHTS[kind]
    code = snippet(settings, kind, ident, title, height)
    return Markup(f"``` html\n{code}\n```")
