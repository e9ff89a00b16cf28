"""Template tags in posts, shown as what they are: Hugo shortcodes and Jekyll's Liquid.

The site generator replaces these before markdown sees them; the preview cannot run them, so
each is a visible, labelled block or span with its full text (nothing disappears), and the
tags that only wrap code (Hugo's ``highlight`` shortcode, Liquid's ``{% highlight x %}``) are
rendered as the code they hold. Hugo's ``figure`` and ``youtube`` shortcodes become cards.
A tag inside a link's or image's destination (``[a]({{< ref "b" >}})``, ``![x]({{ site.url }}/x.png)``)
leaves a link or an image, as the site shows it once the tag is replaced: its spaces do not end
the destination, and the tag's text stays in the address.
"""

from __future__ import annotations

import html
import re
import shlex
from bisect import bisect_right

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline

from .blockrules import underline_level
from .cards import code_lines, embed_card
from .platforms import wrap_rule

SHORTCODES = {"{{<": ">}}", "{{%": "%}}"}
LIQUID = {"{%": "%}", "{{": "}}"}
# the closing tag may end the code's last line
_HUGO_CLOSE = re.compile(r"^.*?\{\{[<%][ \t]*/[ \t]*highlight[ \t]*[>%]\}\}[ \t]*$", re.MULTILINE)
_HUGO_INLINE_OPEN = re.compile(r"\{\{[<%][ \t]*highlight[ \t]")
_HUGO_INLINE_CLOSE = re.compile(r"\{\{[<%][ \t]*/[ \t]*highlight[ \t]*[>%]\}\}")
_LIQUID_LINE = re.compile(r"\{%-?[ \t]*(\w+)(.*?)-?%\}[ \t]*$")
# the line that closes a highlight (Liquid reads tags anywhere: code may end on it, text go on)
_ENDHIGHLIGHT = re.compile(r"^.*?\{%-?[ \t]*endhighlight[ \t]*-?%\}", re.MULTILINE)


def _next(state, start: int, key, find) -> int:
    """``find(start)``: where the next closing begins, or -1. Remembered per render, so that a
    post full of openers that never close is searched once, not once per opener (that was
    minutes for 200 KB of ``{{ a``). Kept per text searched: a link rule given a destination's
    masked copy of the text searches that copy while the rules around it search the text (one
    memo for both was searched again at each turn: ``[`` x 30,000 before ``](x {{ y }})``)."""
    memo = state.env.setdefault("template_closings", {})
    src = state.src
    place = (key, id(src))
    known = memo.get(place)
    if known is not None and known[0] is src and known[1] <= start and (known[2] == -1 or known[2] >= start):
        return known[2]
    found = find(start)
    memo[place] = (src, start, found)
    return found


def _tag_end(state, start: int, table: dict[str, str], limit: int) -> int:
    """The end of the template tag opening at ``start`` (before ``limit``), or -1."""
    opener = next((mark for mark in table if state.src.startswith(mark, start)), None)
    if opener is None:
        return -1
    closer = table[opener]
    close = _next(state, start + len(opener), closer, lambda at: state.src.find(closer, at))
    return close + len(closer) if 0 <= close and close + len(closer) <= limit else -1


def _closing_line(state: StateBlock, after: int, end: int, pattern: re.Pattern) -> int:
    """The first line after line ``after`` (before ``end``) that ``pattern`` matches, or -1."""
    begin = state.bMarks[after + 1] if after + 1 < end else len(state.src)
    found = _next(
        state,
        begin,
        pattern.pattern,
        lambda at: next((m.start() for m in [pattern.search(state.src, at)] if m), -1),
    )
    if found < 0:
        return -1
    line = after + 1 + state.src.count("\n", begin, found)
    return line if line < end else -1


_SHORTCODE_TAG = re.compile(r"\{\{([<%])[ \t\r\n]*(/\*)?[ \t\r\n]*(/)?[ \t\r\n]*([\w./-]*)")


def shortcode_ordinals(src: str) -> dict[int, list[tuple[int, str]]]:
    """Hugo's ordinal of each top-level shortcode in ``src``, by the line
    it opens on: {line: [(ordinal, "<" or "%"), ...]} in order. Hugo puts a placeholder with that
    ordinal where a shortcode stands before markdown reads the page, so a heading's id holds it.
    Counted as Hugo's lexer does: ``{{</* */>}}`` comments and closing tags are none, and the
    shortcodes inside a paired one (closed later by ``{{< /name >}}``) are its own, not the page's.
    One pass (each closing found once: a post of unclosed openers is not read again per opener)."""
    closing: dict[str, int] = {}  # a name -> where its last closing tag opens
    tags = []
    for found in _SHORTCODE_TAG.finditer(src):
        if found.group(3) and not found.group(2):
            closing[found.group(4)] = found.start()
        tags.append(found)
    last = {"<": src.rfind(">}}"), "%": src.rfind("%}}")}
    after: dict[str, int] = {}  # a closer -> where it was last found
    ordinals: dict[int, list[tuple[int, str]]] = {}
    stack: list[str] = []
    open_names: dict[str, int] = {}  # how many of each name the stack holds (no search of it)
    skip_to, line, counted_to, ordinal = 0, 0, 0, 0
    for found in tags:
        start, kind, name = found.start(), found.group(1), found.group(4)
        closer = ">}}" if kind == "<" else "%}}"
        if start < skip_to or last[kind] < found.end():
            continue  # in a comment, or never closed: text
        if found.group(2):  # a comment: to its "*/" and closer
            end = src.find("*/" + closer, found.end())
            skip_to = end + 2 + len(closer) if end >= 0 else len(src)
            continue
        if found.group(3):  # a closing tag
            if open_names.get(name):
                while stack:
                    left = stack.pop()
                    open_names[left] -= 1
                    if left == name:
                        break
            continue
        end = after.get(closer, -1)
        if end < found.end():
            end = after[closer] = src.find(closer, found.end())
        if not stack:
            line += src.count("\n", counted_to, start)
            counted_to = start
            ordinals.setdefault(line, []).append((ordinal, kind))
            ordinal += 1
        if src[end - 1] != "/" and closing.get(name, -1) > start:
            stack.append(name)  # paired: what comes before its closing is inside it
            open_names[name] = open_names.get(name, 0) + 1
    return ordinals


def _words(text: str) -> list[str]:
    try:
        return shlex.split(text)
    except ValueError:  # an unclosed quote
        return text.split()


def _parameters(text: str) -> tuple[str, list[str], dict[str, str]]:
    return _parameters_of(_words(text.strip()))


def _parameters_of(words: list[str]) -> tuple[str, list[str], dict[str, str]]:
    name = words[0] if words else ""
    positional = [word for word in words[1:] if "=" not in word]
    named = dict(word.split("=", 1) for word in words[1:] if "=" in word)
    return name, positional, named


def _line(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _push_code(state: StateBlock, start: int, end: int, language: str, code: str) -> None:
    token = state.push("fence", "code", 0)
    token.info, token.content, token.markup = language, code, "```"
    token.map = [start, end]


def _hugo_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    begin = state.bMarks[start] + state.tShift[start]
    if not state.src.startswith(("{{<", "{{%"), begin):
        return False
    finish = _tag_end(state, begin, SHORTCODES, len(state.src))
    if finish < 0:
        return False
    last = start + state.src.count("\n", begin, finish)
    if last >= end or state.src[finish : state.eMarks[last]].strip():
        return False  # text after the shortcode: an inline shortcode in a paragraph
    if silent:
        return True
    source = state.src[begin:finish]
    words = _words(source[3:-3].strip())
    name, positional, named = _parameters_of(words)
    if name == "highlight":
        line = _closing_line(state, last, end, _HUGO_CLOSE)
        if line >= 0:
            code = state.src[state.bMarks[last + 1] : state.bMarks[line]] if line > last + 1 else ""
            tail = state.src[state.bMarks[line] : state.src.rindex("{{", 0, state.eMarks[line])]
            code += tail + "\n" if tail.strip() else ""
            heading = underline_level(state, line + 1, end)
            _open_heading(state, heading, start, line + 2)
            _push_code(state, start, line + 1, positional[0] if positional else "", code)
            state.tokens[-1].meta["code_lines"] = code_lines(" ".join(words[2:]))
            _close_heading(state, heading)
            state.line = line + 1 + bool(heading)
            return True
    heading = underline_level(state, last + 1, end)
    _open_heading(state, heading, start, last + 2)
    token = state.push("hugo_shortcode", "div", 0)
    token.map, token.content, token.block = [start, last + 1], source, True
    token.meta = {"name": name, "positional": positional, "named": named}
    _close_heading(state, heading)
    state.line = last + 1 + bool(heading)
    if heading:
        return True
    paired = name and not name.startswith("/") and not source[:-3].rstrip().endswith("/")
    if state.blkIndent > 0 and source.startswith("{{<") and paired:
        _inner_in_item(state, last, end, name)
    return True


def _open_heading(state: StateBlock, level: int, start: int, stop: int) -> None:
    """A heading around the shortcode about to be pushed, when the line under it is a setext
    underline (``level`` 1 or 2; 0: none): on a Hugo site a shortcode is a placeholder line of
    text by then, so a ``---`` right under it makes a heading of it, its output inside."""
    if level:
        state.push("heading_open", f"h{level}", 1).map = [start, stop]


def _close_heading(state: StateBlock, level: int) -> None:
    if level:
        state.push("heading_close", f"h{level}", -1)


def _inner_in_item(state: StateBlock, opener: int, end: int, name: str) -> None:
    """A paired ``{{< name >}}`` opened in a list item holds everything up to its closing tag,
    however indented: Hugo puts the shortcode's output where it opens, so the item (and the
    list) goes on after the closing tag. The lines between are read as markdown there."""
    closing = re.compile(r"^[ \t]*\{\{<[ \t]*/[ \t]*" + re.escape(name) + r"[ \t]*>\}\}[ \t]*$", re.MULTILINE)
    line = _closing_line(state, opener, end, closing)
    if line < 0:
        return
    indent, state.blkIndent = state.blkIndent, 0
    try:
        state.md.block.tokenize(state, opener + 1, line)
    finally:
        state.blkIndent = indent
    begin = state.bMarks[line] + state.tShift[line]
    token = state.push("hugo_shortcode", "div", 0)
    token.map, token.content, token.block = [line, line + 1], state.src[begin : state.eMarks[line]], True
    token.meta = {"name": "/" + name, "positional": [], "named": {}}
    state.line = line + 1


def _render_shortcode(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    name, positional, named = token.meta["name"], token.meta["positional"], token.meta["named"]
    attributes = self.renderAttrs(token)
    label = f'<code class="shortcode-source">{html.escape(token.content)}</code>'
    if name == "figure" and named.get("src"):
        caption = named.get("caption") or named.get("title") or ""
        return (
            f'<figure class="shortcode shortcode-figure"{attributes}>'
            f'<img src="{html.escape(named["src"])}" alt="{html.escape(named.get("alt", ""))}">'
            f"<figcaption>{html.escape(caption)} {label}</figcaption></figure>\n"
        )
    if name in ("youtube", "vimeo") and (named.get("id") or positional):
        card = embed_card(name, named.get("id") or positional[0])
        return f'<div class="shortcode shortcode-{name}"{attributes}>{card} {label}</div>\n'
    return (
        f'<div class="shortcode"{attributes}><span class="shortcode-label">Hugo shortcode'
        f"</span> {label}</div>\n"
    )


def _inline_tag(table: dict[str, str], css: str, label: str):
    def rule(state: StateInline, silent: bool) -> bool:
        if state.src[state.pos] != "{" or state.src[state.pos + 1 : state.pos + 2] not in ("{", "%"):
            return False
        finish = _tag_end(state, state.pos, table, state.posMax)
        if finish < 0:
            return False
        if not silent:
            token = state.push("html_inline", "", 0)
            token.content = (
                f'<span class="{css}" title="{label}"><code>'
                f"{html.escape(state.src[state.pos : finish])}</code></span>"
            )
            token.meta["template_tag"] = state.src[state.pos + 2]  # "<", "%" or "{": a heading's id
        state.pos = finish
        return True

    return rule


def _inline_highlight(state: StateInline, silent: bool) -> bool:
    """``{{< highlight x >}}code{{< /highlight >}}`` inside a line (a table cell's, say): Hugo
    puts the code block there, so the preview does too (a fence token, rendered as one)."""
    if state.src[state.pos] != "{" or not _HUGO_INLINE_OPEN.match(state.src, state.pos):
        return False
    finish = _tag_end(state, state.pos, SHORTCODES, state.posMax)
    if finish < 0:
        return False
    close = _next(
        state,
        finish,
        _HUGO_INLINE_CLOSE.pattern,
        lambda at: next((m.start() for m in [_HUGO_INLINE_CLOSE.search(state.src, at)] if m), -1),
    )
    closing = _HUGO_INLINE_CLOSE.match(state.src, close, state.posMax) if close >= 0 else None
    if closing is None:
        return False
    if not silent:
        _, positional, _ = _parameters(state.src[state.pos + 3 : finish - 3])
        code = state.src[finish:close].removeprefix("\n")  # (the opening tag's line break)
        token = state.push("fence", "code", 0)
        token.info, token.markup = positional[0] if positional else "", "```"
        token.content = code if code.endswith("\n") else code + "\n"
    state.pos = closing.end()
    return True


# stands in for a space inside a template tag while a link's destination is read (one character
# for one, so positions hold): a destination may not hold a space, the address the tag becomes
# does not
_SPACE_IN_TAG = "\u2063"
_SPACE_ENCODED = "%E2%81%A3"


_DESTINATION_STOP = re.compile(r"[)\n{]")


def _stop_at(src: str, start: int, limit: int) -> int:
    found = _DESTINATION_STOP.search(src, start, limit)
    return -1 if found is None else found.start()


def _destination_tags(table: dict[str, str], rule):
    """``rule`` (markdown-it's link or image rule) reading the template tags in a destination as
    the addresses they become."""

    def wrapped(state: StateInline, silent: bool) -> bool:
        src, start = state.src, state.pos
        # remembered per render, as _next does: a line of many "[" before one "](" is read once
        opening = _next(state, start, "](", lambda at: src.find("](", at))
        if opening < 0 or opening >= state.posMax:
            return rule(state, silent)
        memo = state.env.setdefault("template_destinations", {})
        key = (id(src), opening, state.posMax)
        known = memo.get(key)
        if known is None or known[0] is not src:  # (an id can be a freed string's again)
            parts, index, limit = [], opening + 2, state.posMax
            while True:  # the destination's end or its next "{" (remembered: [a](b[a](b… is read once)
                index = _next(state, index, ("destination", limit), lambda at: _stop_at(src, at, limit))
                if index < 0 or src[index] != "{":
                    break
                finish = _tag_end(state, index, table, limit)
                if finish < 0:
                    index += 1
                    continue
                parts.append((index, finish))
                index = finish
            masked = None
            if parts:  # made once per destination, not at each position tried before it
                chars = list(src)
                for begin, finish in parts:
                    chars[begin:finish] = [_SPACE_IN_TAG if c in " \t" else c for c in src[begin:finish]]
                masked = "".join(chars)
            memo[key] = known = (src, masked)
        masked = known[1]
        if masked is None:
            return rule(state, silent)
        first = len(state.tokens)
        state.src = masked
        try:
            found = rule(state, silent)
        finally:
            state.src = src
        for token in state.tokens[first:]:
            for name in ("href", "src"):
                value = token.attrGet(name)
                if isinstance(value, str) and (_SPACE_IN_TAG in value or _SPACE_ENCODED in value):
                    token.attrSet(name, value.replace(_SPACE_ENCODED, "%20").replace(_SPACE_IN_TAG, " "))
        return found

    return wrapped


def _tags_in_destinations(md: MarkdownIt, table: dict[str, str]) -> None:
    for name in ("link", "image"):
        wrap_rule(md.inline.ruler, name, lambda rule: _destination_tags(table, rule))


_OPENERS = re.compile(r"\{\{[<%]")


def _hugo_fold(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Once per parse: the lines after the first of a shortcode tag written over several lines
    (``{{< figure`` … ``>}}``) go on with the block that line is in, whatever they start
    with, as on a Hugo site, where the tag is a one-line placeholder by the time goldmark
    reads the text (a ``>}}`` line is no quote; a ``---`` under it makes the paragraph a
    heading). Marked as lines too indented to start a block. Finds nothing itself."""
    if state.__dict__.get("_hugo_folded"):
        return False
    state.__dict__["_hugo_folded"] = True  # (before the search: a post without "{{" is searched once)
    if "{{" not in state.src:
        return False
    src, lines = state.src, state.bMarks
    done: dict[str, int] = {}  # a closer -> where it was last found (-1: none further on)
    at = 0
    while (opener := _OPENERS.search(src, at)) is not None:
        closer = SHORTCODES[opener.group()]
        close = done.get(closer, 0)
        if 0 <= close < opener.end():
            close = done[closer] = src.find(closer, opener.end())
        if close < 0:
            at = opener.end()
            continue
        inside = src[opener.end() : close]
        if "\n" in inside and not _BLANK_LINE.search(inside):  # (a blank line ends any block)
            first = bisect_right(lines, opener.start()) - 1
            last = bisect_right(lines, close) - 1
            for line in range(first + 1, min(last, state.lineMax - 1) + 1):
                state.sCount[line] += _FOLDED
        at = close + len(closer)
    return False


_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_FOLDED = 1 << 20  # (more indented than any block may start)


def _fence_line_options(state: StateCore) -> None:
    """A fence's ``{linenos=table hl_lines=[2]}`` after its language (goldmark's attributes),
    for the renderer, as a highlight's options are (``_hugo_block``)."""
    for token in state.tokens:
        if token.type == "fence" and "{" in token.info and "code_lines" not in token.meta:
            token.meta["code_lines"] = code_lines(token.info[token.info.index("{") :])


def hugo_plugin(md: MarkdownIt) -> None:
    """Hugo's shortcodes as labelled blocks and spans, ``highlight`` as code."""
    md.block.ruler.before("table", "hugo_fold", _hugo_fold)
    md.block.ruler.before("fence", "hugo_shortcode", _hugo_block, {"alt": ["reference"]})
    md.core.ruler.after("block", "hugo_fence_lines", _fence_line_options)
    md.add_render_rule("hugo_shortcode", _render_shortcode)
    md.inline.ruler.before("text", "hugo_highlight", _inline_highlight)
    md.inline.ruler.before("text", "hugo_inline", _inline_tag(SHORTCODES, "shortcode", "Hugo shortcode"))
    _tags_in_destinations(md, SHORTCODES)


def _liquid_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if not state.src.startswith("{%", state.bMarks[start] + state.tShift[start]):
        return False  # (a Liquid tag's line starts with one)
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    text = _line(state, start)
    found = _LIQUID_LINE.match(text)
    if found is None:
        return False
    if silent:
        return True
    tag, rest = found.group(1), found.group(2)
    if tag == "highlight":
        line = _closing_line(state, start, end, _ENDHIGHLIGHT)
        if line >= 0:
            code = state.src[state.bMarks[start + 1] : state.bMarks[line]] if line > start + 1 else ""
            closing = _ENDHIGHLIGHT.match(state.src, state.bMarks[line])
            assert closing is not None  # (the line _closing_line found)
            tail = state.src[state.bMarks[line] : state.src.rindex("{%", 0, closing.end())]
            code += tail + "\n" if tail.strip() else ""  # code that ends on the closing line
            words = rest.split()
            _push_code(state, start, line + 1, words[0] if words else "", code)
            after = state.src[closing.end() : state.eMarks[line]]
            if not after.strip():
                state.line = line + 1
                return True
            # text after the closing tag: kramdown reads it as a block of its own (after the
            # code Liquid wrote), from where it starts on that line
            spaces = len(after) - len(after.lstrip(" \t"))
            state.bMarks[line], state.tShift[line] = closing.end(), spaces
            state.sCount[line] = state.blkIndent + spaces
            state.line = line
            return True
    token = state.push("liquid_tag", "div", 0)
    token.map, token.content, token.block = [start, start + 1], text.strip(), True
    state.line = start + 1
    return True


def _render_liquid(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    return (
        f'<div class="liquid"{self.renderAttrs(token)}><span class="liquid-label">Liquid</span> '
        f"<code>{html.escape(token.content)}</code></div>\n"
    )


def jekyll_plugin(md: MarkdownIt) -> None:
    """Jekyll's Liquid tags as labelled placeholders, ``{% highlight x %}`` as code."""
    md.block.ruler.before(
        "fence", "liquid_tag", _liquid_block, {"alt": ["paragraph", "reference", "blockquote", "list"]}
    )
    md.add_render_rule("liquid_tag", _render_liquid)
    md.inline.ruler.before("text", "liquid_inline", _inline_tag(LIQUID, "liquid", "Liquid"))
    _tags_in_destinations(md, LIQUID)
