"""One visit to every published page in Chromium, serving every check that reads each page.

Loading a page and injecting axe-core cost more than most checks made on it, so the tests that
hold every page to something (no foreign request or console error, no Content-Security-Policy
violation, no interface string of another language, no axe violation in either colour scheme)
read what one visit recorded (the `page_tour` fixture of conftest.py) instead of loading the site
again each. A visit does what each of those tests did on its own:

- the page is loaded in a light-scheme context that records every request, response, console
  message, page error and `securitypolicyviolation` event from before the first script runs
  until the visit ends (the listeners stay on through every step below);
- the text a reader meets is read as soon as the page has loaded;
- axe-core is put in the page once and runs in the light scheme; then the system scheme is made
  dark and the page's own toggle is pressed, as a reader switching does, and axe runs again on
  the dark page (a fresh page would load, parse and compile axe-core again);
- the visit ends when the network has been idle for Playwright's 500 ms (`networkidle`), so a
  request made late (the search worker's index) is seen on the page that made it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from html_pages import built_pages, parallel_pages

# Stores every violation on window before any page script runs.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
});
"""

# Text a reader sees or hears: the body's text and the labels of its elements, without what is
# marked as another language and without the language switcher (tests/test_interface_language.py).
READ_PAGE = """(language) => {
  const body = document.body.cloneNode(true);
  body.querySelectorAll("script, style, template, .md-select").forEach((element) => element.remove());
  body.querySelectorAll("[lang]").forEach((element) => {
    if (element.getAttribute("lang") !== language) element.remove();
  });
  const labels = [...body.querySelectorAll("[title], [aria-label], [placeholder], [alt]")].flatMap((element) =>
    ["title", "aria-label", "placeholder", "alt"].map((name) => element.getAttribute(name) || ""));
  return [body.textContent, ...labels, document.title].join("\\n").replace(/\\s+/g, " ");
}"""

# Material's dark scheme; the light one is "default".
DARK = "slate"
SCHEME = "() => document.body.getAttribute('data-md-color-scheme')"
# The toggle's script marks the body while it switches and unmarks it two frames later, once the
# new colours are drawn (overrides/partials/javascripts/palette.html).
SWITCHED_TO = "(scheme) => document.body.getAttribute('data-md-color-scheme') === scheme && !document.body.hasAttribute('data-md-color-switching')"
# Pressed from script, not with the mouse, so that no hover or focus ring stays on the page axe
# reads next: the dark page is then as a reader whose system is dark gets it on loading.
PRESS_VISIBLE_TOGGLE = """() => {
  document.querySelector('[data-palette-toggle] button:not([hidden])').click();
  document.activeElement.blur();
}"""
STORAGE = "() => JSON.stringify(Object.entries(localStorage))"
RESTORE_STORAGE = "(entries) => { localStorage.clear(); for (const [key, value] of JSON.parse(entries)) localStorage.setItem(key, value); }"


@dataclass
class PageVisit:
    """What one visit to a page recorded."""

    language: str = ""
    # Foreign requests, HTTP errors, console errors and warnings, page errors.
    problems: list[str] = field(default_factory=list)
    # securitypolicyviolation events, and Chromium's console reports of a violation.
    policy_violations: list[str] = field(default_factory=list)
    # READ_PAGE's text, read on load.
    text: str = ""
    # Colour scheme ("light", "dark") -> axe-core's violations: (rule id, targets).
    accessibility: dict[str, list[tuple[str, list]]] = field(default_factory=dict)


def tour_pages(site: Path) -> list[str]:
    """Every page a reader can reach: the content pages, the parallel views and each language's 404 page."""
    return built_pages(site) + parallel_pages(site) + sorted(path.relative_to(site).as_posix() for path in site.rglob("404.html"))


# axe-core's default rules; the CSS selectors that name each node are worked out only when a
# rule is violated (below), since they cost a fifth of a run and a passing page needs none.
AXE_RUN = "(options) => axe.run(options)"
AXE_OPTIONS = {"resultTypes": ["violations"], "selectors": False}


def axe_violations(page) -> list[tuple[str, list]]:
    """axe-core's violations on the page as it is now (axe-core already in the page): (rule id, node targets)."""
    if not page.evaluate(AXE_RUN, AXE_OPTIONS)["violations"]:
        return []
    found = page.evaluate(AXE_RUN, {**AXE_OPTIONS, "selectors": True})["violations"]
    return [(violation["id"], [node["target"] for node in violation["nodes"]]) for violation in found]


def tour(browser, base_url: str, site: Path) -> dict[str, PageVisit]:
    """Visit every page of ``site`` served at ``base_url``, one after the other, in one tab."""
    from axe_playwright_python.sync_playwright import Axe

    axe_core = Axe().axe_script  # the axe-core that axe-playwright-python ships
    visits: dict[str, PageVisit] = {}
    context = browser.new_context(color_scheme="light")
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    # The page being visited; events are filed under it (a late one under the page that caused it,
    # since the next navigation starts only once the network is idle).
    current: list[PageVisit] = []

    def on_request(request):
        if not request.url.startswith((base_url, "data:")):
            current[-1].problems.append(f"foreign request {request.url}")

    def on_response(response):
        if response.status >= 400:
            current[-1].problems.append(f"HTTP {response.status} {response.url}")

    def on_console(message):
        if message.type in ("error", "warning"):
            current[-1].problems.append(f"console {message.type}: {message.text}")
        # A violation just before a navigation leaves the page with its events; Chromium logs it too.
        if "Content Security Policy" in message.text:
            current[-1].policy_violations.append(f"console: {message.text}")

    page.on("request", on_request)
    page.on("response", on_response)
    page.on("console", on_console)
    page.on("pageerror", lambda error: current[-1].problems.append(f"page error: {error}"))
    try:
        for url in tour_pages(site):
            visit = visits[url] = PageVisit()
            current.append(visit)
            page.goto(base_url + url)
            visit.language = page.locator("html").get_attribute("lang")
            visit.text = page.evaluate(READ_PAGE, visit.language)
            assert page.evaluate(SCHEME) != DARK, f"{url}: dark on a light system with nothing stored"
            page.evaluate(axe_core)
            visit.accessibility["light"] = axe_violations(page)
            stored = page.evaluate(STORAGE)
            page.emulate_media(color_scheme="dark")
            page.evaluate(PRESS_VISIBLE_TOGGLE)
            page.wait_for_function(SWITCHED_TO, arg=DARK)
            visit.accessibility["dark"] = axe_violations(page)
            # Back to a light system with the storage as it was: the next page loads as a first visit does.
            page.evaluate(RESTORE_STORAGE, stored)
            page.emulate_media(color_scheme="light")
            page.wait_for_load_state("networkidle")
            visit.policy_violations.extend(page.evaluate("() => window.__cspViolations"))
    finally:
        context.close()
    return visits
