"""Hand-written post files reproducing every quirk of the files our users bring (docs/FORMATS.md).

Each entry is (relative path, exact bytes). None is a copy of anyone's post.
"""

from __future__ import annotations

VELOG_HEADER = (
    "---\n"
    'title: "제주 여행 후기"\n'
    'description: "바다&#x3A; 맑음, 하늘&#x3A; 흐림"\n'
    "date: 2021-03-28T11:58:29.459Z\n"
    'tags: ["여행","일상"]\n'
    "---\n"
)

QUIRKS: dict[str, bytes] = {
    # velog-backup: flow list without spaces, entity in description, no trailing newline
    "backup/content/제주 여행 후기.md": (
        VELOG_HEADER + "# 제주\n\n![](../images/0a1b-sea.png)\n\n바다가 좋았다."
    ).encode(),
    # an unescaped quote inside the title: invalid YAML, as velog-backup writes it
    "backup/content/책 \u201c데미안\u201d 읽고.md": (
        '---\ntitle: "책 "데미안" 읽고"\ndescription: "싱클레어"\n'
        'date: 2020-11-02T01:02:03.000Z\ntags: ["독서"]\n---\n본문\n'
    ).encode(),
    # a backslash inside the description: invalid escape
    "backup/content/윈도우 경로.md": (
        '---\ntitle: "윈도우 경로"\ndescription: "C:\\Users\\나"\n'
        'date: 2020-05-05T05:05:05.000Z\ntags: ["windows"]\n---\n경로 이야기\n'
    ).encode(),
    # \_ is a valid escape (a non-breaking space): must survive untouched
    "backup/content/snake_case.md": (
        '---\ntitle: "snake\\_case 이야기"\ndescription: ""\n'
        'date: 2019-01-01T00:00:00.000Z\ntags: ["python","style"]\n---\n`snake_case`\n'
    ).encode(),
    # undefined lines where images failed to download, and the /images/ link style
    "backup/content/사진 모음.md": (
        '---\ntitle: "사진 모음"\ndescription: "사진"\ndate: 2021-06-01T09:00:00.000Z\n'
        'tags: ["사진"]\n---\n![](/images/0a1b-sea.png)\n\nundefined\n\nundefined\n'
        "\n![](/images/missing.png)\n"
    ).encode(),
    # dated backup folder, header without a date
    "backup/2021-10-31/content/가을.md": ('---\ntitle: "가을"\ntags: []\n---\n낙엽\n').encode(),
    "backup/2021-10-31/content/날짜 없는 글.md": "머리말 없는 글\n".encode(),
    # CRLF line endings
    "notes/crlf.md": (
        b"---\r\ntitle: Windows note\r\ntags: [windows, crlf]\r\n---\r\nLine one\r\nLine two\r\n"
    ),
    # UTF-8 with a BOM
    "notes/bom.md": b"\xef\xbb\xbf---\ntitle: BOM note\ntags: bom\n---\nText\n",
    # legacy Korean encoding
    "notes/cp949.md": "---\ntitle: 옛날 인코딩\ntags: [레거시]\n---\n한글 본문\n".encode("cp949"),
    # Jekyll: dated file name, date with offset, space-separated tags
    "_posts/2016-02-29-leap-day.md": (
        b"---\nlayout: post\ntitle: Leap day\ndate: 2016-02-29 09:48:44 +0100\n"
        b"tags: jekyll leap\ncategories: [blog]\n---\nOnce every four years.\n"
    ),
    # Jekyll: date only in the file name
    "_posts/2015-07-04-no-date.markdown": b"---\ntitle: Fourth\n---\nFireworks.\n",
    # Hugo: RFC 3339 date, keywords, block list
    "content/posts/hugo.md": (
        b"---\ntitle: Hugo post\ndate: 2024-02-02T04:14:54-08:00\ndraft: false\n"
        b"tags:\n  - hugo\n  - static\nkeywords: [web]\nsummary: A short summary\n---\nHello.\n"
    ),
    # Hugo TOML header
    "content/posts/toml.md": (
        b'+++\ntitle = "TOML post"\ndate = 2023-05-06T07:08:09+09:00\ntags = ["toml", "hugo"]\n'
        b'[params]\nauthor = "me"\n+++\nBody.\n'
    ),
    # Obsidian: plain date and aliases
    "vault/obsidian.md": (
        b"---\ntags: [idea]\naliases: [Thought]\ndate: 2020-08-21\n---\n# Obsidian note\n\nText.\n"
    ),
    # a header that is a list, not a mapping
    "notes/list-header.md": b"---\n- one\n- two\n---\nBody after a list header.\n",
    # a file starting with a --- horizontal rule, with another rule later
    "notes/leading-rule.md": b"---\n\nA paragraph between rules.\n\n---\n\nMore text.\n",
    # no header at all, heading title, no trailing newline
    "notes/plain.md": b"# Just a heading\n\nNo front matter here.",
}

IMAGES = ["backup/images/0a1b-sea.png"]

PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005050201a5f7d6e40000000049454e44ae426082"
)


def write_quirks(root) -> dict:
    """Write every quirk file (and the images) under ``root``; returns path -> bytes."""
    written = {}
    for relative, data in QUIRKS.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written[path] = data
    for relative in IMAGES:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(PNG_1PX)
    return written


PNG_HEAD = b"\x89PNG\r\n\x1a\n"  # enough for the app to take a file for a PNG
JPEG_HEAD = b"\xff\xd8\xff\xe0"


def solid_png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A PNG of one colour, written by hand (zlib + CRC) so tests need no imaging library."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + bytes(rgb) * width
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )
