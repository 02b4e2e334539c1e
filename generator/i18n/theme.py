"""Words of the theme's own templates that Material does not translate, for the overrides
(overrides/partials/copyright.html, overrides/404.html): each language's generated MkDocs
configuration carries them, translated, as `extra.words` (check/editions.py), and the English
configuration gets them from these message ids, so no page shows them in English by default.
"""

from __future__ import annotations

from generator.i18n.languages import N_, Language

#: key -> message, as the overrides name them: {{ config.extra.words.made_with }}.
THEME_WORDS = {
    # Before the theme's name, "Material for MkDocs", which stays English (lang="en").
    "made_with": N_("Made with"),
    "not_found": N_("404 - Not found"),
}


def theme_words(lang: Language) -> dict[str, str]:
    """THEME_WORDS in `lang`."""
    return {key: lang.gettext(message) for key, message in THEME_WORDS.items()}
