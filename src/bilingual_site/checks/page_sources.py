"""Checks on a Markdown page's source that MkDocs would otherwise let through silently.

The page is read as MkDocs reads it (mkdocs/structure/files.py, mkdocs/utils/meta.py): UTF-8 with
one leading byte-order mark dropped, universal newlines, YAML front matter only where MkDocs' own
pattern finds it, MultiMarkdown `key: value` lines at the top otherwise. What MkDocs would drop
or misread silently is refused here with the file and the line:

- front matter MkDocs cannot read (malformed, not a mapping, empty, after a second byte-order
  mark or indented): MkDocs publishes it as body text, without a word;
- front matter read unsafely: anchors and aliases, duplicate keys, `!!python` and other tags
  (bilingual_site.checks.safe_yaml; MkDocs itself would expand the aliases);
- a value that is not plain text (bilingual_site.checks.plain_text): Material prints front matter raw in
  `<head>`, the header and the navigation;
- `template:`, which would render the page with another of the theme's templates (Material's
  redirect.html runs its `location` value as a script);
- MultiMarkdown metadata, which takes the page's first lines out of its text.
"""

from __future__ import annotations

from typing import Any


from bilingual_site.markdown.model import split_front_matter, yaml_front_matter
from bilingual_site.errors import BYTE_ORDER_MARK, InputError, decode_utf8
from bilingual_site.checks.plain_text import markup_problem
from bilingual_site.checks.safe_yaml import LineDict, LineList, load_yaml_text

# Front matter keys no page may set.
REFUSED_KEYS = {
    "template": "a page cannot choose the theme template it is rendered with (Material's redirect.html runs `location` as a script)",
    # Material includes `.icons/<icon>.svg` for it: a name it does not ship stops the build with a
    # template error, and the site's pages use no page icon.
    "icon": "pages of this site have no icon (Material would include a theme file named by it)",
    # The plugin's own mark of a parallel views' page shell (parallel/views.py META_KEY).
    "parallel_view": "is the build's own mark of a parallel views' page shell, not a page setting",
}


def mkdocs_text(text: str) -> str:
    """The text as MkDocs reads it: a file opened in text mode turns \\r\\n and \\r into \\n."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def page_source_problems(raw: bytes, shown_path: str) -> list[InputError]:
    """Every problem of one page source, in line order (the build reports them all at once)."""
    try:
        text = mkdocs_text(decode_utf8(raw, shown_path))
    except InputError as error:
        return [error]
    problems: list[InputError] = []
    first_line = text.split("\n", 1)[0]
    # MkDocs' own split (the Markdown model's, tested equal to mkdocs.utils.meta.get_data): the
    # check must find front matter exactly where MkDocs will.
    found = yaml_front_matter(text)
    body = text
    if found:
        yaml_text, body_index = found
        problems += front_matter_problems(yaml_text, shown_path)
        body = text.split("\n", body_index)[-1]  # the lines from body_index on (there is one at least)
    elif first_line.startswith(BYTE_ORDER_MARK):
        problems.append(InputError(shown_path, 1, "a second byte-order mark: MkDocs drops one and would publish what follows the other as text; remove them"))
    elif first_line.rstrip(" \t") == "---":
        problems.append(InputError(shown_path, 1, "front matter is not closed by a '---' line"))
    elif first_line.strip() == "---":
        problems.append(InputError(shown_path, 1, "front matter must start with '---' at the very start of the first line; MkDocs would publish it as text"))
    else:
        # Without YAML front matter, MkDocs reads leading `key: value` lines as metadata (the
        # pattern above does not match, so get_data reads no YAML here).
        metadata = split_front_matter(text).meta
        if metadata:
            keys = ", ".join(sorted(metadata))
            problems.append(InputError(
                shown_path, 1,
                f"the first lines read as MultiMarkdown metadata ({keys}), which MkDocs takes out of the page: "
                "use YAML front matter between '---' lines, or start the page with a heading or a blank line",
            ))
    if not body.strip():
        problems.append(InputError(shown_path, None, "the page is empty"))
    return problems


def front_matter_problems(yaml_text: str, shown_path: str) -> list[InputError]:
    """The front matter's YAML (from line 2 of the page) read safely, then every value checked."""
    try:
        meta = load_yaml_text(yaml_text, shown_path, first_line=2)
    except InputError as error:
        message = error.message.removeprefix("invalid YAML: ")
        prefix = "malformed front matter" if message != error.message else "front matter"
        return [InputError(shown_path, error.line, f"{prefix}: {message}")]
    if meta is None:
        return [InputError(shown_path, 2, "front matter is empty: MkDocs would publish it as text; remove the '---' lines or add keys")]
    if not isinstance(meta, LineDict):
        return [InputError(shown_path, 2, "front matter must be a mapping of keys to values")]
    problems = [
        InputError(shown_path, meta.key_lines[key], f"front matter '{key}': {reason}")
        for key, reason in REFUSED_KEYS.items()
        if key in meta
    ]
    problems += [
        InputError(shown_path, line, f"front matter '{key}' is not plain text: {reason}")
        for key, line, reason in markup_in_values(meta, meta.line)
    ]
    return sorted(problems, key=lambda problem: problem.line or 0)


def markup_in_values(value: Any, line: int, key: str = "") -> list[tuple[str, int, str]]:
    """(key path, line, reason) for every key or text value, at any depth, that is not plain text."""
    found: list[tuple[str, int, str]] = []
    if isinstance(value, LineDict):
        for child_key, child in value.items():
            child_line = value.key_lines[child_key]
            path = f"{key}.{child_key}" if key else str(child_key)
            if isinstance(child_key, str) and (reason := markup_problem(child_key)):
                found.append((path, child_line, f"(the key) {reason}"))
            found += markup_in_values(child, child_line, path)
    elif isinstance(value, LineList):
        for index, (item, item_line) in enumerate(zip(value, value.item_lines)):
            found += markup_in_values(item, item_line, f"{key}[{index}]")
    elif isinstance(value, str) and (reason := markup_problem(value)):
        found.append((key, line, reason))
    return found


def check_page_source(raw: bytes, shown_path: str) -> None:
    """Raise the first problem of page_source_problems, if any."""
    problems = page_source_problems(raw, shown_path)
    if problems:
        raise problems[0]
