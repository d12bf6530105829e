"""Links between pages of the built site: pure functions of site-relative URLs."""

from __future__ import annotations


def relative_url(url: str, from_url: str) -> str:
    """``url`` (site-relative, normalised) as a link written on the page at ``from_url``: what
    posixpath.relpath gives inside the site, without looking up the working directory for each link."""
    target = [] if url == "." else url.split("/")
    base = from_url.split("/")[:-1]
    common = 0
    while common < min(len(target), len(base)) and target[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + target[common:]) or "."
