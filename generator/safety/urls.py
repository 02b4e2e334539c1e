"""Every URL the handbook writes is made here, from values checked against strict grammars.

Values from content and from the command line (the site's address, DOIs, PubMed Central ids,
a clinic's website) are untrusted: each is matched whole against a grammar that allows only
what such an address needs, and written out percent-encoded, so that no quote, bracket or
space can end an attribute or a Markdown link. No library both validates and builds these
(urllib.parse splits and quotes but accepts anything), so the grammars are written here.
"""

from __future__ import annotations

import re
from urllib.parse import quote

#: Longest site address accepted: a card's QR code must still scan from paper.
MAX_SITE_URL = 200
#: Longest clinic website accepted: it is printed on every card.
MAX_WEBSITE = 80

_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_HOST = rf"(?:{_LABEL}(?:\.{_LABEL})*|\d{{1,3}}(?:\.\d{{1,3}}){{3}}|\[[0-9a-f:.]+\])"
_SEGMENT = r"(?:[A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})+"
_WEB_ADDRESS = re.compile(rf"(https?)://({_HOST})(:\d{{1,5}})?((?:/{_SEGMENT})*/?)")

#: A DOI as registered: "10.", a registrant code, "/", then a suffix of the characters DOIs
#: use in practice (letters, digits and - . _ ; ( ) / :). No space, quote, bracket or < >.
DOI = r"^10\.\d{4,9}/[A-Za-z0-9._;()/:-]{1,200}$"
#: A PubMed Central id, the only kind of locator that is turned into a link.
PMC = r"^PMC\d{4,10}$"


#: The folders the handbook's own pages and files take, at the site's root and inside the
#: folders that hold a page per id (cards/<routine>/, cards/exercises/<exercise>/, embed/...);
#: with each language's folder (i18n) and the templates' anchors, the ids content may not
#: take (validate.reserved_ids). MkDocs and Material add search/ and assets/; index is the
#: name of every folder's own page. A test renders the pages and checks this is complete.
PAGE_FOLDERS = frozenset(
    {
        "api",
        "assets",
        "builder",
        "cards",
        "causes",
        "embed",
        "embed-guide",
        "exercises",
        "index",
        "large",
        "oembed",
        "offline",
        "programme",
        "progress",
        "references",
        "routines",
        "safety",
        "search",
        "translations",
        "v1",
    }
)


class UrlError(ValueError):
    """A value that was to become a URL does not fit its grammar."""


def site_url(text: str) -> str:
    """The site's address, checked: http(s), a host, an optional port and path; ends in '/'."""
    address = _web_address(text, "the site address", MAX_SITE_URL, schemes=("http", "https"))
    return address if address.endswith("/") else address + "/"


def website(text: str) -> str:
    """A clinic's website, checked: https, a host and an optional path."""
    return _web_address(text, "a website", MAX_WEBSITE, schemes=("https",))


def _web_address(text: str, what: str, longest: int, *, schemes: tuple[str, ...]) -> str:
    if len(text) > longest:
        raise UrlError(f"{what} may be at most {longest} characters; this one has {len(text)}")
    match = _WEB_ADDRESS.fullmatch(text)
    if match is None:
        raise UrlError(
            f"{what} must be an absolute {' or '.join(s + '://' for s in schemes)} address "
            "with a host name, such as https://clinic.example/handbook/, and no query, "
            f"fragment, spaces or quotes; got {_shown(text)}"
        )
    scheme, host, port, _ = match.groups()
    if scheme not in schemes:
        raise UrlError(f"{what} must start with {' or '.join(s + '://' for s in schemes)}")
    if port and not 0 < int(port[1:]) < 65536:
        raise UrlError(f"{what} has an impossible port number {port[1:]}")
    if "." not in host and host != "localhost" and not host.startswith("["):
        raise UrlError(f"{what} needs a full host name such as clinic.example, got {host!r}")
    return text


def join(base: str, path: str) -> str:
    """An address on the site: `base` (checked by site_url) followed by a generated path.

    Generated paths are made of ids (slugs) and fixed words, so they never need encoding;
    anything else is a bug, and fails loudly rather than writing a broken address.
    """
    if not re.fullmatch(r"(?:[a-z0-9._-]+/?)*(?:#[a-z0-9-]+)?", path):
        raise ValueError(f"not a generated site path: {path!r}")
    return base + path


def doi(value: str) -> str:
    """The resolver address of a DOI that matched the DOI grammar."""
    if not re.fullmatch(DOI, value):
        raise UrlError(f"not a DOI: {_shown(value)}")
    return "https://doi.org/" + quote(value, safe="/:;._-")


def pmc(value: str) -> str:
    """The address of a PubMed Central article from its id (PMC followed by digits)."""
    if not re.fullmatch(PMC, value):
        raise UrlError(f"not a PubMed Central id: {_shown(value)}")
    return f"https://www.ncbi.nlm.nih.gov/pmc/articles/{value}/"


def _shown(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")
