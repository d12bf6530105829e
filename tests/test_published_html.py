"""The final check of published HTML: a whole document, read by a browser's parser, held against an allowlist.

Fast tests hold hostile documents against the checker (src/bilingual_site/checks/published_html.py,
run by the site's plugin once every language is built);
the real site's every published page must pass it; a few builds of a copy of the project show
that a finding stops the build with the page (and its source) named and leaves nothing to publish.
"""

from __future__ import annotations

import time

import pytest
from mkdocs.exceptions import Abort
from selectolax.lexbor import LexborHTMLParser

from bilingual_site.checks import published_html
from bilingual_site.checks.published_html import (
    CheckedElements,
    SiteAddress,
    SitePolicy,
    check_document,
    csp_hash,
    decode_published,
    published_markup,
    srcset_urls,
    template_scripts,
    url_problem,
    whatwg_url_text,
)
from sitebuild import build_site, copy_project
from test_bad_input import build_fails_with

SITE_URL = "https://example.org/site/"
THEME_SCRIPT = "var theme = 1"  # stands for an inline script the templates write
BUNDLE = "assets/javascripts/bundle.js"
CSP = f"default-src 'self'; script-src 'self' {csp_hash(THEME_SCRIPT)}"
POLICY = SitePolicy(frozenset({csp_hash(THEME_SCRIPT)}), frozenset({BUNDLE}), SITE_URL, CSP)


def document(body: str = "", head: str = "") -> str:
    """A page shaped as Material's: charset and policy first, the theme's scripts, a header with its forms."""
    return (
        f'<!doctype html><html lang="fr"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}"><title>T</title>'
        f'<link rel="stylesheet" href="../assets/stylesheets/bundle.css"><link rel="canonical" href="{SITE_URL}en/page.html">'
        f"{head}<script>{THEME_SCRIPT}</script></head>"
        '<body dir="ltr"><header class="md-header"><form class="md-search__form" name="search">'
        '<input type="text" name="query" autocomplete="off"></form></header>'
        f'<div class="md-container"><main><article class="md-content__inner">{body}</article></main></div>'
        '<script id="__config" type="application/json">{"base": ".."}</script>'
        f'<script src="../{BUNDLE}"></script></body></html>'
    )


def findings(body: str = "", head: str = "", policy: SitePolicy = POLICY) -> list[str]:
    return [str(finding) for finding in check_document(document(body, head), "en/page.html", policy, "docs/en/page.md")]


CLEAN_BODIES = [
    "",
    '<h2 id="a">Title</h2><p>Text with <a href="https://example.com/x?a=1&amp;b=2">a link</a>, <a href="#a">a fragment</a>, '
    '<a href="../note.html#s">a page</a>, <a href="/site/en/">the home</a> and <a href="mailto:x@example.org">mail</a>.</p>',
    '<img src="../images/a.png" srcset="../images/a.png 1x, ../images/a@2x.png 2x" alt="">',
    '<table><thead><tr><th scope="col" align="left">A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>',
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M1 1h2"/><rect fill="url(#g)"/></svg>',
    "<p>&lt;script&gt;alert(1)&lt;/script&gt; shown as text, <code>&lt;iframe&gt;</code></p><!-- a comment <script> -->",
    '<details open><summary>S</summary><p lang="fr" data-x="1" aria-label="l">x</p></details>',
    f'<script>{THEME_SCRIPT}</script>',  # a copy of the theme's own script: allowed, it runs anyway
]


@pytest.mark.parametrize("body", CLEAN_BODIES)
def test_clean_documents_have_no_finding(body):
    assert findings(body) == []


# (what a contribution wrote in the page body, a piece of the expected message)
HOSTILE_BODIES = [
    # What the policy would block in the reader's browser is refused instead of published (red team).
    ('<img src="https://evil.example/t.png" alt="x">', "src: an image must be a file of the site"),
    ('<img src="a.png" srcset="a.png 1x, https://evil.example/t.png 2x" alt="x">', "srcset candidate: an image must be a file of the site"),
    ('<picture><source srcset="https://evil.example/t.png"><img src="a.png" alt="x"></picture>', "srcset candidate: an image must be a file of the site"),
    ('<pre class="mermaid">graph TD; A-->B</pre>', "class 'mermaid'"),
    # A <html> or <body> tag in content adds its attributes to the page's own element (red team, round 3).
    ('<html dir="rtl">', "attribute 'dir' is not one the theme writes on <html>"),
    ('<body class="md-typeset" data-md-state="x">', "attribute 'class' is not one the theme writes on <body>"),
    ("<body hidden>", "attribute 'hidden' is not one the theme writes on <body>"),
    # The parser confusions the regex and html.parser missed: Chromium runs these scripts.
    ("<!--><script/x>alert(1)</script>-->", "inline <script> not written by the site's templates"),
    ("<!---><script/x>alert(1)</script>-->", "inline <script> not written by the site's templates"),
    ("<![CDATA[><script/x>alert(1)</script>]]>", "inline <script> not written by the site's templates"),
    # Scripts
    ("<script>alert(1)</script>", "inline <script> not written"),
    ("<SCRIPT>alert(1)</SCRIPT>", "inline <script> not written"),
    ("<script\n>alert(1)</script\t>", "inline <script> not written"),
    ("<scr<script>ipt>alert(1)</script>", "<scr<script> is not allowed outside <head>"),  # one element of that name, as browsers read it
    ("<script type=module>alert(1)</script>", "inline <script> not written"),
    (f"<script type=module>{THEME_SCRIPT}</script>", "inline <script> with attributes"),
    ('<script type="text/javascript">alert(1)</script>', "inline <script> not written"),
    ('<script type="importmap">{"imports": {}}</script>', "inline <script> not written"),
    ('<script src="https://evil.example/x.js"></script>', "is not a path of the site"),
    ('<script src="//evil.example/x.js"></script>', "is not a path of the site"),
    ('<script src="\\\\evil.example/x.js"></script>', "is not a path of the site"),
    ('<script src="data:text/javascript,alert(1)"></script>', "is not a path of the site"),
    ('<script src="../evil.js"></script>', "script file 'evil.js' is not one the site's templates load"),
    (f'<script src="../{BUNDLE}" async></script>', "loaded with attributes"),
    ('<script id="__config" type="application/json">{"search": "../evil.js"}</script>', "a second Material configuration block"),
    ('<div id="__config">{"search": "../evil.js"}</div>', "id '__config' belongs to Material's configuration block"),
    ('<svg><g id="__config"></g></svg>', "id '__config' belongs to Material's configuration block"),
    # Event handlers
    ("<img src=x onerror=alert(1)>", "event-handler attribute 'onerror'"),
    ("<img src=x ONERROR=alert(1)>", "event-handler attribute 'onerror'"),
    ('<p onclick="x()">p</p>', "event-handler attribute 'onclick'"),
    ("<body onload=alert(1)>", "event-handler attribute 'onload'"),
    ("<details open ontoggle=alert(1)>x</details>", "event-handler attribute 'ontoggle'"),
    ("<svg onload=alert(1)></svg>", "event-handler attribute 'onload'"),
    ("<x-widget onclick=alert(1)>x</x-widget>", "event-handler attribute 'onclick'"),
    # javascript: and other schemes, spelled every way a browser still reads
    ('<a href="javascript:alert(1)">x</a>', "has the scheme javascript:"),
    ('<a href="JaVaScRiPt:alert(1)">x</a>', "has the scheme javascript:"),
    ('<a href="java&#x09;script:alert(1)">x</a>', "has the scheme javascript:"),
    ('<a href="java&#10;script:alert(1)">x</a>', "has the scheme javascript:"),
    ('<a href="java\nscr\tipt:alert(1)">x</a>', "has the scheme javascript:"),
    ('<a href=" &#x20; javascript:alert(1)">x</a>', "has the scheme javascript:"),
    ('<a href="&#x01;&#x1f;javascript:alert(1)">x</a>', "has the scheme javascript:"),
    ('<a href="javascript&colon;alert(1)">x</a>', "has the scheme javascript:"),
    ('<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>', "has the scheme javascript:"),
    ('<a href="vbscript:msgbox(1)">x</a>', "has the scheme vbscript:"),
    ('<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>', "has the scheme data:"),
    ('<a href="http://evil.example/">x</a>', "has the scheme http:"),
    ('<a href="ftp://evil.example/">x</a>', "has the scheme ftp:"),
    # Other hosts written as paths
    ('<a href="\\\\evil.example/x">x</a>', "names another host"),
    ('<a href="/\\evil.example/x">x</a>', "names another host"),
    ('<a href="\\/evil.example/x">x</a>', "names another host"),
    ('<a href="//evil.example/x">x</a>', "names another host"),
    ('<a href="  //evil.example/x">x</a>', "names another host"),
    ('<a href="/&#x09;/evil.example/x">x</a>', "names another host"),
    ('<img src="//evil.example/x.png">', "names another host"),
    # srcset: every candidate
    ('<img src="a.png" srcset="a.png 1x, javascript:alert(1) 2x">', "srcset candidate"),
    ('<img src="a.png" srcset="a.png 1x,//evil.example/b.png 2x">', "srcset candidate"),
    ('<img src="a.png" srcset=",,,javascript:alert(1)">', "srcset candidate"),
    ('<picture><source srcset="https://ok.example/a.png, \\\\evil.example/b.png 2x"><img src="a.png"></picture>', "srcset candidate"),
    # Elements that load, frame, restyle or redirect
    ('<base href="https://evil.example/">', "<base> is not allowed outside <head>"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "<meta> is not allowed outside <head>"),
    ('<link rel="stylesheet" href="https://evil.example/x.css">', "<link> is not allowed outside <head>"),
    ("<style>body{background:url(https://evil.example/)}</style>", "<style> is not allowed"),
    ('<p style="position:fixed;inset:0">overlay</p>', "attribute 'style' is not allowed"),
    ('<iframe srcdoc="<script>alert(1)</script>"></iframe>', "<iframe> is not allowed"),
    ('<iframe src="https://evil.example/"></iframe>', "<iframe> is not allowed"),
    ('<object data="javascript:alert(1)"></object>', "<object> is not allowed"),
    ('<embed src="https://evil.example/x.swf">', "<embed> is not allowed"),
    ('<form action="https://evil.example/"><input name="p"></form>', "<form> is allowed only in the theme's page header"),
    ('<button formaction="javascript:alert(1)">x</button>', "formaction: URL"),
    ('<input type="image" src="javascript:alert(1)">', "src: URL"),
    ('<video poster="javascript:alert(1)"></video>', "<video> is not allowed"),
    ('<blockquote cite="javascript:alert(1)">q</blockquote>', "cite: URL"),
    ('<a href="#" ping="https://evil.example/">x</a>', "attribute 'ping' is not allowed"),
    ('<portal src="https://evil.example/"></portal>', "<portal> is not allowed"),
    ('<meta charset="utf-7">', "<meta> is not allowed outside <head>"),
    ("<noframes><script>alert(1)</script></noframes>", "<noframes> is not allowed"),
    # Parsing modes that differ with scripting, raw text, templates
    ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', "<noscript> is not allowed"),
    ("<template><script>alert(1)</script></template>", "inline <script> not written"),  # a script may clone it in
    ('<template id="t"><div><img src=x onerror=alert(1)></div></template>', "event-handler attribute 'onerror'"),
    ("<template><template><a href=javascript:alert(1)>x</a></template></template>", "has the scheme javascript:"),
    ('<p id="twice">a</p><p id="twice">b</p>', "id 'twice' is used by more than one element"),
    ("<xmp><script>alert(1)</script></xmp>", "<xmp> is not allowed"),
    ("<textarea><script>alert(1)</script></textarea>", "<textarea> is not allowed"),
    # SVG and MathML
    ("<svg><script>alert(1)</script></svg>", "<script> is not allowed in SVG"),
    ("<svg><script href=\"data:,alert(1)\"></script></svg>", "<script> is not allowed in SVG"),
    ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "xlink:href: URL"),
    ('<svg><a href="javascript:alert(1)"><text>x</text></a></svg>', "<a> is not allowed in SVG"),
    ("<svg><foreignObject><img src=x onerror=alert(1)></foreignObject></svg>", "<foreignObject> is not allowed in SVG"),
    ('<svg><use href="https://evil.example/sprite.svg#x"/></svg>', "<use> is not allowed in SVG"),
    ('<svg><rect fill="url(https://evil.example/p.svg#g)"/></svg>', "SVG may refer only to its own parts"),
    ('<svg><animate attributeName="href" to="javascript:alert(1)"/></svg>', "<animate> is not allowed in SVG"),
    ('<svg><set attributeName="onmouseover" to="alert(1)"/></svg>', "<set> is not allowed in SVG"),
    ('<svg><image href="https://evil.example/x.png"/></svg>', "<image> is not allowed in SVG"),
    ("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "MathML is not allowed"),
    ('<math href="javascript:alert(1)">x</math>', "MathML is not allowed"),
    ("<math><maction actiontype=statusline><mtext>x</mtext></maction></math>", "MathML is not allowed"),
    # Red team (translator scope): what still reached a reader's browser past the rules above.
    # End tags close the theme's containers and a <header> opens at the top of <body>, after the theme's:
    # a form there named after a method of `document` replaces the method (DOM clobbering) and every
    # script calling it fails (Material's search, the search fallback), on every page that carries it.
    ('</article></main></div><header><form name="querySelector"></form></header>', "<form> is allowed only in the theme's page header"),
    ('</article></main></div><header></header><form name="getElementById"></form>', "<form> is allowed only in the theme's page header"),
    # A CSS escape writes url() with no "url(" in the text: Chromium still fetches the paint server from the other host.
    ('<svg><rect fill="u\\72l(https://evil.example/p.svg#g)"/></svg>', "a backslash is not allowed in SVG attribute values"),
    ('<svg><rect clip-path="u\\rl(https://evil.example/c.svg#c)"/></svg>', "a backslash is not allowed in SVG attribute values"),
    # Material's bundle asks the repository's host (api.github.com) about any link so marked.
    ('<a href="https://github.com/o/r" class="md-source" data-md-component="source"><span></span><span>r</span></a>', "data-md-component 'source'"),
    ('<div data-md-component="sourcery">x</div>', "data-md-component 'sourcery' is not one of the theme's components"),
]

# What reaches <head> (a front matter value printed raw by the theme, a template's slip).
HOSTILE_HEADS = [
    ('<meta name="description" content="x"><script>alert(1)</script>', "inline <script> not written"),
    ('<base href="https://evil.example/">', "<base> is not allowed in <head>"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "<meta http-equiv='refresh'> is not allowed"),
    ('<meta http-equiv="Content-Security-Policy" content="script-src *">', "a Content-Security-Policy <meta> other than the site's"),
    (f'<meta http-equiv="Content-Security-Policy" content="{CSP}">', "a second Content-Security-Policy <meta>"),
    ('<link rel="stylesheet" href="https://evil.example/x.css">', "is not a path of the site"),
    ('<link rel="stylesheet" href="../evil.css">', "outside the theme's assets/"),
    ('<link rel="icon" href="//evil.example/favicon.png">', "is not a path of the site"),
    ('<link rel="preload" as="script" href="../x.js">', "only alternate, canonical"),
    ('<link rel="modulepreload" href="../x.js">', "only alternate, canonical"),
    ('<link rel="canonical" href="javascript:alert(1)">', "has the scheme javascript:"),
    ("<style>*{display:none}</style>", "<style> is not allowed in <head>"),
    ('<meta name="x" content="y" onload="z">', "event-handler attribute 'onload'"),
    ("<noscript><style>*{}</style></noscript>", "<noscript> is not allowed in <head>"),
    ("<template><script>alert(1)</script></template>", "<template> is not allowed in <head>"),
    ('<title id="t" onclick="x">T</title>', "event-handler attribute 'onclick'"),
    # Tags that change what browsers and crawlers do with the page, with no script in them.
    ('<meta name="referrer" content="unsafe-url">', "<meta name='referrer'> is not one the theme writes"),
    ('<meta name="robots" content="noindex">', "<meta name='robots'> is not one the theme writes"),
    ('<meta property="fb:app_id" content="1">', "<meta property='fb:app_id'> is not one the site's social tags write"),
    ('<link rel="canonical" href="https://evil.example/">', "a second canonical <link>"),
    (f'<link rel="canonical" href="{SITE_URL}en/page.html">', "a second canonical <link>"),  # the same as the first: still counted
    ('<meta name="description" content="a"><meta name="Description" content="b">', "a second <meta> for 'description'"),
    ('<meta property="og:url" content="https://evil.example/"><meta property="og:url" content="https://evil.example/">', "a second <meta> for 'og:url'"),
]


@pytest.mark.parametrize(("body", "expected"), HOSTILE_BODIES)
def test_hostile_body_is_found(body, expected):
    found = findings(body)
    assert any(expected in finding for finding in found), found
    assert all(finding.startswith("en/page.html (built from docs/en/page.md): ") for finding in found)


@pytest.mark.parametrize(("head", "expected"), HOSTILE_HEADS)
def test_hostile_head_is_found(head, expected):
    found = findings(head=head)
    assert any(expected in finding for finding in found), found


def test_the_corpus_is_large_enough():
    assert len(HOSTILE_BODIES) + len(HOSTILE_HEADS) >= 60


def test_a_finding_says_where_the_element_is_and_shows_it():
    [finding] = findings("<!--><script/x>alert(1)</script>-->")
    assert finding == (
        "en/page.html (built from docs/en/page.md): inline <script> not written by the site's templates, "
        "at body > div.md-container > main > article.md-content__inner > script: '<script x=\"\">alert(1)</script>'"
    )


def test_the_document_must_open_with_the_charset_and_the_sites_policy():
    without_policy = document().replace(f'<meta http-equiv="Content-Security-Policy" content="{CSP}">', "")
    assert [finding.message for finding in check_document(without_policy, "en/page.html", POLICY)] == [
        "the site's Content-Security-Policy <meta> does not follow the charset"
    ]
    late_policy = without_policy.replace("<title>T</title>", f'<title>T</title><meta http-equiv="Content-Security-Policy" content="{CSP}">')
    assert [finding.message for finding in check_document(late_policy, "en/page.html", POLICY)] == [
        "the site's Content-Security-Policy <meta> does not follow the charset"
    ]
    no_charset = document().replace('<meta charset="utf-8">', "")
    assert 'the first element of <head> is not <meta charset="utf-8">' in [finding.message for finding in check_document(no_charset, "en/page.html", POLICY)]
    # `mkdocs serve` writes no policy: then none may be there.
    serving = SitePolicy(POLICY.inline_script_hashes, POLICY.script_paths, SITE_URL, None)
    assert [finding.message for finding in check_document(document(), "en/page.html", serving)] == [
        "a Content-Security-Policy <meta> where the build writes none"
    ]
    assert check_document(without_policy, "en/page.html", serving) == []


def test_the_config_block_only_where_the_theme_writes_it():
    moved = document().replace('<script id="__config" type="application/json">{"base": ".."}</script>', "")
    moved = moved.replace("<main>", '<main><script id="__config" type="application/json">{"base": ".."}</script>')
    assert [finding.message for finding in check_document(moved, "en/page.html", POLICY)] == [
        "Material's configuration block outside the place the theme writes it (a child of <body>)"
    ]
    not_json = document().replace('{"base": ".."}', "alert(1)")
    assert [finding.message for finding in check_document(not_json, "en/page.html", POLICY)] == [
        "Material's configuration block does not hold a JSON object"
    ]


@pytest.mark.parametrize("name", ["querySelector", "getElementById", "cookie", "body"])
def test_a_form_in_the_theme_header_has_only_the_names_the_theme_gives(name):
    # A string the theme prints raw in its header (a language's interface string, the title of a
    # view) may hold a form: named after a property of `document`, it replaces it for every script
    # of the page (red team: `parallel_title` broke Material's search on every parallel view).
    hostile = document().replace("</form></header>", f'</form><form name="{name}"></form></header>')
    assert [finding.message for finding in check_document(hostile, "en/page.html", POLICY)] == [
        f"<form name={name!r}>: a form's name becomes a property of `document`; only the theme's search form is named"
    ]


def test_the_theme_header_holds_one_search_form():
    # A second one, first in the header (a string the theme prints raw there), is the one Material's script would take.
    hostile = document().replace('<header class="md-header">', '<header class="md-header"><form name="search"><input name="query"></form>')
    assert [finding.message for finding in check_document(hostile, "en/page.html", POLICY)] == [
        "a second <form name='search'>: the theme writes one, and its script takes the first"
    ]


def test_bad_html_never_raises():
    for text in ["", "<", "\x00\x00<script", "<" * 10000, "\ud800<p>", "<svg>" * 3000 + "<script>x</script>"]:
        result = check_document(text, "p.html", POLICY)
        assert isinstance(result, list)
    # Deeper than Python's recursion limit: the walk is no recursion.
    deep = check_document("<div>" * 5000 + "<script>x</script>", "p.html", POLICY)
    assert any("inline <script> not written" in finding.message for finding in deep)


def test_published_bytes_are_read_as_a_browser_reads_them():
    assert decode_published("\ufeff<p>é</p>".encode("utf-8")) == ("<p>é</p>", None)
    assert decode_published(b"<p>\xff</p>") == ("<p>\ufffd</p>", None)
    text, problem = decode_published("<script>alert(1)</script>".encode("utf-16"))
    assert problem == "starts with a UTF-16 byte-order mark: the site publishes UTF-8 only"


def test_the_bytes_of_a_published_file_give_the_findings_of_its_text():
    # The check parses a UTF-8 file's own bytes (published_markup): the parser reads bytes as UTF-8.
    for body in CLEAN_BODIES + [body for body, _ in HOSTILE_BODIES]:
        text = document(body)
        markup, problem = published_markup(text.encode("utf-8"))
        assert markup == text.encode("utf-8") and problem is None
        assert messages(markup) == messages(text), body
    # Anything else is the text a browser decodes, as before: a mark dropped, undecodable bytes replaced.
    assert published_markup("\ufeff<p>é</p>".encode("utf-8")) == ("<p>é</p>", None)
    assert published_markup(b"<p>\xff</p>") == ("<p>\ufffd</p>", None)
    assert published_markup("<p>x</p>".encode("utf-16"))[1] == "starts with a UTF-16 byte-order mark: the site publishes UTF-8 only"
    for raw in [
        "\ufeff".encode("utf-8") + document("<script>alert(1)</script>").encode("utf-8"),
        document("<p>\udcff</p><script>alert(1)</script>").encode("utf-8", "surrogateescape"),  # a lone \xff byte
        document("<p>x</p><script>alert(1)</script>").encode("utf-8").replace(b"<p>x", b"<p>\xed\xa0\x80"),  # an encoded surrogate
    ]:
        markup, problem = published_markup(raw)
        assert isinstance(markup, str) and problem is None
        assert any("inline <script> not written" in message for message in messages(markup)), raw


def test_urls_are_read_as_the_whatwg_standard_reads_them():
    site = SiteAddress.of(SITE_URL)
    assert whatwg_url_text(" \x00\x1f ja\tva\nscr\ript:x \x0b") == "javascript:x"
    assert whatwg_url_text("\xa0javascript:x") == "\xa0javascript:x"  # no-break space is not stripped: a relative path
    assert url_problem("\xa0javascript:x", site) is None
    for allowed in ["https://e.org", "HTTPS://e.org", "mailto:a@b.c", "#x", "?q=1", "page.html", "../a/b.html", "/site/x.html",
                    "1javascript:x", "https:\\\\e.org"]:
        assert url_problem(allowed, site) is None, allowed
    for refused in ["http://example.org/elsewhere/", "http://evil.example/site/", "javascript:x", "file:///etc/passwd", "\\\\e.org", "/\\e.org"]:
        assert url_problem(refused, site) is not None, refused
    # A local build's own address is http: links to it (canonical, hreflang) are the site's.
    local = SiteAddress.of("http://127.0.0.1:8000/")
    assert url_problem("http://127.0.0.1:8000/en/note.html", local) is None
    assert url_problem("http://127.0.0.1:8001/en/note.html", local) is not None
    # Python's urljoin reads 'http:' plus a path as relative to an http base; a browser reads '\\' as '/'
    # there too, and 'http:\\host' or 'http:/\\host' names another host (red team, round 3).
    for elsewhere in ["http:\\\\evil.example/", "http:/\\evil.example/", "http:\\/evil.example/", "HTTP:\\\\evil.example/"]:
        assert url_problem(elsewhere, local) is not None, elsewhere


def test_srcset_candidates_are_split_as_the_html_standard_splits_them():
    assert srcset_urls("a.png 1x, b.png 2x") == ["a.png", "b.png"]
    assert srcset_urls("a.png,b.png 2x") == ["a.png,b.png"]  # a comma inside the URL does not split it
    assert srcset_urls("a.png, , ,b.png") == ["a.png", "b.png"]
    assert srcset_urls("a.png (x, y) 1x, javascript:x") == ["a.png", "javascript:x"]
    assert srcset_urls("a.png,, javascript:x") == ["a.png", "javascript:x"]


def test_template_scripts_hash_inline_code_and_resolve_files_but_leave_data_blocks():
    html = (
        '<html><head><script>a()</script></head><body><script type="application/json" id="__config">{}</script>'
        '<script src="../assets/javascripts/bundle.js"></script><script>b()</script></body></html>'
    )
    scripts = template_scripts(html, "en/page.html", SITE_URL)
    assert scripts.inline_hashes == {csp_hash("a()"), csp_hash("b()")}
    assert scripts.paths == {"assets/javascripts/bundle.js"}
    with pytest.raises(ValueError, match="outside the site"):
        template_scripts('<script src="https://cdn.example/x.js"></script>', "page.html", SITE_URL)


# --- The real site ------------------------------------------------------------------------------


def site_policy_of(site, text: str, site_url: str) -> SitePolicy:
    """The policy the build held the page to: its CSP <meta> gives the hashes, the theme's folder the bundle."""
    meta = LexborHTMLParser(text).css_first('meta[http-equiv="Content-Security-Policy"]')
    content = meta.attributes["content"]
    hashes = frozenset(source for directive in content.split(";") if directive.split()[0] == "script-src" for source in directive.split()[2:])
    bundles = frozenset(path.relative_to(site).as_posix() for path in (site / "assets/javascripts").glob("bundle.*.min.js"))
    return SitePolicy(hashes, bundles, site_url, content)


def test_every_published_page_of_the_real_site_is_clean(site, site_port):
    pages = sorted(path for path in site.rglob("*") if path.suffix in (".html", ".htm"))
    assert len(pages) >= 30 and any("parallel" in page.parts for page in pages) and (site / "404.html") in pages
    started = time.perf_counter()
    for path in pages:
        url = path.relative_to(site).as_posix()
        text = path.read_text(encoding="utf-8")
        policy = site_policy_of(site, text, f"http://127.0.0.1:{site_port}/")
        assert check_document(text, url, policy) == [], url
    per_page = (time.perf_counter() - started) / len(pages)
    assert per_page < 0.05, f"{per_page * 1000:.1f} ms a page"


def test_the_real_pages_would_be_refused_without_the_theme_hashes(site, site_port):
    # The clean result above is not a checker that lets everything through.
    text = (site / "note.html").read_text(encoding="utf-8")
    policy = site_policy_of(site, text, f"http://127.0.0.1:{site_port}/")
    stripped = SitePolicy(frozenset(), policy.script_paths, policy.site_url, policy.csp)
    assert len([finding for finding in check_document(text, "note.html", stripped) if "inline <script> not written" in finding.message]) == 4


# --- Elements checked once for the whole site -----------------------------------------------------
# check_document(..., checked) does not check again an element found clean on an earlier page; the
# findings must be those of a check without it, whatever the pages seen before.


def messages(html: str, page: str = "en/page.html", policy: SitePolicy = POLICY, checked: CheckedElements | None = None) -> list[str]:
    return [str(finding) for finding in check_document(html, page, policy, "docs/x.md", checked)]


def test_with_elements_checked_before_the_hostile_corpus_gives_the_same_findings():
    checked = CheckedElements()
    for body in CLEAN_BODIES:
        assert messages(document(body), checked=checked) == []
    for body, _ in HOSTILE_BODIES:
        assert messages(document(body), checked=checked) == messages(document(body)), body
        assert messages(document(body), checked=checked) == messages(document(body)), body  # its own elements seen once
    for head, _ in HOSTILE_HEADS:
        assert messages(document(head=head), checked=checked) == messages(document(head=head)), head


# (a document where an element is clean, a document where the same element is refused by its place)
SAME_ELEMENT_ELSEWHERE = [
    # The page header's form; the same form in the content.
    (document(), document('<form class="md-search__form" name="search"></form>')),
    # A drawing element inside an <svg>; the same tag outside it.
    (document('<svg><path d="M1 1h2"></path></svg>'), document('<div><path d="M1 1h2"></path></div>')),
    # <head> content; the same element in the body.
    (document(), document("<title>T</title>")),
]


@pytest.mark.parametrize(("clean", "hostile"), SAME_ELEMENT_ELSEWHERE)
def test_an_element_found_clean_in_one_place_is_checked_again_in_another(clean, hostile):
    checked = CheckedElements()
    assert messages(clean, checked=checked) == []
    expected = messages(hostile)
    assert expected, "the same element is not refused in the other place"
    assert messages(hostile, checked=checked) == expected


# The walk marks the elements below an <svg>, a refused element and the page header by the index
# where that element's subtree ends: the element right after one is judged in its own place.
RIGHT_AFTER_A_MARKED_SUBTREE = [
    (document('<svg><path d="M1 1h2"></path></svg><path d="M1 1h2"></path>'), "<path> is not allowed outside <head>"),
    (document("<svg><svg><g></g></svg><g></g></svg><g></g>"), "<g> is not allowed outside <head>"),
    (document('<noscript><p>x</p></noscript><form name="f"></form>'), "<form> is allowed only in the theme's page header"),
    (document("<video><p><b>x</b></p></video><iframe></iframe>"), "<iframe> is not allowed outside <head>"),
    (document().replace("</header>", '</header><form name="f"></form>'), "<form> is allowed only in the theme's page header"),
    (document().replace('<body dir="ltr">', '<body dir="ltr"><title>T</title>'), "<title> is not allowed outside <head>"),
]


@pytest.mark.parametrize(("html", "expected"), RIGHT_AFTER_A_MARKED_SUBTREE)
def test_the_element_right_after_a_marked_subtree_is_judged_in_its_own_place(html, expected):
    # Once alone, once after pages where the same elements were found clean inside the subtree.
    checked = CheckedElements()
    for clean in [document('<svg><path d="M1 1h2"></path><svg><g></g></svg><g></g></svg>'), document()]:
        assert messages(clean, checked=checked) == []
    for found in [messages(html), messages(html, checked=checked)]:
        assert len([message for message in found if expected in message]) == 1, found


def test_an_element_found_clean_in_one_folder_is_checked_again_in_another():
    # The site lives at /site/: '../../a.png' from a page two folders down stays in it, from a page
    # one folder down it leaves it; the theme's '../assets/...' stylesheet is the theme's from one
    # folder down only.
    image = '<p><img src="../../a.png" alt=""></p>'
    two_down = document(image).replace('"../assets/', '"../../assets/').replace(f'"../{BUNDLE}"', f'"../../{BUNDLE}"')
    checked = CheckedElements()
    assert messages(two_down, "a/b/page.html", checked=checked) == []
    assert messages(document(), "en/page.html", checked=checked) == []
    for page in ["a/page.html", "b/c/page.html"]:
        assert messages(document(image), page, checked=checked) == messages(document(image), page)
    assert any("leads out of the site" in message for message in messages(document(image), "a/page.html", checked=checked))
    assert any("<link rel='stylesheet'> loads" in message for message in messages(document(), "b/c/page.html", checked=checked))


def test_an_element_found_clean_for_one_site_address_is_checked_again_for_another():
    # A local build's own http address is allowed; under another site address the same link is not.
    link = '<p><a href="http://127.0.0.1:8000/en/note.html">x</a></p>'
    local = SitePolicy(POLICY.inline_script_hashes, POLICY.script_paths, "http://127.0.0.1:8000/", CSP)
    checked = CheckedElements()
    assert messages(document(link), "en/a.html", local, checked) == []
    assert any("has the scheme http:" in message for message in messages(document(link), "en/b.html", POLICY, checked))


def test_ids_of_elements_known_clean_still_count_against_the_page():
    checked = CheckedElements()
    assert messages(document('<p id="intro">a</p>'), checked=checked) == []
    twice = document('<p id="intro">a</p><p id="intro">a</p>')
    assert messages(twice, checked=checked) == messages(twice)
    assert any("id 'intro' is used by more than one element" in message for message in messages(twice, checked=checked))


def test_scripts_and_policies_are_checked_on_every_page():
    # Their rules read their text, their parent and counts kept over the page, not just the tag.
    checked = CheckedElements()
    assert messages(document(), checked=checked) == []
    for body, expected in [
        ("<script>alert(1)</script>", "inline <script> not written"),
        ('<script id="__config" type="application/json">{"base": ".."}</script>', "a second Material configuration block"),
    ]:
        assert any(expected in message for message in messages(document(body), checked=checked)), body
    twice = document(head=f'<meta http-equiv="Content-Security-Policy" content="{CSP}">')
    assert any("a second Content-Security-Policy <meta>" in message for message in messages(twice, checked=checked))


def test_the_elements_of_a_page_like_the_last_one_are_not_checked_again(monkeypatch):
    # Not a memory that forgets: the rules meet only what the last page did not hold.
    checked_tags = []
    element = published_html._DocumentCheck.element

    def counting(self, node, tag, flags, attributes):
        checked_tags.append(tag)
        return element(self, node, tag, flags, attributes)

    monkeypatch.setattr(published_html._DocumentCheck, "element", counting)
    shell = "<nav><ul>" + "".join(f'<li class="item"><a href="p{number}.html">Page {number}</a></li>' for number in range(30)) + "</ul></nav>"
    checked = CheckedElements()
    assert messages(document(shell + "<p>One</p>"), "en/p1.html", checked=checked) == []
    first = len(checked_tags)
    checked_tags.clear()
    assert messages(document(shell + '<p>Two <a href="#x">x</a></p>'), "en/p2.html", checked=checked) == []
    # Checked on every page: the new link, and the elements the page counts (scripts, the CSP <meta>, the canonical <link>, the search form).
    assert first > 40 and sorted(checked_tags) == ["a", "form", "link", "meta", "meta", "script", "script", "script"], (first, checked_tags)


def test_the_real_site_with_elements_checked_once(site, site_port):
    pages = sorted(path for path in site.rglob("*") if path.suffix in (".html", ".htm"))
    checked = CheckedElements()
    for path in pages:
        url = path.relative_to(site).as_posix()
        text = path.read_text(encoding="utf-8")
        policy = site_policy_of(site, text, f"http://127.0.0.1:{site_port}/")
        assert check_document(text, url, policy, None, checked) == [], url
        # The same page with a payload in its content: found as without the remembered elements.
        hostile = text.replace("</article>", '<p><img src="x" onerror="alert(1)"></p></article>', 1)
        assert [str(f) for f in check_document(hostile, url, policy, None, checked)] == [str(f) for f in check_document(hostile, url, policy)]


# --- Builds -------------------------------------------------------------------------------------


def test_a_comment_hiding_a_script_in_a_french_page_stops_the_build_naming_it(tmp_path, caplog):
    # The source check may see it first (with the line); either way the build stops naming the file.
    build_fails_with(tmp_path, caplog, {"docs/fr/about.md": "\n<!--><script/x>alert(1)</script>-->\n"}, "docs/fr/about.md")


def with_hook(project, name: str, code: str) -> None:
    """Add a hook file to a copied project: it stands for any other way text reaches a page."""
    (project / "hooks").mkdir(exist_ok=True)
    (project / "hooks" / f"{name}.py").write_text(code, encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config + f"\nhooks:\n  - hooks/{name}.py\n", encoding="utf-8")


def test_a_script_reaching_a_page_after_the_source_checks_stops_the_build_naming_the_page(tmp_path, caplog):
    # The page's Markdown is clean; its rendered content gets the payload afterwards (as a macro or
    # another plugin could add it): only the check of the published files can see it.
    project = copy_project(tmp_path / "project")
    with_hook(
        project,
        "late_content",
        "def on_page_content(html, page, config, files):\n"
        "    if page.file.src_uri == 'fr/about.md':\n"
        "        return html + '<!--><script/x>alert(1)</script>-->'\n"
        "    return html\n",
    )
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site", "https://example.org/")
    assert "problem(s) in the published HTML" in caplog.text
    assert "\nabout.html (built from docs/fr/about.md): inline <script> not written by the site's templates" in caplog.text
    assert "parallel/en/about.html (built from docs/fr/about.md and docs/en/about.md, side by side): inline <script> not written" in caplog.text
    assert not any((tmp_path / "site").iterdir()), "a failed build left files to publish"


def test_a_dropped_html_file_is_refused(tmp_path, caplog):
    # Another check may refuse the file type in docs/ first; either way the build stops naming it.
    build_fails_with(
        tmp_path,
        caplog,
        {"docs/fr/evil.html": '<!doctype html><html><head><meta charset="utf-8"></head><body><script>alert(1)</script></body></html>\n'},
        "evil.html",
    )


def test_any_published_file_is_checked_whoever_wrote_it(tmp_path, caplog):
    # A hook writes a page after every language is built (after the i18n plugin's on_post_build at
    # -100, before the site's plugin at -110): the final check reads what is in the site folder, not
    # what went through MkDocs' pages.
    project = copy_project(tmp_path / "project")
    with_hook(
        project,
        "late_file",
        "from pathlib import Path\n"
        "from mkdocs.plugins import event_priority\n\n\n"
        "@event_priority(-105)\n"
        "def on_post_build(config):\n"
        "    if not config.plugins['i18n'].building:\n"
        "        Path(config.site_dir, 'en', 'late.htm').write_text("
        "'<html><head><meta charset=\"utf-8\"></head><body><a href=\"/\\\\evil.example/\">x</a></body></html>', encoding='utf-8')\n",
    )
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site", "https://example.org/")
    assert "en/late.htm: href: URL '/\\\\evil.example/' names another host" in caplog.text
    assert not any((tmp_path / "site").iterdir()), "a failed build left files to publish"


def test_a_script_the_templates_write_is_allowed_and_listed_in_the_policy(tmp_path):
    # The allowed hashes come from the templates: a script added to the page template is in every
    # page's policy and in _headers, and passes the final check.
    project = copy_project(tmp_path / "project")
    main = project / "overrides/main.html"
    main.write_text(main.read_text(encoding="utf-8") + '\n{% block hero %}{{ super() }}<script>window.siteScript = 1</script>{% endblock %}\n', encoding="utf-8")
    site = build_site(project, tmp_path / "site", "https://example.org/")
    expected = csp_hash("window.siteScript = 1")
    for url in ["index.html", "en/note.html", "404.html", "en/parallel/en/note.html"]:
        meta = LexborHTMLParser((site / url).read_text(encoding="utf-8")).css_first('meta[http-equiv="Content-Security-Policy"]')
        assert expected in meta.attributes["content"].split(), url
    assert expected in (site / "_headers").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("description", '"x\\"\\x3e\\x3cscript\\x3ealert(1)\\x3c/script\\x3e"'),
        ("description", '"x\\"\\x3e\\x3cmeta http-equiv=refresh content=\\"0;url=https://evil.example/\\"\\x3e"'),
        ("title", '"About\\x3c/title\\x3e\\x3cbase href=https://evil.example/\\x3e"'),
    ],
)
def test_markup_in_front_matter_that_the_theme_prints_raw_stops_the_build(tmp_path, caplog, field, value):
    # YAML escapes hide `<` from the source scan; whichever check stops it, the page's source is named.
    project = copy_project(tmp_path / "project")
    page = project / "docs/en/about.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines = [f"{field}: {value}" if line.startswith(f"{field}:") else line for line in lines]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site", "https://example.org/")
    assert "docs/en/about.md" in caplog.text
    site = tmp_path / "site"
    assert not site.exists() or not any(site.iterdir()), "a failed build left files to publish"


def test_the_markdown_contributors_write_passes_the_final_check(tmp_path):
    # What the site's Markdown extensions render for ordinary writing is not refused.
    project = copy_project(tmp_path / "project")
    page = project / "docs/fr/about.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\n## Exemples {#exemples}\n\n| Gauche | Centre | Droite |\n|:--|:-:|--:|\n| a | b | c |\n\n"
        + "Un lien [externe](https://example.org/){: target=_blank rel=noopener } et une *abréviation* HTML.\n\n"
        + '!!! note "Titre"\n    Texte de la note.\n\n'
        + '<details markdown="1"><summary>Plus</summary>\n\nTexte **caché**.\n\n</details>\n\n'
        + "*[HTML]: HyperText Markup Language\n",
        encoding="utf-8",
    )
    site = build_site(project, tmp_path / "site", "https://example.org/")
    cells = LexborHTMLParser((site / "about.html").read_text(encoding="utf-8")).css("#exemples ~ table th")
    assert [cell.attributes.get("align") for cell in cells] == ["left", "center", "right"]
