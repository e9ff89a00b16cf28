"""The CommonMark engine: markdown-it-py set up per flavor, before sanitizing.

Every flavor but ``python-markdown`` parses with markdown-it-py (CommonMark 0.31.2 exactly)
plus what its platform adds: GitHub's tables, strikethrough, autolinks, task lists, alerts and
footnotes (``commonmark``); line breaks, math and embeds (``velog``); definition lists,
typography and shortcodes (``hugo``); definition lists, typography, Liquid and kramdown's
raw HTML elements and ``$$`` math (``jekyll``).

Each top-level block carries ``data-line``: the 1-based file line it starts on, from the
parser's own line map. Headings get ids by the platform's slug rule, fences are highlighted by
Pygments with CSS classes. Math is rendered to MathML apart from the rest and put back after
the fragment is sanitized (see :func:`render_tokens`).
"""

from __future__ import annotations

import importlib
import logging
import re
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

from . import platforms
from .cards import highlighted_code
from .scan import HTML_IMAGE


@dataclass(frozen=True)
class Profile:
    """What a platform's markdown adds to CommonMark."""

    single_tilde: bool = False  # ~one~ strikes through, as on GitHub
    autolinks: str = "gfm"  # "gfm": bare www., http(s) URLs and e-mails; "protocol": URLs only
    footnotes: bool = True
    deflists: bool = False
    alerts: bool = False  # > [!NOTE]
    breaks: bool = False  # every newline inside a paragraph is a <br>
    math: bool = False  # $…$ and $$…$$
    typographer: bool = False  # smart quotes, dashes and ellipses
    # "module.function" of this package: each flavor's own rules are imported only when a
    # parser for that flavor is built (a command renders with one flavor)
    plugins: tuple[str, ...] = field(default=())

    def plugin_functions(self) -> list[Callable[[MarkdownIt], None]]:
        """The plugins named in ``plugins``, imported."""
        found = []
        for name in self.plugins:
            module, function = name.rsplit(".", 1)
            found.append(getattr(importlib.import_module(f".{module}", __package__), function))
        return found


PROFILES = {
    "commonmark": Profile(single_tilde=True, alerts=True),
    # remark-parse 7: bare http(s)/mailto: URLs only, no footnotes; remark-breaks; remark-math
    "velog": Profile(
        autolinks="protocol", footnotes=False, breaks=True, math=True, plugins=("platforms.velog_plugin",)
    ),
    "hugo": Profile(
        deflists=True,
        typographer=True,
        plugins=("templates.hugo_plugin", "goldmark.goldmark_plugin", "ial.heading_attributes_plugin"),
    ),
    # kramdown's GFM parser: no bare-URL links, ~~two~~ only
    "jekyll": Profile(
        autolinks="",
        deflists=True,
        typographer=True,
        plugins=(
            "templates.jekyll_plugin",
            "platforms.kramdown_html_plugin",
            "kramdown.kramdown_plugin",
            "ial.ial_plugin",
        ),
    ),
}
_FIRST_TAG = re.compile(r"^(\s*<[A-Za-z][\w-]*)")
_FILTERED = re.compile(
    r"<(?=(?:title|textarea|style|xmp|iframe|noembed|noframes|script|plaintext)[\s/>])", re.IGNORECASE
)


def tagfilter(self, tokens, idx, options, env) -> str:
    """GitHub's disallowed raw HTML (for the spec examples; a render is sanitized instead)."""
    return _FILTERED.sub("&lt;", tokens[idx].content)


def _fence(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    language = token.info.strip().split(maxsplit=1)[0] if token.info.strip() else ""
    language = platforms.code_language(language, env.get("flavor", ""))
    return highlighted_code(token.content, language, self.renderAttrs(token))


def _code_block(self, tokens, idx, options, env) -> str:
    return highlighted_code(tokens[idx].content, "", self.renderAttrs(tokens[idx]))


def _html_block(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    if token.meta.get("raw") and not env.get("raw_html", True):
        from .goldmark import omitted  # (only Hugo hides raw HTML)

        return omitted(token.content, block=True)
    line = token.attrGet("data-line")
    if line is None:
        return token.content
    return _FIRST_TAG.sub(lambda m: f'{m.group(1)} data-line="{line}"', token.content, count=1)


def _html_inline(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    if token.meta.get("raw") and not env.get("raw_html", True):
        from .goldmark import omitted

        return omitted(token.content, block=False)
    return token.content


def _math(display: bool):
    def render(self, tokens, idx, options, env) -> str:
        token = tokens[idx]
        one_line = (
            env.get("flavor") == "velog"
            and token.block
            and token.map is not None
            and token.map[1] - token.map[0] == 1
        )
        maths: list[tuple[str, bool]] = env.setdefault("maths", [])
        maths.append((token.content, display and not one_line))
        marker = f'<span data-journal-math="{len(maths) - 1}"></span>'
        if one_line:  # remark-math: $$x$$ on a line of its own is inline math in a paragraph
            return f'<p{self.renderAttrs(token)}><span class="math math-inline">{marker}</span></p>\n'
        if display and token.block:
            return f'<div class="math math-display"{self.renderAttrs(token)}>{marker}</div>\n'
        return f'<span class="math math-inline">{marker}</span>'

    return render


def _annotate(state: StateCore) -> None:
    """``data-line`` on every top-level block and an id on every heading."""
    first_line = state.env.get("first_line", 1)
    seen: dict[str, int] = state.env.setdefault("slugs", {})
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.level == 0 and token.nesting >= 0 and token.map is not None and token.type != "inline":
            token.attrs["data-line"] = str(token.map[0] + first_line)
        if token.type != "heading_open":
            continue
        if token.attrGet("id") is not None:  # kramdown's and goldmark's {#id}
            rule: IdRule = ("id", str(token.attrGet("id")))
        elif index + 1 < len(tokens):
            inline = tokens[index + 1]
            text = "".join(
                child.content for child in inline.children or [] if child.type in ("text", "code_inline")
            )
            slug = platforms.hugo_slug if state.env.get("flavor") == "hugo" else platforms.github_slug
            rule = ("slug", slug(text))
        else:
            continue
        token.meta["id_rule"] = rule  # what the incremental renderer replays (heading ids)
        token.attrSet("id", claim_id(seen, rule))


IdRule = tuple[str, str]  # ("id", an id the post gives) or ("slug", what an id is made from)


def claim_id(seen: dict[str, int], rule: IdRule) -> str:
    """The id of the next heading with ``rule``, given the ids ``seen`` so far in the document
    (updated): an id the post gives stands as it is, a slug takes the next free id."""
    kind, value = rule
    if kind == "id":
        seen.setdefault(value, 0)
        return value
    return heading_id(seen, value)


def heading_id(seen: dict[str, int], base: str) -> str:
    """The id of the next heading whose slug is ``base``, given the ids ``seen`` so far in the
    document (updated): ``a``, then ``a-1``, ``a-2``."""
    ident, count = base, seen.get(base, 0)
    while ident in seen:
        count += 1
        ident = f"{base}-{count}"
    seen[base] = count
    seen.setdefault(ident, 0)
    return ident


def _footnote_name(self, tokens, idx, options, env) -> str:
    return f":{tokens[idx].meta['id'] + 1}"


def _footnote_caption(self, tokens, idx, options, env) -> str:
    return str(tokens[idx].meta["id"] + 1)


def build(flavor: str, plain: bool = False, filter_tags: bool = False) -> MarkdownIt:
    """A markdown-it parser for ``flavor``; ``plain`` leaves out line numbers, ids and
    highlighting and ``filter_tags`` escapes GitHub's disallowed raw HTML (the spec examples
    are compared that way)."""
    profile = PROFILES[flavor]
    md = MarkdownIt(
        "commonmark",
        {"html": True, "xhtmlOut": False, "breaks": profile.breaks, "typographer": profile.typographer},
    )
    md.enable(["table", "strikethrough"])
    md.options["tasklists"] = True
    md.options["tasklists_editable"] = False
    md.options["alerts"] = profile.alerts
    md.options["strikethrough_single_tilde"] = profile.single_tilde
    if profile.autolinks:
        from mdit_py_plugins.gfm_autolink import gfm_autolink_plugin

        md.use(gfm_autolink_plugin)
        md.inline.ruler.at("gfm_autolink_protocol", platforms.protocol_autolink)
        if profile.autolinks == "protocol":
            md.disable(["gfm_autolink_www", "gfm_autolink_email"])
        md.core.ruler.push("autolink_leftovers", platforms.autolink_leftovers)
    if profile.footnotes:
        from mdit_py_plugins.footnote import footnote_plugin

        md.use(footnote_plugin, inline=False)
        md.add_render_rule("footnote_anchor_name", _footnote_name)
        md.add_render_rule("footnote_caption", _footnote_caption)
    if profile.deflists:
        from mdit_py_plugins.deflist import deflist_plugin

        md.use(deflist_plugin)
    if profile.math:
        from mdit_py_plugins.dollarmath import dollarmath_plugin

        # as remark-math: "$5 and $10" is no math, $$…$$ inside a line is inline math
        md.use(
            dollarmath_plugin,
            allow_blank_lines=False,
            double_inline=True,
            allow_labels=False,
            allow_digits=False,
        )
    if profile.typographer:
        md.enable("smartquotes")
        md.core.ruler.push("dashes", platforms.dashes)
    for plugin in profile.plugin_functions():
        md.use(plugin)
    md.add_render_rule("math_inline", _math(False))  # velog's and kramdown's math
    md.add_render_rule("math_inline_double", _math(False))
    md.add_render_rule("math_block", _math(True))
    md.add_render_rule("s_open", lambda *args: "<del>")
    md.add_render_rule("s_close", lambda *args: "</del>")
    if filter_tags:
        md.add_render_rule("html_block", tagfilter)
        md.add_render_rule("html_inline", tagfilter)
    if not plain:
        # links and images keep their sources as written: the image rules and the sanitizer
        # decide what may load, and a javascript: link becomes a link without a target
        # (markdown-it-py documents replacing these two per instance; its types call them methods)
        md.validateLink = lambda url: True  # type: ignore[method-assign]
        md.normalizeLink = lambda url: url  # type: ignore[method-assign]
        md.core.ruler.push("journal_annotate", _annotate)
        md.add_render_rule("fence", _fence)
        md.add_render_rule("code_block", _code_block)
        md.add_render_rule("html_block", _html_block)
        md.add_render_rule("html_inline", _html_inline)
    return md


class _NoDebug:
    """A library module's logger whose ``debug`` drops its message unread (everything else
    goes to the real logger)."""

    def __init__(self, logger: logging.Logger):
        self._logger = logger

    def debug(self, *args: object, **kwargs: object) -> None:
        """Nothing: debug output was off when the parsers were first built."""

    def __getattr__(self, name: str) -> object:
        return getattr(self._logger, name)


def _quiet_rule_logs() -> None:
    """markdown-it's block rules log a debug line on every call, whether or not one is shown
    (265,000 calls for a 1 MB post, 2-4% of its render): with debug output off for a rule
    module when the first parser is built, that module's logger is one that drops ``debug``
    without a call into logging. Turn markdown-it's debug logging on before then to see it."""
    for name, module in list(sys.modules.items()):
        logger = getattr(module, "LOGGER", None) if name.startswith("markdown_it.") else None
        if isinstance(logger, logging.Logger) and not logger.isEnabledFor(logging.DEBUG):
            setattr(module, "LOGGER", _NoDebug(logger))


_local = threading.local()


def parser(flavor: str, plain: bool = False) -> MarkdownIt:
    """The thread's parser for ``flavor`` (built once per thread)."""
    cache = getattr(_local, "parsers", None)
    if cache is None:
        _quiet_rule_logs()  # once per thread; the modules already quiet are left as they are
        cache = _local.parsers = {}
    key = (flavor, plain)
    if key not in cache:
        cache[key] = build(flavor, plain)
    return cache[key]


def render_tokens(
    text: str, flavor: str, first_line: int = 1, plain: bool = False, raw_html: bool = True
) -> tuple[str, list[tuple[str, bool]]]:
    """``text`` as unsanitized HTML, and the TeX of its math (each a marker in the HTML);
    ``raw_html`` false shows the post's own HTML as hints, as a Hugo site that hides it does."""
    env: dict = {"first_line": first_line, "flavor": flavor, "raw_html": raw_html}
    fragment = parser(flavor, plain).render(text, env)
    return fragment, env.get("maths", [])


def _html_images(content: str, line: int) -> list[tuple[str, int]]:
    return [
        (found["dq"] or found["sq"] or found["bare"] or "", line + content.count("\n", 0, found.start()))
        for found in HTML_IMAGE.finditer(content)
    ]


def image_sources(text: str, flavor: str) -> list[tuple[str, int]]:
    """Every image ``text`` shows as ``flavor`` parses it, with its 0-based line: markdown images
    and ``<img>`` in raw HTML, not what only looks like one inside code."""
    found: list[tuple[str, int]] = []
    for token in parser(flavor).parse(text, {}):
        if token.map is None:
            continue
        if token.type == "html_block":
            found.extend(_html_images(token.content, token.map[0]))
        elif token.type == "inline":
            line = token.map[0]
            for child in token.children or []:
                if child.type in ("softbreak", "hardbreak"):
                    line += 1
                elif child.type == "image":
                    found.append((str(child.attrGet("src") or ""), line))
                elif child.type == "html_inline":
                    found.extend(_html_images(child.content, line))
                    line += child.content.count("\n")
    return found
