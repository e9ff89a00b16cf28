"""Reading the dates posts carry, and writing a date back in the style a file already uses.

Accepted: YAML timestamps, ISO 8601 / RFC 3339 (``2021-03-28T11:58:29.459Z``,
``2024-02-02T04:14:54-08:00``), Jekyll's ``2016-02-29 09:48:44 +0100`` (time and offset
optional) and plain dates. A date without an offset is taken in the machine's local time zone;
every date returned is timezone-aware.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, UTC
from typing import cast

_DATE_TEXT = re.compile(
    r"^(?P<date>\d{4}-\d{1,2}-\d{1,2})"
    r"(?:(?P<sep>[T ]|\s+)(?P<hm>\d{1,2}:\d{2})(?P<sec>:\d{2})?(?P<frac>[.,]\d+)?"
    r"(?P<space>\s*)(?P<tz>Z|z|[+-]\d{2}(?::?\d{2})?)?)?\s*$"
)
_NAME_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:-|$)")


def local_zone() -> timezone:
    """The machine's current UTC offset as a fixed time zone."""
    # astimezone() without a zone attaches a fixed-offset datetime.timezone
    return cast(timezone, datetime.now().astimezone().tzinfo)


def aware(moment: datetime) -> datetime:
    """``moment`` with a time zone: naive values are read as local time."""
    return moment if moment.tzinfo is not None else moment.astimezone()


def local(moment: datetime) -> datetime:
    """``moment`` on this computer's clock, as people read dates: a velog date stored in UTC
    (``...T23:13Z``) is the next morning in Korea, and is shown and grouped as such. A moment
    whose local time would fall past year 9999 (or before year 1) keeps its own clock."""
    moment = aware(moment)
    try:
        return moment.astimezone()
    except OverflowError:
        return moment


def zone_label(moment: datetime) -> str:
    """``UTC`` or ``UTC+09:00``: the offset of an aware ``moment``."""
    offset = moment.strftime("%z")
    return "UTC" if offset in ("+0000", "") else f"UTC{offset[:3]}:{offset[3:]}"


def parse_date(value: object) -> datetime | None:
    """A timezone-aware datetime for a header date value, or None when it is not a date."""
    if isinstance(value, datetime):
        return aware(value)
    if isinstance(value, date):
        return aware(datetime.combine(value, time()))
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 10**8:
        return datetime.fromtimestamp(value, UTC)
    if not isinstance(value, str):
        return None
    match = _DATE_TEXT.match(value.strip())
    if match is None:
        return None
    try:
        year, month, day = (int(part) for part in match["date"].split("-"))
        hour, minute = (int(part) for part in (match["hm"] or "0:00").split(":"))
        second = int(match["sec"][1:]) if match["sec"] else 0
        micro = int((match["frac"][1:] + "000000")[:6]) if match["frac"] else 0
        moment = datetime(year, month, day, hour, minute, second, micro)
    except ValueError:
        return None
    zone = match["tz"]
    if not zone:
        return aware(moment)
    if zone in "Zz":
        return moment.replace(tzinfo=UTC)
    digits = zone[1:].replace(":", "")
    offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0))
    return moment.replace(tzinfo=timezone(-offset if zone[0] == "-" else offset))


def date_from_path(parts: tuple[str, ...]) -> datetime | None:
    """A date from a ``YYYY-MM-DD-`` file name or, failing that, the nearest dated folder."""
    for part in reversed(parts):
        match = _NAME_DATE.match(part)
        if match:
            try:
                year, month, day = (int(group) for group in match.groups())
                return aware(datetime(year, month, day))
            except ValueError:
                continue
    return None


@dataclass(frozen=True)
class DateStyle:
    """How a file writes its dates, read off one example."""

    date_only: bool = False
    separator: str = "T"
    seconds: bool = True
    fraction: int = 0
    zone: str = "+HH:MM"  # "Z", "+HH:MM", "+HHMM" or "" (no offset: local wall time)
    zone_space: str = ""

    @classmethod
    def of(cls, example: str) -> DateStyle:
        """The style of ``example``, or the RFC 3339 default when it is not a date."""
        match = _DATE_TEXT.match(example.strip())
        if match is None:
            return cls()
        if not match["hm"]:
            return cls(date_only=True)
        zone = match["tz"] or ""
        if zone in ("Z", "z"):
            zone = "Z"
        elif zone:
            zone = "+HH:MM" if ":" in zone else "+HHMM"
        return cls(
            separator="T" if match["sep"] == "T" else match["sep"],
            seconds=bool(match["sec"]),
            fraction=len(match["frac"]) - 1 if match["frac"] else 0,
            zone=zone,
            zone_space=match["space"] if zone else "",
        )

    def format(self, moment: datetime | date) -> str:
        """``moment`` written in this style."""
        if not isinstance(moment, datetime):
            return moment.isoformat()
        moment = aware(moment)
        if self.date_only:
            return moment.date().isoformat()
        if self.zone == "Z":
            moment = moment.astimezone(UTC)
        elif not self.zone:
            moment = moment.astimezone()  # no offset in the file: it reads as local time
        text = moment.strftime(f"%Y-%m-%d{self.separator}%H:%M")
        if self.seconds:
            text += moment.strftime(":%S")
            if self.fraction:
                text += "." + f"{moment.microsecond:06d}"[: self.fraction].ljust(self.fraction, "0")
        if self.zone == "Z":
            return text + self.zone_space + "Z"
        if not self.zone:
            return text
        offset = moment.strftime("%z")
        if self.zone == "+HH:MM":
            offset = offset[:3] + ":" + offset[3:]
        return text + self.zone_space + offset
