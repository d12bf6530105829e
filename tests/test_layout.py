"""The layout on a phone (375 px) and a wide screen (1280 px), every page, both languages, both
schemes, rendered in Chromium: nothing wider than the screen, the header's controls on screen,
and Material's two layouts (navigation in a drawer on the phone, in a sidebar on the wide screen).
The measures and checks are in tests/page_tour.py; the wide screen is checked on the one visit of
each page in tests/test_browser.py, the phone here.

`./tasks.sh screenshots` takes the same pages as pictures for a person to look at; this test is
what keeps them right between looks.
"""

from __future__ import annotations

import pytest

from html_pages import built_pages
from page_tour import LAYOUT, back_to_light, fits_the_screen, switch_to_dark

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 800}


def test_every_page_fits_a_phone_with_its_controls_on_it_in_both_schemes(site, server, page):
    """Each page loaded on a light system, then switched to the dark scheme by its toggle with the
    system dark too (tests/page_tour.py): one load for both. The wide screen's layout is checked
    on the visit of each page in tests/test_browser.py."""
    page.set_viewport_size(PHONE)
    for url in built_pages(site):
        page.goto(server.url + url)
        fits_the_screen(page.evaluate(LAYOUT), PHONE["width"], f"{url} at {PHONE['width']} px, light")
        page.screenshot()  # rendered to the end: an exception here fails the test
        stored = switch_to_dark(page)
        fits_the_screen(page.evaluate(LAYOUT), PHONE["width"], f"{url} at {PHONE['width']} px, dark")
        page.screenshot()
        back_to_light(page, stored)


def test_the_drawer_opens_on_a_phone_and_shows_the_navigation(page, server):
    page.set_viewport_size(PHONE)
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
