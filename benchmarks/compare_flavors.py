"""How often our block structure agrees with each platform's own renderer.

Usage: python benchmarks/compare_flavors.py FLAVOR REFERENCE POST_OR_FOLDER [...]
FLAVOR is commonmark, velog, hugo or jekyll; REFERENCE is ``cmarkgfm`` (GitHub's cmark-gfm, a
Python package: ``pip install cmarkgfm``, not a dependency of the app), ``hugo`` (the ``hugo``
program on PATH builds a scratch site of the posts with default settings and its pages are
read back) or a command that reads a JSON array of markdown strings on stdin and writes a
JSON array of HTML strings (the velog and kramdown reference renderers do). Posts' front matter
is left out. Prints, per post that differs, the first differing block, then the counts.

Block structure is the sequence of block elements with their depth (paragraphs, headings,
lists and items, quotes, code blocks, tables, rules, definition lists), read the same way from
both sides; highlighting wrappers, footnote sections, math and embed markup are not compared.
"""

from __future__ import annotations

import difflib
import json
import re
import shlex
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's journal_app

from journal_app.core import load_post  # noqa: E402
from journal_app.core.render import render_markdown  # noqa: E402

BLOCKS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "table",
    "tr",
    "hr",
    "dl",
    "dt",
    "dd",
}
SKIPPED = {"section", "svg", "math", "figure"}  # footnotes, drawings, math, figures: not compared
# template tags (Liquid, Hugo shortcodes) run before markdown on the site: our labelled
# placeholders, and the platform renderer's paragraphs holding nothing but such a tag, are left out
PLACEHOLDERS = ("footnote", "katex", "liquid", "shortcode", "raw-html-omitted")
LIQUID_HIGHLIGHT = re.compile(
    r"^[ \t]*\{%-?[ \t]*highlight[ \t]+(\w+)[^%]*%\}[ \t]*\n(.*?)"
    r"^[ \t]*\{%-?[ \t]*endhighlight[ \t]*-?%\}(?=([^\n]*))",  # (and what follows on its line)
    re.DOTALL | re.MULTILINE,
)
TEMPLATE_ONLY = re.compile(r"(?:\s*(?:\{%(?:(?!%\}).)*%\}|\{\{(?:(?!\}\}).)*\}\}))+\s*", re.DOTALL)


# the start tags that end an open paragraph in a browser (HTML's parsing rules): Hugo writes
# "<p>text\n<div class="highlight">" for a shortcode right under a line, which reads as two blocks
# (a paragraph left empty that way shows nothing and is left out)
CLOSES_PARAGRAPH = BLOCKS - {"li", "tr", "dt", "dd"} | {"div", "section", "figure", "details"}


class Structure(HTMLParser):
    """The block elements of a fragment as ``depth tag`` lines, as a browser nests them."""

    def __init__(self, fragment: str):
        super().__init__()
        self.lines: list[str] = []
        self.open: list[str] = []  # the block elements open, innermost last
        self.skipping = 0
        self.paragraph: tuple[int, list[str]] | None = None  # where the open <p> began, its text
        self.feed(fragment)

    def handle_starttag(self, tag, attrs):
        classes = dict(attrs).get("class") or ""
        if not self.skipping and tag in CLOSES_PARAGRAPH and self.open and self.open[-1] == "p":
            self.handle_endtag("p")
        if tag in SKIPPED or self.skipping or any(name in classes for name in PLACEHOLDERS):
            self.skipping += tag not in ("br", "hr", "img", "input")
            return
        if tag == "p":
            self.paragraph = (len(self.lines), [])
        elif self.paragraph is not None and tag not in BLOCKS:
            self.paragraph[1].append(f"<{tag}>")  # an image or a link is something to see
        if tag in BLOCKS:
            self.lines.append(f"{'  ' * len(self.open)}{tag}")
            if tag != "hr":
                self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)  # <img/>, <br/>: no end tag to count
        if tag not in ("br", "hr", "img", "input"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if self.skipping:
            self.skipping -= 1
            return
        if tag == "p":
            if not self.open or self.open[-1] != "p":
                return  # the paragraph was already ended by a block inside it
            if self.paragraph is not None:
                start, text = self.paragraph
                if TEMPLATE_ONLY.fullmatch("".join(text)) or not "".join(text).strip():
                    del self.lines[start:]
                self.paragraph = None
        if tag in BLOCKS and tag != "hr" and self.open:
            self.open.pop()

    def handle_data(self, data):
        # the text of a part left out (a placeholder's source, math) is not something shown in
        # the paragraph: Hugo's paragraph of "<!-- raw HTML omitted -->" alone and ours of the
        # labelled hint for the same tags are both left out
        if self.paragraph is not None and not self.skipping:
            self.paragraph[1].append(data)


# Hugo's own shortcodes (0.111) that build offline; any other name (and ref, relref, gist, tweet,
# instagram: their pages are not in the scratch site, or fetched from the network) gets a
# stand-in template, as Hugo stops the build on a shortcode it has no template for
HUGO_SHORTCODES = {"figure", "highlight", "param", "vimeo", "youtube"}
SHORTCODE_NAME = re.compile(r"\{\{[<%]-?\s*(/?)\s*([\w.-]+(?:/[\w.-]+)*)")


LIQUID_TAG = re.compile(r"\{\{(?:(?!\}\}).)*\}\}|\{%(?:(?!%\}).)*%\}")


def liquid_pass(body: str) -> str:
    """``body`` roughly as Jekyll's Liquid pass hands it to kramdown: ``{% highlight %}`` as a
    fence, and a tag among other text on its line as one word (what it outputs holds neither a
    ``|`` of its filters nor a space that would end a link's destination)."""
    body = LIQUID_HIGHLIGHT.sub(lambda m: f"```{m[1]}\n{m[2]}```" + ("\n" if m[3].strip() else ""), body)

    def word(found: re.Match) -> str:
        line_start = body.rfind("\n", 0, found.start()) + 1
        line_end = body.find("\n", found.end())
        line = body[line_start : line_end if line_end >= 0 else len(body)]
        if line.strip() == found.group():
            return found.group()  # a tag alone on its line: a block of its own
        return re.sub(r"[\s|]+", "_", found.group())

    return LIQUID_TAG.sub(word, body)


def hugo_pages(texts: list[str]) -> list[str]:
    """Each text as the ``hugo`` program renders it, as one page of a site of default settings.
    A shortcode the site would define itself renders as the text ``{{shortcode}}`` (a paragraph
    holding only that is left out of the comparison, as our labelled placeholders are)."""
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch)
        (site / "content" / "posts").mkdir(parents=True)
        (site / "layouts" / "_default").mkdir(parents=True)
        (site / "layouts" / "shortcodes").mkdir(parents=True)
        found = [(m.group(2), m.group(1)) for text in texts for m in SHORTCODE_NAME.finditer(text)]
        closed = {name for name, slash in found if slash}  # paired: {{< /name >}}
        # a paired one used in a table's row holds inline text there (a cell holds no blocks)
        in_rows = {
            m.group(2)
            for text in texts
            for line in text.splitlines()
            if line.lstrip().startswith("|")
            for m in SHORTCODE_NAME.finditer(line)
        }
        for name in {name for name, _ in found} - HUGO_SHORTCODES:
            display = "inline" if name in in_rows else "block"
            render = f'{{{{ .Page.RenderString (dict "display" "{display}") .Inner }}}}'
            inner = render if name in closed else ""
            template = site / "layouts" / "shortcodes" / f"{name}.html"
            template.parent.mkdir(parents=True, exist_ok=True)
            template.write_text('{{ "{{shortcode}}" }}' + inner)
        (site / "layouts" / "_default" / "single.html").write_text("{{ .Content }}")
        (site / "layouts" / "_default" / "list.html").write_text("")
        (site / "hugo.toml").write_text('baseURL = "http://example.org/"\ntitle = "t"\n')
        for index, text in enumerate(texts):
            page = site / "content" / "posts" / f"p{index}.md"
            page.write_text(f"---\ntitle: p{index}\n---\n{text}", encoding="utf-8")
        run = subprocess.run(["hugo", "--quiet", "-d", "public"], cwd=site, capture_output=True, text=True)
        pages = []
        for index in range(len(texts)):
            built = site / "public" / "posts" / f"p{index}" / "index.html"
            pages.append(built.read_text(encoding="utf-8") if built.exists() else "HUGO-ERROR " + run.stderr)
        return pages


def reference(command: str, texts: list[str]) -> list[str]:
    if command == "hugo":
        return hugo_pages(texts)
    if command == "cmarkgfm":
        import cmarkgfm
        from cmarkgfm.cmark import Options

        return [
            # footnotes as GitHub shows them (cmark-gfm reads them only when asked)
            cmarkgfm.github_flavored_markdown_to_html(
                text, options=Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_FOOTNOTES
            )
            for text in texts
        ]
    done = subprocess.run(
        shlex.split(command), input=json.dumps(texts), capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def main(argv: list[str]) -> int:
    flavor, command, targets = argv[0], argv[1], [Path(arg) for arg in argv[2:]]
    paths = [
        path
        for target in targets
        for path in (
            sorted(p for p in target.rglob("*") if p.suffix in (".md", ".markdown"))
            if target.is_dir()
            else [target]
        )
    ]
    bodies = [load_post(path).body for path in paths]
    if flavor == "jekyll":  # Jekyll's Liquid pass makes {% highlight %} a code block before kramdown
        theirs = reference(command, [liquid_pass(body) for body in bodies])
    else:
        theirs = reference(command, bodies)
    differ = 0
    for path, body, html in zip(paths, bodies, theirs):
        ours = Structure(render_markdown(body, flavor=flavor)).lines
        want = Structure(html).lines
        if ours != want:
            differ += 1
            diff = [line for line in difflib.unified_diff(want, ours, "platform", "ours", n=1, lineterm="")]
            print(f"--- {path.name}: first difference\n" + "\n".join(diff[2:10]))
    print(f"{flavor} against {command}: {len(paths) - differ} of {len(paths)} posts agree in block structure")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
