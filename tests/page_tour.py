"""One visit to each published page in Chromium, serving every check that reads each page.

Loading a page and putting axe-core in it cost more than most checks made on it, so the checks
that hold every page to something (no foreign request or console error, no Content-Security-Policy
violation, no interface string of another language, no axe violation, a layout that fits a wide
screen and a phone in either colour scheme, a visible focus on every element Tab reaches) are made
on one visit (tests/test_browser.py, one test per page, which the test processes share out between
them). A visit does what each of those checks did on a page load of its own:

- the page is loaded in a light-scheme tab on a wide screen that records every request, response,
  console message, page error and `securitypolicyviolation` event from before the first script runs
  until the visit ends (the listeners stay on through every step below);
- the text a reader meets is read as soon as the page has loaded;
- the layout is measured on the wide screen (1280 px) and on a phone (375 px), the tab resized
  between the two as a reader turning a tablet does and the transitions the resize starts run to
  their end (the page a phone loads at that width: no page is loaded at phone width here but the
  drawer's, tests/test_layout.py); axe-core is put in the page once and runs on the wide screen in
  the light scheme; then the system scheme is made dark and the page's own toggle is pressed, as
  a reader switching does, and the dark page is measured at both widths and axe runs again (a
  fresh page would load, parse and compile axe-core again);
- switched back to light the same way, with the start of the page as the point sequential focus
  navigation starts from (as on a fresh load), Tab is pressed until focus leaves the page, and
  each element it reaches is asked whether anything draws its focus (an outline or a box shadow);
- the visit ends when the network has been idle for Playwright's 500 ms (`networkidle`), so a
  request made late (the search worker's index) is seen on the page that made it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bilingual_site.parallel.views import FOLDER as PARALLEL_FOLDER
from sitebuild import PROJECT, PROJECT_LANGUAGES, folder_prefix

# Stores every violation on window before any page script runs.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
});
"""

# Text a reader sees or hears: the body's text and the labels of its elements, without what is
# marked as another language and without the language switcher (tests/interface_strings.py).
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

# What the layout checks read: the page's width, its title and header controls, Material's two
# layouts (search and navigation behind buttons on a phone, in the header and a sidebar on a wide
# screen), and anything in the content wider than the screen.
LAYOUT = """() => {
  const box = selector => {
    const element = document.querySelector(selector);
    if (!element) return null;
    const rect = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    const shown = rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    return {left: rect.left, right: rect.right, width: rect.width, shown};
  };
  const wider = [...document.querySelectorAll('.md-content *')]
    .filter(element => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1
      && !element.closest('.md-typeset__scrollwrap, pre, .md-typeset__table'))
    .map(element => element.tagName + '.' + element.className);
  return {
    scrollWidth: document.documentElement.scrollWidth,
    title: box('.md-content h1'),
    toggle: box('[data-palette-toggle] button:not([hidden])'),
    switcher: box('.md-header .md-select'),
    searchButton: box('label.md-header__button[for=__search]'),
    searchField: box('.md-search__form'),
    drawerButton: box('label.md-header__button[for=__drawer]'),
    sidebar: box('.md-sidebar--primary'),
    wider,
  };
}"""

WIDE_SCREEN = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 800}
SCREENS = (WIDE_SCREEN, PHONE)

# What the focused element is, and whether anything draws its focus.
FOCUS = """() => {
  const focused = document.activeElement;
  const style = getComputedStyle(focused);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  return {
    tag: focused.tagName,
    classes: focused.className,
    href: focused.getAttribute('href'),
    label: focused.getAttribute('aria-label') || focused.textContent.trim().slice(0, 40),
    visible: outline || style.boxShadow !== 'none',
    inContent: !!focused.closest('.md-content'),
    inHeader: !!focused.closest('.md-header'),
  };
}"""
# The start of the page as the point the next Tab starts from, as on a fresh load: after the
# toggle was pressed, Chromium would start from the toggle. The body takes focus for a moment.
FOCUS_FROM_THE_TOP = """() => {
  const body = document.body;
  body.tabIndex = -1;
  body.focus();
  body.removeAttribute('tabindex');
}"""
# A resize starts Material's CSS transitions (the search field, the overlay, the sidebar): run to
# their end, the page is as a reader sees it a quarter of a second later, or as loaded at that width.
FINISH_TRANSITIONS = """() => {
  for (const animation of document.getAnimations()) {
    if (animation.effect && animation.effect.getComputedTiming().endTime !== Infinity) animation.finish();
  }
}"""
# More Tab stops than any page has: a walk that does not leave the page within them is a trap.
MOST_TAB_STOPS = 400


def fits_the_screen(layout: dict, width: int, where: str) -> None:
    """Nothing wider than the screen, the header's controls on it, the layout of its width (LAYOUT's measures)."""
    assert layout["scrollWidth"] <= width, (where, layout["scrollWidth"])
    assert layout["wider"] == [], where  # tables and code scroll inside their own box, nothing else overflows
    assert layout["title"]["shown"] and 0 <= layout["title"]["left"] and layout["title"]["right"] <= width, where
    for control in ("toggle", "switcher"):
        assert layout[control]["shown"] and layout[control]["right"] <= width, (where, control, layout[control])
    if width < 960:  # Material's breakpoints: search behind a button, navigation in a drawer
        assert layout["searchButton"]["shown"] and layout["drawerButton"]["shown"], where
        assert layout["sidebar"]["right"] <= 0, where  # off-canvas until the drawer opens
    else:
        assert layout["searchField"]["shown"] and not layout["drawerButton"]["shown"], where
        assert layout["sidebar"]["shown"] and layout["sidebar"]["left"] >= 0, where


# axe-core's default rules; the CSS selectors that name each node are worked out only when a
# rule is violated (below), since they cost a fifth of a run and a passing page needs none.
AXE_RUN = "(options) => axe.run(options)"
AXE_OPTIONS = {"resultTypes": ["violations"], "selectors": False}


def expected_pages() -> list[str]:
    """Every page a reader can reach, as the build publishes it, worked out from the sources and
    mkdocs.yml's languages: each original page in every language (the translation, or the original
    where there is none yet), each translated page's parallel view in every language's folder, and
    every language's 404 page. tests/test_browser.py holds this list to the built site's."""
    originals = PROJECT_LANGUAGES.pages(PROJECT_LANGUAGES.default_language)
    translated = {language: PROJECT_LANGUAGES.pages(language) for language in PROJECT_LANGUAGES.translation_languages}
    pages = []
    for language in PROJECT_LANGUAGES.languages:
        prefix = folder_prefix(language)
        pages += [prefix + page.removesuffix(".md") + ".html" for page in originals]
        pages += [f"{prefix}{PARALLEL_FOLDER}/{translation}/{page.removesuffix('.md')}.html" for translation, own in translated.items() for page in own]
        pages.append(prefix + "404.html")
    return sorted(pages)


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
    # Colour scheme ("light", "dark") -> screen width -> LAYOUT's measures.
    layout: dict[str, dict[int, dict]] = field(default_factory=dict)
    # Colour scheme ("light", "dark") -> axe-core's violations: (rule id, targets).
    accessibility: dict[str, list[tuple[str, list]]] = field(default_factory=dict)
    # FOCUS at each element Tab reaches, in order, from the top of the page until focus leaves it.
    tab_stops: list[dict] = field(default_factory=list)


def switch_to_dark(page) -> str:
    """Make the system scheme dark and press the page's toggle, as a reader switching does; the
    page's storage as it was before (the toggle stores the choice), for `back_to_light`."""
    stored = page.evaluate(STORAGE)
    page.emulate_media(color_scheme="dark")
    page.evaluate(PRESS_VISIBLE_TOGGLE)
    page.wait_for_function(SWITCHED_TO, arg=DARK)
    return stored


def switch_to_light(page) -> None:
    """Back to the light scheme as a reader switching back does: a light system, the toggle pressed."""
    page.emulate_media(color_scheme="light")
    page.evaluate(PRESS_VISIBLE_TOGGLE)
    page.wait_for_function(SWITCHED_TO, arg="default")


def same_element(stop: dict, other: dict) -> bool:
    return all(stop[key] == other[key] for key in ("tag", "classes", "href", "label"))


def back_to_light(page, stored: str) -> None:
    """A light system and the storage as it was: the next page loads as a first visit does."""
    page.evaluate(RESTORE_STORAGE, stored)
    page.emulate_media(color_scheme="light")


def axe_violations(page) -> list[tuple[str, list]]:
    """axe-core's violations on the page as it is now (axe-core already in the page): (rule id, node targets)."""
    if not page.evaluate(AXE_RUN, AXE_OPTIONS)["violations"]:
        return []
    found = page.evaluate(AXE_RUN, {**AXE_OPTIONS, "selectors": True})["violations"]
    return [(violation["id"], [node["target"] for node in violation["nodes"]]) for violation in found]


class Visitor:
    """One tab of ``context`` that visits pages of the site served at ``base_url`` one after the other."""

    def __init__(self, context, base_url: str):
        from axe_playwright_python.sync_playwright import Axe

        self.base_url = base_url
        self.axe_core = Axe().axe_script  # the axe-core that axe-playwright-python ships
        self.page = context.new_page()
        self.page.set_viewport_size(WIDE_SCREEN)
        self.page.emulate_media(color_scheme="light")
        self.page.add_init_script(RECORD_VIOLATIONS)
        # What the listeners record goes here: the visit under way, or, between two visits, the
        # next one, so that an event coming after a visit's end (a request or a message of the page
        # before) still fails a test, as it failed the one test that loaded every page in a row.
        self.current = PageVisit()
        self.page.on("request", self.on_request)
        self.page.on("response", self.on_response)
        self.page.on("console", self.on_console)
        self.page.on("pageerror", lambda error: self.current.problems.append(f"page error: {error}"))

    def on_request(self, request) -> None:
        if not request.url.startswith((self.base_url, "data:")):
            self.current.problems.append(f"foreign request {request.url}")

    def on_response(self, response) -> None:
        if response.status >= 400:
            self.current.problems.append(f"HTTP {response.status} {response.url}")

    def on_console(self, message) -> None:
        if message.type in ("error", "warning"):
            self.current.problems.append(f"console {message.type}: {message.text}")
        # A violation just before a navigation leaves the page with its events; Chromium logs it too.
        if "Content Security Policy" in message.text:
            self.current.policy_violations.append(f"console: {message.text}")

    def visit(self, url: str, own_page: bool = True) -> PageVisit:
        """Visit ``url``; ``own_page``: measure its layout and walk its Tab stops too (a parallel
        view has a layout of its own, tested in tests/test_parallel_view.py)."""
        try:
            return self.visit_steps(self.current, url, own_page)
        finally:
            self.current = PageVisit()

    def visit_steps(self, visit: PageVisit, url: str, own_page: bool) -> PageVisit:
        page = self.page
        page.goto(self.base_url + url)
        visit.language = page.locator("html").get_attribute("lang")
        visit.text = page.evaluate(READ_PAGE, visit.language)
        assert page.evaluate(SCHEME) != DARK, f"{url}: dark on a light system with nothing stored"
        if own_page:
            visit.layout["light"] = self.measure_layouts()
        page.evaluate(self.axe_core)
        visit.accessibility["light"] = axe_violations(page)
        stored = switch_to_dark(page)
        if own_page:
            visit.layout["dark"] = self.measure_layouts()
        visit.accessibility["dark"] = axe_violations(page)
        if own_page:
            switch_to_light(page)
            visit.tab_stops = self.walk_tab_stops(url)
        back_to_light(page, stored)
        page.wait_for_load_state("networkidle")
        visit.policy_violations.extend(page.evaluate("() => window.__cspViolations"))
        return visit

    def measure_layouts(self) -> dict[int, dict]:
        """LAYOUT's measures at each of SCREENS' widths, each once the transitions the resize started
        have run to their end; the tab is left on the wide screen, as settled."""
        measures = {}
        for screen in SCREENS:
            self.resize(screen)
            measures[screen["width"]] = self.page.evaluate(LAYOUT)
        self.resize(WIDE_SCREEN)
        return measures

    def resize(self, screen: dict) -> None:
        self.page.set_viewport_size(screen)
        self.page.evaluate(FINISH_TRANSITIONS)

    def walk_tab_stops(self, url: str) -> list[dict]:
        """FOCUS at each element Tab reaches from the top of the page, until focus leaves the page
        (or comes back to the first stop: headless Chromium sometimes goes round without leaving)."""
        self.page.evaluate(FOCUS_FROM_THE_TOP)
        stops = []
        for _ in range(MOST_TAB_STOPS):
            self.page.keyboard.press("Tab")
            current = self.page.evaluate(FOCUS)
            if current["tag"] == "BODY" or (stops and same_element(current, stops[0])):
                return stops
            stops.append(current)
        raise AssertionError(f"{url}: Tab never left the page in {MOST_TAB_STOPS} presses")

    def close(self) -> None:
        self.page.close()
