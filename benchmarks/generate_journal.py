"""Write a synthetic journal of N posts (about 10 KB each) in velog-backup and Jekyll styles.

Usage: python benchmarks/generate_journal.py OUT_DIR [N] [SIZE_BYTES]
Deterministic for a given N; a few percent of posts carry an invalid header and `undefined`
lines, as real backups do.
"""

from __future__ import annotations

import random
import sys
from datetime import datetime, timedelta, UTC
from pathlib import Path

WORDS = [
    "오늘",
    "어제",
    "회사",
    "공부",
    "파이썬",
    "여행",
    "바다",
    "커피",
    "주말",
    "코드",
    "리뷰",
    "배포",
    "서버",
    "데이터",
    "모델",
    "학습",
    "블로그",
    "생각",
    "정리",
    "기록",
    "the",
    "a",
    "code",
    "test",
    "build",
    "deploy",
    "note",
    "idea",
]
TAGS = [
    "일상",
    "개발",
    "파이썬",
    "여행",
    "독서",
    "AI",
    "회고",
    "TIL",
    "react",
    "docker",
    "알고리즘",
    "데이터",
    "사진",
    "영화",
    "음악",
]


def paragraph(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)) + "."


def body(rng: random.Random, size: int) -> str:
    parts = [f"# {paragraph(rng, 4)}", ""]
    while sum(len(p.encode()) for p in parts) < size:
        choice = rng.random()
        if choice < 0.1:
            parts += ["```python", "def f(x):", "    return x * 2", "```", ""]
        elif choice < 0.2:
            parts += [f"## {paragraph(rng, 3)}", ""]
        elif choice < 0.3:
            parts += [f"![](../images/{rng.randrange(10**8):08x}-image.png)", ""]
        else:
            parts += [paragraph(rng, 40), ""]
    return "\n".join(parts)


def post(rng: random.Random, index: int, size: int) -> tuple[str, str]:
    moment = datetime(2018, 1, 1, tzinfo=UTC) + timedelta(minutes=rng.randrange(4_000_000))
    tags = rng.sample(TAGS, rng.randrange(0, 4))
    title = f"{paragraph(rng, 3)[:-1]} {index}"
    if index % 3 == 0:  # Jekyll style
        header = (
            f"---\nlayout: post\ntitle: {title}\n"
            f"date: {moment:%Y-%m-%d %H:%M:%S} +0000\ntags: {' '.join(tags)}\n---\n"
        )
        name = f"_posts/{moment:%Y-%m-%d}-post-{index}.md"
    else:  # velog-backup style, sometimes with a raw quote that breaks the YAML
        quote = '"' if index % 20 == 1 else ""
        tag_list = ",".join(f'"{tag}"' for tag in tags)
        header = (
            f'---\ntitle: "{title}{quote}"\ndescription: "{paragraph(rng, 12)}"\n'
            f"date: {moment:%Y-%m-%dT%H:%M:%S}.000Z\ntags: [{tag_list}]\n---\n"
        )
        name = f"content/{title}.md"
    text = header + body(rng, size - len(header.encode()))
    if index % 25 == 0:
        text += "\n\nundefined\n"
    if index % 2:
        text += "\n"
    return name, text


def generate(out: Path, count: int, size: int = 10_000) -> None:
    """Write ``count`` posts under ``out``."""
    rng = random.Random(count)
    for index in range(count):
        name, text = post(rng, index, size)
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    target = Path(sys.argv[1])
    generate(
        target,
        int(sys.argv[2]) if len(sys.argv) > 2 else 10_000,
        int(sys.argv[3]) if len(sys.argv) > 3 else 10_000,
    )
    print(f"wrote {target}")
