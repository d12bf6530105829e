"""The external links command: what it lists, and how it checks links, against a server on 127.0.0.1.

The real links are never requested here (the suite is offline); `./tasks.sh links --check` does that.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bilingual_site.tools.external_links import check_links, check_url, collect, links_in_markdown, main
from sitebuild import PROJECT, SITE_MARKDOWN


class Handler(BaseHTTPRequestHandler):
    hits: Counter = Counter()

    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass

    def _answer(self, with_body: bool) -> None:
        Handler.hits[(self.command, self.path)] += 1
        path = self.path
        if path == "/slow":
            time.sleep(1.0)
        if path == "/flaky" and Handler.hits[(self.command, path)] == 1:
            status = 503
        elif path == "/no-head" and self.command == "HEAD":
            status = 405
        elif path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.end_headers()
            return
        else:
            status = {"/gone": 404, "/broken": 500}.get(path, 200)
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        if with_body:
            self.wfile.write(b"ok")

    def do_HEAD(self):  # noqa: N802 - http.server's naming
        self._answer(False)

    def do_GET(self):  # noqa: N802
        self._answer(True)


@pytest.fixture
def local():
    Handler.hits = Counter()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    # shutdown() waits for the serving loop's next look at its flag: every 0.05 s, not the default 0.5 s.
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def no_sleep(seconds: float) -> None:
    pass


# Listing


def test_links_in_markdown_skip_code_and_relative_links():
    text = "# T {#t}\n\n[a](https://a.example/x) [b](note.md) `[c](https://c.example/)`\n\n<https://d.example/>\n\n[r]: https://r.example/\n"
    assert [(link.line, link.url) for link in links_in_markdown(text, "docs/fr/x.md", SITE_MARKDOWN)] == [
        (3, "https://a.example/x"),
        (5, "https://d.example/"),
        (7, "https://r.example/"),
    ]


def test_the_project_links_come_from_both_languages_and_the_data_files():
    links = collect(PROJECT)
    sources = {link.source for link in links}
    assert {"docs/fr/note.md", "docs/en/note.md", "data/sources.yml"} <= sources
    note = [link.url for link in links if link.source == "docs/fr/note.md"]
    assert "https://github.com/vllm-project/vllm/issues/21313" in note
    data = [link for link in links if link.source == "data/sources.yml"]
    assert data and all(link.line > 1 for link in data)


def test_listing_exits_0_and_groups_by_page(capsys):
    assert main(["--root", str(PROJECT)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("docs/")
    assert "\ndata/sources.yml\n  " in out


def test_bad_input_exits_2(tmp_path, capsys):
    (tmp_path / "docs/fr").mkdir(parents=True)
    (tmp_path / "docs/fr/x.md").write_bytes(b"# T\n\nCaf\xe9\n")
    assert main(["--root", str(tmp_path)]) == 2
    assert "error: docs/fr/x.md:3: is not valid UTF-8" in capsys.readouterr().err
    assert main(["--root", str(tmp_path / "nowhere")]) == 2


# Checking, against the local server


@pytest.mark.parametrize(
    "path, ok, status",
    [("/ok", True, 200), ("/gone", False, 404), ("/no-head", True, 200), ("/moved", True, 200), ("/flaky", True, 200), ("/broken", False, 500)],
)
def test_check_url_statuses(local, path, ok, status):
    result = check_url(local + path, timeout=2, retries=1, sleep=no_sleep)
    assert (result.ok, result.status) == (ok, status)


def test_a_busy_server_is_retried_and_a_missing_page_is_not(local):
    check_url(local + "/flaky", timeout=2, retries=2, sleep=no_sleep)
    check_url(local + "/gone", timeout=2, retries=2, sleep=no_sleep)
    check_url(local + "/broken", timeout=2, retries=2, sleep=no_sleep)
    assert Handler.hits[("HEAD", "/flaky")] == 2  # 503, then 200
    assert Handler.hits[("HEAD", "/gone")] == 1  # a 404 is an answer
    assert Handler.hits[("HEAD", "/broken")] == 3


def test_a_timeout_is_reported(local):
    result = check_url(local + "/slow", timeout=0.2, retries=0, sleep=no_sleep)
    assert (result.ok, result.status, result.error) == (False, None, "timed out")


def test_check_reports_dead_links_by_page_uses_the_cache_and_exits_1(local, tmp_path, capsys):
    (tmp_path / "docs/fr").mkdir(parents=True)
    (tmp_path / "docs/en").mkdir(parents=True)
    (tmp_path / "data").mkdir()
    (tmp_path / "docs/fr/a.md").write_text(f"# A\n\n[ok]({local}/ok)\n\n[gone]({local}/gone)\n", encoding="utf-8")
    (tmp_path / "docs/en/a.md").write_text(f"# A\n\n[ok]({local}/ok)\n", encoding="utf-8")
    (tmp_path / "data/sources.yml").write_text(f"sources:\n  - id: x\n    url: {local}/gone\n", encoding="utf-8")
    arguments = ["--check", "--root", str(tmp_path), "--timeout", "2", "--retries", "0"]

    assert main(arguments) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "docs/fr/a.md",
        f"  5  {local}/gone  (HTTP 404)",
        "data/sources.yml",
        f"  3  {local}/gone  (HTTP 404)",
    ]
    assert "2 distinct links: 1 alive, 1 dead (0 alive from the cache)" in captured.err
    cache = json.loads((tmp_path / ".cache/external-links.json").read_text(encoding="utf-8"))
    assert cache[f"{local}/ok"]["ok"] is True and cache[f"{local}/ok"]["checked"]
    assert cache[f"{local}/gone"] == {"ok": False, "status": 404, "error": None, "checked": cache[f"{local}/gone"]["checked"]}

    # Second run: the live link comes from the cache, the dead one is asked again.
    assert main(arguments) == 1
    assert "(1 alive from the cache)" in capsys.readouterr().err
    assert Handler.hits[("HEAD", "/ok")] == 1
    assert Handler.hits[("HEAD", "/gone")] == 2

    # Once the page is fixed, the check passes.
    (tmp_path / "docs/fr/a.md").write_text(f"# A\n\n[ok]({local}/ok)\n", encoding="utf-8")
    (tmp_path / "data/sources.yml").write_text(f"sources:\n  - id: x\n    url: {local}/moved\n", encoding="utf-8")
    assert main(arguments) == 0


def test_an_old_cache_entry_is_checked_again(local):
    links = collect_like(local + "/ok")
    cache = {local + "/ok": {"ok": True, "status": 200, "error": None, "checked": "2000-01-01T00:00:00+00:00"}}
    results, cached = check_links(links, cache, timedelta(days=7), lambda url: check_url(url, timeout=2, retries=0))
    assert cached == 0 and results[local + "/ok"].ok
    assert cache[local + "/ok"]["checked"] > "2000"


def collect_like(url: str):
    from bilingual_site.tools.external_links import ExternalLink

    return [ExternalLink("docs/fr/x.md", 1, url)]


def test_the_cache_folder_is_not_committed():
    assert ".cache/" in (Path(PROJECT) / ".gitignore").read_text(encoding="utf-8").splitlines()
