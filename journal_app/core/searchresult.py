"""What a search shows of a post that matched: where it is, what it is, and the first matching
line with the match marked (the title or the description when only they match)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .searchtext import fold

SNIPPET = 60  # characters of context each side of a match


@dataclass
class SearchResult:
    """One post that matched: where, what it is, and the first matching line."""

    path: Path
    title: str
    date: str  # ISO 8601, local time
    tags: list[str]
    line: int  # 1-based line of the file
    snippet: str  # the text around the match
    marks: list[tuple[int, int]] = field(default_factory=list)  # (start, end) in snippet
    term: str = ""  # the term the snippet shows

    def to_json(self) -> dict:
        """The result as plain JSON values."""
        return {
            "path": str(self.path),
            "title": self.title,
            "date": self.date,
            "tags": self.tags,
            "line": self.line,
            "snippet": self.snippet,
            "marks": [list(mark) for mark in self.marks],
        }


def result_of(row: tuple, terms: list[str]) -> SearchResult:
    """The result for a post's row (path, title, date, tags, head, body, first body line): the
    first line holding a term, else the title or description that does."""
    path, title, date, tags, head, body, start = row
    tag_list = [tag for tag in tags.split("\n") if tag]
    line, snippet, marks, shown = 1, title, [], ""  # the header matched (or only filters were given)
    body_lines = body.split("\n")
    lowered = fold(body)
    for term in terms:
        first = lowered.find(term)  # no line before the one it is on holds the term
        for number in range(
            lowered.count("\n", 0, first) if first >= 0 else len(body_lines), len(body_lines)
        ):
            text = body_lines[number]
            at = fold(text).find(term)
            if at >= 0:
                left = max(0, at - SNIPPET)
                snippet = ("…" if left else "") + text[left : at + len(term) + SNIPPET]
                offset = at - left + (1 if left else 0)
                marks, line, shown = [(offset, offset + len(term))], start + number, term
                break
        if shown:
            break
    else:
        for term in terms:  # only the header matched: show the title, or the description
            for text in head.split("\n"):
                at = fold(text).find(term)
                if at >= 0:
                    snippet, marks, line, shown = (
                        text[: at + len(term) + SNIPPET],
                        [(at, at + len(term))],
                        1,
                        term,
                    )
                    break
            if shown:
                break
    return SearchResult(Path(path), title, date, tag_list, line, snippet, marks, shown)
