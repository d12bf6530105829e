"""The translation tool: one subcommand per question about the translations.

    python -m bilingual_site.translation.cli status            # every page in every language
    python -m bilingual_site.translation.cli diff note.md      # what changed in the original since translation
    python -m bilingual_site.translation.cli check             # structural parity of every pair
    python -m bilingual_site.translation.cli glossary          # preferred terms, terms to avoid
    python -m bilingual_site.translation.cli typography        # non-breaking spaces in French, none before : ; ! ? in English
    python -m bilingual_site.translation.cli record note.md    # the translation is up to date again
    python -m bilingual_site.translation.cli cosmetic note.md  # an edit of the original needs no new translation
    python -m bilingual_site.translation.cli pin-original      # a deliberate change of the original note: new pin
    python -m bilingual_site.translation.cli new-language es --name Español  # everything a new language needs

Each command is a function returning an Outcome (exit code, text, JSON data);
`main` only parses arguments and prints. Exit codes: 0 all good, 1 something to
do, 2 bad input. `--json` prints the data instead of the text.
"""

from __future__ import annotations

import argparse
import datetime
import difflib
import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bilingual_site.translation.cosmetic import judge
from bilingual_site.errors import InputError
from bilingual_site.translation.freshness import ADDED, CHANGED, CURRENT, ORIGINAL, REMOVED, PageStatus, ProjectStatus, progress
from bilingual_site.translation.original_pin import Original, pin_original
from bilingual_site.translation.glossary import glossary_terms, lint_pair
from bilingual_site.translation.parity import Finding, check_pair
from bilingual_site.site.reference_data import load_reference_data
from bilingual_site.markdown.model import normalize, page_text, split_front_matter
from bilingual_site.translation.records import PageRecord, RecordedSection, write_lock
from bilingual_site.mkdocs.config_file import load_project
from bilingual_site.translation.project import Project
from bilingual_site.translation.typography import typography_findings

OK, TO_DO, BAD_INPUT = 0, 1, 2


@dataclass
class Outcome:
    code: int
    text: str
    data: object = field(default=None)


# --- status ----------------------------------------------------------------


def status(project: Project) -> Outcome:
    statuses = ProjectStatus(project).all_statuses()
    lines = [_status_line(project, item) for item in statuses]
    for language in project.translation_languages:
        done, total = progress(statuses, language)
        share = f"{100 * done // total}%" if total else "n/a"
        lines.append(f"{language}: {done} of {total} sections current ({share})")
    code = OK if all(item.status in (ORIGINAL, CURRENT) for item in statuses) else TO_DO
    return Outcome(code, "\n".join(lines), [_status_data(item) for item in statuses])


def _status_line(project: Project, item: PageStatus) -> str:
    line = f"{item.language:<5} {item.page:<32} {item.status}"
    if item.changes:
        kinds = {}
        for change in item.changes:
            kinds.setdefault(change.kind, []).append(change.id or "(before the first heading)")
        line += "  " + "; ".join(f"{kind}: {', '.join(ids)}" for kind, ids in kinds.items())
        if item.recorded is None:
            line += f"  (never recorded: run `record {item.page}` once translated)"
    return line


def _status_data(item: PageStatus) -> dict:
    data = asdict(item)
    data["recorded"] = item.recorded.isoformat() if item.recorded else None
    return data


# --- diff ------------------------------------------------------------------


def diff(project: Project, page: str, languages: list[str]) -> Outcome:
    tracker = ProjectStatus(project)
    original_path = project.shown(project.page_path(project.default_language, page))
    current = {section.id: section for section in tracker.original_sections(page)}
    chunks, data = [], []
    for language in languages:
        item = tracker.page_status(language, page)
        record = tracker.locks[language].get(page)
        recorded = record.sections if record else {}
        for change in item.changes:
            before = recorded[change.id].source if change.kind in (CHANGED, REMOVED) else ""
            after = normalize(current[change.id].text) if change.kind in (CHANGED, ADDED) else ""
            where = f"{original_path}:{change.line}" if change.line else original_path
            lines = difflib.unified_diff(
                before.split("\n") if before else [], after.split("\n") if after else [],
                fromfile=f"{language} record of {page}" + (f" ({record.recorded})" if record else ""),
                tofile=where, lineterm="",
            )
            chunks.append(f"## {language}: {change.kind} section '{change.id}'\n" + "\n".join(lines))
            data.append({"language": language, "section": change.id, "kind": change.kind, "before": before, "after": after})
    return Outcome(TO_DO if chunks else OK, "\n\n".join(chunks) or f"{page}: no change in the original since translation", data)


# --- check -----------------------------------------------------------------


def translated_pairs(project: Project, pages: list[str] | None = None):
    """(language, page) for every page that exists in the original and in a translation."""
    for language in project.translation_languages:
        for page in pages or project.pages(project.default_language):
            if project.page_path(language, page).is_file() and project.page_path(project.default_language, page).is_file():
                yield language, page


def pair_findings(project: Project, language: str, page: str):
    original, translation = project.page_path(project.default_language, page), project.page_path(language, page)
    return check_pair(
        project.read(original), project.shown(original), project.read(translation), project.shown(translation), project.markdown
    )


def orphan_findings(project: Project) -> list[Finding]:
    """Translations whose original does not exist: the build refuses them."""
    originals = set(project.pages(project.default_language))
    return [
        Finding("orphan", f"{project.shown(project.page_path(language, page))}: no original {project.shown(project.page_path(project.default_language, page))}; "
                "create the original, or rename or delete this translation")
        for language in project.translation_languages
        for page in project.pages(language)
        if page not in originals
    ]


def check(project: Project, pages: list[str] | None = None) -> Outcome:
    findings = [finding for language, page in translated_pairs(project, pages) for finding in pair_findings(project, language, page)]
    if pages is None:
        findings += orphan_findings(project)
    text = "\n".join(finding.message for finding in findings) or "every translated page has the structure of its original"
    return Outcome(TO_DO if findings else OK, text, [asdict(finding) for finding in findings])


# --- glossary --------------------------------------------------------------


def glossary(project: Project) -> Outcome:
    terms = glossary_terms(load_reference_data(project.root / "data", list(project.languages), project.default_language).terms)
    findings = []
    for language, page in translated_pairs(project):
        original, translation = project.page_path(project.default_language, page), project.page_path(language, page)
        findings += lint_pair(
            project.read(original), project.shown(original), project.default_language,
            project.read(translation), project.shown(translation), language, terms, project.markdown,
        )
    findings.sort(key=lambda finding: (finding.path, finding.line))
    text = "\n".join(str(finding) for finding in findings) or "every translation follows the glossary"
    return Outcome(TO_DO if findings else OK, text, [asdict(finding) for finding in findings])


# --- typography ------------------------------------------------------------


def served_as_written(project: Project, language: str, text: str) -> bool:
    """An original that was generated (front matter `generated: true`) is published as it was written."""
    if language != project.default_language:
        return False
    return split_front_matter(page_text(text)).meta.get("generated") is True


def typography(project: Project) -> Outcome:
    findings, skipped = [], []
    for language, convention in project.typography.items():  # checked when mkdocs.yml was read (typography.convention_problem)
        for page in project.pages(language):
            path = project.page_path(language, page)
            text = project.read(path)
            if served_as_written(project, language, text):
                skipped.append(project.shown(path))
                continue
            findings += typography_findings(text, project.shown(path), convention, project.markdown)
    findings.sort(key=lambda finding: (finding.path, finding.line))
    text = "\n".join(map(str, findings)) or "every page follows its language's typography"
    if skipped:
        text += f"\n(not checked, served as written: {', '.join(skipped)})"
    return Outcome(TO_DO if findings else OK, text, {"findings": [asdict(finding) for finding in findings], "skipped": skipped})


# --- record and cosmetic ---------------------------------------------------


def record(project: Project, pairs: list[tuple[str, str]], today: datetime.date) -> Outcome:
    """Record each (language, page) as up to date; a pair whose structure differs is refused."""
    tracker = ProjectStatus(project)
    messages, written, changed = [], [], set()
    for language, page in pairs:
        if not project.page_path(language, page).is_file():
            raise InputError(project.shown(project.page_path(language, page)), None, "does not exist: translate the page before recording it")
        findings = pair_findings(project, language, page)
        if findings:
            messages += [finding.message for finding in findings]
            messages.append(f"not recorded: the structure of {language}/{page} differs from its original (fix it, then record)")
            continue
        lock = tracker.locks[language]
        lock[page] = PageRecord(today, {
            section.id: RecordedSection(section.fingerprint, normalize(section.text))
            for section in tracker.original_sections(page)
        })
        changed.add(language)
        count = len(lock[page].sections)
        written.append(f"recorded {language}/{page} as up to date on {today.isoformat()} ({count} section{'s' if count != 1 else ''})")
    for language in sorted(changed):
        write_lock(project.lock_path(language), tracker.locks[language])
    return Outcome(TO_DO if messages else OK, "\n".join(written + messages), {"recorded": written, "findings": messages})


def cosmetic(project: Project, page: str, languages: list[str], section_ids: list[str], force: bool) -> Outcome:
    """Accept the original's current text of changed sections as already translated, keeping the record's date."""
    tracker = ProjectStatus(project)
    current = {section.id: section for section in tracker.original_sections(page)}
    unknown = [section_id for section_id in section_ids if section_id not in current]
    if unknown:
        raise InputError(project.shown(project.page_path(project.default_language, page)), None, f"no section with id {', '.join(map(repr, unknown))}")
    accepted, refused = [], []
    for language in languages:
        record = tracker.locks[language].get(page)
        if record is None:
            raise InputError(project.shown(project.lock_path(language)), None, f"no record of {page}: record the translation first")
        for change in tracker.page_status(language, page).changes:
            if section_ids and change.id not in section_ids:
                continue
            if change.kind != CHANGED:
                refused.append(f"{language}/{page}: section '{change.id}' was {change.kind}, which is never cosmetic")
                continue
            before, after = record.sections[change.id].source, normalize(current[change.id].text)
            verdict = judge(before, after)
            shown = "; ".join(map(str, verdict.changes)) or "spacing only"
            if not verdict.cosmetic and not force:
                refused.append(f"{language}/{page}: section '{change.id}' is not a cosmetic edit ({verdict.reason}: {shown}; --force to insist)")
                continue
            record.sections[change.id] = RecordedSection(current[change.id].fingerprint, after)
            accepted.append(f"{language}/{page}: section '{change.id}' marked cosmetic ({shown})")
        write_lock(project.lock_path(language), tracker.locks[language])
    text = "\n".join(accepted + refused) or f"{page}: no change in the original since translation"
    return Outcome(TO_DO if refused else OK, text, {"accepted": accepted, "refused": refused})


# --- pin-original ----------------------------------------------------------


def original_of(project: Project) -> Original:
    return Original(project.root, project.docs_dir.relative_to(project.root).as_posix(), project.default_language)


def pin(project: Project) -> Outcome:
    """Pin the original note as it is now (translations/original.sha256) and refresh the tests' seed copy."""
    written = pin_original(original_of(project))
    return Outcome(OK, "\n".join(written), {"written": written})


# --- new-language ----------------------------------------------------------


def new_language(project_dir: Path, code: str, name: str) -> Outcome:
    """Declare a language and create its folder, record, owners and issue-form choice (new_language.py)."""
    from bilingual_site.mkdocs.config_file import read_mkdocs_yml
    from bilingual_site.translation.new_language import NewLanguageRefused, scaffold

    config_file = project_dir / "mkdocs.yml"
    project = load_project(config_file)  # the i18n plugin's entry is there: load_project checked it
    entries = next(entry["i18n"]["languages"] for entry in read_mkdocs_yml(config_file)["plugins"] if isinstance(entry, dict) and "i18n" in entry)
    try:
        done = scaffold(project, config_file, code, name, entries)
    except NewLanguageRefused as error:
        raise InputError("new-language", None, str(error)) from error
    lines = [f"declared '{done.code}' ({name.strip()}), its strings copied from '{done.template}' and marked `# TODO: translate`:"]
    lines += [f"  {path}" for path in done.written]
    lines += [f"not done: {item}" for item in done.left]
    lines += [
        "next: translate the TODO lines of its mkdocs.yml entry (interface strings first), then pages one by one",
        f"(docs/{project.default_language}/<page> -> docs/{done.code}/<page>, then `./tasks.sh translations record {done.code}/<page>`);",
        "`./tasks.sh build` passes now: every page is served untranslated until its translation exists.",
    ]
    return Outcome(OK, "\n".join(lines), {"language": done.code, "template": done.template, "written": done.written, "not_done": done.left})


# --- command line ----------------------------------------------------------


def page_argument(project: Project, argument: str) -> tuple[str, str | None]:
    """'note.md', 'en/note.md' or 'docs/en/note.md' -> (page, language given or None)."""
    path = Path(argument)
    parts = path.parts
    docs = project.docs_dir.relative_to(project.root).parts
    if parts[: len(docs)] == docs:
        parts = parts[len(docs):]
    language = parts[0] if len(parts) > 1 and parts[0] in project.languages else None
    page = "/".join(parts[1:] if language else parts)
    original = project.page_path(project.default_language, page)
    if not original.is_file():
        if not page.endswith(".md") and project.page_path(project.default_language, page + ".md").is_file():
            raise InputError(argument, None, f"no such page; did you mean {page}.md?")
        orphans = [project.shown(project.page_path(code, page)) for code in project.translation_languages if project.page_path(code, page).is_file()]
        if orphans:
            raise InputError(argument, None, f"{', '.join(orphans)} has no original {project.shown(original)}: create the original, or rename or delete the translation")
        raise InputError(argument, None, f"no such page in the original language ({project.shown(original)})")
    if language == project.default_language:
        language = None
    return page, language


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--project", type=Path, default=Path("."), help="folder holding mkdocs.yml (default: .)")
    common.add_argument("--json", action="store_true", help="print JSON data instead of text")
    main_parser = argparse.ArgumentParser(prog="./tasks.sh translations", description=__doc__.split("\n\n")[0])
    commands = main_parser.add_subparsers(dest="command", required=True)
    commands.add_parser("status", parents=[common], help="every page in every language: original, current, outdated, untranslated or orphan")
    for name, helptext in (
        ("diff", "what changed in the original since the translation was made, per section"),
        ("record", "record a translation as up to date (refused while `check` finds a difference)"),
        ("cosmetic", "declare the original's edits cosmetic, so translations are not flagged for them"),
    ):
        command = commands.add_parser(name, parents=[common], help=helptext)
        if name == "record":
            command.add_argument("pages", nargs="+", metavar="page", help="note.md, or docs/en/note.md for one language")
        else:
            command.add_argument("page", help="note.md, or docs/en/note.md for one language")
        command.add_argument("--language", help="only this translation language")
        if name == "record":
            command.add_argument("--date", type=datetime.date.fromisoformat, default=None, help="YYYY-MM-DD (default: today)")
        if name == "cosmetic":
            command.add_argument("sections", nargs="*", help="section ids (default: every changed section)")
            command.add_argument("--force", action="store_true", help="accept large edits too")
    check_command = commands.add_parser("check", parents=[common], help="structural parity of every page and its translations")
    check_command.add_argument("pages", nargs="*", help="only these pages (default: all)")
    commands.add_parser("glossary", parents=[common], help="preferred glossary terms used, terms to avoid absent")
    commands.add_parser("typography", parents=[common], help="each language's spacing conventions (extra.typography in mkdocs.yml)")
    commands.add_parser(
        "pin-original", parents=[common],
        help="after a deliberate change of the original note: pin its new bytes (translations/original.sha256) and copy it to tests/fixtures/original-seed.txt",
    )
    add_new_language_parser(commands, common)
    return main_parser


def add_new_language_parser(commands, common: argparse.ArgumentParser) -> None:
    command = commands.add_parser(
        "new-language", parents=[common],
        help="declare a new language in mkdocs.yml (its strings to translate) and create its folder, record, CODEOWNERS and issue-form entries",
    )
    command.add_argument("code", help="its BCP 47 tag, as CLDR knows it: es, de, pt-BR")
    command.add_argument("--name", required=True, help="its name in itself, as the language switcher shows it: Español")


def run(arguments: argparse.Namespace) -> Outcome:
    if arguments.command == "new-language":
        return new_language(arguments.project, arguments.code, arguments.name)
    project = load_project(arguments.project / "mkdocs.yml")
    if arguments.command == "status":
        return status(project)
    if arguments.command == "check":
        return check(project, [page_argument(project, page)[0] for page in arguments.pages] or None)
    if arguments.command == "glossary":
        return glossary(project)
    if arguments.command == "typography":
        return typography(project)
    if arguments.command == "pin-original":
        return pin(project)
    if arguments.command == "record":
        pairs = [
            (language, page)
            for argument in arguments.pages
            for page, given in [page_argument(project, argument)]
            for language in translation_languages(project, page, arguments.language or given)
        ]
        return record(project, pairs, arguments.date or datetime.date.today())
    page, given = page_argument(project, arguments.page)
    languages = translation_languages(project, page, arguments.language or given)
    if arguments.command == "diff":
        return diff(project, page, languages)
    return cosmetic(project, page, languages, arguments.sections, arguments.force)


def translation_languages(project: Project, page: str, language: str | None) -> list[str]:
    """The one language asked for, or every language that has a translation of ``page``."""
    if language is not None:
        if language not in project.translation_languages:
            raise InputError("mkdocs.yml", None, f"{language!r} is not a translation language (declared: {', '.join(project.translation_languages)})")
        return [language]
    found = [code for code in project.translation_languages if project.page_path(code, page).is_file()]
    if not found:
        missing = ", ".join(project.shown(project.page_path(code, page)) for code in project.translation_languages)
        raise InputError(project.shown(project.page_path(project.default_language, page)), None, f"is not translated yet ({missing} does not exist): translate it first")
    return found


def main(argv: list[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    try:
        outcome = run(arguments)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return BAD_INPUT
    if arguments.json:
        print(json.dumps(outcome.data, ensure_ascii=False, indent=2, default=str))
    else:
        print(outcome.text)
    return outcome.code


if __name__ == "__main__":
    sys.exit(main())
