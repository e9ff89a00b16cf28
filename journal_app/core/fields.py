"""Minimal edits of one front matter field, in the style the file already uses.

Only the lines of the edited key change (or one new line goes just before the closing
delimiter). The result is parsed again and must read back as intended, with every other key
unchanged; otherwise :class:`FieldEditError` is raised and nothing changes. How a scalar is
quoted is :mod:`scalars`' business; which way the file writes a key is a :class:`Style`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

import yaml

from .dates import DateStyle, parse_date
from .errors import FieldEditError, HeaderError
from .frontmatter import Header, _YamlLoader, iter_lines, parse_header, strip_eol
from .words import QT_TRANSLATE_NOOP, Words
from .scalars import block_indicator, flow_list, quote_double, quote_style, toml_string, unquote, yaml_scalar

_YAML_KEY = re.compile(
    r"""^(?P<prefix>(?P<key>"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\[\]{}\-?:,&*!|>%@`][^#:]*?|-[^\s:][^#:]*?)"""
    r"""[ \t]*:(?P<gap>[ \t]*))(?P<value>.*)$"""
)
_TOML_KEY = re.compile(
    r"""^(?P<prefix>[ \t]*(?P<key>"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)[ \t]*=(?P<gap>[ \t]*))"""
    r"""(?P<value>.*)$"""
)
_TOML_TABLE = re.compile(r"^[ \t]*\[")


@dataclass
class Span:
    """Where a key sits among the header's lines: [start, stop) and the key line's parts."""

    start: int
    stop: int
    prefix: str
    value: str  # the raw value text on the key line (after the gap)


@dataclass(frozen=True)
class Style:
    """How a value is to be written. ``kind`` is a quoting ("plain", "single", "double") or a
    shape: "block" (a ``|`` literal), "block-list" (``- item`` lines), "flow" (``[a, b]``,
    written like ``template`` when one is given), "joined" (tags in one string like
    ``template``) or "date" (written like ``example``, unquoted when ``quote`` is "plain")."""

    kind: str
    template: str = ""  # the raw list or string of the file that the new value imitates
    quote: str = ""  # how a date is quoted
    example: str = ""  # a date as the file writes them


def edit_header(header: Header, name: str, value: object, newline: str, remove: bool = False) -> Header:
    """A new header with ``name`` set to ``value`` (or removed), touching only its lines."""
    if not header.valid:
        raise HeaderError(
            QT_TRANSLATE_NOOP(
                "Core", "The header cannot be edited until it is fixed (line {line}: {problem})."
            ),
            line=header.error_line,
            problem=header.problem.words if header.problem is not None else "",
        )
    if header.kind not in ("yaml", "toml"):
        raise FieldEditError(
            QT_TRANSLATE_NOOP("Core", "Editing {kind} front matter is not supported."),
            kind=header.kind.upper(),
        )
    if header.kind == "yaml" and header.own_text.split("\n", 1)[-1].lstrip().startswith("{"):
        raise FieldEditError(
            QT_TRANSLATE_NOOP(
                "Core",
                "This header is one YAML flow mapping ({{...}}); it cannot be edited "
                "field by field. Edit it as text.",
            )
        )
    lead, header = header.lead, replace(header, text=header.own_text, lead="")  # edited without its lead
    editor = _YamlEditor(header, newline) if header.kind == "yaml" else _TomlEditor(header, newline)
    attempts = editor.candidates(name, value, remove)
    failure = Words(QT_TRANSLATE_NOOP("Core", "it did not read back as intended"))
    for lines, intended in attempts:
        text = "".join(lines)
        content = "".join(lines[1:-1])
        new = parse_header(header.kind, text, content)
        if new is None or new.problem is not None:
            stopped = QT_TRANSLATE_NOOP("Core", "the header stopped being a header")
            failure = new.problem.words if new is not None and new.problem is not None else Words(stopped)
            continue
        if _reads_back(header.metadata, new.metadata, name, intended):
            return new.with_lead(lead)
    raise FieldEditError(
        QT_TRANSLATE_NOOP(
            "Core", "Could not set {name!r} so that the header reads back correctly: {failure}."
        ),
        name=name,
        failure=failure,
    )


def new_yaml_header(name: str, value: object, newline: str) -> Header:
    """A fresh YAML header holding one field, for a post that had none."""
    empty = Header("yaml", f"---{newline}---{newline}", {})
    return edit_header(empty, name, value, newline)


def _reads_back(old: dict, new: dict, name: str, intended: object) -> bool:
    others_old = {k: v for k, v in old.items() if k != name}
    others_new = {k: v for k, v in new.items() if k != name}
    if others_old != others_new:
        return False
    if intended is None:
        return name not in new or new[name] is None
    if name not in new:
        return False
    return _normal(new[name], intended) == _normal(intended, intended)


def _normal(value: object, intended: object) -> object:
    if isinstance(intended, _DateText):
        return parse_date(value if not isinstance(value, _DateText) else value.text)
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value]
    return value


class _DateText:
    """A date as it will be written: compared by meaning on read-back."""

    def __init__(self, text: str):
        self.text = text


class _Editor:
    """Shared logic: find the key's lines, then offer formatted replacements in order of preference."""

    key_pattern: re.Pattern[str]

    if TYPE_CHECKING:  # each editor defines these; declared here for the type checker only

        def load_value(self, text: str) -> object: ...
        def span_end(self, start: int, raw_value: str) -> int: ...
        def styles(self, span: Span | None, name: str, value: object) -> list[Style]: ...
        def format(self, name: str, value: object, style: Style, span: Span | None) -> list[str] | None: ...

    def __init__(self, header: Header, newline: str):
        self.header = header
        self.newline = newline
        self.lines = list(iter_lines(header.text))
        self.intended: object = None

    def candidates(self, name: str, value: object, remove: bool):
        span = self.find(name)
        if remove:
            if span is None:
                return [(self.lines, None)]
            return [(self.lines[: span.start] + self.lines[span.stop :], None)]
        styles = self.styles(span, name, value)
        results = []
        for style in styles:
            formatted = self.format(name, value, style, span)
            if formatted is None:
                continue
            if span is not None and len(formatted) == 1 and span.stop == span.start + 1:
                formatted[0] += self.comment(span, name)
            new_lines = [line + self.newline for line in formatted]
            if span is None:
                closing = len(self.lines) - 1
                results.append((self.lines[:closing] + new_lines + self.lines[closing:], self.intended))
            else:
                ending = self.lines[span.stop - 1][len(strip_eol(self.lines[span.stop - 1])) :]
                new_lines[-1] = formatted[-1] + (ending or self.newline)
                results.append(
                    (self.lines[: span.start] + new_lines + self.lines[span.stop :], self.intended)
                )
        return results

    def content_range(self) -> range:
        return range(1, len(self.lines) - 1)

    def find(self, name: str) -> Span | None:
        found = None
        for index in self.content_range():
            match = self.key_pattern.match(strip_eol(self.lines[index]))
            if match and self.unquote_key(match["key"]) == name:
                found = Span(index, self.span_end(index, match["value"]), match["prefix"], match["value"])
        return found

    def comment(self, span: Span, name: str) -> str:
        """A trailing ``# comment`` after the key's current value, kept on rewrite."""
        current = self.header.metadata.get(name)
        for match in re.finditer(r"[ \t]+#", span.value):
            try:
                if self.load_value(span.value[: match.start()]) == current:
                    return span.value[match.start() :]
            except ValueError:
                continue
        return ""

    def unquote_key(self, key: str) -> str:
        if key[:1] in "\"'":
            try:
                return str(yaml.load(key, Loader=_YamlLoader))
            except yaml.YAMLError:
                return key
        return key

    def prefix(self, name: str, span: Span | None, separator: str) -> str:
        if span is not None:
            return span.prefix if span.prefix[-1:] in " \t" else span.prefix + " "
        if not re.fullmatch(r"[A-Za-z_][\w-]*", name):
            key = quote_double(name)
        elif separator == ": ":  # a plain YAML key must read back as text ("off" is a boolean)
            key = yaml_scalar(name, "plain")
        else:
            key = name
        return f"{key}{separator}"

    def set_intended(self, value: object, text: str | None = None) -> None:
        self.intended = (
            _DateText(text) if text is not None else (list(value) if isinstance(value, tuple) else value)
        )


class _YamlEditor(_Editor):
    key_pattern = _YAML_KEY

    def load_value(self, text: str) -> object:
        try:
            return (yaml.load("k: " + text, Loader=_YamlLoader) or {}).get("k")
        except (yaml.YAMLError, AttributeError) as exc:
            raise ValueError(text) from exc

    def span_end(self, start: int, raw_value: str) -> int:
        stop = start + 1
        end = len(self.lines) - 1
        probe = stop
        block_list_ok = not raw_value.strip() or raw_value.strip().startswith("#")
        while probe < end:
            text = strip_eol(self.lines[probe])
            if text[:1] in (" ", "\t") and text.strip():
                stop = probe = probe + 1
            elif not text.strip():
                probe += 1
            elif block_list_ok and (text.startswith("- ") or text == "-"):
                stop = probe = probe + 1
            else:
                break
        return stop

    def styles(self, span: Span | None, name: str, value: object) -> list[Style]:
        if span is None:
            return [self.prevailing(value), Style("double")]
        raw = span.value.strip()
        continuation = [strip_eol(line) for line in self.lines[span.start + 1 : span.stop]]
        current = self.header.metadata.get(name)
        if (not raw or raw.startswith("#")) and any(line.lstrip().startswith("-") for line in continuation):
            return [Style("block-list"), Style("flow")]
        if raw.startswith("["):
            return [Style("flow", raw), Style("flow")]
        if raw[:1] in ("|", ">"):
            return [Style("block"), Style("double")]
        if isinstance(value, (list, tuple)) and isinstance(current, str):
            return [Style("joined", raw), Style("flow")]
        quote = {'"': "double", "'": "single"}.get(raw[:1], "plain")
        if isinstance(value, (date, datetime)):
            return [Style("date", quote=quote, example=unquote(raw))]
        return [Style(quote), Style("double")]

    def prevailing(self, value: object) -> Style:
        """The style of a new key, following the rest of the header."""
        values = []
        for index in self.content_range():
            match = _YAML_KEY.match(strip_eol(self.lines[index]))
            if match:
                values.append(match["value"].strip())
        if isinstance(value, (list, tuple)):
            flows = [raw for raw in values if raw.startswith("[")]
            return Style("flow", flows[0] if flows else "")
        strings = [v for v in values if v and v[0] not in "[{|>&*" and parse_date(unquote(v)) is None]
        quoted = sum(v.startswith('"') for v in strings)
        quote = "double" if quoted and quoted * 2 >= len(strings) else "plain"
        if isinstance(value, (date, datetime)):
            dates = [unquote(v) for v in values if parse_date(unquote(v)) is not None]
            return Style("date", quote="plain", example=dates[0] if dates else "")
        return Style(quote)

    def format(self, name: str, value: object, style: Style, span: Span | None) -> list[str] | None:
        prefix = self.prefix(name, span, ": ")
        kind, template = style.kind, style.template
        if isinstance(value, (list, tuple)):
            items = [str(item) for item in value]
            self.set_intended(items)
            if kind == "block-list":
                return [self.block_list_key(prefix, span)] + self.block_list(items, span)
            if kind == "joined":
                joined = _join_tags(items, unquote(template))
                if joined is None:
                    return None
                self.set_intended(joined)
                return [prefix + yaml_scalar(joined, quote_style(template))]
            return [prefix + flow_list(items, template, yaml_scalar)]
        if isinstance(value, (date, datetime)):
            quote, example = style.quote, style.example
            text = DateStyle.of(example).format(value)
            self.set_intended(value, text)
            return [prefix + (text if quote == "plain" else yaml_scalar(text, quote))]
        if value is None or isinstance(value, (bool, int, float)):
            self.set_intended(value)
            if value is None:
                literal = ""
            elif isinstance(value, bool):
                literal = "true" if value else "false"
            else:
                literal = repr(value)
            return [(prefix + literal).rstrip()]
        text = str(value)
        self.set_intended(text)
        if kind == "block":
            return [prefix + block_indicator(text)] + self.block_lines(text, span)
        return [prefix + yaml_scalar(text, kind)]

    def block_list_key(self, prefix: str, span: Span | None) -> str:
        """The key line of a block list: as it is when it is one already (its trailing spaces
        and ``# comment`` kept: an edit of the items touches only them), else the key alone."""
        if span is not None and (not span.value.strip() or span.value.strip().startswith("#")):
            return strip_eol(self.lines[span.start])
        return prefix.rstrip()

    def item_indent_and_quote(self, span: Span | None) -> tuple[str, str]:
        if span is not None:
            for line in self.lines[span.start + 1 : span.stop]:
                text = strip_eol(line)
                if text.lstrip().startswith("-"):
                    item = text.lstrip()[1:].strip()
                    return text[: len(text) - len(text.lstrip())], quote_style(item)
        return "  ", "plain"

    def block_list(self, items: list[str], span: Span | None) -> list[str]:
        indent, quote = self.item_indent_and_quote(span)
        return [f"{indent}- {yaml_scalar(item, quote, context='block-item')}" for item in items]

    def block_lines(self, text: str, span: Span | None) -> list[str]:
        indent = "  "
        if span is not None:
            for line in self.lines[span.start + 1 : span.stop]:
                stripped = strip_eol(line)
                if stripped.strip():
                    indent = stripped[: len(stripped) - len(stripped.lstrip())]
                    break
        body = text[:-1] if text.endswith("\n") else text
        return [indent + line if line else "" for line in body.split("\n")]


class _TomlEditor(_Editor):
    key_pattern = _TOML_KEY

    def load_value(self, text: str) -> object:
        import tomllib  # (only for TOML front matter)

        try:
            return tomllib.loads("k = " + text).get("k")
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(text) from exc

    def content_range(self) -> range:
        stop = len(self.lines) - 1
        for index in range(1, stop):
            if _TOML_TABLE.match(strip_eol(self.lines[index])):
                return range(1, index)
        return range(1, stop)

    def span_end(self, start: int, raw_value: str) -> int:
        value = raw_value.strip()
        stop = start + 1
        limit = self.content_range().stop
        if value.startswith("[") and _bracket_depth(value) > 0:
            depth = _bracket_depth(value)
            while stop < limit and depth > 0:
                depth += _bracket_depth(strip_eol(self.lines[stop]))
                stop += 1
        elif value[:3] in ('"""', "'''") and value.count(value[:3]) < 2:
            while stop < limit and value[:3] not in self.lines[stop]:
                stop += 1
            stop = min(stop + 1, limit)
        return stop

    def styles(self, span: Span | None, name: str, value: object) -> list[Style]:
        if span is None:
            return [Style("double")]
        raw = span.value.strip()
        if raw.startswith("["):
            return [Style("flow", raw), Style("flow")]
        if isinstance(value, (list, tuple)):
            return [Style("flow")]
        if isinstance(value, (date, datetime)):
            return [Style("date", quote="plain" if raw[:1] not in "\"'" else "double", example=unquote(raw))]
        single = raw.startswith("'") and not raw.startswith("'''")
        return [Style("single" if single else "double"), Style("double")]

    def insert_at(self) -> int:
        return self.content_range().stop

    def format(self, name: str, value: object, style: Style, span: Span | None) -> list[str]:
        prefix = self.prefix(name, span, " = ")
        kind, template = style.kind, style.template
        if isinstance(value, (list, tuple)):
            items = [str(item) for item in value]
            self.set_intended(items)
            return [prefix + flow_list(items, template, toml_string)]
        if isinstance(value, (date, datetime)):
            quote, example = style.quote, style.example
            date_style = DateStyle.of(example or "2000-01-01T00:00:00+00:00")
            if date_style.zone == "+HHMM":
                date_style = DateStyle(separator=date_style.separator, zone="+HH:MM")
            text = date_style.format(value)
            self.set_intended(value, text)
            return [prefix + (text if quote == "plain" else toml_string(text, "double"))]
        if isinstance(value, bool):
            self.set_intended(value)
            return [prefix + ("true" if value else "false")]
        if isinstance(value, (int, float)):
            self.set_intended(value)
            return [prefix + repr(value)]
        if value is None:
            raise FieldEditError(
                QT_TRANSLATE_NOOP("Core", "TOML has no empty value; remove the key instead.")
            )
        self.set_intended(str(value))
        return [prefix + toml_string(str(value), kind)]

    def candidates(self, name: str, value: object, remove: bool):
        if self.find(name) is None and not remove:
            # a new key goes after the last top-level key, before any [table]
            at = self.insert_at()
            results = []
            for style in self.styles(None, name, value):
                formatted = self.format(name, value, style, None)
                new_lines = [line + self.newline for line in formatted]
                results.append((self.lines[:at] + new_lines + self.lines[at:], self.intended))
            return results
        return super().candidates(name, value, remove)


def _bracket_depth(text: str) -> int:
    depth, quote = 0, ""
    for char in text:
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
    return depth


def _join_tags(items: list[str], template: str) -> str | None:
    separator = ", " if "," in template else " "
    if any((" " if separator == " " else ",") in item for item in items):
        return None
    return separator.join(items)
