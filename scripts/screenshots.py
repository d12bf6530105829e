"""PNG screenshots of chosen pages at phone and desktop widths, in Debian's Chromium, to look at.

Builds the site strictly, serves it with gzip on 127.0.0.1 and saves
`<folder>/<page>-<width>-<scheme>.png` for every page, width and colour scheme asked for.

    ./tasks.sh screenshots                                 # default pages, 375 and 1280 px, light
    .venv/bin/python scripts/screenshots.py --pages note.html en/sources.html --schemes light dark --full-page --out /tmp/shots
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from bilingual_site.tools.gzip_server import GzipServer
from site_tools import build_site, free_port

CHROME = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROME_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
DEFAULT_PAGES = ["index.html", "note.html", "claims.html", "en/index.html", "en/note.html", "en/glossary.html", "en/404.html"]
HEIGHTS = {375: 812, 1280: 800}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="*", default=DEFAULT_PAGES, help="site-relative pages")
    parser.add_argument("--widths", nargs="*", type=int, default=[375, 1280], help="viewport widths in CSS pixels")
    parser.add_argument("--schemes", nargs="*", default=["light"], choices=["light", "dark"])
    parser.add_argument("--full-page", action="store_true", help="the whole page, not only the first screen")
    parser.add_argument("--out", type=Path, default=Path("/tmp/screenshots"), help="folder for the PNG files")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    with tempfile.TemporaryDirectory() as temp:
        site = build_site(Path(temp) / "site", f"http://127.0.0.1:{port}/")
        with GzipServer(site, port) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROME, args=CHROME_ARGS)
            for scheme in args.schemes:
                for width in args.widths:
                    context = browser.new_context(
                        viewport={"width": width, "height": HEIGHTS.get(width, 800)},
                        color_scheme=scheme,
                        device_scale_factor=1,
                    )
                    page = context.new_page()
                    for url in args.pages:
                        page.goto(server.url + url, wait_until="networkidle")
                        target = args.out / f"{url.replace('/', '_').removesuffix('.html')}-{width}-{scheme}.png"
                        page.screenshot(path=str(target), full_page=args.full_page)
                        print(target)
                    context.close()
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
