"""The translation tool: one subcommand per question about the translations.

    python -m bilingual_site.translation.cli status            # every page in every language
    python -m bilingual_site.translation.cli diff note.md      # what changed in the original since translation
    python -m bilingual_site.translation.cli check             # structural parity of every pair
    python -m bilingual_site.translation.cli glossary          # preferred terms, terms to avoid
    python -m bilingual_site.translation.cli typography        # non-breaking spaces in French, none before : ; ! ? in English
    python -m bilingual_site.translation.cli record en/note.md    # the English translation is up to date again
    python -m bilingual_site.translation.cli cosmetic en/note.md  # an edit of the original needs no new English translation
    python -m bilingual_site.translation.cli pin-original      # a deliberate change of the original note: new pin
    python -m bilingual_site.translation.cli new-language es --name Español  # everything a new language needs

Each command is a function returning an Outcome (exit code, text, JSON data);
`main` only parses arguments and prints. Exit codes: 0 all good, 1 something to
do, 2 bad input. `--json` prints the data instead of the text; `--format github`
(check, glossary, typography) prints one GitHub Actions annotation per finding, on
its file and line, and for `status` a summary to read in the run's summary page.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bilingual_site.translation.cosmetic import judge
from bilingual_site.errors import InputError
from bilingual_site.translation.freshness import ADDED, CHANGED, CURRENT, ORIGINAL, REMOVED, PageStatus, ProjectStatus, progress
from bilingual_site.tools.job_summary import annotation
from bilingual_site.translation.original_pin import Original, pin_original
from bilingual_site.translation.glossary import glossary_terms
from bilingual_site.errors import LineFinding
from bilingual_site.site.reference_data import load_reference_data
from bilingual_site.markdown.model import Section, normalize
from bilingual_site.translation.records import PageRecord, RecordedSection, latest_date_on_earth, write_lock
from bilingual_site.mkdocs.config_file import load_project
from bilingual_site.translation.project import Project
from bilingual_site.translation.review import (
    ProjectPages, claim_findings, glossary_findings, pair_findings, structure_findings, typography_findings,
)
from bilingual_site.translation.word_diff import BRACKETS, COLOUR, marked_lines

OK, TO_DO, BAD_INPUT = 0, 1, 2
TEXT, GITHUB = "text", "github"


@dataclass
class Outcome:
    code: int
    text: str
    data: object = field(default=None)
    github: list[str] = field(default_factory=list)  # what `--format github` prints, one line each


# --- status ----------------------------------------------------------------


def status(project: Project) -> Outcome:
    statuses = ProjectStatus(project).all_statuses()
    lines = [_status_line(project, item) for item in statuses]
    summary = []
    for language in project.translation_languages:
        lines.append(_progress_line(statuses, language))
        summary.append(_progress_line(statuses, language))
        summary += [f"  {item.status:<13} {item.page}{_changes_text(item)}" for item in statuses if item.language == language and item.status != CURRENT]
    code = OK if all(item.status in (ORIGINAL, CURRENT) for item in statuses) else TO_DO
    if code == OK:
        summary.append("every translated page is current")
    return Outcome(code, "\n".join(lines), [_status_data(item) for item in statuses], github=summary)


def _progress_line(statuses: list[PageStatus], language: str) -> str:
    done, total = progress(statuses, language)
    share = f"{100 * done // total}%" if total else "n/a"
    return f"{language}: {done} of {total} sections current ({share})"


def _status_line(project: Project, item: PageStatus) -> str:
    return f"{item.language:<5} {item.page:<32} {item.status}{_changes_text(item)}"


def _changes_text(item: PageStatus) -> str:
    """'  changed: a, b; added: c', and what to run when the page was never recorded."""
    if not item.changes:
        return ""
    kinds = {}
    for change in item.changes:
        kinds.setdefault(change.kind, []).append(change.id or "(before the first heading)")
    text = "  " + "; ".join(f"{kind}: {', '.join(ids)}" for kind, ids in kinds.items())
    if item.recorded is None:
        text += f"  (never recorded: run `record {item.language}/{item.page}` once translated)"
    return text


def _status_data(item: PageStatus) -> dict:
    data = asdict(item)
    data["recorded"] = item.recorded.isoformat() if item.recorded else None
    return data


# --- diff ------------------------------------------------------------------


def diff(project: Project, page: str, languages: list[str], colour: bool = False) -> Outcome:
    """Per changed section: where it is in the original and in each translation (the lines to edit),
    then its changed lines with the changed words marked."""
    tracker = ProjectStatus(project)
    pages = ProjectPages(project)
    original_shown = project.shown(project.page_path(project.default_language, page))
    original_sections = tracker.original_sections(page)
    current = {section.id: section for section in original_sections}
    chunks, data = [], []
    for language in languages:
        item = tracker.page_status(language, page)
        if not item.changes:
            continue
        record = tracker.locks[language].get(page)
        recorded = record.sections if record else {}
        translation = pages.side(language, page)
        twins = {section.id: section for section in translation.page.sections}
        for change in item.changes:
            before = recorded[change.id].source.split("\n") if change.kind in (CHANGED, REMOVED) else []
            section = current.get(change.id) if change.kind in (CHANGED, ADDED) else None
            # The original's lines as they are in the file (not normalised), so each keeps its number.
            after = [line.rstrip() for line in section.text.split("\n")] if section else []
            shown = marked_lines(before, after, section.line if section else None, COLOUR if colour else BRACKETS)
            original_where = f"{original_shown}:{_line_range(section)}" if section else f"{original_shown} (no longer there)"
            translation_where = _translation_lines(translation.shown, twins.get(change.id), change.kind, change.id, original_sections, twins)
            since = f" (recorded {record.recorded.isoformat()})" if record else " (never recorded)"
            width = max((len(str(line.line)) for line in shown if line.line), default=0)
            body = [f"  {str(line.line or '').rjust(width)}  {line.text}" for line in shown]
            chunks.append("\n".join([
                f"## {language}: {change.kind} section '{change.id}'{since}",
                f"original:    {original_where}",
                f"translation: {translation_where}",
                *body,
            ]))
            data.append({
                "language": language, "section": change.id, "kind": change.kind,
                "before": "\n".join(before), "after": normalize(section.text) if section else "",
                "original": original_where, "translation": translation_where,
                "lines": [{"line": line.line, "text": line.text} for line in shown],
            })
    return Outcome(TO_DO if chunks else OK, "\n\n".join(chunks) or f"{page}: no change in the original since translation", data)


def _last_text_line(section: Section) -> int:
    """The section's last line that is not blank (its end_line is the first line after it)."""
    lines = section.text.split("\n")
    filled = [index for index, line in enumerate(lines) if line.strip()]
    return section.line + (filled[-1] if filled else 0)


def _line_range(section: Section) -> str:
    last = _last_text_line(section)
    return f"{section.line}-{last}" if last != section.line else str(section.line)


def _translation_lines(shown: str, twin: Section | None, kind: str, section_id: str, original: list[Section], twins: dict[str, Section]) -> str:
    """Where the translator works: the twin section's lines, or where a new section goes."""
    if twin is not None:
        return f"{shown}:{_line_range(twin)} ({'delete these lines' if kind == REMOVED else 'edit these lines'})"
    if kind == REMOVED:
        return f"{shown}: no section '{section_id}' (nothing to delete)"
    # A section new in the original goes where it is there: after the section before it.
    ids = [section.id for section in original]
    position = ids.index(section_id)
    if position == 0:
        return f"{shown}: no section '{section_id}' yet; add it at the start of the page's text"
    before = ids[position - 1]
    name = f"section '{before}'" if before else "the text before the first heading"
    if before in twins:
        return f"{shown}: no section '{section_id}' yet; add it after line {_last_text_line(twins[before])} (the end of {name})"
    return f"{shown}: no section '{section_id}' yet; add it after {name}, which it does not have yet either"


# --- check -----------------------------------------------------------------


def check(project: Project, pages: list[str] | None = None) -> Outcome:
    """The structure of each translated page against its original (what the build stops on too),
    then each claim's quote on the quoted page of every language (data/claims.yml)."""
    read = ProjectPages(project)
    findings = structure_findings(read, pages)
    data = load_reference_data(project.root / "data", list(project.languages), project.default_language)
    claims = claim_findings(read, data) if pages is None or data.quoted_page in pages else []
    messages = [finding.message for finding in findings] + [str(claim) for claim in claims]
    text = "\n".join(messages) or "every translated page has the structure of its original"
    github = [annotation("error", finding.message, file=finding.path, line=finding.line, title="Translation structure") for finding in findings]
    github += [annotation("error", claim.message, file=claim.path, line=claim.line, title="Claim quote") for claim in claims]
    data_out = [asdict(finding) for finding in findings] + [{"rule": "claim quote", **asdict(claim)} for claim in claims]
    return Outcome(TO_DO if messages else OK, text, data_out, github)


def line_annotations(level: str, title: str, findings: list[LineFinding]) -> list[str]:
    return [annotation(level, finding.message, file=finding.path, line=finding.line, title=title) for finding in findings]


# --- glossary --------------------------------------------------------------


def glossary(project: Project) -> Outcome:
    terms = glossary_terms(load_reference_data(project.root / "data", list(project.languages), project.default_language).terms)
    findings = glossary_findings(ProjectPages(project), terms)
    text = "\n".join(str(finding) for finding in findings) or "every translation follows the glossary"
    return Outcome(TO_DO if findings else OK, text, [asdict(finding) for finding in findings], line_annotations("warning", "Glossary", findings))


# --- typography ------------------------------------------------------------


def typography(project: Project) -> Outcome:
    findings, in_part = typography_findings(ProjectPages(project))
    text = "\n".join(map(str, findings)) or "every page follows its language's typography"
    if in_part:
        text += f"\n(served as written, only the front matter the project added is checked: {', '.join(in_part)})"
    data = {"findings": [asdict(finding) for finding in findings], "in_part": in_part}
    return Outcome(TO_DO if findings else OK, text, data, line_annotations("warning", "Typography", findings))


# --- record and cosmetic ---------------------------------------------------


def record(project: Project, pairs: list[tuple[str, str]], today: datetime.date) -> Outcome:
    """Record each (language, page) as up to date; a pair whose structure differs is refused."""
    if today > latest_date_on_earth():
        raise InputError("--date", None, f"{today.isoformat()} is still to come: a translation is recorded on the day it was brought up to date")
    tracker = ProjectStatus(project)
    read = ProjectPages(project)
    messages, written, changed = [], [], set()
    for language, page in pairs:
        if not project.page_path(language, page).is_file():
            raise InputError(project.shown(project.page_path(language, page)), None, "does not exist: translate the page before recording it")
        findings = pair_findings(read, language, page)
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
    # Where the findings are read: a terminal, or a GitHub Actions log (annotations on the changed lines).
    formats = argparse.ArgumentParser(add_help=False)
    formats.add_argument(
        "--format", choices=(TEXT, GITHUB), default=TEXT,
        help="github: one workflow-command annotation per finding on its file and line (status: a summary for the run's page)",
    )
    commands.add_parser(
        "status", parents=[common, formats], help="every page in every language: original, current, outdated, untranslated or orphan"
    )
    for name, helptext in (
        ("diff", "what changed in the original since the translation was made, per section, and the lines to edit"),
        ("record", "record one language's translation as up to date (refused while `check` finds a difference)"),
        ("cosmetic", "declare the original's edits cosmetic for one language's translation, so it is not flagged for them"),
    ):
        command = commands.add_parser(name, parents=[common], help=helptext)
        if name == "record":
            command.add_argument("pages", nargs="+", metavar="page", help="en/note.md (or docs/en/note.md, or note.md --language en)")
        elif name == "cosmetic":
            command.add_argument("page", help="en/note.md (or docs/en/note.md, or note.md --language en)")
        else:
            command.add_argument("page", help="note.md, or docs/en/note.md for one language")
        command.add_argument("--language", help="only this translation language" if name == "diff" else "the translation language")
        if name == "record":
            command.add_argument("--date", type=datetime.date.fromisoformat, default=None, help="YYYY-MM-DD (default: today)")
        if name == "cosmetic":
            command.add_argument("sections", nargs="*", help="section ids (default: every changed section)")
            command.add_argument("--force", action="store_true", help="accept large edits too")
    check_command = commands.add_parser(
        "check", parents=[common, formats], help="structural parity of every page and its translations; claims' quotes on the quoted page",
    )
    check_command.add_argument("pages", nargs="*", help="only these pages (default: all)")
    commands.add_parser("glossary", parents=[common, formats], help="preferred glossary terms used, terms to avoid absent")
    commands.add_parser("typography", parents=[common, formats], help="each language's spacing conventions (extra.typography in mkdocs.yml)")
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
        pairs = [one_translation(project, argument, arguments.language, "record") for argument in arguments.pages]
        return record(project, [(language, page) for page, language in pairs], arguments.date or datetime.date.today())
    if arguments.command == "cosmetic":
        page, language = one_translation(project, arguments.page, arguments.language, "cosmetic")
        return cosmetic(project, page, [language], arguments.sections, arguments.force)
    page, given = page_argument(project, arguments.page)
    languages = translation_languages(project, page, _language_asked(arguments.page, given, arguments.language))
    colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ  # https://no-color.org
    return diff(project, page, languages, colour)


def _language_asked(argument: str, given: str | None, option: str | None) -> str | None:
    """The language named in the page's path or by --language; both must agree."""
    if given and option and given != option:
        raise InputError(argument, None, f"names the language {given!r}, --language names {option!r}: give one")
    return given or option


def one_translation(project: Project, argument: str, option: str | None, command: str) -> tuple[str, str]:
    """(page, language) for a command that writes one language's record. The language is named in
    the path (en/note.md) or by --language; `note.md` alone is accepted only when the project has
    a single translation language, as another language's translation may not have been touched."""
    page, given = page_argument(project, argument)
    language = _language_asked(argument, given, option)
    if language is None and len(project.translation_languages) > 1:
        choices = ", ".join(project.translation_languages)
        example = project.translation_languages[0]
        raise InputError(
            argument, None,
            f"which translation? This project has several ({choices}): `{command} {example}/{page}` or "
            f"`{command} {page} --language {example}`, for the languages whose translation you brought up to date",
        )
    return page, translation_languages(project, page, language)[0]


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
    github = getattr(arguments, "format", TEXT) == GITHUB
    try:
        outcome = run(arguments)
    except InputError as error:
        if github:
            # On the file and line in the pull request too; the plain message would be read from the
            # log as text that may hold contributed names, the annotation is escaped.
            print(annotation("error", error.message, file=error.path, line=error.line, title="Bad input"))
        else:
            print(f"error: {error}", file=sys.stderr)
        return BAD_INPUT
    if arguments.json:
        print(json.dumps(outcome.data, ensure_ascii=False, indent=2, default=str))
    elif github:
        if outcome.github:
            print("\n".join(outcome.github))
    else:
        print(outcome.text)
    return outcome.code


if __name__ == "__main__":
    sys.exit(main())
