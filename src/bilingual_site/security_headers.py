"""The Content-Security-Policy of every page and the `_headers` file for hosts that read one.

Scripts: the theme's bundle is a file (`'self'`); its few inline scripts are allowed by their
sha256 hash, computed from the final HTML, so nothing else inline can run: no `'unsafe-inline'`,
no `'unsafe-eval'`. Styles: stylesheets are files and Material sets styles only through the
CSSOM (`element.style.x = ...`), which CSP does not govern, so `style-src 'self'` is enough.
Images: Material's icons in its CSS are `data:` SVG masks, hence `img-src 'self' data:`.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache

# Script types a browser executes; `application/json` (Material's __config) is data, not code.
_EXECUTABLE_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript", "application/ecmascript"}
SCRIPT_ELEMENT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)  # its attributes, its text
_SCRIPT_START = re.compile(r"<script\b([^>]*)>")
_SCRIPT_END = re.compile(r"</script\s*>", re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_CHARSET = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.I)
# Whitespace before it is matched backwards from the tag (`[ \t\r\n]*` written first would make
# the engine rescan every whitespace run of the page: quadratic on Material's indented nav).
_EXISTING = re.compile(r"<meta\s+http-equiv=[\"']Content-Security-Policy[\"'][^>]*>", re.I)
_HEAD_END = re.compile(r"</head\s*>", re.I)

# Directives a <meta> policy cannot carry (browsers ignore them there, with a console error).
HEADER_ONLY = {"frame-ancestors": ["'none'"]}

EXTRA_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def inline_script_hashes(html: str) -> list[str]:
    """CSP hash sources (`'sha256-...'`) of the inline scripts a browser would run in ``html``, in order.

    Scripts are found by a plain search for `<script`, about three times faster than
    SCRIPT_ELEMENT's case-blind pattern on a page that holds the whole navigation. The theme and
    the templates write `<script` in lower case, and the content policy refuses script elements
    in pages in any case. A script written `<SCRIPT` would get no hash, so the browser would
    refuse to run it (and a `<script` inside its text would be hashed though nothing runs it).
    """
    hashes: list[str] = []
    for attributes, body in _lower_case_scripts(html):
        if _SRC.search(attributes):
            continue
        script_type = _TYPE.search(attributes)
        if script_type and script_type.group(1).lower() not in _EXECUTABLE_TYPES:
            continue
        source = hash_source(body)
        if source not in hashes:
            hashes.append(source)
    return hashes


@lru_cache(maxsize=1024)  # pages of one folder and language carry the same scripts
def hash_source(script: str) -> str:
    """The CSP source allowing an inline script: `'sha256-...'`."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def _lower_case_scripts(html: str):
    """(attributes, text) of each `<script>` element, as SCRIPT_ELEMENT reads them, but found by a plain search."""
    start = html.find("<script")
    while start >= 0:
        tag = _SCRIPT_START.match(html, start)
        closing = _SCRIPT_END.search(html, tag.end()) if tag else None
        if closing is None:
            start = html.find("<script", start + 1)
            continue
        yield tag.group(1), html[tag.end() : closing.start()]
        start = html.find("<script", closing.end())


def policy(script_hashes: list[str]) -> dict[str, list[str]]:
    """The page policy, directive by directive."""
    return {
        "default-src": ["'self'"],
        "script-src": ["'self'", *script_hashes],
        # Material's search runs in a Web Worker loaded from the site (assets/javascripts/workers/).
        "worker-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }


def serialize(directives: dict[str, list[str]]) -> str:
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def with_csp_meta(html: str, where: str) -> tuple[str, list[str]]:
    """``html`` with its CSP <meta> right after <meta charset> (replacing an older one), and the hashes it allows."""
    html = without_csp_meta(html)
    hashes = inline_script_hashes(html)
    charset = _CHARSET.search(html)
    if not charset:
        raise ValueError(f"{where}: no <meta charset=\"utf-8\"> to put the Content-Security-Policy after")
    # The first occurrence of that very text is the one found: one copy of the page instead of three.
    return html.replace(charset.group(0), charset.group(0) + _csp_meta(tuple(hashes)), 1), hashes


@lru_cache(maxsize=256)
def _csp_meta(script_hashes: tuple[str, ...]) -> str:
    return f'\n      <meta http-equiv="Content-Security-Policy" content="{serialize(policy(list(script_hashes)))}">'


def without_csp_meta(html: str) -> str:
    """``html`` without the CSP <meta> of an earlier pass (and the whitespace before it), searched in <head> only."""
    head_end = _HEAD_END.search(html)
    head = html[: head_end.start()] if head_end else html
    if not _EXISTING.search(head):
        return html  # the case of every page the build writes
    parts, last = [], 0
    for match in _EXISTING.finditer(head):
        start = len(head[: match.start()].rstrip())
        parts.append(html[last:start])
        last = match.end()
    return "".join(parts) + html[last:]


def headers_file(script_hashes: list[str]) -> str:
    """A `_headers` file (Netlify, Cloudflare Pages): the page policy for every URL, plus what only headers can say.

    One rule for the whole site: its policy allows the union of every page's inline-script hashes.
    A header policy and a meta policy both apply (a script must pass both), so the header one must
    allow every hash any page uses; each hash allows one exact script of the theme, nothing more.
    """
    directives = policy(sorted(script_hashes)) | HEADER_ONLY
    lines = [
        "# Security headers for hosts that read a _headers file (Netlify, Cloudflare Pages).",
        "# Generated by hooks/security_headers.py at build time. GitHub Pages serves it as a plain file and sets none of these.",
        "/*",
        f"  Content-Security-Policy: {serialize(directives)}",
        *(f"  {name}: {value}" for name, value in EXTRA_HEADERS.items()),
    ]
    return "\n".join(lines) + "\n"
