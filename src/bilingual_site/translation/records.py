"""The source record of a language: what original text each of its pages translates.

`translations/<language>.yml` maps each translated page to the date it was last
brought up to date and, per section id, the fingerprint and the text of the
original section at that time. Keeping the text (not only its fingerprint) is
what lets `diff` show what changed without any git history.

The file is written by the tool (`record`, `cosmetic`) and read by the tool and
the build; a hand edit that breaks its shape stops both with file and line.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bilingual_site.errors import InputError
from bilingual_site.markdown.model import fingerprint
from bilingual_site.checks.plain_text import markup_problem
from bilingual_site.checks.safe_yaml import LineDict, load_yaml_with_lines

HEADER = """\
# The original text each page of this language translates, section by section,
# as it was when the translation was last brought up to date. Written by
# `./tasks.sh translations record` (and `cosmetic`); do not edit by hand.
"""


@dataclass(frozen=True)
class RecordedSection:
    fingerprint: str
    source: str


@dataclass
class PageRecord:
    recorded: datetime.date
    sections: dict[str, RecordedSection] = field(default_factory=dict)


Lock = dict[str, PageRecord]


def read_lock(path: Path, shown: str) -> Lock:
    """The records of one language; an absent file is an empty record."""
    if not path.exists():
        return {}
    data = load_yaml_with_lines(path, shown)
    if not isinstance(data, LineDict):
        raise InputError(shown, getattr(data, "line", None), "must map page paths to their records")
    for page in data:
        if not isinstance(page, str) or not page.endswith(".md") or markup_problem(page) or any(character.isspace() for character in page):
            raise InputError(shown, data.key_lines[page], f"{page!r} is not a page path such as 'note.md'")
    return {page: _page_record(entry, shown, data.key_lines[page], page) for page, entry in data.items()}


def section_id_problem(section_id: object) -> str | None:
    """Why a recorded section id cannot be one (None: it can). Ids are printed in the outdated
    banner and the status page: no markup and no whitespace, as no heading id has either."""
    if not isinstance(section_id, str):
        return "a section id is text"
    if any(character.isspace() for character in section_id):
        return "a section id has no spaces"
    reason = markup_problem(section_id)
    return f"a section id is plain text: {reason}" if reason else None


def _page_record(entry, shown: str, line: int, page: str) -> PageRecord:
    if not isinstance(entry, LineDict) or set(entry) != {"recorded", "sections"}:
        raise InputError(shown, line, f"page {page!r}: expected exactly the keys 'recorded' and 'sections'")
    recorded = entry["recorded"]
    if not isinstance(recorded, datetime.date):
        raise InputError(shown, entry.key_lines["recorded"], f"page {page!r}: 'recorded' must be a date (YYYY-MM-DD)")
    sections = entry["sections"]
    if not isinstance(sections, LineDict):
        raise InputError(shown, entry.key_lines["sections"], f"page {page!r}: 'sections' must map section ids to records")
    record = PageRecord(recorded)
    for section_id, section in sections.items():
        where = sections.key_lines[section_id]
        if reason := section_id_problem(section_id):
            raise InputError(shown, where, f"page {page!r}, section {section_id!r}: {reason}")
        if not isinstance(section, LineDict) or set(section) != {"fingerprint", "source"} or not isinstance(section["source"], str):
            raise InputError(shown, where, f"page {page!r}, section {section_id!r}: expected 'fingerprint' and 'source' text")
        if fingerprint(section["source"]) != section["fingerprint"]:
            raise InputError(
                shown, section.key_lines["fingerprint"],
                f"page {page!r}, section {section_id!r}: the fingerprint does not match the recorded source; "
                "re-record the page instead of editing this file",
            )
        record.sections[str(section_id)] = RecordedSection(section["fingerprint"], section["source"])
    return record


class _LiteralDumper(yaml.SafeDumper):
    """Multi-line source text as `|` blocks, so the lock reads (and diffs) like the page."""

    def ignore_aliases(self, data) -> bool:
        # Never `&id001` / `*id001` for a value written twice (one date object for several pages):
        # the reader refuses anchors and aliases (bilingual_site.checks.safe_yaml).
        return True


def _represent_text(dumper: yaml.SafeDumper, text: str):
    style = "|" if "\n" in text and not any(line != line.rstrip() for line in text.split("\n")) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_LiteralDumper.add_representer(str, _represent_text)


def dump_lock(lock: Lock) -> str:
    data = {
        page: {
            "recorded": record.recorded,
            "sections": {
                section_id: {"fingerprint": section.fingerprint, "source": section.source}
                for section_id, section in record.sections.items()
            },
        }
        for page, record in sorted(lock.items())
    }
    return HEADER + yaml.dump(data, Dumper=_LiteralDumper, allow_unicode=True, sort_keys=False, width=100)


def write_lock(path: Path, lock: Lock) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump_lock(lock), encoding="utf-8")
