"""List the site's external links, and check them over the network: `python -m bilingual_site.tools.external_links`.

Links come from the Markdown under docs/ (outside code) and from the `url` fields of data/*.yml.
`--check` requests each distinct URL (HEAD, then GET if the server refuses HEAD), with a timeout
and retries, and keeps results in an on-disk cache (.cache/external-links.json): a link found
alive is not requested again before `--max-age-days`; a dead one is requested on every run.

Exit codes: 0 every link alive (or listing only), 1 dead links (listed by page on stdout),
2 bad input (an unreadable page or data file, bad arguments). Status goes to stderr.
Not part of the test suite, which stays offline.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path


from bilingual_site.mkdocs.config_file import read_mkdocs_yml
from bilingual_site.errors import InputError, decode_utf8
from bilingual_site.markdown.model import MarkdownOptions, read_markdown
from bilingual_site.checks.safe_yaml import LineDict, LineList, load_yaml_with_lines

DEFAULT_CACHE = ".cache/external-links.json"
USER_AGENT = "Mozilla/5.0 (compatible; bilingual-site-link-checker/1.0)"
# Statuses worth asking again: the server is busy or failing, not saying the page is gone.
RETRY_STATUSES = {408, 425, 429, 500, 502, 503, 504}


@dataclass(frozen=True)
class ExternalLink:
    source: str  # the page or data file, relative to the project: docs/fr/note.md
    line: int
    url: str


@dataclass(frozen=True)
class CheckResult:
    url: str
    ok: bool
    status: int | None
    error: str | None
    checked: str  # ISO 8601, UTC

    def reason(self) -> str:
        return f"HTTP {self.status}" if self.status is not None and not self.error else (self.error or "unknown error")


def _is_external(url: str) -> bool:
    return url.lower().startswith(("https://", "http://"))


def links_in_markdown(text: str, source: str, options: MarkdownOptions) -> list[ExternalLink]:
    """External link and image targets of a Markdown page, outside code, in line order."""
    return [
        ExternalLink(source, target.line, target.url.strip())
        for target in read_markdown(text, options).url_targets
        if _is_external(target.url.strip())
    ]


def links_in_data(document: object, source: str) -> list[ExternalLink]:
    """Every `url` field holding an external URL, anywhere in a data file loaded with its lines."""
    found: list[ExternalLink] = []
    if isinstance(document, LineDict):
        for key, value in document.items():
            if key == "url" and isinstance(value, str) and _is_external(value):
                found.append(ExternalLink(source, document.key_lines[key], value.strip()))
            else:
                found += links_in_data(value, source)
    elif isinstance(document, LineList):
        for item in document:
            found += links_in_data(item, source)
    return found


def markdown_options(root: Path) -> MarkdownOptions:
    """The extensions pages are rendered with: mkdocs.yml's, or MkDocs' builtins alone without one."""
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        return MarkdownOptions.from_mkdocs_yml(None)
    config = read_mkdocs_yml(config_file)
    try:
        return MarkdownOptions.from_mkdocs_yml(config.get("markdown_extensions"))
    except ValueError as error:
        raise InputError("mkdocs.yml", None, str(error)) from error


def collect(root: Path) -> list[ExternalLink]:
    """The external links of a project: docs/**/*.md, then data/*.yml. Raises InputError on an unreadable file."""
    found: list[ExternalLink] = []
    options = markdown_options(root)
    for path in sorted((root / "docs").rglob("*.md")):
        shown = path.relative_to(root).as_posix()
        found += links_in_markdown(decode_utf8(path.read_bytes(), shown), shown, options)
    for path in sorted((root / "data").glob("*.yml")):
        shown = path.relative_to(root).as_posix()
        found += links_in_data(load_yaml_with_lines(path, shown), shown)
    return found


def by_source(links: Iterable[ExternalLink]) -> dict[str, list[ExternalLink]]:
    grouped: dict[str, list[ExternalLink]] = {}
    for link in links:
        grouped.setdefault(link.source, []).append(link)
    return grouped


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _request(url: str, method: str, timeout: float) -> int:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only, checked above
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def check_url(url: str, timeout: float = 10.0, retries: int = 2, backoff: float = 1.0, sleep: Callable[[float], None] = time.sleep) -> CheckResult:
    """Request ``url`` (HEAD, then GET if HEAD is refused or fails); retry errors, timeouts and busy statuses."""
    status: int | None = None
    error: str | None = None
    for attempt in range(retries + 1):
        if attempt:
            sleep(backoff * 2 ** (attempt - 1))
        try:
            status = _request(url, "HEAD", timeout)
            if status >= 400:  # many servers refuse or mishandle HEAD: ask the way a browser does
                status = _request(url, "GET", timeout)
            error = None
        except (urllib.error.URLError, OSError, ValueError) as failure:
            status = None
            reason = getattr(failure, "reason", failure)
            error = "timed out" if isinstance(reason, TimeoutError) or "timed out" in str(reason) else f"error: {reason}"
        if status is not None and status < 400:
            return CheckResult(url, True, status, None, _now().isoformat(timespec="seconds"))
        if status is not None and status not in RETRY_STATUSES:
            break
    return CheckResult(url, False, status, error, _now().isoformat(timespec="seconds"))


def load_cache(path: Path) -> dict[str, dict]:
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        return {}  # a damaged cache is only a cache: start again
    return data if isinstance(data, dict) else {}


def save_cache(path: Path, cache: dict[str, dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(cache, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def fresh_from_cache(cache: dict[str, dict], url: str, max_age: timedelta, now: datetime) -> CheckResult | None:
    """The cached result of ``url`` if it was alive less than ``max_age`` ago; dead links are always checked again."""
    entry = cache.get(url)
    if not entry or not entry.get("ok"):
        return None
    try:
        checked = datetime.fromisoformat(entry["checked"])
    except (KeyError, TypeError, ValueError):
        return None
    if now - checked > max_age:
        return None
    return CheckResult(url, True, entry.get("status"), None, entry["checked"])


def check_links(
    links: list[ExternalLink],
    cache: dict[str, dict],
    max_age: timedelta,
    checker: Callable[[str], CheckResult],
    workers: int = 8,
) -> tuple[dict[str, CheckResult], int]:
    """Results of every distinct URL (from the fresh cache or ``checker``), and how many came from the cache.

    ``cache`` is updated in place with the new results.
    """
    now = _now()
    urls = list(dict.fromkeys(link.url for link in links))
    results: dict[str, CheckResult] = {}
    to_check: list[str] = []
    for url in urls:
        cached = fresh_from_cache(cache, url, max_age, now)
        if cached:
            results[url] = cached
        else:
            to_check.append(url)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for result in pool.map(checker, to_check):
            results[result.url] = result
            cache[result.url] = {key: value for key, value in asdict(result).items() if key != "url"}
    return results, len(urls) - len(to_check)


def dead_links_report(links: list[ExternalLink], results: dict[str, CheckResult]) -> str:
    """Dead links grouped by page, one `line  url  (reason)` a row."""
    lines: list[str] = []
    for source, entries in by_source(link for link in links if not results[link.url].ok).items():
        lines.append(source)
        lines += [f"  {link.line}  {link.url}  ({results[link.url].reason()})" for link in entries]
    return "\n".join(lines)


def listing(links: list[ExternalLink]) -> str:
    lines: list[str] = []
    for source, entries in by_source(links).items():
        lines.append(source)
        lines += [f"  {link.line}  {link.url}" for link in entries]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bilingual_site.tools.external_links", description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="request every link and report the dead ones")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project (holding docs/ and data/); default: here")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per request (default 10)")
    parser.add_argument("--retries", type=int, default=2, help="new attempts after an error or a busy status (default 2)")
    parser.add_argument("--max-age-days", type=float, default=7.0, help="trust a link found alive this recently (default 7)")
    parser.add_argument("--cache", type=Path, default=None, help=f"cache file (default {DEFAULT_CACHE} in the project)")
    options = parser.parse_args(argv)

    root = options.root.resolve()
    if not (root / "docs").is_dir():
        print(f"error: {root} has no docs/ folder (use --root)", file=sys.stderr)
        return 2
    try:
        links = collect(root)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if not options.check:
        print(listing(links))
        print(f"{len(links)} external links, {len({link.url for link in links})} distinct", file=sys.stderr)
        return 0

    cache_path = options.cache or root / DEFAULT_CACHE
    cache = load_cache(cache_path)

    def checker(url: str) -> CheckResult:
        return check_url(url, timeout=options.timeout, retries=options.retries)

    results, cached = check_links(links, cache, timedelta(days=options.max_age_days), checker)
    save_cache(cache_path, cache)
    dead = sorted({url for url, result in results.items() if not result.ok})
    print(f"{len(results)} distinct links: {len(results) - len(dead)} alive, {len(dead)} dead ({cached} alive from the cache)", file=sys.stderr)
    if dead:
        print(dead_links_report(links, results))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
