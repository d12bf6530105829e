"""A static host on loopback that gzips text responses, as GitHub Pages or Netlify do.

Used by the quality commands (Lighthouse, page weight, screenshots) so that what
they measure is what a reader of the deployed site transfers. Python's own
`http.server` sends everything uncompressed, which would double the weights.

    python -m bilingual_site.tools.gzip_server SITE_DIR [--port 8765]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# Types a static host compresses; images and fonts are compressed already.
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
# What GitHub Pages sends: ten minutes.
CACHE_CONTROL = "max-age=600"


def should_compress(content_type: str, accept_encoding: str) -> bool:
    """True when the client takes gzip and the type is text."""
    accepted = {part.split(";", 1)[0].strip().lower() for part in accept_encoding.split(",")}
    return "gzip" in accepted and content_type.startswith(COMPRESSED_TYPES)


@functools.lru_cache(maxsize=512)
def _gzipped(path: str, mtime_ns: int) -> bytes:
    # mtime_ns is part of the key so that a rebuilt file is compressed again.
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


class GzipHandler(SimpleHTTPRequestHandler):
    """SimpleHTTPRequestHandler plus Content-Encoding: gzip for text, a cache header and quiet logs."""

    # Keep-alive, as every static host: HTTP/1.0 (the base class's default) opens a connection
    # per request, and a browser on a slow network then pays a handshake for each stylesheet.
    protocol_version = "HTTP/1.1"
    timeout = 30  # seconds an idle kept-alive connection holds its thread

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "application/javascript",
        ".json": "application/json",
        ".xml": "application/xml",
        ".svg": "image/svg+xml",
        ".txt": "text/plain",
        ".woff2": "font/woff2",
    }

    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        status = 200
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")  # a folder URL serves its index, compressed too
        if not os.path.exists(path) and os.path.isfile(os.path.join(self.directory, "404.html")):
            path, status = os.path.join(self.directory, "404.html"), 404  # like GitHub Pages
        if not os.path.isfile(path):
            return super().send_head()  # folder redirects (no trailing slash) as usual
        content_type = self.guess_type(path)
        if should_compress(content_type, self.headers.get("Accept-Encoding", "")):
            body = _gzipped(path, os.stat(path).st_mtime_ns)
        else:
            body = Path(path).read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", content_type + ("; charset=utf-8" if content_type.startswith("text/") else ""))
        if should_compress(content_type, self.headers.get("Accept-Encoding", "")):
            self.send_header("Content-Encoding", "gzip")
        if content_type.startswith(COMPRESSED_TYPES):
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self):
        self.send_header("Cache-Control", CACHE_CONTROL)
        super().end_headers()


class GzipServer:
    """``with GzipServer(site_dir, port) as server:`` serves ``site_dir`` at ``server.url`` in a thread."""

    def __init__(self, root: Path, port: int = 0, host: str = "127.0.0.1") -> None:
        handler = functools.partial(GzipHandler, directory=str(root))
        self.httpd = ThreadingHTTPServer((host, port), handler)
        self.url = f"http://{host}:{self.httpd.server_address[1]}/"
        # shutdown() waits for the serving loop's next look at its flag: every 0.05 s, not the default 0.5 s.
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> "GzipServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    server = GzipServer(args.site_dir, args.port)
    print(f"Serving {args.site_dir} at {server.url} (gzip on); Ctrl-C stops")
    try:
        server.httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.httpd.server_close()


if __name__ == "__main__":
    main()
