"""The last word on what the site publishes: every HTML file, head and body, held against an allowlist.

The source checks (content_policy, page_sources) read Markdown and front matter and name the line;
but a page is what the theme, the plugins and the contributions make together, and a browser reads
it by the HTML5 parsing rules, not by the rules of any of those checks. This module parses a whole
published document with selectolax's Lexbor, a browser-grade HTML5 parser (so comments such as
`<!--><script>` or `<![CDATA[><script>` give the script element Chromium runs), and holds every
element against an allowlist, the way a sanitizer does (nh3/ammonia): what is not listed is
refused.

- Elements and attributes: those the theme and Python-Markdown write, and plain text markup; no
  event-handler attribute (any name starting with "on"); no `style` attribute or element, `base`,
  `iframe`, `object`, `embed`, `frame`, `noscript`, `template`, `math`...
- <head> holds only `meta` (charset, name/property and content, and the site's own CSP), `link`
  with the rels the theme writes, `title` and the theme's scripts; `meta` and `link` anywhere else
  are refused, and so is a `form` outside the page header (Material's search and colour toggle).
- Every URL is read as the WHATWG URL standard reads it (C0 controls and spaces around it dropped,
  tabs and newlines inside it dropped, `\\` a `/` for http(s) pages, entities already decoded by the
  parser) and must be https, mailto, an address of the site itself, or a fragment. Every `srcset`
  candidate is such a URL.
- Scripts: a file of the site that the templates load, an inline script whose sha256 is among the
  ones the templates write (SitePolicy.inline_script_hashes, found before any contribution goes
  in), or Material's `application/json` configuration block, once, where the theme writes it.
- Inline SVG: drawing elements only; no script, `foreignObject`, handler or reference outside it.

Nothing here raises on bad HTML: every problem is a Finding naming the page and the element.
No MkDocs import: the site's plugin hands over the text and the policy.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

# --- What the site publishes --------------------------------------------------------------------

# Outside <head>: text markup, tables, images, and what Material writes around them (drawer and
# search toggles, the palette form). `form`, `script` and `svg` are allowed with the rules below.
BODY_ELEMENTS = frozenset(
    """a abbr address article aside b bdi bdo blockquote br button caption cite code col colgroup data dd
    del details dfn div dl dt em figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr i img
    input ins kbd label li main mark meter nav ol p picture pre progress q rp rt ruby s samp script section
    small source span strong sub summary sup svg table tbody td template tfoot th thead time tr u ul var wbr""".split()
)
HEAD_ELEMENTS = frozenset({"meta", "link", "title", "script"})
DOCUMENT_ELEMENTS = frozenset({"html", "head", "body"})
# Icons and simple drawings; names lowercased (the parser gives `linearGradient`, `clipPath`).
SVG_ELEMENTS = frozenset(
    "svg g path circle ellipse line polyline polygon rect title desc defs lineargradient radialgradient stop clippath symbol".split()
)

# <html>, <head> and <body> carry exactly what the theme writes and nothing else, no global
# attribute either: a `<body ...>` or `<html ...>` tag anywhere in a page's content adds its
# attributes to the document's own element (HTML5 parsing), so `<html dir="rtl">` in a
# contribution would turn the whole page around. Material sets its other data-md-* at run time.
DOCUMENT_ATTRIBUTES = {
    "html": frozenset({"lang", "class"}),
    "head": frozenset(),
    "body": frozenset({"dir", "data-md-color-scheme", "data-md-color-primary", "data-md-color-accent"}),
}
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir", "role", "hidden", "tabindex", "translate"})
GLOBAL_PREFIXES = ("aria-", "data-")
ELEMENT_ATTRIBUTES = {
    "a": {"href", "hreflang", "rel", "target", "type"},
    "img": {"src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"},
    "source": {"srcset", "sizes", "media", "type", "width", "height"},
    "input": {"type", "name", "value", "checked", "disabled", "readonly", "autocomplete", "placeholder",
              "autocapitalize", "autocorrect", "spellcheck", "required"},
    "button": {"type", "name", "value", "disabled"},
    "label": {"for"},
    "form": {"name"},  # no action, method or target: it submits nowhere (and CSP says form-action 'none')
    "td": {"colspan", "rowspan", "headers", "align"},
    "th": {"colspan", "rowspan", "headers", "scope", "align", "abbr"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "data": {"value"},
    "progress": {"max", "value"},
    "meter": {"value", "min", "max", "low", "high", "optimum"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "details": {"open"},
    "meta": {"charset", "name", "property", "content", "http-equiv"},
    "link": {"rel", "href", "hreflang", "type", "sizes"},
}
SVG_ATTRIBUTES = frozenset(
    """xmlns xmlns:xlink version viewbox width height preserveaspectratio fill fill-rule fill-opacity clip-rule
    clip-path stroke stroke-width stroke-linecap stroke-linejoin stroke-opacity stroke-dasharray stroke-miterlimit
    opacity d points x y x1 y1 x2 y2 cx cy r rx ry fx fy transform offset stop-color stop-opacity gradientunits
    gradienttransform focusable class id role""".split()
)

# Every attribute a browser reads a URL from, whatever the element: checked even where the element or
# the attribute is refused anyway, so the message says what the URL was.
URL_ATTRIBUTES = frozenset(
    """href src action formaction poster data cite xlink:href background longdesc codebase classid usemap
    manifest icon lowsrc dynsrc profile itemtype""".split()
)
SRCSET_ATTRIBUTES = frozenset({"srcset", "imagesrcset"})
IMAGE_ELEMENTS = frozenset({"img", "source"})  # what the policy's img-src governs among allowed elements
VALUE_RULES = URL_ATTRIBUTES | SRCSET_ATTRIBUTES | {"class", "data-md-component"}  # the attributes whose value has a rule (attribute)

# Relations of Material's and the site's own <link>s; `stylesheet` and `icon` load files, which must be the site's.
LINK_RELATIONS = frozenset({"stylesheet", "icon", "canonical", "alternate", "prev", "next"})
LOADING_RELATIONS = frozenset({"stylesheet", "icon"})
ASSETS_FOLDER = "assets/"

# The <meta> names and properties the theme (base.html) and the site's social tags
# (partials/social-meta.html) write. Others change what browsers and crawlers do with a page:
# `referrer` sends the full address of a page to other hosts, `robots` hides it from search,
# a verification token claims the site for someone.
META_NAMES = frozenset({"viewport", "description", "author", "generator", "twitter:card", "twitter:title", "twitter:description"})
META_PROPERTIES = frozenset({"og:type", "og:site_name", "og:title", "og:description", "og:url", "og:locale", "og:locale:alternate"})
REPEATABLE_META = frozenset({"og:locale:alternate"})  # each other name or property says one thing about the page, once

# The components Material's templates mark (`data-md-component`) and its script mounts, but for
# `source`, whose script asks the repository's host for its facts (partials/source.html drops it).
THEME_COMPONENTS = frozenset(
    """announce consent container content dialog header header-title header-topic logo main outdated palette
    progress search search-query search-result search-share search-suggest sidebar skip tabs toc top""".split()
)

CONFIG_ID = "__config"  # Material's configuration block, read by its bundle with getElementById
# A form's name becomes a property of `document` that hides the built-in one (`<form name="querySelector">`
# breaks every script calling it): the theme names its search form, and no other.
FORM_NAMES = frozenset({"search"})
CONFIG_TYPE = "application/json"
CSP_HTTP_EQUIV = "content-security-policy"

# WHATWG URL: "C0 control or space" is stripped at both ends, "ASCII tab or newline" removed inside.
_C0_CONTROL_OR_SPACE = "".join(chr(code) for code in range(0x21))
_TAB_OR_NEWLINE = str.maketrans("", "", "\t\n\r")
_ASCII_WHITESPACE = "\t\n\f\r "  # HTML's, which separates srcset candidates and their descriptors
_SCHEME_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789+-.")

SNIPPET_LENGTH = 120


@dataclass(frozen=True)
class SitePolicy:
    """What a page may hold beyond the allowlist: the site's own scripts and policy.

    ``inline_script_hashes``: CSP sources (`'sha256-...'`) of the inline scripts the templates write.
    ``script_paths``: site-relative paths of the script files the templates load.
    ``site_url``: the site's address; absolute links to it are the site's own (canonical, hreflang).
    ``csp``: the content of the CSP <meta> every page carries right after its charset; None when
    pages carry none (`mkdocs serve`), and then no page may carry one.
    """

    inline_script_hashes: frozenset[str]
    script_paths: frozenset[str]
    site_url: str
    csp: str | None


@dataclass(frozen=True)
class Finding:
    page: str  # site-relative path of the published file
    where: str  # the element, with its nearest ancestors, and a snippet of its HTML
    message: str
    source: str | None = None  # the file the page was built from, when known

    def __str__(self) -> str:
        built_from = f" (built from {self.source})" if self.source else ""
        return f"{self.page}{built_from}: {self.message}, at {self.where}"


def csp_hash(script: str) -> str:
    """The CSP source allowing an inline script whose text is ``script``: `'sha256-...'`."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8", "surrogatepass")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


# --- URLs ------------------------------------------------------------------------------------------


def whatwg_url_text(value: str) -> str:
    """The text the URL parser works on: C0 controls and spaces stripped around, tabs and newlines removed."""
    return value.strip(_C0_CONTROL_OR_SPACE).translate(_TAB_OR_NEWLINE)


def url_scheme(text: str) -> str | None:
    """The scheme of a URL text (lowercased), or None when the parser reads it as a relative URL."""
    colon = text.find(":")
    scheme = text[:colon]
    # ASCII only, compared after lowercasing: str.lower() maps a few other letters to ASCII ones.
    if colon <= 0 or not scheme.isascii() or not scheme[0].isalpha():
        return None
    scheme = scheme.lower()
    return scheme if all(character in _SCHEME_CHARACTERS for character in scheme) else None


@dataclass(frozen=True)
class SiteAddress:
    """The site's origin and path, to tell its own URLs from others'."""

    origin: tuple[str, str]  # scheme, host[:port]
    path: str  # '/' or '/repository/'

    @classmethod
    def of(cls, site_url: str) -> "SiteAddress":
        parts = urlsplit(site_url)
        path = parts.path or "/"
        return cls((parts.scheme.lower(), parts.netloc.lower()), path if path.endswith("/") else path + "/")

    def base(self) -> str:
        return f"{self.origin[0]}://{self.origin[1]}{self.path}"

    def site_path(self, page: str, url_text: str) -> str | None:
        """The site-relative path ``url_text`` (read on ``page``) points at, or None when it leaves the site."""
        absolute = urlsplit(urljoin(self.base() + page, url_text))
        if (absolute.scheme.lower(), absolute.netloc.lower()) != self.origin or not absolute.path.startswith(self.path):
            return None
        return absolute.path[len(self.path) :]


def url_problem(value: str, site: SiteAddress) -> str | None:
    """Why a URL value breaks the policy, or None: https, mailto, the site's own address, a same-site
    path (relative, or one leading `/`) or a fragment are allowed."""
    text = whatwg_url_text(value)
    scheme = url_scheme(text)
    if scheme is None:
        # The page is served over http(s), a "special" scheme: the parser reads `\` as `/`, so
        # `\\host`, `/\host` and `//host` all name another host.
        if text.replace("\\", "/").startswith("//"):
            return f"URL {value!r} names another host (a browser reads it as {'//' + text.replace(chr(92), '/').lstrip('/')!r})"
        return None
    if scheme in ("https", "mailto"):
        return None
    # The site's own address, on a local build served over http: written in full ('http://host/...').
    # A browser reads `\\` as `/` in an http URL ('http:\\\\host' names another host), where Python's
    # urljoin takes 'http:' plus a path for a path of the base: the slashes are compared first.
    own_text = text.replace("\\", "/")
    if scheme == "http" and own_text[len("http:") : len("http://")] == "//" and site.site_path("", own_text) is not None:
        return None
    return f"URL {value!r} has the scheme {scheme}: (only https:, mailto:, the site's own paths and fragments are allowed)"


def same_site_path_problem(value: str, page: str, site: SiteAddress) -> tuple[str | None, str | None]:
    """(the site path, None) for a URL that is a path of the site, or (None, why not)."""
    text = whatwg_url_text(value)
    if url_scheme(text) is not None or text.replace("\\", "/").startswith("//"):
        return None, f"URL {value!r} is not a path of the site"
    path = site.site_path(page, text.replace("\\", "/"))
    if path is None:
        return None, f"URL {value!r} leads out of the site"
    return path, None


def srcset_urls(value: str) -> list[str]:
    """The URL of every candidate in a `srcset`, split as the HTML standard splits it."""
    urls, position, end = [], 0, len(value)
    while position < end:
        while position < end and (value[position] in _ASCII_WHITESPACE or value[position] == ","):
            position += 1
        if position >= end:
            break
        start = position
        while position < end and value[position] not in _ASCII_WHITESPACE:
            position += 1
        url = value[start:position]
        if url.endswith(","):
            url = url.rstrip(",")  # no descriptors: the comma ends the candidate
        else:
            in_parentheses = False
            while position < end:
                character = value[position]
                position += 1
                if character == "(":
                    in_parentheses = True
                elif character == ")":
                    in_parentheses = False
                elif character == "," and not in_parentheses:
                    break
        if url:
            urls.append(url)
    return urls


# --- Reading the document --------------------------------------------------------------------------

# Where an element sits, as bits: what the rules depend on.
IN_HEAD = 1
IN_SVG = 2
IN_HEADER = 4  # Material's page header (`body > header`), where its forms are
REFUSED_ABOVE = 8  # inside an element already refused: its content is not judged again
ANCESTORS_SHOWN = 4


def _label(node: LexborNode) -> str:
    tag = node.tag.lower()
    classes = (node.attributes.get("class") or "").split() if tag not in DOCUMENT_ELEMENTS else ()
    return f"{tag}.{classes[0]}" if classes else tag


def _where(node: LexborNode) -> str:
    """The element, its nearest ancestors and the start of its HTML, for a message."""
    ancestors, parent = [], node.parent
    while parent is not None and parent.is_element_node and len(ancestors) < ANCESTORS_SHOWN:
        ancestors.append(_label(parent))
        parent = parent.parent
    html = node.html or ""
    snippet = html if len(html) <= SNIPPET_LENGTH else html[:SNIPPET_LENGTH] + "…"
    return " > ".join([*reversed(ancestors), _label(node)]) + f": {snippet!r}"


def _elements(top: LexborNode) -> list[LexborNode]:
    """``top`` and every element below it (a template's content: every element in it), in document
    order: an element's descendants come right after it."""
    return [node for node in top.traverse(include_text=False) if node.is_element_node]  # comments are text to the browser


def _subtree_size(node: LexborNode) -> int:
    """How many elements _elements(node) lists."""
    return sum(1 for inner in node.traverse(include_text=False) if inner.is_element_node)


def _places(document: LexborHTMLParser, elements: list[LexborNode]) -> list[int]:
    """The place bits below <head> and the page header, by index in ``elements`` (the document's,
    from _elements); the walk marks what is below an <svg> as it meets it.

    Each such subtree is counted once, from its top: descendant selectors (`head *`) compare every
    element with all its ancestors, which took seconds on a hostile page of deeply nested elements.
    """
    places = [0] * len(elements)

    def index_of(node: LexborNode, start: int) -> int | None:
        identity = node.mem_id
        return next((index for index in range(start, len(elements)) if elements[index].mem_id == identity), None)

    after_head = 0
    head = document.head
    start = index_of(head, 0) if head is not None else None  # the second element, <html>'s first child
    if start is not None:
        after_head = start + _subtree_size(head)
        places[start + 1 : after_head] = [IN_HEAD] * (after_head - start - 1)
    body = document.body
    start = index_of(body, after_head) if body is not None else None  # the element after <head>'s
    if start is not None:
        children = [child for child in body.iter(include_text=False) if child.is_element_node]
        # The theme's header is the first <header> child of <body>, before any contributed text. A
        # later one is a contribution's: end tags in a page, or in a string the theme prints raw, close
        # the theme's containers and open a <header> at the top of <body>, and a form there, named after
        # a method of `document` (`querySelector`), replaces that method for every script of the page.
        header = next((position for position, child in enumerate(children) if child.tag == "header"), None)
        start += 1  # the body's first child
        for child in children[: header + 1] if header is not None else []:  # the theme's header comes early: few are counted
            end = start + _subtree_size(child)
            if child.tag == "header":
                places[start + 1 : end] = [IN_HEADER] * (end - start - 1)
            start = end
    return places


def _stateful(tag: str, attributes: dict) -> bool:
    """Whether an element's rules read more than the element, its place, the policy and the page's
    folder: a script's read its parent and its text, and count the configuration blocks of the page;
    a <meta>'s count the policies and the names of the page, a canonical <link>'s its canonical
    links, a named <form>'s the forms of that name."""
    return (
        tag == "script"
        or tag == "meta"
        or (tag == "form" and "name" in attributes)
        or (tag == "link" and "canonical" in (attributes.get("rel") or "").lower().split())
    )


class CheckedElements:
    """The elements found clean on the pages checked so far, so that each distinct one is checked once.

    Most elements of a page are the theme's (header, search, navigation, footer, table of contents),
    the same from page to page, and the full rules for one element took most of the check's time.
    The rules read, of an element, its tag, its attributes, its place bits (_places, walk), the site's
    policy and, for a relative URL, the page's folder (the URL is resolved there); nothing else but
    for the _stateful ones, which are always checked. So an element with the same tag, attributes
    (the parser's names and values, in order) and place bits as one found clean on an earlier page
    of the same policy and folder is clean too, and is not checked again. Only clean elements are
    remembered: every finding is made by the rules, naming its page and element. The page-wide rule
    on duplicate ids is applied to every element, as before.

    Created by the caller for one check of a site (no module state). It remembers the elements of one
    policy and folder at a time, so hand it the pages folder by folder (sorted paths): that bounds
    its memory, and a folder's pages share their shell.
    """

    def __init__(self) -> None:
        self.policy_and_folder: tuple[SitePolicy, str] | None = None
        self.clean: set[tuple] = set()
        # The CSP source of each inline script's text met so far: the theme's scripts are the same on
        # every page, and hashing (OpenSSL's look-up of the algorithm, mostly) cost more than a page's
        # scripts' rules. A hash depends on the text alone, so it holds across folders and policies.
        self.script_hashes: dict[str, str] = {}

    def for_page(self, policy: SitePolicy, page: str) -> set[tuple]:
        """The elements known clean for the page's policy and folder; the check adds those it finds clean."""
        policy_and_folder = (policy, page.rpartition("/")[0])
        if policy_and_folder != self.policy_and_folder:
            self.policy_and_folder, self.clean = policy_and_folder, set()
        return self.clean


class _DocumentCheck:
    """One pass over one document; collects findings (state lives only as long as the check)."""

    def __init__(self, page: str, policy: SitePolicy, source: str | None, script_hashes: dict[str, str]) -> None:
        self.page = page
        self.policy = policy
        self.source = source
        self.script_hashes = script_hashes  # text -> CSP source (CheckedElements)
        self.site = SiteAddress.of(policy.site_url)
        self.findings: list[Finding] = []
        self.config_blocks = 0
        self.csp_metas = 0
        self.canonical_links = 0
        self.meta_names: set[str] = set()
        self.form_names: set[str] = set()

    def add(self, node: LexborNode, message: str) -> None:
        self.findings.append(Finding(self.page, _where(node), message, self.source))

    def run(self, document: LexborHTMLParser, known_clean: set[tuple]) -> None:
        root = document.root
        if root is None:
            return
        elements = _elements(root)
        self.walk(elements, _places(document, elements), set(), known_clean)
        # A <template>'s content is no part of the document tree, but a script may clone it into the
        # page (the site's search fallback does): it is held to the same rules, as body content.
        fragments = root.template_fragments()
        while fragments:
            fragment = fragments.pop(0)
            self.walk(_elements(fragment), None, set(), known_clean)
            fragments.extend(fragment.template_fragments())
        self.head_rules(document)

    def walk(self, elements: list[LexborNode], places: list[int] | None, ids: set[str], known_clean: set[tuple]) -> None:
        """Check ``elements`` (a subtree's, in document order), placed by ``places`` (None: a template's
        content, where no place bits apply). An element's descendants are the ones right after it, so
        an <svg>'s and a refused element's are marked by the index where they end, with no look-up
        by element identity. An element found clean before (CheckedElements) is not checked again."""
        svg_end = refused_end = 0  # elements before these indices are inside an <svg>, inside a refused element
        for index, node in enumerate(elements):
            flags = 0
            tag = node.tag
            if places is not None:
                flags = places[index]
                if index < svg_end:
                    flags |= IN_SVG
                elif tag == "svg":
                    svg_end = index + _subtree_size(node)
            if index < refused_end:
                flags |= REFUSED_ABOVE
            attributes = node.attributes
            signature = (tag, flags, *attributes.items())  # what the rules read of it, with the policy and folder
            if signature not in known_clean:
                lowered = tag.lower()
                findings_before = len(self.findings)
                if self.element(node, lowered, flags, attributes) and not flags & REFUSED_ABOVE:
                    refused_end = index + _subtree_size(node)
                if len(self.findings) == findings_before and not _stateful(lowered, attributes):
                    known_clean.add(signature)
            element_id = attributes.get("id")
            if element_id:
                if element_id in ids:
                    # getElementById gives the first: a later one cannot stand in for the theme's, nor the reverse.
                    self.add(node, f"id {element_id!r} is used by more than one element")
                ids.add(element_id)

    def element(self, node: LexborNode, tag: str, flags: int, attributes: dict) -> bool:
        """Check one element; True when the element itself is refused."""
        for name, value in attributes.items():
            name = name.lower()
            if name in VALUE_RULES or name.startswith("on"):
                self.attribute(node, name, value)
        if attributes.get("id") == CONFIG_ID and tag != "script":
            # Material's bundle reads its configuration with getElementById: the first element wins.
            self.add(node, f"id {CONFIG_ID!r} belongs to Material's configuration block")
        if flags & REFUSED_ABOVE:
            return True
        if tag in DOCUMENT_ELEMENTS:
            for name in attributes:
                if name.lower() not in DOCUMENT_ATTRIBUTES[tag] and not name.lower().startswith("on"):
                    self.add(node, f"attribute {name.lower()!r} is not one the theme writes on <{tag}> (a <{tag}> tag in a page's content adds its attributes to the page's own)")
            return False
        if flags & IN_SVG or tag == "svg":
            return self.svg_element(node, tag, attributes)
        if tag == "math":
            self.add(node, "MathML is not allowed (its parsing lets markup change namespace)")
            return True
        in_head = flags & IN_HEAD
        if tag not in (HEAD_ELEMENTS if in_head else BODY_ELEMENTS):
            self.add(node, f"<{tag}> is not allowed {'in <head>' if in_head else 'outside <head>'}")
            return True
        if tag == "script":
            self.script(node, attributes)  # its attributes are the script rules' business
            return False
        self.attribute_names(node, tag, attributes)
        if tag == "meta":
            self.meta(node, attributes)
        elif tag == "link":
            self.link(node, attributes)
        elif tag == "form" and not flags & IN_HEADER:
            self.add(node, "<form> is allowed only in the theme's page header")
        elif tag == "form" and "name" in attributes and attributes["name"] not in FORM_NAMES:
            self.add(node, f"<form name={attributes['name']!r}>: a form's name becomes a property of `document`; only the theme's search form is named")
        elif tag == "form" and "name" in attributes:
            # Material's script takes the first form so named (`document.forms.namedItem("search")`):
            # one written before the theme's would get the reader's queries.
            if attributes["name"] in self.form_names:
                self.add(node, f"a second <form name={attributes['name']!r}>: the theme writes one, and its script takes the first")
            self.form_names.add(attributes["name"])
        elif tag == "title" and attributes:
            self.add(node, "<title> with attributes")
        return False

    def attribute(self, node: LexborNode, name: str, value: str | None) -> None:
        """Rules for one attribute, whatever its element: handlers, URLs."""
        if name.startswith("on"):
            self.add(node, f"event-handler attribute {name!r} is not allowed")
        elif value is None:
            return
        elif name == "data-md-component" and value.strip().lower() == "source":
            # Material's bundle asks the repository's host (api.github.com) for stars and version about
            # any element so marked; the site's own repository link goes without it (partials/source.html).
            self.add(node, "data-md-component 'source': Material would ask the repository's host for its facts")
        elif name == "data-md-component" and value.strip() not in THEME_COMPONENTS:
            self.add(node, f"data-md-component {value!r} is not one of the theme's components (Material's script mounts what it names)")
        elif name == "class" and "mermaid" in value.split():
            # Material loads Mermaid from a CDN for such a block: a script the policy blocks.
            self.add(node, "class 'mermaid': Material would load its diagram script from another host")
        elif name in URL_ATTRIBUTES:
            problem = url_problem(value, self.site) or self.image_problem(node, name, value)
            if problem:
                self.add(node, f"{name}: {problem}")
        elif name in SRCSET_ATTRIBUTES:
            for url in srcset_urls(value):
                problem = url_problem(url, self.site) or self.image_problem(node, name, url)
                if problem:
                    self.add(node, f"{name} candidate: {problem}")

    def image_problem(self, node: LexborNode, name: str, url: str) -> str | None:
        """The policy's img-src is 'self': an image from another host would be blocked in the reader's
        browser, so it is refused here rather than published broken."""
        if node.tag not in IMAGE_ELEMENTS or (name != "src" and name not in SRCSET_ATTRIBUTES):
            return None
        _, problem = same_site_path_problem(url, self.page, self.site)
        return f"an image must be a file of the site ({problem})" if problem else None

    def attribute_names(self, node: LexborNode, tag: str, attributes: dict) -> None:
        allowed = ELEMENT_ATTRIBUTES.get(tag, ())
        for name in attributes:
            name = name.lower()
            if name in GLOBAL_ATTRIBUTES or name in allowed or name.startswith(GLOBAL_PREFIXES) or name.startswith("on"):
                continue  # handlers are reported by attribute()
            self.add(node, f"attribute {name!r} is not allowed on <{tag}>")

    def svg_element(self, node: LexborNode, tag: str, attributes: dict) -> bool:
        if tag not in SVG_ELEMENTS:
            self.add(node, f"<{node.tag}> is not allowed in SVG")
            return True
        for name, value in attributes.items():
            name = name.lower()
            if name.startswith("on"):
                continue  # reported by attribute()
            if name not in SVG_ATTRIBUTES and not name.startswith("aria-"):
                self.add(node, f"attribute {name!r} is not allowed in SVG")
            elif value and "\\" in value:
                # Presentation attributes are CSS: `u\72l(...)` is url(...) to the browser, which then
                # fetches the paint server or clip path from wherever it names (as docs_files refuses in SVG files).
                self.add(node, f"{name}: a backslash is not allowed in SVG attribute values (a CSS escape could hide url())")
            elif value and "url(" in value.lower() and not _fragment_references_only(value):
                self.add(node, f"{name}: SVG may refer only to its own parts (url(#...)), not {value!r}")
        return False

    def script(self, node: LexborNode, attributes: dict) -> None:
        """The site's own scripts only; one finding per script that is not."""
        if "src" in attributes:
            path, problem = same_site_path_problem(attributes["src"] or "", self.page, self.site)
            if problem:
                self.add(node, f"script src: {problem}")
            elif path not in self.policy.script_paths:
                self.add(node, f"script file {path!r} is not one the site's templates load")
            elif set(attributes) != {"src"}:
                self.add(node, "a script file loaded with attributes the templates do not write")
        elif (attributes.get("type") or "").strip().lower() == CONFIG_TYPE:
            self.config_block(node, attributes)
        elif self.script_hash(node.text(deep=True)) not in self.policy.inline_script_hashes:
            self.add(node, "inline <script> not written by the site's templates")
        elif attributes:
            self.add(node, "inline <script> with attributes the templates do not write")

    def script_hash(self, text: str) -> str:
        if text not in self.script_hashes:
            self.script_hashes[text] = csp_hash(text)
        return self.script_hashes[text]

    def config_block(self, node: LexborNode, attributes: dict) -> None:
        self.config_blocks += 1
        if self.config_blocks > 1:
            self.add(node, "a second Material configuration block")
        if set(attributes) != {"id", "type"} or attributes.get("id") != CONFIG_ID:
            self.add(node, f"a {CONFIG_TYPE} script other than Material's configuration block (id {CONFIG_ID!r})")
        if node.parent is None or node.parent.tag != "body":
            self.add(node, "Material's configuration block outside the place the theme writes it (a child of <body>)")
        try:
            parsed = json.loads(node.text(deep=True))
        except ValueError:
            parsed = None
        if not isinstance(parsed, dict):
            self.add(node, "Material's configuration block does not hold a JSON object")

    def meta(self, node: LexborNode, attributes: dict) -> None:
        equiv = attributes.get("http-equiv")
        if equiv is None:
            if "charset" in attributes and (attributes["charset"] or "").strip().lower() != "utf-8":
                self.add(node, "a character set other than utf-8")
            name, meta_property = attributes.get("name"), attributes.get("property")
            if name is not None and name.strip().lower() not in META_NAMES:
                self.add(node, f"<meta name={name!r}> is not one the theme writes ({', '.join(sorted(META_NAMES))})")
            if meta_property is not None and meta_property.strip().lower() not in META_PROPERTIES:
                self.add(node, f"<meta property={meta_property!r}> is not one the site's social tags write")
            for said in (name, meta_property):
                said = (said or "").strip().lower()
                if said and said not in REPEATABLE_META:
                    if said in self.meta_names:
                        self.add(node, f"a second <meta> for {said!r}: a page says it once (a reader or a crawler would take either)")
                    self.meta_names.add(said)
            return
        if equiv.strip().lower() != CSP_HTTP_EQUIV:
            self.add(node, f"<meta http-equiv={equiv!r}> is not allowed")
            return
        self.csp_metas += 1
        if self.policy.csp is None:
            self.add(node, "a Content-Security-Policy <meta> where the build writes none")
        elif attributes.get("content") != self.policy.csp:
            self.add(node, "a Content-Security-Policy <meta> other than the site's")
        elif self.csp_metas > 1:
            self.add(node, "a second Content-Security-Policy <meta>")

    def link(self, node: LexborNode, attributes: dict) -> None:
        relations = set((attributes.get("rel") or "").lower().split())
        if not relations or not relations <= LINK_RELATIONS:
            self.add(node, f"<link rel={attributes.get('rel')!r}>: only {', '.join(sorted(LINK_RELATIONS))} are allowed")
            return
        if "canonical" in relations:
            self.canonical_links += 1
            if self.canonical_links > 1:
                self.add(node, "a second canonical <link>: a page names one address as its own")
        if relations & LOADING_RELATIONS:
            path, problem = same_site_path_problem(attributes.get("href") or "", self.page, self.site)
            if problem:
                self.add(node, f"<link rel={attributes.get('rel')!r}> href: {problem}")
            elif not path.startswith(ASSETS_FOLDER):
                self.add(node, f"<link rel={attributes.get('rel')!r}> loads {path!r}, outside the theme's {ASSETS_FOLDER}")

    def head_rules(self, document: LexborHTMLParser) -> None:
        """The first elements of <head>: the charset, then the site's policy, before anything it governs."""
        head = document.head
        if head is None:
            return
        first, child = [], head.child
        while child is not None and len(first) < 2:
            if child.is_element_node:
                first.append(child)
            child = child.next
        if not first or first[0].tag != "meta" or "charset" not in first[0].attributes:
            where = _where(first[0]) if first else "html > head"
            self.findings.append(Finding(self.page, where, 'the first element of <head> is not <meta charset="utf-8">', self.source))
        if self.policy.csp is not None and (len(first) < 2 or (first[1].attributes.get("http-equiv") or "").strip().lower() != CSP_HTTP_EQUIV):
            where = _where(first[1]) if len(first) > 1 else "html > head"
            self.findings.append(Finding(self.page, where, "the site's Content-Security-Policy <meta> does not follow the charset", self.source))


def _fragment_references_only(value: str) -> bool:
    """Whether every `url(...)` in an SVG presentation attribute points inside the document (`url(#id)`)."""
    lowered = value.lower()
    start = lowered.find("url(")
    while start >= 0:
        target = lowered[start + 4 :].lstrip(" \t\n\r\f\"'")
        if not target.startswith("#"):
            return False
        start = lowered.find("url(", start + 4)
    return True


def check_document(html: str | bytes, page: str, policy: SitePolicy, source: str | None = None, checked: CheckedElements | None = None) -> list[Finding]:
    """Every finding in the published document ``html`` at site path ``page``, in document order.

    ``html``: the text, or UTF-8 bytes (the parser reads bytes as UTF-8: published_markup).
    ``checked``: the elements the checks of the site's other pages found clean (CheckedElements),
    so that each distinct element is checked once; the findings are the same with it or without it.
    """
    try:
        document = LexborHTMLParser(html)
    except Exception as error:  # the parser refusing its input is a finding, never a crash of the build
        return [Finding(page, "the whole file", f"could not be parsed as HTML ({error})", source)]
    if checked is None:
        checked = CheckedElements()
    check = _DocumentCheck(page, policy, source, checked.script_hashes)
    check.run(document, checked.for_page(policy, page))
    return check.findings


def decode_published(raw: bytes) -> tuple[str, str | None]:
    """A published file's text as a browser decodes a UTF-8 site's page, and a problem if it is not UTF-8.

    A UTF-16 byte-order mark makes the browser read the file as UTF-16, whatever the server says;
    read as UTF-8 such a file would hide its tags from the check, so it is a problem of its own.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "", "starts with a UTF-16 byte-order mark: the site publishes UTF-8 only"
    text = raw.decode("utf-8", errors="replace")  # as the browser does: undecodable bytes become U+FFFD
    return text.removeprefix("\ufeff"), None


def published_markup(raw: bytes) -> tuple[str | bytes, str | None]:
    """What check_document reads of a published file, and a problem as decode_published finds it.

    The file's own bytes when they are UTF-8 with no byte-order mark: the parser reads bytes as
    UTF-8, so it gets the very bytes that encoding the decoded text again would give it, without
    that round trip (a 50 kB French page: 0.44 ms to parse from its text, 0.26 ms from its bytes);
    else the text decode_published gives.
    """
    if not raw.startswith(b"\xef\xbb\xbf"):
        try:
            raw.decode("utf-8")  # strict: no undecodable byte, no surrogate, so the text encodes back to ``raw``
        except UnicodeDecodeError:
            pass
        else:
            return raw, None
    return decode_published(raw)


# --- What the templates write ------------------------------------------------------------------------


@dataclass(frozen=True)
class TemplateScripts:
    """The scripts a template writes: CSP sources of its inline scripts, site paths of its files."""

    inline_hashes: frozenset[str]
    paths: frozenset[str]


def template_scripts(html: str, page: str, site_url: str) -> TemplateScripts:
    """The scripts in a page the templates rendered with no contribution in it (no page text, no nav).

    ``page`` is the site path the render stands for, to resolve its relative script paths.
    Material's `application/json` configuration block is data, not code: it has no hash.
    """
    site = SiteAddress.of(site_url)
    hashes, paths = set(), set()
    document = LexborHTMLParser(html)
    for script in document.css("script"):
        attributes = script.attributes
        if "src" in attributes:
            path, problem = same_site_path_problem(attributes["src"] or "", page, site)
            if problem:
                raise ValueError(f"the theme's template loads a script from outside the site: {problem}")
            paths.add(path)
        elif (attributes.get("type") or "").strip().lower() != CONFIG_TYPE:
            hashes.add(csp_hash(script.text(deep=True)))
    return TemplateScripts(frozenset(hashes), frozenset(paths))
