"""Smart quotes as Hugo's and Jekyll's typographers curl them: each quote by the characters
around it in the source, not in pairs.

markdown-it's smartquotes pairs an opening quote with a closing one and leaves both straight when
the closing quote cannot close, as when a Korean particle follows it (``"인용"이라는``). goldmark
(Hugo) and kramdown (Jekyll) decide each quote alone: goldmark by the delimiter-run rules of
CommonMark on the characters before and after it, with a count of unclosed quotes per block
(``extension/typographer.go``); kramdown by a list of regular expressions from SmartyPants tried
from the character before the quote when that character is plain text
(``parser/kramdown/smart_quotes.rb``). Both are inline rules here, run where the quote is plain
text (code, raw HTML, link destinations and titles are read by their own rules first), and each
looks at a few characters on either side: linear in the text.
"""

from __future__ import annotations

import re
import unicodedata

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

from .platforms import wrap_rule

LSQUO, RSQUO, LDQUO, RDQUO = "\u2018", "\u2019", "\u201c", "\u201d"
_QUOTES = "\"'"
_AHEAD = 6  # source characters after a quote that either typographer looks at (at most 5)


def _punct(char: str) -> bool:
    """goldmark's ``util.IsPunctRune``: Unicode punctuation or symbol."""
    return unicodedata.category(char)[0] in "PS"


def _go_punct(char: str) -> bool:
    """Go's ``unicode.IsPunct``: Unicode punctuation only."""
    return unicodedata.category(char)[0] == "P"


def _space(char: str) -> bool:
    return char.isspace()


def _ascii_punct(byte: int) -> bool:
    """goldmark's ``util.IsPunct`` of one byte."""
    return 0x21 <= byte <= 0x2F or 0x3A <= byte <= 0x40 or 0x5B <= byte <= 0x60 or 0x7B <= byte <= 0x7E


def _ascii_space(byte: int) -> bool:
    return byte in b" \t\n\v\f\r"


def _append_pending(state: StateInline, text: str) -> None:
    """``text`` after the pending text: ``append_pending`` where markdown-it has it (linear;
    ``state.pending += text`` copies the paragraph's text so far at each run of quotes)."""
    append = getattr(state, "append_pending", None)
    if append is not None:
        append(text)
    else:
        state.pending += text


def _goldmark_quote(state: StateInline, silent: bool) -> bool:
    src, pos, end = state.src, state.pos, state.posMax
    if src[pos] not in _QUOTES:
        return False
    single, double = getattr(state, "_unclosed_quotes", (0, 0))  # one count a block (its inline state)
    out = []
    while pos < end and src[pos] in _QUOTES:  # quotes next to each other in one call: one append
        curled, single, double = _goldmark_one(state, pos, single, double)
        out.append(curled)
        pos += 1
    if not silent:  # (a silent look ahead, for a link's text, is followed by the real pass)
        _append_pending(state, "".join(out))
        setattr(state, "_unclosed_quotes", (single, double))
    state.pos = pos
    return True


def _goldmark_one(state: StateInline, pos: int, single: int, double: int) -> tuple[str, int, int]:
    """The quote at ``pos`` as goldmark writes it (curled, or as it is) and the counts of single
    and double quotes left open after it."""
    src = state.src
    quote = src[pos]
    before = src[pos - 1] if pos > 0 else "\n"
    text = src[pos : pos + _AHEAD]  # (past posMax too: goldmark reads the line, not a link's text)
    cut = text.find("\n")
    text = text if cut < 0 else text[: cut + 1]  # the rest of the line, its newline with it
    line = text.encode("utf-8")  # goldmark looks at bytes here and there
    right_after = text[1:2]
    # Hugo's goldmark reads a run of the same quote as one delimiter (its flanking is read from
    # the characters around the whole run); the run's end is kept, so a run is scanned once
    run_start, run_end, run_max = getattr(state, "_quote_run", (0, -1, 0))
    if not run_start <= pos < run_end or run_max != state.posMax:
        run_start, run_end = pos, pos + 1
        while run_end < state.posMax and src[run_end] == quote:
            run_end += 1
        setattr(state, "_quote_run", (run_start, run_end, state.posMax))
    after = src[run_end] if run_end < len(src) and src[run_end] != "\n" else " "
    left = not _space(after) and (not _punct(after) or _space(before) or _punct(before))
    right = not _space(before) and (not _punct(before) or _space(after) or _punct(after))
    replacement = None
    if quote == "'":
        if left and not right and len(line) > 3 and line[1:3].isdigit() and line[3:4] == b"s":
            if len(line) == 4 or _space(text[4:5] or " ") or _punct(text[4:5] or " "):
                replacement = RSQUO  # '90s
        if (
            replacement is None
            and (_go_punct(before) or _space(before))
            and line[1:2] in (b"t", b"e", b"n", b"l")
        ):
            replacement = RSQUO  # 'twas, 'em, 'net
        if (
            replacement is None
            and len(line) > 1
            and (before.isdigit() or before.isalpha())
            and right_after.isalpha()
        ):
            replacement = RSQUO  # an apostrophe between two letters
        if replacement is None and left and not right:
            replacement = LSQUO
            if line[1:2] in (b"s", b"m", b"t", b"d") and (
                len(line) < 3 or _ascii_punct(line[2]) or _ascii_space(line[2])
            ):
                replacement = RSQUO  # Alice's, I'm, don't, you'd
            if line[1:3] in (b"ve", b"ll", b"re") and (
                len(line) < 4 or _ascii_punct(line[3]) or _ascii_space(line[3])
            ):
                replacement = RSQUO  # I've, I'll, you're
            if replacement == LSQUO:
                single += 1
        if replacement is None and len(line) > 2 and not right_after.isdigit():
            replacement = RSQUO  # Smiths', doin' (goldmark's test reads so: any quote here)
        if replacement is None and single > 0 and _closes(left, right, text, line):
            replacement, single = RSQUO, single - 1
    else:
        if left and not right:
            replacement, double = LDQUO, double + 1
        elif double > 0 and _closes(left, right, text, line):
            if not (right_after == '"' and before.isdigit()):  # "Monitor 21""
                replacement, double = RDQUO, double - 1
    return replacement or quote, single, double


def _closes(left: bool, right: bool, text: str, line: bytes) -> bool:
    """goldmark's closing test: a right-flanking quote, or one flanking both ways followed by
    punctuation and then punctuation, a space or the line's end."""
    if right and not left:
        return True
    return (
        right
        and left
        and len(text) > 1
        and _go_punct(text[1])
        and (len(line) == 2 or (len(line) > 2 and _ascii_punct(line[2])) or _ascii_space(line[2]))
    )


# kramdown's rules, in its order; Ruby's \w, \s and \d are ASCII, its \b Unicode (as Python's).
# What each gives: a group's text as written (a number), a quote curled as the one in group 1 or
# 2 opens or closes ("open1", "close2"), or a character
_W, _S, _NS, _D = "[A-Za-z0-9_]", r"[ \t\r\n\f\v]", r"[^ \t\r\n\f\v]", "[0-9]"
_SQ_PUNCT = r"""[!"#$%'()*+,\-./:;<=>?@\[\\\]^_`{|}~]"""
_SQ_CLOSE = r"[^ \\\t\r\n\[{(-]"
_KRAMDOWN_RULES: list[tuple[re.Pattern[str], tuple[int | str, ...]]] = [
    (re.compile(rf"([\"'])(?=[_*]{{1,2}}{_NS})"), ("open1",)),
    (re.compile(rf"([\"'])(?={_SQ_PUNCT}(?!\.\.)\B)"), ("close1",)),
    (re.compile(rf"({_S}?)\"'(?={_W})"), (1, LDQUO, LSQUO)),
    (re.compile(rf"({_S}?)'\"(?={_W})"), (1, LSQUO, LDQUO)),
    (re.compile(rf"({_S}?)'(?={_D}{_D}s)"), (1, RSQUO)),
    (re.compile(rf"({_S})([\"'])(?={_W})"), (1, "open2")),
    (re.compile(rf"({_SQ_CLOSE})([\"'])"), (1, "close2")),
    (re.compile(rf"([\"'])(?={_S}|s\b|$)", re.MULTILINE), ("close1",)),
    (re.compile(r"(.?)'", re.DOTALL), (1, LSQUO)),
    (re.compile(r"(.?)\"", re.DOTALL), (1, LDQUO)),
]
_CURLED = {("open", "'"): LSQUO, ("open", '"'): LDQUO, ("close", "'"): RSQUO, ("close", '"'): RDQUO}


def _kramdown_quote(state: StateInline, silent: bool) -> bool:
    src, pos = state.src, state.pos
    if src[pos] not in _QUOTES or state.env.get("_in_alt_text"):
        return False
    start = pos - 1 if _after_plain_text(state) else pos
    out: list[str] = []
    while pos < state.posMax and src[pos] in _QUOTES:  # quotes next to each other: one append
        # (the rules look past a link's text to the line after it, as kramdown does, but take
        # no character beyond it)
        taken: list[str] = []
        end = _kramdown_one(src, start, pos, taken)
        if end is None or end > state.posMax:
            break
        out += taken
        start = pos = end  # (after a quote curled its rules start at the next quote)
    if not out:
        return False
    if not silent:
        _append_pending(state, "".join(out))
    state.pos = pos
    setattr(state, "_quote_end", pos)
    return True


def _kramdown_one(src: str, start: int, pos: int, out: list[str]) -> int | None:
    """The first of kramdown's rules that matches from ``start`` (the quote at ``pos`` or the
    character before it) written to ``out``; where it ends, or None when none matched."""
    for rule, gives in _KRAMDOWN_RULES:
        found = rule.match(src, start, pos + _AHEAD)
        if found is None or found.end() <= pos:
            continue
        for give in gives:
            if isinstance(give, int):
                if found.start(give) >= pos:  # (the character before is in the text already)
                    out.append(found.group(give))
            elif give[-1].isdigit():
                out.append(_CURLED[give[:-1], found.group(int(give[-1]))])
            else:
                out.append(give)
        return found.end()
    return None


def _after_plain_text(state: StateInline) -> bool:
    r"""Whether kramdown's scan of plain text stops at the character before the quote, and so tries
    its rules from there: when that character is plain text (not part of an element such as an
    emphasis mark, a link, a line break or a quote curled just before) and no parser kramdown tries
    before its quotes starts at it (emphasis ``*`` ``_``, code ``\```, a link's ``[``), nor is it
    a backslash. The newline of a soft break and the spaces after a hard one are plain text."""
    pos = state.pos
    if pos == 0 or getattr(state, "_quote_end", -1) == pos or state.src[pos - 1] in "*_`[\\":
        return False
    if state.pending:
        return True
    last = state.tokens[-1].type if state.tokens else ""
    if last == "text":  # a ~ of a strike-through's marks that closed nothing: kramdown's text
        return state.src[pos - 1] == "~" and not _strike_marks(state, pos)
    return last == "softbreak" or (last == "hardbreak" and state.src[pos - 1] in " \t")


def _strike_marks(state: StateInline, pos: int) -> bool:
    """Whether the ``~~`` just before ``pos`` are a strike-through's marks that pair (an opening
    with a ``~~`` later in the paragraph, a closing with one open before): an element to
    kramdown, after which its quote rules start at the quote (``~~"a"~~``: “a”)."""
    marks = [mark for mark in state.delimiters if mark.marker == 0x7E]
    if not marks or marks[-1].token != len(state.tokens) - 1:
        return False
    mark = marks[-1]
    opens = mark.open and state.src.find("~~", pos, state.posMax) >= 0
    return opens or (mark.close and any(earlier.open for earlier in marks[:-1]))


def _not_in_alt_text(rule):
    """markdown-it's image rule, with kramdown's quotes left alone in the alt text it reads
    (kramdown writes an image's alt text as it is: ``![al"t"](u)``)."""

    def image(state: StateInline, silent: bool) -> bool:
        state.env["_in_alt_text"] = state.env.get("_in_alt_text", 0) + 1
        try:
            return rule(state, silent)
        finally:
            state.env["_in_alt_text"] -= 1

    return image


def goldmark_quotes_plugin(md: MarkdownIt) -> None:
    """Hugo's quotes (goldmark's typographer) in place of markdown-it's pairs."""
    md.disable("smartquotes", ignoreInvalid=True)
    md.inline.ruler.before("text", "goldmark_quotes", _goldmark_quote)
    for quote in _QUOTES:
        md.inline.add_terminator_char(quote)


def kramdown_quotes_plugin(md: MarkdownIt) -> None:
    """Jekyll's quotes (kramdown's smart quotes) in place of markdown-it's pairs."""
    md.disable("smartquotes", ignoreInvalid=True)
    md.inline.ruler.before("text", "kramdown_quotes", _kramdown_quote)
    wrap_rule(md.inline.ruler, "image", _not_in_alt_text)
    for quote in _QUOTES:
        md.inline.add_terminator_char(quote)
