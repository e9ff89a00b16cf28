"""The engine's block and inline parsers, and the rules that may end a paragraph, a list or a
quote, try only the rules that can start at a line's (or a position's) first character: every
render must be what markdown-it's own loops, which try every rule everywhere, give. And a
render pauses the cycle collector only while it runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it.parser_block import ParserBlock
from markdown_it.parser_inline import ParserInline
from markdown_it.ruler import Ruler

from journal_app.core.engine import PROFILES, build, parser

DATA = Path(__file__).parent.parent / "data"
SPEC = [
    example["markdown"]
    for name in ("commonmark-0.31.2.json", "gfm-0.29-extensions.json")
    for example in json.loads((DATA / name).read_text(encoding="utf-8"))
]
# every rule's first character at the start of a line, inside a list and a quote, and inline
EVERY_START = """\
# 제목 {#custom}

Setext
======

> quote **bold** _em_ ~~del~~ ~one~ `code` [link](u) ![img](i.png) <b>x</b> &amp; \\*
> - item in a quote

- item
  1. nested
     ```py
     x = 1
     ```
* star item
+ plus item
1) paren item

***
___

[ref]: https://example.com
[^1]: a footnote

Text[^1] with [ref] and www.example.com, https://example.com/a and me@example.com.

$$
x^2
$$

$a$ and $$b$$ inline, !youtube[abc] embed

{{< figure src="a.png" >}} and {{% note %}}x{{% /note %}}

{{< youtube abc >}}

{{% notice info %}}
noted
{{% /notice %}}

{% include x.html %} {{ page.title }}

<div>
raw *html*
</div>

Term
: definition

*[HTML]: HyperText
{: .class}
{::comment}x{:/comment}

    indented code

| a | b |
|---|---|
| 1 | 2 |

a paragraph, then what may end it right under its lines
```
fenced
```
more
~~~
tilde
~~~
text
$$
y
$$
text
{: .c}
text
{::comment}
x
{:/comment}
text
*[ABBR]: an abbreviation
text
> quote
- item
text
# heading
<div>
x
</div>
"""


def _every_rule_everywhere(flavor: str):
    """The flavor's parser with markdown-it's own loops."""
    md = build(flavor)
    md.block.__class__ = ParserBlock
    md.block.ruler.__class__ = Ruler
    md.inline.__class__ = ParserInline
    return md


@pytest.mark.parametrize("flavor", sorted(PROFILES))
def test_the_rules_chosen_give_what_every_rule_gives(flavor):
    chosen, everywhere = parser(flavor), _every_rule_everywhere(flavor)
    assert type(chosen.block) is not ParserBlock and type(chosen.inline) is not ParserInline
    assert type(chosen.block.ruler) is not Ruler  # (what ends a paragraph: chosen too)
    for text in [*SPEC, EVERY_START, EVERY_START.replace("\n", "\n  ")]:
        env = {"first_line": 1, "flavor": flavor, "raw_html": flavor != "hugo"}
        expected = everywhere.render(text, dict(env))
        assert chosen.render(text, dict(env)) == expected, text


def test_a_render_pauses_the_collector_only_while_it_runs():
    # in a process of its own (the suite's workers may turn the collector off); a render on a
    # thread of its own leaves it alone: the window's process collects from its GUI thread only
    script = """
import gc
import threading
from journal_app.core.render import render_markdown

seen = []
render_markdown("# a\\n\\n![x](y.png)", image_url=lambda src: seen.append(gc.isenabled()) or src)
assert seen == [False] and gc.isenabled(), seen
try:
    render_markdown("![x](y.png)", image_url=lambda src: 1 / "0")  # a resolver that fails
except TypeError:
    pass
assert gc.isenabled()
gc.disable()
render_markdown("text")
assert not gc.isenabled()  # paused by someone else: left so
gc.enable()
seen.clear()
def on_a_thread():
    render_markdown("![x](y.png)", image_url=lambda src: seen.append(gc.isenabled()) or src)
thread = threading.Thread(target=on_a_thread)
thread.start()
thread.join()
assert seen == [True] and gc.isenabled(), seen
"""
    root = Path(__file__).parents[2]  # this tree's journal_app first
    command = [sys.executable, "-c", script]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=root)
    assert done.returncode == 0, done.stderr
