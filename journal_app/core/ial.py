"""kramdown's inline attribute lists (Jekyll): ``{: .class #id key="value"}``.

Jekyll themes lean on them (Chirpy's ``> tip`` + ``{: .prompt-tip }``, ``![](x.png){: width="300" }``):

- a line holding only an attribute list, right under a block (no blank line between), gives
  its attributes to that block and is not shown; one above a block, after a blank line, gives
  them to the block below;
- one right after an image, a link or code in a line gives them to that element;
- a heading ending in ``{#id}`` takes that id;
- ``{:toc}`` right under a list puts the table of contents in that list's place, as kramdown
  writes it (``<ul id="markdown-toc">``, or ``<ol>`` under a numbered list): every heading but
  those of class ``no_toc``, nested by level, each a link to its id; references to attribute
  definitions are not shown;
- kramdown's extensions ``{::options … /}`` and ``{::comment}…{:/comment}`` show nothing, and
  ``{::nomarkdown}…{:/}`` shows its text as raw HTML, as a block of lines (not inside a
  paragraph) or inside a line; an extension of another name, or one never closed, is text.

Hugo's goldmark reads attributes after a heading only: ``## Title {#id .class}``
(:func:`heading_attributes_plugin`).
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token

BLOCK_LINE = re.compile(r" {0,3}\{:(?![:/])((?:[^}\\\n]|\\.)*)\}[ \t]*$")  # a block's attribute list
_SPAN = re.compile(r"\{:(?![:/])((?:[^}\\\n]|\\.)*)\}")
_EXTENSION = re.compile(r"\{::(comment|nomarkdown|options)(?:[ \t]+(?:[^}\\\n]|\\.)*?)?[ \t]*(/)?\}")
_ITEM = re.compile(r"""([.#])([\w-]+)|([\w-]+)=(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(\S+))""")
_HEADING_ID = re.compile(r"[ \t]+\{(#[A-Za-z][\w-]*)\}[ \t]*$")
_SPAN_TARGETS = {"image": None, "link_close": "link_open"}
# goldmark's heading attributes (Hugo's default parser.attribute.title): ## Title {#id .class}
_ATTRIBUTE = r"(?:[.#][\w-]+|[\w-]+=\S+)"
_GOLDMARK_HEADING = re.compile(rf"[ \t]*\{{[ \t]*({_ATTRIBUTE}(?:[ \t]+{_ATTRIBUTE})*)[ \t]*\}}[ \t]*$")


def attributes(text: str) -> dict[str, str]:
    """The attributes an attribute list's text sets (classes joined, the last id)."""
    found: dict[str, str] = {}
    for item in _ITEM.finditer(text):
        if item.group(1) == ".":
            found["class"] = (found.get("class", "") + " " + item.group(2)).strip()
        elif item.group(1) == "#":
            found["id"] = item.group(2)
        else:
            value = next((group for group in item.groups()[3:] if group is not None), "")
            found[item.group(3)] = value
    return found


def _apply(token: Token, found: dict[str, str]) -> None:
    for name, value in found.items():
        if name == "class" and token.attrGet("class"):
            value = f"{token.attrGet('class')} {value}"
        token.attrSet(name, value)


def _block_list(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    found = BLOCK_LINE.match(state.src, state.bMarks[start], state.eMarks[start])
    if found is None:
        return False
    if silent:
        return True
    tokens = state.tokens
    below = start == 0 or state.isEmpty(start - 1) or not tokens or tokens[-1].nesting == 1
    token = state.push("attribute_list", "", 0)
    token.map = [start, start + 1]
    toc = found.group(1).strip() == "toc"
    token.meta = {"attributes": attributes(found.group(1)), "below": below, "toc": toc}
    state.line = start + 1
    return True


def _block_target(tokens: list[Token], index: int) -> Token | None:
    """The opening token of the block that ends just before ``index``."""
    if index == 0:
        return None
    last = tokens[index - 1]
    if last.nesting == 0:
        return last if last.type != "attribute_list" else None
    if last.nesting == 1:
        return None
    depth = 0
    for at in range(index - 1, -1, -1):
        depth += tokens[at].nesting
        if depth == 0:
            return tokens[at]
    return None


def _place(state: StateCore) -> None:
    """Give each block attribute list's attributes to its block."""
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "attribute_list":
            continue
        found = token.meta["attributes"]
        if token.meta["below"]:
            target = next(
                (
                    t
                    for t in tokens[index + 1 :]
                    if t.nesting >= 0 and t.level == token.level and t.type != "inline"
                ),
                None,
            )
        else:
            target = _block_target(tokens, index)
        if target is not None and found:
            _apply(target, found)


def _contents(state: StateCore) -> None:
    """A list right above a ``{:toc}`` line becomes a ``kramdown_toc`` token holding the post's
    headings (its HTML is made when it renders, once the headings have their ids)."""
    tokens = state.tokens
    at = len(tokens)
    while at > 0:
        at -= 1
        token = tokens[at]
        if token.type != "attribute_list" or not token.meta.get("toc") or token.meta["below"]:
            continue
        target = _block_target(tokens, at)
        if target is None or target.type not in ("bullet_list_open", "ordered_list_open"):
            continue
        start = next(index for index in range(at - 1, -1, -1) if tokens[index] is target)
        headings = [
            (tokens[index], tokens[index + 1])
            for index in range(len(tokens) - 1)
            if tokens[index].type == "heading_open"
            and "no_toc" not in str(tokens[index].attrGet("class") or "").split()
        ]
        contents = Token("kramdown_toc", "", 0)
        contents.map, contents.level, contents.block = target.map, target.level, True
        contents.meta = {"ordered": target.type == "ordered_list_open", "headings": headings}
        tokens[start:at] = [contents]
        at = start


def _render_contents(self, tokens: list[Token], index: int, options, env) -> str:
    """kramdown's table of contents: the headings nested by level, each linking to its id."""
    token = tokens[index]
    tag = "ol" if token.meta["ordered"] else "ul"
    root: list = []
    stack: list[tuple[int, list]] = [(0, root)]
    for opening, inline in token.meta["headings"]:
        level = int(opening.tag[1])
        while stack[-1][0] >= level:
            stack.pop()
        children: list = []
        stack[-1][1].append((opening, inline, children))
        stack.append((level, children))

    def items(nodes: list) -> str:
        html = []
        for opening, inline, children in nodes:
            ident = escapeHtml(str(opening.attrGet("id") or ""))
            text = self.renderInline(inline.children or [], options, env)
            below = f"<{tag}>\n{items(children)}</{tag}>" if children else ""
            html.append(f'<li><a href="#{ident}" id="markdown-toc-{ident}">{text}</a>{below}</li>\n')
        return "".join(html)

    token.attrSet("id", "markdown-toc")
    return f"<{tag}{self.renderAttrs(token)}>\n{items(root)}</{tag}>\n"


def _span_list(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("{:", state.pos) or not state.tokens:
        return False
    previous = state.tokens[-1]
    if previous.type not in _SPAN_TARGETS and previous.type != "code_inline":
        return False
    found = _SPAN.match(state.src, state.pos, state.posMax)
    if found is None:
        return False
    if not silent:
        opener = _SPAN_TARGETS.get(previous.type)
        target = previous
        if opener is not None:
            depth = 0
            for token in reversed(state.tokens):
                depth += token.nesting
                if depth == 0 and token.type == opener:
                    target = token
                    break
        _apply(target, attributes(found.group(1)))
    state.pos = found.end()
    return True


def _heading_rule(pattern: re.Pattern):
    def heading_attributes(state: StateCore) -> None:
        """A heading ending in an attribute list takes its attributes (the text loses it)."""
        tokens = state.tokens
        for index, token in enumerate(tokens):
            if token.type != "heading_open" or index + 1 >= len(tokens):
                continue
            inline = tokens[index + 1]
            last = inline.children[-1] if inline.children else None
            found = pattern.search(last.content) if last is not None and last.type == "text" else None
            if found is None or last is None:
                continue
            last.content = last.content[: found.start()].rstrip()
            _apply(token, attributes(found.group(1)))

    return heading_attributes


def _stop(name: str) -> re.Pattern:
    return re.compile(rf"\{{:/(?:{name})?\}}")


def _block_extension(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    begin = state.bMarks[start] + state.tShift[start]
    found = _EXTENSION.match(state.src, begin, state.eMarks[start])
    if found is None or state.src[found.end() : state.eMarks[start]].strip():
        return False
    name, last, body = found.group(1), start, ""
    if not found.group(2):  # not self-closing: its text runs to {:/name} or {:/} on a line of its own
        stop = _stop(name)
        for last in range(start + 1, end):
            line = state.src[state.bMarks[last] + state.tShift[last] : state.eMarks[last]]
            if stop.fullmatch(line.strip()):
                break
        else:
            return False  # never closed: text
        body = state.src[state.bMarks[start + 1] : state.bMarks[last]] if last > start + 1 else ""
    if silent:
        return True
    token = state.push("html_block" if name == "nomarkdown" else "kramdown_extension", "", 0)
    token.map = [start, last + 1]
    token.content = body if name == "nomarkdown" else ""
    state.line = last + 1
    return True


def _span_extension(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("{::", state.pos):
        return False
    found = _EXTENSION.match(state.src, state.pos, state.posMax)
    if found is None:
        return False
    name, end, body = found.group(1), found.end(), ""
    if not found.group(2):
        stop = _stop(name).search(state.src, end, state.posMax)
        if stop is None:
            return False
        body, end = state.src[end : stop.start()], stop.end()
    if not silent and name == "nomarkdown":
        token = state.push("html_inline", "", 0)
        token.content = body
    state.pos = end
    return True


def heading_attributes_plugin(md: MarkdownIt) -> None:
    """goldmark's heading attributes (Hugo): ``## Title {#id .class}``."""
    md.core.ruler.push("heading_attributes", _heading_rule(_GOLDMARK_HEADING))


def ial_plugin(md: MarkdownIt) -> None:
    """kramdown's attribute lists (see the module's docstring)."""
    md.block.ruler.before(
        "paragraph", "attribute_list", _block_list, {"alt": ["paragraph", "blockquote", "list"]}
    )
    md.add_render_rule("attribute_list", lambda *args: "")
    md.block.ruler.before("paragraph", "kramdown_extension", _block_extension)
    md.add_render_rule("kramdown_extension", lambda *args: "")
    md.inline.ruler.before("text", "kramdown_span_extension", _span_extension)
    md.inline.ruler.before("text", "span_attribute_list", _span_list)
    md.core.ruler.push("attribute_lists", _place)
    md.core.ruler.push("heading_ids", _heading_rule(_HEADING_ID))
    md.core.ruler.push("table_of_contents", _contents)
    md.add_render_rule("kramdown_toc", _render_contents)
