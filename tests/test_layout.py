"""The layout on a phone (375 px) and a wide screen (1280 px), every page, both languages, both
schemes, rendered in Chromium: nothing wider than the screen, the header's controls on screen,
and Material's two layouts (navigation in a drawer on the phone, in a sidebar on the wide screen).

`./tasks.sh screenshots` takes the same pages as pictures for a person to look at; this test is
what keeps them right between looks.
"""

from __future__ import annotations

import pytest

from html_pages import built_pages
from page_tour import back_to_light, switch_to_dark

pytestmark = pytest.mark.browser

WIDTHS = (375, 1280)
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


@pytest.fixture(scope="module", params=WIDTHS, ids=lambda width: f"{width}px")
def screen(request, reader_context):
    width = request.param
    page = reader_context.new_page()
    page.set_viewport_size({"width": width, "height": 800})
    page.emulate_media(color_scheme="light")
    yield width, page
    page.close()


def fits_the_screen(page, width: int, where: str) -> None:
    layout = page.evaluate(LAYOUT)
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
    page.screenshot()  # rendered to the end: an exception here fails the test


def test_every_page_fits_the_screen_with_its_controls_on_it_in_both_schemes(site, server, screen):
    """Each page loaded on a light system, then switched to the dark scheme by its toggle with the
    system dark too (tests/page_tour.py): one load for both."""
    width, page = screen
    for url in built_pages(site):
        page.goto(server.url + url)
        fits_the_screen(page, width, f"{url} at {width} px, light")
        stored = switch_to_dark(page)
        fits_the_screen(page, width, f"{url} at {width} px, dark")
        back_to_light(page, stored)


def test_the_drawer_opens_on_a_phone_and_shows_the_navigation(page, server):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(server.url + "en/note.html")
    page.locator("label.md-header__button[for=__drawer]").click()
    # The drawer slides in (a 0.25 s transition): wait until the link is wholly on the screen.
    page.wait_for_function(
        """() => {
          const link = [...document.querySelectorAll('.md-sidebar--primary .md-nav__link')].find(a => a.textContent.trim() === 'Sources');
          const box = link && link.getBoundingClientRect();
          return box && box.width > 0 && box.left >= 0 && box.right <= 375;
        }""",
        timeout=5000,
    )
