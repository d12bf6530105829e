"""Content-Security-Policy on every page, without 'unsafe-inline' for scripts, and a `_headers` file.

The browser test does what a reader does (every page, search in both languages, the colour
scheme toggle, the language switch) and counts `securitypolicyviolation` events: there must be none.
"""

from __future__ import annotations

import base64
import hashlib
import random
import re

import pytest

from bilingual_site.security_headers import SCRIPT_ELEMENT, headers_file, inline_script_hashes, policy, serialize, with_csp_meta
from html_pages import built_pages, parallel_pages, parse

# Stores every violation on window before any page script runs.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
});
"""


def csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def csp_of(soup) -> dict[str, list[str]]:
    meta = soup.select_one('meta[http-equiv="Content-Security-Policy"]')
    directives = [part.split() for part in meta["content"].split(";")]
    return {name: sources for name, *sources in directives}


def test_inline_script_hashes_skip_files_and_data_blocks():
    html = (
        '<script>a()</script><script src="x.js"></script><script type="application/json">{}</script>'
        "<script type=module>b()</script><script>a()</script>"
    )
    assert inline_script_hashes(html) == [csp_hash("a()"), csp_hash("b()")]


def test_scripts_are_found_as_the_case_blind_pattern_finds_them_when_written_in_lower_case():
    pieces = ["<script>", "<script src=x>", "</script>", "</script >", "</scripts>", "<scripts>", "a()", "<script",
              "</script", ">", "<script type=module>", "</Script\n>", '<script type="application/json">']
    generator = random.Random(20261127)
    for _ in range(20000):
        html = "".join(generator.choice(pieces) for _ in range(generator.randint(1, 10)))
        expected = [match.group(2) for match in SCRIPT_ELEMENT.finditer(html)
                    if not re.search(r"\bsrc\s*=", match.group(1)) and "application/json" not in match.group(1)]
        assert inline_script_hashes(html) == list(dict.fromkeys(csp_hash(body) for body in expected)), html
    # Upper case is not looked for: such a script gets no hash, so the browser refuses it.
    assert inline_script_hashes("<SCRIPT>a()</SCRIPT>") == []


def test_meta_goes_right_after_the_charset_and_replaces_an_older_one():
    page = '<html><head>\n<meta charset="utf-8">\n<title>T</title></head><body><script>a()</script></body></html>'
    once, hashes = with_csp_meta(page, "x.html")
    twice, _ = with_csp_meta(once, "x.html")
    assert once == twice
    assert re.search(r'<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)">\s*<title>', once)
    assert hashes == inline_script_hashes(page)
    with pytest.raises(ValueError, match='x.html: no <meta charset="utf-8">'):
        with_csp_meta("<html><head></head></html>", "x.html")


def test_every_built_page_has_a_policy_allowing_exactly_its_inline_scripts(site):
    pages = [path.relative_to(site).as_posix() for path in site.rglob("*.html")]
    assert "404.html" in pages and "en/404.html" in pages
    for url in pages:
        html = (site / url).read_text(encoding="utf-8")
        soup = parse(site, url)
        head = soup.head.find_all(True)
        assert head[0].name == "meta" and head[0].get("charset") == "utf-8", url
        assert head[1].get("http-equiv") == "Content-Security-Policy", url
        directives = csp_of(soup)
        assert directives["script-src"] == ["'self'", *inline_script_hashes(html)], url
        # Material's two (scope, target), partials/javascripts/palette.html and partials/search-fallback.html
        assert len(directives["script-src"]) == 5, url
        for name, sources in directives.items():
            assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources, (url, name)
        assert directives["object-src"] == ["'none'"]
        assert directives["base-uri"] == directives["form-action"] == directives["default-src"] == ["'self'"]
        assert "frame-ancestors" not in directives  # ignored (with a console error) in a <meta>


def test_headers_file_carries_the_policy_of_every_page_and_what_only_headers_can_say(site):
    text = (site / "_headers").read_text(encoding="utf-8")
    rules = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert rules[0] == "/*"
    headers = dict(line.strip().split(": ", 1) for line in rules[1:])
    header_policy = {name: sources for name, *sources in (part.split() for part in headers["Content-Security-Policy"].split(";"))}
    assert header_policy["frame-ancestors"] == ["'none'"]
    page_hashes = set()
    for url in built_pages(site) + parallel_pages(site) + ["404.html", "en/404.html"]:
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
def test_reader_actions_trigger_no_policy_violation(browser, server, site):
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    violations: dict[str, list[str]] = {}

    def collect(where: str) -> None:
        found = page.evaluate("() => window.__cspViolations")
        if found:
            violations.setdefault(where, []).extend(found)

    for url in built_pages(site) + parallel_pages(site) + ["404.html", "en/404.html"]:
        page.goto(server.url + url, wait_until="networkidle")
        collect(url)

    for path, query in (("note.html", "modele"), ("en/note.html", "providers")):
        page.goto(server.url + path)
        field = page.locator(".md-search__input")
        field.click()
        field.press_sequentially(query, delay=20)
        page.locator(".md-search-result__link").first.wait_for()  # the search worker answered
        collect(f"search on {path}")

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
    context.close()
    assert violations == {}
