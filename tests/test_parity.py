"""Structural parity rules, one failing pair per rule, each asserting the exact message."""

from __future__ import annotations

import pytest

from bilingual_site.translation.parity import check_pair
from bilingual_site.translation.cli import main
from sitebuild import SITE_MARKDOWN
from translation_trees import write_tree

ORIGINAL = """\
---
title: Titre
description: Une page.
reference_data: claims
---

# Titre {#top}

Voir [la note](note.md#vllm-usage) et [le site](https://example.org/a).

## Tableau {#table}

| A | B |
|---|---|
| 1 | 2 |
| 3 | 4 |

!!! warning "Attention"
    Texte.

```python
print("bonjour")
```

![Schéma](schema.png)
"""

TRANSLATION = """\
---
title: Title
description: A page.
reference_data: claims
---

# Title {#top}

See [the note](note.md#vllm-usage) and [the site](https://example.org/a).

## Table {#table}

| A | B |
|---|---|
| 1 | 2 |
| 3 | 4 |

!!! warning "Warning"
    Text.

```python
print("hello")
```

![Diagram](schema.png)
"""

FR, EN = "docs/fr/x.md", "docs/en/x.md"


def messages(translation: str, original: str = ORIGINAL) -> list[str]:
    return [finding.message for finding in check_pair(original, FR, translation, EN, SITE_MARKDOWN)]


def test_a_faithful_translation_has_no_finding():
    assert messages(TRANSLATION) == []


@pytest.mark.parametrize(
    "change, expected",
    [
        pytest.param(("reference_data: claims\n", ""), ["front matter: key 'reference_data' in docs/fr/x.md:4, missing in docs/en/x.md"], id="front-matter-key"),
        pytest.param(("reference_data: claims", "reference_data: sources"), ["front matter: 'reference_data' is 'claims' in docs/fr/x.md:4, 'sources' in docs/en/x.md:4"], id="front-matter-value"),
        pytest.param(("## Table {#table}", "## Table"), [
            "heading without an explicit id in docs/en/x.md:11 ('Table'): add {#id} so it pairs with its twin",
            "heading 'table': in docs/fr/x.md:11, missing in docs/en/x.md",
        ], id="heading-id-missing"),
        pytest.param(("## Table {#table}", "### Table {#table}"), ["heading 'table': level 2 in docs/fr/x.md:11, level 3 in docs/en/x.md:11"], id="heading-level"),
        pytest.param(("## Table {#table}", "## Table {#tables}"), [
            "heading 'table': in docs/fr/x.md:11, missing in docs/en/x.md",
            "heading 'tables': missing in docs/fr/x.md, in docs/en/x.md:11",
        ], id="heading-renamed"),
        pytest.param(("| 3 | 4 |\n", ""), ["table 1: 3 rows in docs/fr/x.md:13, 2 rows in docs/en/x.md:13"], id="table-rows"),
        pytest.param(("| A | B |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |", "| A | B | C |\n|---|---|---|\n| 1 | 2 | 5 |\n| 3 | 4 | 6 |"),
                     ["table 1: 2 columns in docs/fr/x.md:13, 3 columns in docs/en/x.md:13"], id="table-columns"),
        pytest.param(("| A | B |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |", "A, B: 1, 2; 3, 4."), ["tables: 1 in docs/fr/x.md, 0 in docs/en/x.md"], id="table-missing"),
        pytest.param(("https://example.org/a", "https://example.org/b"),
                     ["link 2: 'https://example.org/a' in docs/fr/x.md:9, 'https://example.org/b' in docs/en/x.md:9 (external links must be identical)"], id="link-external"),
        pytest.param(("note.md#vllm-usage", "../fr/note.md#vllm-usage"),
                     ["link 1: 'note.md#vllm-usage' in docs/fr/x.md:9, '../fr/note.md#vllm-usage' in docs/en/x.md:9 "
                      "(internal links keep the original's target, which resolves to the twin page)"], id="link-internal"),
        pytest.param((" and [the site](https://example.org/a)", ""), ["links: 2 in docs/fr/x.md, 1 in docs/en/x.md"], id="link-count"),
        pytest.param(('```python\nprint("hello")', '```bash\necho hello'), ["code block 1: 'python' in docs/fr/x.md:21, 'bash' in docs/en/x.md:21"], id="code-block-language"),
        pytest.param(('```python\nprint("hello")\n```\n', ""), ["code blocks: 1 in docs/fr/x.md, 0 in docs/en/x.md"], id="code-block-count"),
        pytest.param(("schema.png", "diagram.png"), ["image 1: 'schema.png' in docs/fr/x.md:25, 'diagram.png' in docs/en/x.md:25"], id="image"),
        pytest.param(('!!! warning "Warning"', '!!! note "Note"'), ["admonition 1: 'warning' in docs/fr/x.md:18, 'note' in docs/en/x.md:18"], id="admonition"),
    ],
)
def test_each_rule_names_both_files_and_lines(change, expected):
    before, after = change
    assert before in TRANSLATION
    assert messages(TRANSLATION.replace(before, after, 1)) == expected


def test_headings_out_of_order():
    original = "# A {#a}\n\n## B {#b}\n\n## C {#c}\n"
    translation = "# A {#a}\n\n## C {#c}\n\n## B {#b}\n"
    assert messages(translation, original) == ["headings out of order: 'b' comes 2nd in docs/fr/x.md:3, 'c' in docs/en/x.md:3"]


def test_code_block_content_is_not_read_as_structure():
    original = "# A {#a}\n\n```md\n## Not a heading\n| a | b |\n|---|---|\n[link](x.md)\n```\n"
    translation = "# A {#a}\n\n```md\n## Pas un titre\n```\n"
    assert messages(translation, original) == []


def test_check_command_exit_codes(tmp_path, capsys):
    root = write_tree(tmp_path, {"docs/fr/x.md": ORIGINAL, "docs/en/x.md": TRANSLATION.replace("| 3 | 4 |\n", "")})
    assert main(["check", "--project", str(root)]) == 1
    assert capsys.readouterr().out == "table 1: 3 rows in docs/fr/x.md:13, 2 rows in docs/en/x.md:13\n"
    (root / "docs/en/x.md").write_text(TRANSLATION, encoding="utf-8")
    assert main(["check", "--project", str(root)]) == 0
    (root / "docs/en/x.md").write_bytes(b"# Caf\xe9 {#top}\n")
    assert main(["check", "--project", str(root)]) == 2
    assert capsys.readouterr().err.endswith("error: docs/en/x.md:1: is not valid UTF-8\n")


# --- Front matter lines: read from the YAML only when a finding names one --------------------------


def test_a_front_matter_finding_names_the_key_line_after_multi_line_values():
    front = "---\n# a comment\ndescription: >\n  Une page\n  sur deux lignes.\ntitle: Titre\ntags: [a,\n  b]\nreference_data: claims\n---\n"
    original = ORIGINAL.replace("---\ntitle: Titre\ndescription: Une page.\nreference_data: claims\n---\n", front, 1)
    assert original != ORIGINAL
    assert messages(TRANSLATION, original) == [
        "front matter: key 'tags' in docs/fr/x.md:7, missing in docs/en/x.md",
    ]
    translation = TRANSLATION.replace("reference_data: claims", "tags: [a, c]\nreference_data: sources", 1)
    assert messages(translation, original) == [
        "front matter: 'reference_data' is 'claims' in docs/fr/x.md:9, 'sources' in docs/en/x.md:5",
        "front matter: 'tags' is ['a', 'b'] in docs/fr/x.md:7, ['a', 'c'] in docs/en/x.md:4",
    ]


def test_a_pair_without_a_front_matter_finding_does_not_read_its_yaml_again(monkeypatch):
    import yaml

    composed = []
    monkeypatch.setattr(yaml, "compose", lambda *arguments, **options: composed.append(arguments) or None)
    assert messages(TRANSLATION) == []
    assert composed == []


def test_a_tab_in_a_front_matter_value_is_read_as_mkdocs_reads_it():
    # libyaml (MkDocs' loader, and the source checks') reads a tab inside a plain value; PyYAML's
    # own scanner stops on it: the lines are read by the loader that read the value.
    original = ORIGINAL.replace("description: Une page.", "description: Une\tpage.\nauthor: A", 1)
    assert messages(TRANSLATION, original) == ["front matter: key 'author' in docs/fr/x.md:4, missing in docs/en/x.md"]
