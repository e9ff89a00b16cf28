"""The fields the search index stores of a post, read without building a :class:`.Post` when
the file is simple: plain UTF-8 (no byte order mark, no NUL, no carriage return) with a YAML
header of ``key: value`` lines whose values are one-line quoted strings, plain words or dates,
or flow lists of them (``tags: [일상, "개발"]``), as velog, Jekyll and Hugo write them.

Such a header is read here with PyYAML's own resolver and constructors (a plain ``2021`` is a
number, ``2021-10-01`` a date, ``yes`` true: exactly what the YAML loader makes of it), and
the title, date, tags and description follow from it as :class:`.Post` derives them. Any other
file (a block list, a comment, an escape, a header YAML would refuse or that
:class:`.Post` salvages) gives None here and is read by :func:`.load_post`; the tests compare
both ways on every kind of post the project knows.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from .dates import date_from_path, parse_date
from .scan import first_heading
from .tags import merged_tags

if TYPE_CHECKING:
    from .post import Post  # read by searchbuild only for a header the quick reader leaves

MAX_QUICK_HEADER = 16 * 1024  # characters; far below every limit the YAML loader is held to
_OPENING = "---\n"
_CLOSING = re.compile(r"\n(---[ \t]*(?:\n|\Z))")
_KEY = re.compile(r"([A-Za-z][A-Za-z0-9_]{0,63}): (.*)")
# one-line scalars whose text is what they say: no escapes, no indicator that YAML reads
_QUOTED = re.compile(r'"([^"\\]*)"|\'([^\']*)\'')
_PLAIN = re.compile(r"[0-9A-Za-z\uac00-\ud7a3](?:[0-9A-Za-z\uac00-\ud7a3._+-]| (?=[^ ])|:(?=[^ ]))*")
_FLOW_PLAIN = re.compile(r"[0-9A-Za-z\uac00-\ud7a3](?:[0-9A-Za-z\uac00-\ud7a3._+-]| (?=[^ ]))*")
# what YAML reads as text anywhere: printable, no byte order mark, nothing C1 or special
# (and no line break but "\n": YAML also breaks lines at U+0085, U+2028 and U+2029)
_UNSAFE = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_STR = "tag:yaml.org,2002:str"


@dataclass(frozen=True)
class Simple:
    """A simple post file as YAML and :class:`.Post` read it."""

    metadata: dict
    body: str
    start: int  # the file line the body begins on


@dataclass(frozen=True)
class Fields:
    """What the index stores of a post's file (besides its path and stamp)."""

    title: str
    description: str
    tags: list[str]
    date: datetime
    body: str
    start: int  # the file line the body begins on


def post_fields(post: Post) -> Fields:
    """The fields of a post read by :func:`.load_post`."""
    return Fields(post.title, post.description, post.tags, post.date, post.body, post.body_start_line)


def simple_post(data: bytes) -> Simple | None:
    """The header values, body and body line of the file ``data`` as :func:`.load_post` reads
    them; None when the file is not simple enough (see the module's description), or when a
    value cannot be made (a date such as ``2021-13-45``: load_post says what is wrong)."""
    if not data.startswith(b"---\n") or b"\r" in data or b"\x00" in data[:8192]:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    closing = _CLOSING.search(text, len(_OPENING) - 1)
    if closing is None or closing.start(1) > len(_OPENING) + MAX_QUICK_HEADER:
        return None
    try:
        metadata = _mapping(text[len(_OPENING) : closing.start(1)])
    except (ValueError, OverflowError):
        return None
    if metadata is None:
        return None
    end = closing.end(1)
    return Simple(metadata, text[end:], text.count("\n", 0, end) + 1)


def simple_fields(simple: Simple, path: str, mtime: float) -> Fields:
    """The fields of a simple post read from ``path`` (modified at ``mtime``): the same as
    :func:`post_fields` of :func:`.load_post`."""
    metadata = simple.metadata
    return Fields(
        _title(metadata, simple.body, path),
        _description(metadata),
        merged_tags(lambda name: _field(metadata, name)),
        _date(metadata, path, mtime),
        simple.body,
        simple.start,
    )


def _mapping(content: str) -> dict | None:
    """The header's values when every line is a simple ``key: value``, else None."""
    if _UNSAFE.search(content) or not content.endswith("\n"):
        return None
    found: dict = {}
    for line in content[:-1].split("\n"):
        match = _KEY.fullmatch(line)
        if match is None:
            if line:  # a blank line between keys is nothing to YAML
                return None
            continue
        key, value = match.groups()
        if key in found or _tag(key) != _STR:
            return None
        parsed = _value(value)
        if parsed is None:
            return None
        found[key] = parsed[0]
    return found or None


def _value(text: str) -> tuple[object] | None:
    """(the value) of a simple value's text, or None when it is not simple."""
    if not text:  # "tags: " with nothing after it: YAML's null
        return (None,)
    if text.startswith("[") and text.endswith("]"):
        inner = text[1:-1].strip(" ")
        if not inner:
            return ([],)
        items = []
        for item in inner.split(","):
            parsed = _scalar(item.strip(" "), _FLOW_PLAIN)
            if parsed is None:
                return None
            items.append(parsed[0])
        return (items,)
    return _scalar(text, _PLAIN)


def _scalar(text: str, plain: re.Pattern[str]) -> tuple[object] | None:
    quoted = _QUOTED.fullmatch(text)
    if quoted is not None:
        return (quoted.group(1) if quoted.group(1) is not None else quoted.group(2),)
    if plain.fullmatch(text) is None:
        return None
    return _plain(text)


@functools.lru_cache(maxsize=4096)  # tags and keys come again and again
def _plain(text: str) -> tuple[object] | None:
    """(the value) of a plain scalar, or None when YAML's loader has no constructor for its tag;
    every such value (text, number, date, true, null) is immutable, so one may be shared."""
    tag = _tag(text)
    # the loader's own constructor of the tag (for a scalar it keeps no state: thread-safe)
    construct = _CONSTRUCTOR.yaml_constructors.get(tag)
    return None if construct is None else (construct(_CONSTRUCTOR, yaml.ScalarNode(tag, text)),)


@functools.lru_cache(maxsize=256)
def _tag(text: str) -> str:
    """The tag YAML's resolver gives the plain scalar ``text`` (it depends on the text alone)."""
    return _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))


def _field(metadata: dict, name: str) -> object:
    """:meth:`.Post._field` of a header that was read (nothing is salvaged)."""
    value = metadata.get(name)
    return None if value in (None, "", []) else value


def _is_scalar(value: object) -> bool:
    return value is not None and not isinstance(value, (list, tuple, dict, set))


def _title(metadata: dict, body: str, path: str) -> str:
    value = _field(metadata, "title")
    if _is_scalar(value):
        return str(value).strip()
    return first_heading(body) or Path(path).stem


def _description(metadata: dict) -> str:
    value = _field(metadata, "description")
    if value is None:
        value = _field(metadata, "summary")
    return html.unescape(str(value)).strip() if _is_scalar(value) else ""


def _date(metadata: dict, path: str, mtime: float) -> datetime:
    value = parse_date(_field(metadata, "date"))
    if value is None:
        value = date_from_path(Path(path).parts)
    if value is None:
        value = datetime.fromtimestamp(mtime).astimezone()
    return value
