"""Finding and reading a post's front matter, keeping its text exactly as written.

Three kinds are recognised at the very start of a file: YAML between ``---`` lines, TOML between
``+++`` lines and a JSON object (Hugo). The header text is never rewritten here; parsing is
read-only. A ``---`` horizontal rule that opens a plain markdown file is not taken for a header.

A header is untrusted input, so what is parsed is bounded: a header over ``MAX_HEADER_BYTES`` is
not parsed at all, and one nested deeper than ``MAX_DEPTH`` or holding more than ``MAX_VALUES``
values (a YAML alias bomb repeats one part exponentially often) is refused. Each becomes a header
with an error, so the post's bytes are kept and the problem is reported.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace

import yaml

from .problems import Problem, ProblemKind
from .words import QT_TRANSLATE_NOOP
from .yaml_words import plain_problem

try:  # the C loader ships in PyYAML's wheels; fall back quietly when it is absent
    _YamlLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _YamlLoader = yaml.SafeLoader

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_KEY_LIKE = re.compile(r"^[\"']?[A-Za-z_][\w .-]*[\"']?[ \t]*:(?:[ \t]|$)")
_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")
DELIMITERS = {"yaml": "---", "toml": "+++"}
MAX_HEADER_BYTES = 1024 * 1024  # a bigger header is not parsed
MAX_DEPTH = 64  # levels of nested lists and mappings
MAX_VALUES = 100_000  # values in all lists and mappings, each repeat of an alias counted
MAX_TEXT = 4 * MAX_HEADER_BYTES  # characters of all keys and strings, each repeat of an alias counted
_CLOSING = {
    kind: re.compile(r"(?:\r\n|\r|\n)(" + re.escape(mark) + r"[ \t]*(?:\r\n|\r|\n|\Z))")
    for kind, mark in DELIMITERS.items()
}  # the closing line, found without a loop
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]]')
_LEAD = re.compile(r"(?:[ \t]*(?:\r\n|\r|\n))+")  # blank lines before the opening line (Hugo skips them)


@dataclass
class Header:
    """A post's front matter: its exact text and what it says."""

    kind: str  # "yaml", "toml" or "json"
    text: str  # verbatim: the blank lines before it, delimiters and the closing line's ending included
    metadata: dict = field(default_factory=dict)
    problem: Problem | None = None  # why the header could not be read (message, file line, kind)
    lead: str = ""  # the blank lines before the opening delimiter, verbatim (the start of ``text``)

    @classmethod
    def broken(cls, kind: str, text: str, problem: Problem) -> Header:
        """A header of ``kind`` whose ``text`` could not be read, for ``problem``."""
        return cls(kind, text, problem=problem)

    @property
    def error(self) -> str | None:
        """The problem's message, when the header could not be read."""
        return self.problem.message if self.problem is not None else None

    @property
    def error_line(self) -> int | None:
        """The problem's 1-based line in the file."""
        return self.problem.line if self.problem is not None else None

    @property
    def error_kind(self) -> ProblemKind | None:
        """What kind of problem it is."""
        return self.problem.kind if self.problem is not None else None

    @property
    def valid(self) -> bool:
        """True when the header parsed into a mapping."""
        return self.problem is None

    @property
    def lead_lines(self) -> int:
        """How many blank lines come before the opening delimiter."""
        return line_count(self.lead)

    @property
    def own_text(self) -> str:
        """The header from its opening delimiter on (``text`` without the blank lines before it)."""
        return self.text[len(self.lead) :]

    def with_lead(self, lead: str) -> Header:
        """This header (read without them) with the blank lines ``lead`` before it: its text
        starts with them and its problem's line counts them."""
        if not lead:
            return self
        moved = replace(self, text=lead + self.text, lead=lead)
        problem = self.problem
        if problem is not None and problem.line is not None:
            moved.problem = replace(problem, line=problem.line + moved.lead_lines)
        return moved


def line_count(text: str) -> int:
    """How many line endings (``\n``, ``\r\n`` or ``\r``) ``text`` holds."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


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
    """Split ``text`` into its header (or None) and the body that follows it. Blank lines
    before the header belong to it (Hugo reads such a header; see ``Header.lead``)."""
    lead = _LEAD.match(text)
    if lead is None:
        return _split_at_start(text)
    header, body = _split_at_start(text[lead.end() :])
    return (header.with_lead(lead.group()), body) if header is not None else (None, text)


def _split_at_start(text: str) -> tuple[Header | None, str]:
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
    closing = _closing_line(text, kind, len(first))
    if closing is None:
        return None, text
    content, end = text[len(first) : closing.start(1)], closing.end(1)
    header = parse_header(kind, text[:end], content)
    return (header, text[end:]) if header is not None else (None, text)


def _closing_line(text: str, kind: str, start: int) -> re.Match | None:
    """The delimiter line that closes a header opened on the line before ``start``: candidates
    found with ``str.find`` (fast on a huge header), then, after many that are not, a regex."""
    pattern, mark = _CLOSING[kind], DELIMITERS[kind]
    position = start
    for _ in range(1000):
        found = text.find(mark, position)
        if found < 0:
            return None
        closing = pattern.match(text, found - 1) if text[found - 1] in "\r\n" else None
        if closing is not None:
            return closing
        position = found + 1
    return pattern.search(text, position - 1)


def parse_header(kind: str, text: str, content: str) -> Header | None:
    """Parse the ``content`` between the delimiters; None when it is not a header after all."""
    too_large = size_problem(content)
    if too_large is not None:
        if kind == "yaml" and not looks_like_yaml_mapping(content):
            return None
        return Header.broken(kind, text, too_large)
    try:
        header = _parse(kind, text, content)
    except RecursionError:
        return Header.broken(kind, text, _too_deep())
    if header is not None and header.valid:
        problem = shape_problem(header.metadata)
        if problem is not None:
            return Header.broken(kind, text, problem)
    return header


MAX_UNMADE_LINES = 2000  # lines looked at for the value that could not be made


def _parse(kind: str, text: str, content: str) -> Header | None:
    if kind == "toml":
        import tomllib  # (here: most journals have no TOML header)

        try:
            return Header(kind, text, tomllib.loads(content))
        except tomllib.TOMLDecodeError as exc:
            message = str(exc)
            found = _TOML_LINE.search(message)
            line = int(found.group(1)) + 1 if found else 2
            message = _TOML_LINE.sub("", message).strip()
            problem = Problem.of(
                QT_TRANSLATE_NOOP("Core", "invalid TOML header: {reason}"),
                line,
                kind=ProblemKind.INVALID_HEADER,
                reason=message,
            )
            return Header.broken(kind, text, problem)
    try:
        data = yaml.load(content, Loader=_YamlLoader)
    except UnicodeEncodeError:  # undecodable bytes in the header (kept as surrogates)
        if not looks_like_yaml_mapping(content):
            return None
        problem = Problem.of(
            QT_TRANSLATE_NOOP("Core", "the header holds bytes that are not valid text"),
            2,
            kind=ProblemKind.HEADER_UNDECODABLE,
        )
        return Header.broken(kind, text, problem)
    except yaml.YAMLError as exc:
        if not looks_like_yaml_mapping(content):
            return None
        line, said = plain_problem(exc, content)
        problem = Problem.saying(said, line, kind=ProblemKind.INVALID_HEADER)
        return Header.broken(kind, text, problem)
    except (ValueError, OverflowError) as exc:  # read, but not a value: a date like 2021-13-45
        if not looks_like_yaml_mapping(content):
            return None
        where, value = _unmade_value(content)
        problem = Problem.of(
            QT_TRANSLATE_NOOP("Core", "the header's value {value} cannot be read: {reason}"),
            where,
            kind=ProblemKind.INVALID_HEADER,
            value=value,
            reason=str(exc),
        )
        return Header.broken(kind, text, problem)
    if data is None or isinstance(data, dict):
        return Header(kind, text, data or {})
    if isinstance(data, list):
        problem = Problem.of(
            QT_TRANSLATE_NOOP("Core", "the header is a list, not a mapping of keys to values"),
            2,
            kind=ProblemKind.HEADER_NOT_MAPPING,
        )
        return Header.broken(kind, text, problem)
    return None  # a scalar: the opening --- was a horizontal rule


def _unmade_value(content: str) -> tuple[int | None, str]:
    """The file line (the header's first line is 2) and text of the first ``key: value`` line
    whose value YAML reads but cannot make (an impossible date), found line by line."""
    for number, line in enumerate(content.split("\n")[:MAX_UNMADE_LINES]):
        key, colon, value = line.partition(":")
        if not colon or not value.strip() or not any(ch.isdigit() for ch in value):
            continue
        try:
            yaml.load(line.strip(), Loader=_YamlLoader)
        except (ValueError, OverflowError):
            return number + 2, value.strip()
        except yaml.YAMLError:
            continue
    return None, ""


def _too_deep() -> Problem:
    return Problem.of(
        QT_TRANSLATE_NOOP("Core", "the header is nested more than {depth} levels deep; it is not read"),
        1,
        kind=ProblemKind.HEADER_TOO_DEEP,
        depth=MAX_DEPTH,
    )


def size_problem(content: str) -> Problem | None:
    """Why ``content`` is too large to parse (over ``MAX_HEADER_BYTES`` as UTF-8), or None."""
    if len(content) <= MAX_HEADER_BYTES // 4:  # no character takes more than 4 bytes
        return None
    size = len(content.encode("utf-8", "surrogatepass"))
    if size <= MAX_HEADER_BYTES:
        return None
    megabytes = size / (1024 * 1024)
    shown = f"{megabytes:.0f}" if megabytes >= 10 else f"{megabytes:.1f}"
    return Problem.of(
        QT_TRANSLATE_NOOP("Core", "the header is {size} MB, too large to read"),
        1,
        kind=ProblemKind.HEADER_TOO_LARGE,
        size=shown,
    )


def shape_problem(data: object) -> Problem | None:
    """Why parsed header ``data`` is too deep or too big to use, or None.

    The walk is iterative and stops at the budget, and it counts a list or mapping each time it
    is referenced: a YAML alias shares one object, so a billion-laughs header is cheap to load
    but would take for ever to print or copy.
    """
    if not isinstance(data, (dict, list)):
        return None
    count = text = 0
    stack: list[tuple[dict[object, object] | list[object], int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        children: list[object] = [*value.keys(), *value.values()] if isinstance(value, dict) else value
        if depth >= MAX_DEPTH:
            return _too_deep()
        count += len(children)
        if count > MAX_VALUES:
            return Problem.of(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "the header holds more than {count:,} values (counting each "
                    "repeat of an alias); it is not read",
                ),
                1,
                kind=ProblemKind.HEADER_TOO_MANY_VALUES,
                count=MAX_VALUES,
            )
        text += sum(len(child) for child in children if isinstance(child, (str, bytes)))
        if text > MAX_TEXT:
            return Problem.of(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "the header's text comes to more than {count:,} characters "
                    "(counting each repeat of an alias); it is not read",
                ),
                1,
                kind=ProblemKind.HEADER_TOO_MANY_VALUES,
                count=MAX_TEXT,
            )
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return None


def looks_like_yaml_mapping(content: str) -> bool:
    """True when the first non-blank line reads like ``key: value``."""
    for line in iter_lines(content):
        stripped = strip_eol(line)
        if stripped.strip():
            return bool(_KEY_LIKE.match(stripped))
    return False


def describe_yaml_error(exc: yaml.YAMLError, content: str = "") -> tuple[int, str]:
    """A 1-based file line (the header starts on line 2) and what is wrong there, in plain
    words (``yaml_words.plain_problem``)."""
    line, said = plain_problem(exc, content)
    return line, str(said)


def _split_json(text: str) -> tuple[Header | None, str]:
    error: Problem | None = None
    try:
        data, end = json.JSONDecoder().raw_decode(text)
    except ValueError:
        return None, text
    except RecursionError:  # nested deeper than the parser goes: find its end without it
        json_end = _json_end(text)
        if json_end is None:
            return None, text
        data, end, error = {}, json_end, _too_deep()
    if not isinstance(data, dict):
        return None, text
    rest = text[end:]
    match = re.match(r"[ \t]*(?:\r\n|\r|\n)", rest)
    if match is None and rest:
        return None, text
    end += match.end() if match else 0
    error = error or size_problem(text[:end]) or shape_problem(data)
    if error is not None:
        return Header.broken("json", text[:end], error), text[end:]
    return Header("json", text[:end], data), text[end:]


def _json_end(text: str) -> int | None:
    """Where the JSON object that opens ``text`` ends, found by its brackets alone."""
    depth = 0
    for token in _JSON_TOKEN.finditer(text):
        if token.group() in "{[":
            depth += 1
        elif token.group() in "}]":
            depth -= 1
            if depth == 0:
                return token.end()
    return None
