"""A stylesheet made from the site's settings: the short name in the phone header.

Material's header shows the whole site name, which a phone cuts off; below 40em this shows
`extra.short_name` instead (plain text, checked in siteconfig, and written as a CSS string
with every character but letters, digits and spaces escaped). On the narrowest phones a name
too long for one line beside the header's buttons takes two ("Ejercicios de pies").
"""

from __future__ import annotations

from generator.render.pages.common import Settings
from generator.safety.escape import css_string
from generator.source.book import Book


def site_stylesheet(book: Book, settings: Settings) -> dict[str, bytes]:
    css = (
        "/* Generated from mkdocs.yml (extra.short_name): the site name for phone headers. */\n"
        "@media screen and (max-width: 40em) {\n"
        "  .md-header__title .md-header__topic:first-child .md-ellipsis { font-size: 0; }\n"
        "  .md-header__title .md-header__topic:first-child .md-ellipsis::after {\n"
        f"    content: {css_string(settings.short_name)}; font-size: 0.9rem;\n"
        "  }\n"
        "}\n"
        "@media screen and (max-width: 24em) {\n"
        "  .md-header__title .md-header__topic:first-child .md-ellipsis {\n"
        "    white-space: normal; line-height: 1.15;\n"
        "  }\n"
        "  .md-header__title .md-header__topic:first-child .md-ellipsis::after {\n"
        "    font-size: 0.8rem;\n"
        "  }\n"
        "}\n"
    )
    return {"assets/stylesheets/site.css": css.encode()}
