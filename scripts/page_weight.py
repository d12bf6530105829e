"""What a first visit to each page transfers, measured in Chromium over gzip, against a budget.

The budget is the issue's: no page heavier than the same page on a default Material site.
`--baseline` builds that default site from the same docs (Material and static-i18n with
their defaults: no hooks, no overrides, one merged search index) and measures it the same way.
Its reference pages get the same content our hook renders from data/; its Google Fonts
requests fail offline and are not counted, so the baseline errs on the light side.

Builds the site strictly, serves it on 127.0.0.1 with gzip (like a static host), opens every
page in a fresh browser context (empty cache) and waits until the network is idle, then sums
what each response put on the wire, body as the host sends it (gzip for text) plus headers,
by kind: HTML, CSS, JS, search index, other (favicon, sitemaps). It also prints each language's search index, raw and gzipped, and checks that every page
loaded its own language's index and no other.

    ./tasks.sh weight                      # against a fixed budget (90 KiB, --budget-kb)
    ./tasks.sh weight --baseline           # against the same page on a default Material site

Exit code 1 when a page is over budget (over the default site's page, with --baseline) or
loads another language's index.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.utils import yaml_load
from playwright.sync_api import sync_playwright

from bilingual_site.tools.gzip_server import GzipServer
from bilingual_site.site.reference_data import load_reference_data, render
from bilingual_site.markdown.model import page_text, split_front_matter

from site_tools import MKDOCS, PROJECT, build_site, built_html_pages, free_port

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
    try:
        with urllib.request.urlopen(request) as response:
            return len(response.read())
    except urllib.error.HTTPError as error:  # a missing file still costs its error page
        return len(error.read())


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


BASELINE_CONFIG = """\
site_name: Baseline
site_url: {site_url}
use_directory_urls: false
theme:
  name: material
  language: {default}
plugins:
  - search
  - i18n:
      docs_structure: folder
      fallback_to_default: true
      languages:
{languages}
markdown_extensions: [abbr, admonition, attr_list, fenced_code, md_in_html, tables, toc]
"""


def build_baseline(root: Path, site_url: str, languages: list[str]) -> Path:
    """The same docs on a default Material + static-i18n site, reference pages filled in as ours are."""
    shutil.copytree(PROJECT / "docs", root / "docs")
    with_reference_data(root / "docs", languages)
    entries = "".join(
        f"        - locale: {code}\n          name: {code}\n          build: true\n" + ("          default: true\n" if index == 0 else "")
        for index, code in enumerate(languages)
    )
    (root / "mkdocs.yml").write_text(BASELINE_CONFIG.format(site_url=site_url, default=languages[0], languages=entries), encoding="utf-8")
    subprocess.run([str(MKDOCS), "build", "--quiet", "--site-dir", str(root / "site")], cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=True)
    return root / "site"


def with_reference_data(docs: Path, languages: list[str]) -> None:
    """Append to each page the reference data our hook renders (same function, same strings),
    so the default site's pages carry the same content."""
    with open(PROJECT / "mkdocs.yml", "rb") as stream:
        config = yaml_load(stream)
    i18n = next(entry["i18n"] for entry in config["plugins"] if isinstance(entry, dict) and "i18n" in entry)
    ui = {entry["locale"]: entry["extra"]["ui"] for entry in i18n["languages"]}
    data = load_reference_data(PROJECT / "data", languages, languages[0])
    for path in sorted(docs.rglob("*.md")):
        language = path.relative_to(docs).parts[0]
        text = path.read_text(encoding="utf-8")
        kind = split_front_matter(page_text(text)).meta.get("reference_data")
        if kind:
            rendered = render(kind, data, language, languages[0], ui[language], languages)
            path.write_text(text.rstrip() + "\n\n" + rendered, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget-kb", type=float, default=None,
                        help="largest first visit allowed, in KiB (default: 90, or none with --baseline, whose pages are the budget)")
    parser.add_argument("--languages", nargs="*", default=["fr", "en"], help="default language first")
    parser.add_argument("--baseline", action="store_true", help="compare every page with the same page on a default Material site")
    args = parser.parse_args()
    languages = args.languages
    budget_kb = args.budget_kb if args.budget_kb is not None else (None if args.baseline else 90.0)
    port = free_port()
    problems = []
    totals: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as temp:
        site = build_site(Path(temp) / "site", f"http://127.0.0.1:{port}/")
        print("| Page | HTML | CSS | JS | Search index | Other | Total |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        with GzipServer(site, port) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROME, args=CHROME_ARGS)
            for page in built_html_pages(site):
                by_kind, paths = measure(browser, server.url + page)
                total = sum(by_kind.values())
                totals[page] = total
                cells = " | ".join(f"{by_kind[kind] / 1024:.1f}" for kind in KINDS)
                print(f"| `{page}` | {cells} | **{total / 1024:.1f} KiB** |")
                if budget_kb is not None and total > budget_kb * 1024:
                    problems.append(f"{page}: {total / 1024:.1f} KiB, over the {budget_kb:g} KiB budget")
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
        if args.baseline:
            problems += compare_with_baseline(Path(temp) / "baseline", languages, totals)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def compare_with_baseline(root: Path, languages: list[str], totals: dict[str, int]) -> list[str]:
    """Measure the default site's version of every page, print both, and name pages heavier than it."""
    port = free_port()
    site = build_baseline(root, f"http://127.0.0.1:{port}/", languages)
    problems = []
    print()
    print("| Page | This site | Default Material site | Difference |")
    print("| --- | ---: | ---: | ---: |")
    with GzipServer(site, port) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROME, args=CHROME_ARGS)
        for page, total in totals.items():
            if not (site / page).is_file():
                continue  # a page only this site has (parallel views, status page of a language...)
            by_kind, _ = measure(browser, server.url + page)
            baseline = sum(by_kind.values())
            print(f"| `{page}` | {total / 1024:.1f} KiB | {baseline / 1024:.1f} KiB | {(total - baseline) / 1024:+.1f} KiB |")
            if total > baseline:
                problems.append(f"{page}: {total / 1024:.1f} KiB, heavier than on a default Material site ({baseline / 1024:.1f} KiB)")
        browser.close()
    return problems


if __name__ == "__main__":
    sys.exit(main())
