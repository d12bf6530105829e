"""What a first visit to each page transfers, measured in Chromium over gzip, against a budget.

Builds the site strictly, serves it on 127.0.0.1 with gzip (like a static host), opens every
page in a fresh browser context (empty cache) and waits until the network is idle, then sums
what each response put on the wire, body as the host sends it (gzip for text) plus headers,
by kind: HTML, CSS, JS, search index, other (favicon, sitemaps). It also prints each language's search index, raw and gzipped, and checks that every page
loaded its own language's index and no other.

    ./tasks.sh weight
    .venv/bin/python scripts/page_weight.py --budget-kb 90

Exit code 1 when a page is over budget or loads another language's index.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import os
import sys
import tempfile
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

from bilingual_site.gzip_server import GzipServer
from site_tools import build_site, built_html_pages, free_port

CHROME = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROME_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
INDEX = "search/search_index.json"
KINDS = ("html", "css", "js", "index", "other")


def kind_of(path: str) -> str:
    if path.endswith(INDEX):
        return "index"
    if path.endswith(".html") or path.endswith("/"):
        return "html"
    if path.endswith(".css"):
        return "css"
    if path.endswith(".js"):
        return "js"
    return "other"


def page_language(page: str, languages: list[str]) -> str:
    first = page.split("/", 1)[0]
    return first if first in languages[1:] else languages[0]


@functools.lru_cache(maxsize=None)
def encoded_size(url: str) -> int:
    """The body the gzip host sends for ``url``, as sent (compressed for text)."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        return len(response.read())


def measure(browser, url: str) -> tuple[dict[str, int], list[str]]:
    """Bytes on the wire by kind for one first visit, and the paths of every request.

    Chromium decides what is requested (the search worker and its index included); each body is
    counted as the host sends it and each header block as Chromium received it. Playwright's own
    body sizes miss the worker's script, hence the host's figure.
    """
    context = browser.new_context()
    page = context.new_page()
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    page.goto(url, wait_until="networkidle")
    by_kind = dict.fromkeys(KINDS, 0)
    paths = []
    for request in responses:
        headers = request.sizes()["responseHeadersSize"]
        path = urlsplit(request.url).path
        paths.append(path)
        by_kind[kind_of(path)] += headers + encoded_size(request.url)
    context.close()
    return by_kind, paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget-kb", type=float, default=90.0, help="largest first visit allowed, in KiB")
    parser.add_argument("--languages", nargs="*", default=["fr", "en"], help="default language first")
    args = parser.parse_args()
    languages = args.languages
    port = free_port()
    problems = []
    with tempfile.TemporaryDirectory() as temp:
        site = build_site(Path(temp) / "site", f"http://127.0.0.1:{port}/")
        print("| Page | HTML | CSS | JS | Search index | Other | Total |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        with GzipServer(site, port) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROME, args=CHROME_ARGS)
            for page in built_html_pages(site):
                by_kind, paths = measure(browser, server.url + page)
                total = sum(by_kind.values())
                cells = " | ".join(f"{by_kind[kind] / 1024:.1f}" for kind in KINDS)
                print(f"| `{page}` | {cells} | **{total / 1024:.1f} KiB** |")
                if total > args.budget_kb * 1024:
                    problems.append(f"{page}: {total / 1024:.1f} KiB, over the {args.budget_kb:g} KiB budget")
                language = page_language(page, languages)
                own = "/" + ("" if language == languages[0] else f"{language}/") + INDEX
                indexes = sorted({path for path in paths if path.endswith(INDEX)})
                if indexes != [own]:
                    problems.append(f"{page}: loaded search indexes {indexes}, expected only {own}")
            browser.close()
        print()
        print("| Language | Search index | Raw | Gzip |")
        print("| --- | --- | ---: | ---: |")
        for language in languages:
            relative = ("" if language == languages[0] else f"{language}/") + INDEX
            raw = (site / relative).read_bytes()
            print(f"| {language} | `/{relative}` | {len(raw) / 1024:.1f} KiB | {len(gzip.compress(raw, 6)) / 1024:.1f} KiB |")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
