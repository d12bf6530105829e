"""The content policy of pages: what Markdown under docs/ may not contain, named by file and line.

Rules (ids appear in every message):

- ``no-raw-html-<element>``: no raw <script>, <iframe>, <object>, <embed>, <form> or <style> element;
- ``no-inline-event-handler``: no ``on...=`` attribute, in raw HTML or in an attr_list (``{: onclick=...}``);
- ``no-theme-attribute``: no ``data-md-...`` attribute: Material's own, by which its script finds the
  parts of the page it drives (the search field, the table of contents, the repository's facts);
- ``no-javascript-url``: no ``javascript:`` (or ``vbscript:``) link or image target;
- ``no-data-url``: no ``data:`` link or image target;
- ``external-links-https``: a link to another site uses https (``mailto:`` is allowed).

Code spans and code blocks are text, not HTML: showing `<script>` there is fine. Pages are read
as Python-Markdown renders them with the site's extensions (bilingual_site.markdown.model); the
front matter is not Markdown and is not read here. These checks give the line; the last word is
the check of every published file, head included (published_html), which a browser's parser reads.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from bilingual_site.markdown.model import MarkdownOptions, MarkdownPage, read_markdown

FORBIDDEN_ELEMENTS = ("script", "iframe", "object", "embed", "form", "style")
RULES = (
    *(f"no-raw-html-{element}" for element in FORBIDDEN_ELEMENTS),
    "no-inline-event-handler",
    "no-theme-attribute",
    "no-javascript-url",
    "no-data-url",
    "external-links-https",
)
ALLOWED_SCHEMES = ("https", "mailto")
THEME_ATTRIBUTE_PREFIX = "data-md-"
_EVENT_HANDLER = re.compile(r"^on[a-z]+$")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
# Browsers drop ASCII tab and newline anywhere in a URL and C0 controls or spaces around it.
_URL_IGNORED = re.compile(r"[\t\n\r]")


@dataclass(frozen=True)
class Finding:
    path: str
    line: int | None
    rule: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message} (content policy: {self.rule})"


def _normalized_url(target: str) -> str:
    return _URL_IGNORED.sub("", html.unescape(target)).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ").lower()


def url_rule(target: str) -> tuple[str, str] | None:
    """The rule a link or image target breaks, with its message; None for a target the policy allows."""
    url = _normalized_url(target)
    scheme = _SCHEME.match(url)
    if scheme and scheme.group(1) in ("javascript", "vbscript"):
        return "no-javascript-url", f"{scheme.group(1)}: link target is not allowed"
    if scheme and scheme.group(1) == "data":
        return "no-data-url", "data: link target is not allowed"
    if url.startswith("//") or (scheme and scheme.group(1) not in ALLOWED_SCHEMES):
        return "external-links-https", f"external link {target.strip()!r} must use https"
    return None


def check_markdown(text: str, path: str, options: MarkdownOptions) -> list[Finding]:
    """Every content policy finding in a Markdown page's source, in line order."""
    return check_page(read_markdown(text, options), path)


def check_page(page: MarkdownPage, path: str) -> list[Finding]:
    """check_markdown on a page modelled already."""
    findings: list[Finding] = []
    for line, name in page.elements:
        if name in FORBIDDEN_ELEMENTS:
            findings.append(Finding(path, line, f"no-raw-html-{name}", f"raw <{name}> element is not allowed"))
    for attribute in page.attributes:
        if _EVENT_HANDLER.match(attribute.name):
            findings.append(
                Finding(path, attribute.line, "no-inline-event-handler", f"inline event handler {attribute.name!r} is not allowed")
            )
        elif attribute.name.startswith(THEME_ATTRIBUTE_PREFIX):
            findings.append(
                Finding(path, attribute.line, "no-theme-attribute", f"attribute {attribute.name!r} is the theme's (Material's script acts on it)")
            )
    for target in page.url_targets:
        broken = url_rule(target.url)
        if broken:
            findings.append(Finding(path, target.line, *broken))
    return sorted(findings, key=lambda finding: finding.line or 0)
