"""Finding and reading a post's front matter, keeping its text exactly as written.

Three kinds are recognised at the very start of a file: YAML between ``---`` lines, TOML between
``+++`` lines and a JSON object (Hugo). The header text is never rewritten here; parsing is
read-only. A ``---`` horizontal rule that opens a plain markdown file is not taken for a header.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field

import yaml

try:  # the C loader ships in PyYAML's wheels; fall back quietly when it is absent
    _YamlLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _YamlLoader = yaml.SafeLoader

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_KEY_LIKE = re.compile(r"^[\"']?[A-Za-z_][\w .-]*[\"']?[ \t]*:(?:[ \t]|$)")
_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")
DELIMITERS = {"yaml": "---", "toml": "+++"}


@dataclass
class Header:
    """A post's front matter: its exact text and what it says."""

    kind: str  # "yaml", "toml" or "json"
    text: str  # verbatim, delimiters and the closing line's ending included
    metadata: dict = field(default_factory=dict)
    error: str | None = None  # the parser's message, when the header could not be read
    error_line: int | None = None  # 1-based line in the file

    @property
    def valid(self) -> bool:
        """True when the header parsed into a mapping."""
        return self.error is None


def iter_lines(text: str):
    """Yield each line of ``text`` with its own line ending (``\\n``, ``\\r\\n`` or ``\\r``)."""
    for match in _LINE.finditer(text):
        line = match.group()
        if not line:
            return
        yield line


def strip_eol(line: str) -> str:
    """The line without its ending."""
    return line.rstrip("\r\n")


def split_header(text: str) -> tuple[Header | None, str]:
    """Split ``text`` into its header (or None) and the body that follows it."""
    if text.startswith("---"):
        return _split_delimited(text, "yaml")
    if text.startswith("+++"):
        return _split_delimited(text, "toml")
    if text.startswith("{"):
        return _split_json(text)
    return None, text


def _split_delimited(text: str, kind: str) -> tuple[Header | None, str]:
    delimiter = DELIMITERS[kind]
    lines = iter_lines(text)
    first = next(lines)
    if strip_eol(first).rstrip(" \t") != delimiter or first == strip_eol(first):
        return None, text
    position = len(first)
    for line in lines:
        if strip_eol(line).rstrip(" \t") == delimiter:
            content = text[len(first):position]
            end = position + len(line)
            header = parse_header(kind, text[:end], content)
            return (header, text[end:]) if header is not None else (None, text)
        position += len(line)
    return None, text


def parse_header(kind: str, text: str, content: str) -> Header | None:
    """Parse the ``content`` between the delimiters; None when it is not a header after all."""
    if kind == "toml":
        try:
            return Header(kind, text, tomllib.loads(content))
        except tomllib.TOMLDecodeError as exc:
            message = str(exc)
            found = _TOML_LINE.search(message)
            line = int(found.group(1)) + 1 if found else 2
            message = _TOML_LINE.sub("", message).strip()
            return Header(kind, text, error=f"invalid TOML header: {message}",
                          error_line=line)
    try:
        data = yaml.load(content, Loader=_YamlLoader)
    except UnicodeEncodeError:  # undecodable bytes in the header (kept as surrogates)
        if not looks_like_yaml_mapping(content):
            return None
        return Header(kind, text, error="the header holds bytes that are not valid text",
                      error_line=2)
    except yaml.YAMLError as exc:
        if not looks_like_yaml_mapping(content):
            return None
        line, message = describe_yaml_error(exc)
        return Header(kind, text, error=f"invalid YAML header: {message}",
                      error_line=line)
    if data is None or isinstance(data, dict):
        return Header(kind, text, data or {})
    if isinstance(data, list):
        return Header(kind, text, error="the header is a list, not a mapping of keys to values",
                      error_line=2)
    return None  # a scalar: the opening --- was a horizontal rule


def looks_like_yaml_mapping(content: str) -> bool:
    """True when the first non-blank line reads like ``key: value``."""
    for line in iter_lines(content):
        stripped = strip_eol(line)
        if stripped.strip():
            return bool(_KEY_LIKE.match(stripped))
    return False


def describe_yaml_error(exc: yaml.YAMLError) -> tuple[int, str]:
    """A 1-based file line (the header starts on line 2) and a readable message."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 2 if mark is not None else 2
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    message = f"{problem} ({context})" if context else problem
    if mark is not None:
        message += f", column {mark.column + 1}"
    return line, message


def _split_json(text: str) -> tuple[Header | None, str]:
    try:
        data, end = json.JSONDecoder().raw_decode(text)
    except ValueError:
        return None, text
    if not isinstance(data, dict):
        return None, text
    rest = text[end:]
    match = re.match(r"[ \t]*(?:\r\n|\r|\n)", rest)
    if match is None and rest:
        return None, text
    end += match.end() if match else 0
    return Header("json", text[:end], data), text[end:]
