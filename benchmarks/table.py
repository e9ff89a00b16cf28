"""The rows of run_all.py's table and their printing as a markdown table with ratios."""

from __future__ import annotations

from dataclasses import dataclass, field

COLUMNS = ("journal_app", "ghostwriter", "ReText", "floor")


@dataclass
class Row:
    """One measure: a value (a number in ``unit``, or a word) per contender, and the target."""

    label: str
    only: str = ""  # a row with one text for every column (say, why it was not measured)
    unit: str = ""
    target: float | None = None
    floor_name: str = ""
    values: dict[str, tuple[float | str, int, str]] = field(default_factory=dict)

    def add(self, name: str, value: float | str, runs: int = 0, note: str = "") -> None:
        """The median ``value`` of ``runs`` runs of contender ``name`` (with a short note)."""
        self.values[name] = (value, runs, note)

    def number(self, name: str) -> float | None:
        value = self.values.get(name, (None, 0, ""))[0]
        return value if isinstance(value, float | int) else None

    def cell(self, name: str) -> str:
        if name not in self.values:
            return "—"
        value, runs, note = self.values[name]
        text = value if isinstance(value, str) else fmt(value, self.unit)
        extra = ", ".join(part for part in (note, f"n={runs}" if runs else "") if part)
        return f"{text} ({extra})" if extra else text


def fmt(value: float, unit: str) -> str:
    """``value`` with its unit, to a sensible precision."""
    if unit == "s":
        return f"{value:.3f} s" if value < 0.1 else f"{value:.2f} s"
    if unit == "ms":
        return f"{value:.1f} ms" if value < 10 else f"{value:.0f} ms"
    return f"{value:.0f} {unit}".strip()


def ratio(row: Row, other: str) -> str:
    mine, theirs = row.number("journal_app"), row.number(other)
    if mine is None or not theirs:
        return ""
    return f"{mine / theirs:.2f}×"


def print_table(rows: list[Row]) -> None:
    """The rows as a markdown table: each contender, the target, journal_app ÷ each other."""
    print("| measure | " + " | ".join(COLUMNS) + " | target | ÷ ghostwriter | ÷ ReText | ÷ floor |")
    print("|---" * (len(COLUMNS) + 5) + "|")
    for row in rows:
        if row.only:
            print(f"| {row.label} | {row.only} |" + " |" * (len(COLUMNS) + 3))
            continue
        floor = row.cell("floor")
        if row.floor_name and floor != "—":
            floor = f"{row.floor_name}: {floor}"
        cells = [row.cell(name) for name in COLUMNS[:-1]] + [floor]
        target = f"≤ {fmt(row.target, row.unit)}" if row.target is not None else ""
        ratios = [ratio(row, name) for name in COLUMNS[1:]]
        print(f"| {row.label} | " + " | ".join(cells) + f" | {target} | " + " | ".join(ratios) + " |")
