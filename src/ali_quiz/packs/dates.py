"""Partial dates (`2017`, `2016-09`, `2015-01-16`): each one is a range of days."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ali_quiz.i18n import Translator
from ali_quiz.record import Record

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class DateFormatError(ValueError):
    """A date that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or names a day that does not exist:
    why, as an interface-string key (`date.<reason>`) and its values; str() is the English."""

    def __init__(self, reason: str, /, **values: object) -> None:
        self.reason, self.values = reason, values
        super().__init__(self.words(Translator("en")))

    def words(self, tr: Translator, /) -> str:
        """The problem in the interface language."""
        return tr(f"date.{self.reason}", **self.values)


_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_BEFORE_MONTH = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)  # days, not in leap years


def _month_days(year: int, month: int) -> int:
    """Days in the month (the calendar module would bring `locale` into every command)."""
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS[month - 1]


@dataclass(frozen=True, eq=False, repr=False)
class PartialDate(Record):
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; raise DateFormatError with a reason."""
        match = _DATE_RE.match(text.strip())
        if not match:
            raise DateFormatError("shape", text=repr(text))
        year_digits, month_digits, day_digits = match.groups()
        year = int(year_digits)
        month = int(month_digits) if month_digits else None
        day = int(day_digits) if day_digits else None
        if year < 1:
            raise DateFormatError("year", text=repr(text))
        if month is not None and not 1 <= month <= 12:
            raise DateFormatError("month", text=repr(text), month=month)
        if month is not None and day is not None:
            last = _month_days(year, month)
            if not 1 <= day <= last:
                raise DateFormatError(
                    "day", text=repr(text), year=year, month=f"{month:02d}", day=day, last=last
                )
        return cls(year, month, day)

    def iso(self) -> str:
        """The ISO prefix this date was written as: `2016`, `2016-09` or `2016-09-01`."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def ordinals(self) -> tuple[int, int]:
        """The first and last day as proleptic ordinals (fast to compare)."""
        year, month, day = self.year, self.month, self.day
        if 1 <= year <= 9999 and (month is None or 1 <= month <= 12):
            # date(...).toordinal() worked out in place (the same numbers): a large pack's
            # timeline asks this of 12,000 dates at each validation. Other values fall through
            # to date(), which says what is wrong with them.
            leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
            y, m = year - 1, month or 1
            first = y * 365 + y // 4 - y // 100 + y // 400 + _BEFORE_MONTH[m - 1] + 1
            first += leap and m > 2
            if day is None:
                if month is None:
                    return first, first + 364 + leap
                return first, first + _month_days(year, month) - 1
            if 1 <= day <= _month_days(year, m):
                return first + day - 1, first + day - 1
        if self.day is not None:
            day = date(self.year, self.month or 1, self.day).toordinal()
            return day, day
        if self.month is not None:
            first = date(self.year, self.month, 1).toordinal()
            return first, first + _month_days(self.year, self.month) - 1
        return date(self.year, 1, 1).toordinal(), date(self.year, 12, 31).toordinal()

    def sort_key(self) -> tuple[int, int]:
        """Sort by the first day, then the last: `2020` before `2020-02`, which is inside it.

        Partial dates have no natural order (is 2020 before 2020-02?), so the class defines
        none; sort with this key.
        """
        return self.ordinals()

    def first_day(self) -> date:
        """The earliest day the date may mean."""
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        """The latest day the date may mean."""
        month = self.month or 12
        day = self.day or _month_days(self.year, month)
        return date(self.year, month, day)

    def overlaps(self, other: PartialDate) -> bool:
        """True when the two ranges share a day, so neither is known to come first."""
        return self.first_day() <= other.last_day() and other.first_day() <= self.last_day()

    def before(self, other: PartialDate) -> bool:
        """True when every day of this date comes before every day of the other."""
        return self.last_day() < other.first_day()

    def __str__(self) -> str:
        return self.iso()
