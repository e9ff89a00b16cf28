"""Writing one scalar or one-line list as YAML or TOML text that reads back as the same value.

These are the quoting rules the field editor and new posts share: a plain YAML scalar only when
it loads back as the same string, single quotes when asked and possible, else double quotes with
escapes; TOML literal or basic strings; flow lists written like an example from the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml

from .frontmatter import _YamlLoader

Scalar = Callable[[str, str, str], str]  # (text, quote, context) -> the written scalar


def unquote(raw: str) -> str:
    """``raw`` without one pair of matching quotes around it (and surrounding blanks)."""
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        return raw[1:-1]
    return raw


def quote_style(raw: str) -> str:
    """The quoting ``raw`` is written in: "double", "single" or "plain"."""
    return {'"': "double", "'": "single"}.get(raw.strip()[:1], "plain")


def block_indicator(text: str) -> str:
    """The YAML literal block indicator that keeps ``text``'s final line breaks."""
    if not text.endswith("\n"):
        return "|-"
    return "|+" if text.endswith("\n\n") else "|"


def yaml_printable(char: str) -> bool:
    """True when ``char`` may stand unescaped in a quoted YAML string (and reads back as itself)."""
    code = ord(char)
    return (
        char in "\t\n"
        or 0x20 <= code <= 0x7E
        or code == 0x85
        or 0xA0 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    ) and code not in (0xFEFF, 0x85, 0x2028, 0x2029)  # YAML 1.1 reads the last three as breaks


def quote_double(text: str, toml: bool = False) -> str:
    """``text`` as a double-quoted YAML (or TOML basic) string."""
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif yaml_printable(char) and not (toml and ord(char) == 0x7F):
            out.append(char)
        elif ord(char) < 0x10000:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    return '"' + "".join(out) + '"'


_PLAIN_CONTEXTS = {"mapping": "k: {}", "flow-item": "k: [{}]", "block-item": "k:\n- {}"}


def _loads(text: str, loader: type) -> object:
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError:
        return None


# a word of letters (any script) then letters, digits, "_", "-" and inner spaces reads back as
# itself in every context, unless YAML 1.1 resolves it to a boolean or null
_PLAIN_WORDS = re.compile(r"[^\W\d_][\w\- ]*")
_RESOLVED_WORDS = {"y", "yes", "n", "no", "true", "false", "on", "off", "null"}


def obviously_plain(text: str) -> bool:
    """True when ``text`` is plain YAML with no need to ask the readers (most tags and titles:
    ``일상``, ``python``, ``AI Expo``); asking both readers costs two parses per value."""
    return (
        _PLAIN_WORDS.fullmatch(text) is not None
        and not text.endswith(" ")
        and text.casefold() not in _RESOLVED_WORDS
    )


def yaml_scalar(text: str, quote: str, context: str = "mapping") -> str:
    """``text`` as a YAML scalar in the wanted quoting, falling back to double quotes."""
    if quote == "plain" and obviously_plain(text):
        return text
    if quote == "plain" and text and text == text.strip() and "\n" not in text and "\t" not in text:
        expected = {"k": [text] if context != "mapping" else text}
        # plain only when libyaml (our reader) and PyYAML's Python reader both read it back:
        # they disagree on a few plain forms ("[0?]" parses in one only)
        if not text.startswith(('"', "'")) and all(
            _loads(_PLAIN_CONTEXTS[context].format(text), loader) == expected
            for loader in (_YamlLoader, yaml.SafeLoader)
        ):
            return text
    if quote == "single" and "\n" not in text and all(yaml_printable(c) and c != "\t" for c in text):
        return "'" + text.replace("'", "''") + "'"
    return quote_double(text)


def toml_string(text: str, quote: str, context: str = "") -> str:
    """``text`` as a TOML string: a literal string when asked and possible, else a basic one."""
    if (
        quote == "single"
        and "'" not in text
        and all(c == "\t" or (ord(c) >= 0x20 and ord(c) != 0x7F) for c in text)
    ):
        return "'" + text + "'"
    return quote_double(text, toml=True)


def flow_list(items: list[str], template: str, scalar: Scalar) -> str:
    """``items`` as a one-line list written like ``template`` (``["a","b"]`` or ``[a, b]``)."""
    inner = template.strip()[1:-1] if template.strip().endswith("]") else ""
    pad = " " if inner.startswith(" ") and inner.strip() else ""
    first = inner.strip()[:1]
    quote = {'"': "double", "'": "single"}.get(first, "plain" if inner.strip() else "")
    comma = re.search(r",([ \t]*)", outside_quotes(inner))
    if comma:
        separator = "," + comma.group(1)
    else:
        separator = "," if quote == "double" and not pad else ", "
    if not quote:
        quote = "plain" if scalar is yaml_scalar else "double"
    if scalar is toml_string and quote == "plain":
        quote = "double"
    body = separator.join(scalar(item, quote, "flow-item") for item in items)
    return f"[{pad}{body}{pad}]" if items else "[]"


def outside_quotes(text: str) -> str:
    """``text`` with quoted stretches blanked out, so commas inside strings are not seen."""
    return re.sub(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'", lambda m: "x" * len(m.group()), text)
