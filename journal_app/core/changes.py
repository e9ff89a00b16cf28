"""What a refresh or a sync did to a journal: the posts added, changed and removed.

Views take a :class:`JournalChange` and update only the rows of those posts (as Anki's change
notifications after an operation do) instead of building everything again.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class JournalChange:
    """What one refresh or sync did to the journal: the posts added, changed and removed.

    ``path in change`` and iterating over it cover all three; it is false when nothing changed.
    """

    added: set[Path] = field(default_factory=set)
    changed: set[Path] = field(default_factory=set)
    removed: set[Path] = field(default_factory=set)

    @property
    def paths(self) -> set[Path]:
        """Every post the change touched."""
        return self.added | self.changed | self.removed

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def __contains__(self, path: object) -> bool:
        return path in self.added or path in self.changed or path in self.removed

    def __iter__(self) -> Iterator[Path]:
        return iter(self.paths)

    def merge(self, other: JournalChange) -> None:
        """Fold a later change into this one (a post added then changed stays added)."""
        for path in other.added:
            if path in self.removed:
                self.removed.discard(path)
                self.changed.add(path)
            else:
                self.added.add(path)
        self.changed |= other.changed - self.added
        for path in other.removed:
            if path in self.added:
                self.added.discard(path)
            else:
                self.changed.discard(path)
                self.removed.add(path)
