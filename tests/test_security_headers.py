"""Content-Security-Policy on every page, without 'unsafe-inline' for scripts, and a `_headers` file.

The hashes it allows are the templates' (bilingual_site.mkdocs.theme_scripts); tests/test_published_html.py
shows that a script a contribution slips in is refused, and one the templates write is allowed.

The browser tests do what a reader does (every page and parallel view, in tests/test_browser.py, one
visit per page: tests/page_tour.py; here, search in both languages and opening a result with Enter,
the colour scheme toggle, the language switch) and count `securitypolicyviolation` events: there
must be none.
"""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from bilingual_site.checks.published_html import csp_hash
from bilingual_site.site.security_headers import headers_file, policy, serialize, with_csp_meta
from html_pages import built_pages, parallel_pages, parse, select
from page_tour import RECORD_VIOLATIONS
from sitebuild import PROJECT_LANGUAGES, folder_prefix


def csp_of(document) -> dict[str, list[str]]:
    meta = document.css_first('meta[http-equiv="Content-Security-Policy"]')
    directives = [part.split() for part in meta.attributes["content"].split(";")]
    return {name: sources for name, *sources in directives}


def test_meta_goes_right_after_the_charset_and_replaces_the_one_an_earlier_build_wrote():
    page = '<html><head>\n<meta charset="utf-8">\n<title>T</title></head><body></body></html>'
    with_policy = with_csp_meta(page, "default-src 'self'", "x.html")
    assert with_policy == page.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n      <meta http-equiv="Content-Security-Policy" content="default-src \'self\'">')
    assert with_csp_meta(with_policy, "default-src 'self'", "x.html") == with_policy
    assert with_csp_meta(with_policy, "default-src 'none'", "x.html") == with_policy.replace("'self'", "'none'")
    with pytest.raises(ValueError, match='x.html: no <meta charset="utf-8">'):
        with_csp_meta("<html><head></head></html>", "default-src 'self'", "x.html")


def inline_scripts(html: str) -> set[str]:
    """CSP hashes of the inline scripts a browser runs in ``html`` (Material's JSON block is data)."""
    return {
        csp_hash(script.text(deep=True))
        for script in LexborHTMLParser(html).css("script")
        if "src" not in script.attributes and script.attributes.get("type") != "application/json"
    }


def test_every_built_page_has_the_templates_policy(site):
    pages = [path.relative_to(site).as_posix() for path in site.rglob("*.html")]
    assert all(f"{folder_prefix(language)}404.html" in pages for language in PROJECT_LANGUAGES.languages)
    for url in pages:
        html = (site / url).read_text(encoding="utf-8")
        document = parse(site, url)
        head = select(document.head, "*")
        assert head[0].tag == "meta" and head[0].attributes.get("charset") == "utf-8", url
        assert head[1].attributes.get("http-equiv") == "Content-Security-Policy", url
        directives = csp_of(document)
        # The clean site's pages run exactly the templates' scripts: Material's two (scope, target),
        # partials/javascripts/palette.html and partials/search-fallback.html.
        assert directives["script-src"] == ["'self'", *sorted(inline_scripts(html))], url
        assert len(directives["script-src"]) == 5, url
        for name, sources in directives.items():
            assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources, (url, name)
        assert directives["default-src"] == ["'self'"]
        assert directives["object-src"] == directives["base-uri"] == directives["form-action"] == directives["frame-src"] == ["'none'"]
        assert directives["worker-src"] == ["'self'"]  # Material's search worker
        assert "frame-ancestors" not in directives  # ignored (with a console error) in a <meta>


def test_headers_file_carries_the_policy_of_every_page_and_what_only_headers_can_say(site):
    text = (site / "_headers").read_text(encoding="utf-8")
    rules = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert rules[0] == "/*"
    headers = dict(line.strip().split(": ", 1) for line in rules[1:])
    header_policy = {name: sources for name, *sources in (part.split() for part in headers["Content-Security-Policy"].split(";"))}
    assert header_policy["frame-ancestors"] == ["'none'"]
    page_hashes = set()
    for url in built_pages(site) + parallel_pages(site) + sorted(path.relative_to(site).as_posix() for path in site.rglob("404.html")):
        page_policy = csp_of(parse(site, url))
        page_hashes.update(page_policy["script-src"])
        assert {name: sources for name, sources in header_policy.items() if name != "frame-ancestors"}.keys() == page_policy.keys()
    assert set(header_policy["script-src"]) == page_hashes
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in headers["Permissions-Policy"]
    assert text == headers_file(sorted(page_hashes - {"'self'"}))


def test_policy_never_allows_inline_or_eval():
    assert "unsafe" not in serialize(policy(["'sha256-x'"]))


@pytest.mark.browser
def test_reader_actions_trigger_no_policy_violation(page, server):
    # Every page, parallel view and 404 page is loaded, read by axe-core and switched to the dark
    # scheme with no violation in tests/test_browser.py (one visit per page: tests/page_tour.py).
    violations: dict[str, list[str]] = {}
    page.add_init_script(RECORD_VIOLATIONS)
    # A violation just before a navigation leaves the page with its events; Chromium logs it too.
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.setdefault("console", []).append(message.text))

    def collect(where: str) -> None:
        found = page.evaluate("() => window.__cspViolations")
        if found:
            violations.setdefault(where, []).extend(found)

    for path, query in (("note.html", "modele"), ("en/note.html", "providers")):
        page.goto(server.url + path)
        field = page.locator(".md-search__input")
        field.click()
        field.press_sequentially(query, delay=20)
        page.locator(".md-search-result__link").first.wait_for()  # the search worker answered
        collect(f"search on {path}")
        # Enter in the search form (CSP form-action 'none'): Material opens the first result itself.
        field.press("Enter")
        page.wait_for_url("**?h=*")
        collect(f"search result opened from {path}")

    page.goto(server.url + "claims.html")
    page.locator("[data-palette-scheme='default']").click()  # light to dark
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.locator("[data-palette-scheme='slate']").click()  # and back
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'default'")
    collect("colour scheme toggle")
    page.locator(".md-select").hover()
    page.locator(".md-select__link[hreflang='en']").click()
    page.wait_for_url(server.url + "en/claims.html")
    collect("language switch")
    assert violations == {}
