"""The phone's drawer, in Chromium. The layout of every page on a phone (375 px) and a wide screen
(1280 px), in both languages and both schemes (nothing wider than the screen, the header's controls
on screen, Material's two layouts) is checked on each page's visit (tests/page_tour.py,
tests/test_browser.py).

`./tasks.sh screenshots` takes the same pages as pictures for a person to look at; those checks
are what keeps them right between looks.
"""

from __future__ import annotations

import pytest

from page_tour import PHONE

pytestmark = pytest.mark.browser


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
