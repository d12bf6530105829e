"""Lighthouse on every page of both languages, as a reader on a phone would load them.

Builds the site strictly into a temporary folder, serves it on 127.0.0.1 with gzip
(src/bilingual_site/tools/gzip_server.py, like a static host), runs the Lighthouse locked in
tools/lighthouse/ (installed with `npm ci` on first use) with its default mobile profile
in Debian's Chromium, and prints one table row per page: the four category scores,
bytes transferred, LCP, TBT and CLS. Every built HTML page is audited, the two 404
pages included (fetched at their own URL, so they answer 200 there); home pages are
audited at `/` and `/en/`, their canonical URLs.

    ./tasks.sh lighthouse                     # every page
    .venv/bin/python scripts/lighthouse_audit.py --pages index.html en/note.html --reports /tmp/lh
    ./tasks.sh lighthouse --runs 3            # each page three times, the median run reported

Exit code 0, or 1 when a score is below --fail-under (default 0: report only).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bilingual_site.tools.gzip_server import GzipServer
from site_tools import PROJECT, build_site, built_html_pages, free_port

LIGHTHOUSE_DIR = PROJECT / "tools" / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-background-networking --disable-component-update"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def ensure_lighthouse() -> None:
    if not LIGHTHOUSE.exists():
        print("Installing Lighthouse (npm ci in tools/lighthouse)...", file=sys.stderr)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=LIGHTHOUSE_DIR, check=True)


def public_path(page: str) -> str:
    """The URL readers use: '/' and '/en/' for the home pages (their canonical URLs), else the file."""
    return page[: -len("index.html")] if page == "index.html" or page.endswith("/index.html") else page


def run_lighthouse(url: str, report: Path) -> dict:
    """One mobile Lighthouse run (its default form factor and simulated throttling); the JSON report."""
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            f"--output-path={report}",
            "--quiet",
            f"--chrome-flags={CHROME_FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
        ],
        env={**os.environ, "CHROME_PATH": CHROME},
        check=True,
    )
    return json.loads(report.read_text(encoding="utf-8"))


def median_run(results: list[dict]) -> dict:
    """The run whose performance score is the median (the lower middle one for an even count)."""
    ordered = sorted(results, key=lambda result: result["categories"]["performance"]["score"] or 0)
    return ordered[(len(ordered) - 1) // 2]


def summarize(page: str, result: dict) -> dict:
    audits = result["audits"]
    row = {"page": page}
    for category in CATEGORIES:
        score = result["categories"][category]["score"]
        row[category] = None if score is None else round(score * 100)
    row["bytes"] = round(audits["total-byte-weight"]["numericValue"])
    row["lcp_ms"] = round(audits["largest-contentful-paint"]["numericValue"])
    row["tbt_ms"] = round(audits["total-blocking-time"]["numericValue"])
    row["cls"] = round(audits["cumulative-layout-shift"]["numericValue"], 3)
    # What keeps a category below 100: its weighted audits that did not pass.
    row["failing"] = sorted(
        {
            audit_ref["id"]
            for category in CATEGORIES
            for audit_ref in result["categories"][category]["auditRefs"]
            if audit_ref.get("weight", 0) > 0 and (audits[audit_ref["id"]].get("score") is not None)
            and audits[audit_ref["id"]]["score"] < 1
        }
    )
    return row


def table(rows: list[dict]) -> str:
    lines = [
        "| Page | Performance | Accessibility | Best practices | SEO | Transferred | LCP | TBT | CLS |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| `{row['page']}` | {row['performance']} | {row['accessibility']} | {row['best-practices']} | {row['seo']} "
            f"| {row['bytes'] / 1024:.1f} KiB | {row['lcp_ms'] / 1000:.1f} s | {row['tbt_ms']} ms | {row['cls']} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="*", help="site-relative pages to audit (default: every built page)")
    parser.add_argument("--reports", type=Path, help="keep the JSON reports in this folder")
    parser.add_argument("--fail-under", type=int, default=0, help="exit 1 when any score is below this")
    parser.add_argument("--runs", type=int, default=1,
                        help="runs per page; the run with the median performance score is reported (Lighthouse's advice for noisy machines)")
    args = parser.parse_args()

    ensure_lighthouse()
    port = free_port()
    with tempfile.TemporaryDirectory() as temp:
        site = build_site(Path(temp) / "site", f"http://127.0.0.1:{port}/")
        pages = args.pages or built_html_pages(site)
        reports = args.reports or Path(temp) / "reports"
        reports.mkdir(parents=True, exist_ok=True)
        rows = []
        with GzipServer(site, port) as server:
            for number, page in enumerate(pages, 1):
                print(f"[{number}/{len(pages)}] {page}", file=sys.stderr)
                runs = [
                    run_lighthouse(server.url + public_path(page), reports / f"{page.replace('/', '_')}.{run}.json")
                    for run in range(args.runs)
                ]
                rows.append(summarize(page, median_run(runs)))
    print(table(rows))
    failing = {row["page"]: row["failing"] for row in rows if row["failing"]}
    for page, audits in failing.items():
        print(f"{page}: audits not passed: {', '.join(audits)}")
    lowest = min(score for row in rows for score in (row[c] for c in CATEGORIES) if score is not None)
    return 1 if lowest < args.fail_under else 0


if __name__ == "__main__":
    sys.exit(main())
