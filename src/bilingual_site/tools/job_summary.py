"""Contributed text (file names, section ids, headings) written where GitHub Actions renders it, kept inert.

The job summary ($GITHUB_STEP_SUMMARY) is rendered as GitHub-flavoured Markdown with HTML, so a
page named ``docs/en/<img src=x onerror=alert(1)>.md``, or one holding ``](javascript:...)`` or a
run of backticks, would otherwise become an image, a link or the end of a code block. Annotations
are workflow commands read from the log, one per line, with ``,`` and ``:`` as separators, so a
newline or a comma in a name would start a command of its own or a property of its own.

    ./tasks.sh translations status > status.txt
    .venv/bin/python -m bilingual_site.tools.job_summary "Translation status" < status.txt >> "$GITHUB_STEP_SUMMARY"
"""

from __future__ import annotations

import argparse
import html
import sys
import unicodedata

# Characters a reader cannot see, or that reorder what follows them on screen (bidirectional
# overrides can make `gpj.md` read as `dm.jpg`): shown as \\uXXXX instead. Tab and newline stay,
# since the reports are laid out with them.
INVISIBLE_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Co", "Cs"}
LAYOUT_CHARACTERS = {"\t", "\n"}


def visible_text(text: str) -> str:
    """``text`` with every control, format or separator character written out as ``\\uXXXX``."""
    return "".join(
        f"\\u{ord(character):04x}"
        if character not in LAYOUT_CHARACTERS and unicodedata.category(character) in INVISIBLE_CATEGORIES
        else character
        for character in text
    )


def summary_section(title: str, text: str) -> str:
    """A job-summary section: ``title`` as a heading, then ``text`` verbatim as preformatted text.

    Why this holds under GitHub's renderer (CommonMark with GFM's extensions): a line starting
    with ``<pre>`` opens an HTML block that ends only at a line holding ``</pre>`` (CommonMark,
    HTML block start condition 1), blank lines included, and no Markdown is read inside it. Every
    ``<`` and ``&`` of the text is escaped, so the text can hold no ``</pre>`` of its own, no tag
    and no entity: the browser shows it as characters. The heading is an HTML block too, which a
    blank line would end, so the title's whitespace is folded onto one line.
    """
    heading = html.escape(" ".join(visible_text(title).split()))
    body = html.escape(visible_text(text))
    if body and not body.endswith("\n"):
        body += "\n"
    # The newline right after <pre> is dropped by HTML parsers, so the text starts on its first line.
    return f"<h2>{heading}</h2>\n\n<pre>\n{body}</pre>\n\n"


def command_data(text: str) -> str:
    """``text`` as the message of a workflow command (``::error file=...::message``): one line, ``%`` escaped."""
    return visible_text(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def command_property(text: str) -> str:
    """``text`` as a workflow command property value (``file=``, ``title=``): also no ``:`` or ``,``."""
    return command_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(level: str, message: str, *, file: str | None = None, line: int | None = None, title: str | None = None) -> str:
    """One annotation command line (level: ``error``, ``warning`` or ``notice``) for GitHub Actions' log."""
    if level not in ("error", "warning", "notice"):
        raise ValueError(f"annotation level must be error, warning or notice, not {level!r}")
    properties = [
        f"{name}={command_property(str(value))}" for name, value in (("file", file), ("line", line), ("title", title)) if value is not None
    ]
    return f"::{level} {','.join(properties)}::{command_data(message)}" if properties else f"::{level}::{command_data(message)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bilingual_site.tools.job_summary",
        description="Print standard input as a job-summary section, every character of it shown as text.",
    )
    parser.add_argument("title", help="the section's heading")
    arguments = parser.parse_args(argv)
    # Bytes, decoded here: a file name that is not UTF-8 is shown with U+FFFD rather than stopping the report.
    text = sys.stdin.buffer.read().decode("utf-8", errors="replace")
    sys.stdout.write(summary_section(arguments.title, text))
    return 0


if __name__ == "__main__":
    sys.exit(main())
