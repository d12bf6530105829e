"""What "plain text" means for values the theme or the reference pages print without escaping.

Material prints front matter values (`title`, `description`, `author`, `subtitle`, `status`...)
into the page as they are: in element text (`<title>`, the header, the navigation) and inside
double-quoted attributes (`<meta name="description" content="...">`, `class="md-status--..."`).
The reference pages put data-file fields into Markdown. A value is plain text when it reads the
same whether or not it is escaped, in both places. Refused, after YAML decoding (so `\\x3c` and
`\\u003c` are caught as the `<` they stand for):

- `<` and `>`: `<` opens a tag or a comment in element text; `>` closes one, and Markdown reads
  `<...>` as raw HTML or an autolink;
- `"`: it ends a double-quoted attribute value (only where a value can land in an attribute,
  front matter; data-file text is element text only, where quotes are ordinary characters);
- `&` followed by a letter, a digit or `#`: the start of a character reference (`&lt;`,
  `&#60;`, `&#x3c;`), which the browser decodes into the character it names, so the text shown
  is not the text written. `&` followed by anything else (`R & D`) is shown as written, as the
  HTML tokenizer defines it, and is allowed;
- control characters other than tab and line feed (`\\x00`, `\\x1b`...): never text, and parsers
  treat some of them specially.

An apostrophe is allowed: French needs it everywhere, and every attribute the theme and the
site write is double-quoted.
"""

from __future__ import annotations

ANGLE_BRACKETS = "<>"
CONTROL_ALLOWED = "\t\n"
# Every character one of the rules below may refuse: text without any is plain text, found so in
# one pass in C (most values are), before the rules are read character by character.
MAY_BE_MARKUP = frozenset(
    ANGLE_BRACKETS + '"{}&' + "".join(chr(code) for code in [*range(0x20), *range(0x7F, 0xA0)] if chr(code) not in CONTROL_ALLOWED)
)


def markup_problem(value: str, *, quotes: bool = True, braces: bool = False) -> str | None:
    """Why ``value`` is not plain text, or None when it is.

    ``quotes``: refuse `"` (values that may be printed inside an attribute).
    ``braces``: refuse `{` and `}` (text put into a Markdown heading, where `{...}` at the end
    is read as an attribute list and could add attributes, handlers included, to the heading).
    """
    if MAY_BE_MARKUP.isdisjoint(value):
        return None
    for index, character in enumerate(value):
        if character in ANGLE_BRACKETS:
            return f"{character!r} is markup (HTML reads it as the start or end of a tag)"
        if quotes and character == '"':
            return "'\"' is markup (it ends an attribute value); use typographic quotes (« », “ ”) instead"
        if braces and character in "{}":
            return f"{character!r} is markup here (Markdown reads {{...}} after a heading as attributes)"
        if character == "&":
            following = value[index + 1 : index + 2]
            if following == "#" or (following.isascii() and following.isalnum()):
                return "'&' followed by a letter, digit or '#' is a character reference (the browser decodes it); write the character itself"
        if (ord(character) < 0x20 and character not in CONTROL_ALLOWED) or 0x7F <= ord(character) < 0xA0:
            return f"control character U+{ord(character):04X} is not text"
    return None
