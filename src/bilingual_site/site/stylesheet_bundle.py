"""One stylesheet per page: Material's main and palette CSS and the site's `extra_css`, joined in that order.

A page cannot paint before every stylesheet in its head has arrived. On a phone's network
each stylesheet a page links is a request of its own, and over HTTP/1.1 a new connection
with its own handshake; Lighthouse's mobile profile (150 ms round trip, 1.6 Mbit/s)
measured the first contentful paint of `sources.html` at 1.45-1.52 s with Material's two
stylesheets and `site.css`, and at 1.29-1.33 s with the same bytes in one file (three
runs each, 2026-11-26). The plugin writes the bundle and
overrides/main.html links it instead of the three.

The bundle's name carries a hash of its content, as Material's own files do, so a browser
never keeps an old bundle under a new site.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from bilingual_site.errors import InputError

FOLDER = "assets/stylesheets"
# A stylesheet's closing comment pointing at its source map; in the bundle it would point
# the browser's developer tools at the wrong file.
_SOURCE_MAP = re.compile(r"\n?/\*# sourceMappingURL=[^*]*\*/\s*$")
# Every part is read as UTF-8, so the bundle is UTF-8: one @charset, first, as CSS requires.
CHARSET = '@charset "UTF-8";'
_LEADING_CHARSET = re.compile(r'^\ufeff?@charset\s+"[^"]*";\s*', re.I)
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
# Rules a browser honours only at the top of a stylesheet: after another file's rules they are dropped.
_TOP_ONLY = re.compile(r"@(?:import|namespace|charset)\b", re.I)


@dataclass(frozen=True)
class Stylesheet:
    name: str  # what an error names: 'overrides/assets/stylesheets/site.css'
    text: str


@dataclass(frozen=True)
class Bundle:
    path: str  # site-relative: 'assets/stylesheets/bundle.1a2b3c4d.css'
    text: str


def theme_stylesheets(theme_dirs: list[Path], palette: bool) -> list[Path]:
    """The stylesheets Material's base template links, in its order: main.<hash>.min.css, then
    palette.<hash>.min.css when the theme has a palette. Taken from the first theme folder that
    has them (Material's own), so an upgrade that renames them needs no change here."""
    names = ["main"] + (["palette"] if palette else [])
    for folder in theme_dirs:
        found = {name: sorted((folder / FOLDER).glob(f"{name}.*.min.css")) for name in names}
        if not any(found.values()):
            continue
        for name, paths in found.items():
            if len(paths) != 1:
                raise InputError(str(folder / FOLDER), None, f"expected one {name}.*.min.css, found {len(paths)}")
        return [found[name][0] for name in names]
    raise InputError("mkdocs.yml", None, f"no theme folder has {FOLDER}/main.*.min.css (searched: {', '.join(map(str, theme_dirs))})")


def extra_stylesheet(entry: str, folders: list[Path], config_file: str = "mkdocs.yml", line: int | None = None) -> Path:
    """Where an `extra_css` entry of mkdocs.yml (at ``line``) lives: the docs folder or a theme folder, as MkDocs looks."""
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^/", entry):
        raise InputError(config_file, line, f"extra_css entry '{entry}' is not a file of the site; pages request nothing from other hosts")
    for folder in folders:
        if (folder / entry).is_file():
            return folder / entry
    raise InputError(config_file, line, f"extra_css entry '{entry}' is in none of {', '.join(map(str, folders))}")


def bundle(stylesheets: list[Stylesheet]) -> Bundle:
    """The stylesheets joined in order after one @charset, each after a comment naming it. A
    stylesheet after the first may not use @import or @namespace, valid only at the top of a
    file: the error names the file and line."""
    parts = [CHARSET]
    for index, sheet in enumerate(stylesheets):
        text = _SOURCE_MAP.sub("", _LEADING_CHARSET.sub("", sheet.text))
        if index:
            # Comments blanked, newlines kept, so that line numbers stay those of the file.
            code = _COMMENT.sub(lambda match: "\n" * match.group(0).count("\n"), text)
            for number, line in enumerate(code.split("\n"), 1):
                if _TOP_ONLY.search(line):
                    raise InputError(sheet.name, number, "@import, @namespace and @charset work only at the top of a stylesheet, and this one is joined after others (see src/bilingual_site/site/stylesheet_bundle.py)")
        parts.append(f"/* {Path(sheet.name).name} */\n{text.strip()}\n")
    text = "\n".join(parts)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return Bundle(f"{FOLDER}/bundle.{digest}.css", text)
