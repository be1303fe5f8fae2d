"""Who sits in the class: player names, their rejoin codes, their rounds, and which are connected.

Plain Python (no aiohttp, no Textual): the server holds one `Seats` and the tabs' processes ask
it, through the server, to take a name. A name is someone's for the whole class once taken: while
its tab is connected nobody else gets it, and afterwards only its rejoin code gives it back, so a
name alone never takes over someone's round.
"""

from __future__ import annotations

import secrets
import unicodedata
from dataclasses import dataclass, field
from enum import Enum

MAX_NAME = 24
#: Letters and digits that cannot be mistaken for each other when read aloud or copied by hand.
REJOIN_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REJOIN_LENGTH = 4
#: Wrong rejoin codes a tab may try before it must pick another name (guessing is pointless).
MAX_WRONG_CODES = 5


def sanitise_name(text: str) -> str:
    """A player's name as typed, made safe to show and store: NFKC, no control or format
    characters, spaces collapsed, at most MAX_NAME characters ("" when nothing is left)."""
    normal = unicodedata.normalize("NFKC", text)
    kept = "".join(
        " " if ch.isspace() else ch
        for ch in normal
        if ch.isspace() or unicodedata.category(ch)[0] not in "CZ"
    )
    return " ".join(kept.split())[:MAX_NAME].strip()


def name_key(name: str) -> str:
    """Two names that only differ in case or width are the same seat."""
    return sanitise_name(name).casefold()


def normal_rejoin_code(text: str) -> str:
    """A rejoin code as typed (any case, spaces, full-width) in its canonical form."""
    return "".join(unicodedata.normalize("NFKC", text).split()).upper()


def new_rejoin_code() -> str:
    return "".join(secrets.choice(REJOIN_ALPHABET) for _ in range(REJOIN_LENGTH))


class Refusal(Enum):
    """Why a name was not given to a tab."""

    EMPTY = "empty"  # nothing left of the name once sanitised
    TAKEN = "taken"  # someone has this name: it needs its rejoin code
    WRONG_CODE = "wrong_code"  # the rejoin code given is not this name's
    OPEN_ELSEWHERE = "open_elsewhere"  # the right code, but the name's tab is still connected
    TOO_MANY_TRIES = "too_many_tries"  # this tab guessed too often
    SEATED = "seated"  # this tab already has a name


@dataclass
class Seat:
    """One player of the class."""

    name: str
    rejoin_code: str
    tab: str | None = None  # the connected tab that holds this name, if any
    round_id: int | None = None  # the player's round in the history, once started


@dataclass(frozen=True)
class Claim:
    """The answer to a tab asking for a name: a seat (new or rejoined) or a refusal."""

    name: str = ""
    rejoin_code: str = ""
    rejoined: bool = False
    round_id: int | None = None
    refusal: Refusal | None = None


@dataclass
class Seats:
    """Every player of one class session, by name key."""

    seats: dict[str, Seat] = field(default_factory=dict)
    by_tab: dict[str, str] = field(default_factory=dict)  # tab id -> name key
    wrong_tries: dict[str, int] = field(default_factory=dict)  # tab id -> wrong codes given

    def claim(self, tab: str, name: str, rejoin_code: str = "") -> Claim:
        """Give `name` to `tab`: a new seat, or the player's own seat back with its code."""
        if tab in self.by_tab:
            return Claim(refusal=Refusal.SEATED)
        clean = sanitise_name(name)
        if not clean:
            return Claim(refusal=Refusal.EMPTY)
        key = clean.casefold()
        seat = self.seats.get(key)
        if seat is None:
            seat = Seat(name=clean, rejoin_code=new_rejoin_code(), tab=tab)
            self.seats[key] = seat
            self.by_tab[tab] = key
            return Claim(name=seat.name, rejoin_code=seat.rejoin_code)
        code = normal_rejoin_code(rejoin_code)
        if not code:
            return Claim(name=seat.name, refusal=Refusal.TAKEN)
        if self.wrong_tries.get(tab, 0) >= MAX_WRONG_CODES:
            return Claim(name=seat.name, refusal=Refusal.TOO_MANY_TRIES)
        if not secrets.compare_digest(code, seat.rejoin_code):
            self.wrong_tries[tab] = self.wrong_tries.get(tab, 0) + 1
            return Claim(name=seat.name, refusal=Refusal.WRONG_CODE)
        if seat.tab is not None:
            return Claim(name=seat.name, refusal=Refusal.OPEN_ELSEWHERE)
        seat.tab = tab
        self.by_tab[tab] = key
        return Claim(
            name=seat.name, rejoin_code=seat.rejoin_code, rejoined=True, round_id=seat.round_id
        )

    def seat_of(self, tab: str) -> Seat | None:
        key = self.by_tab.get(tab)
        return None if key is None else self.seats.get(key)

    def set_round(self, tab: str, round_id: int) -> bool:
        """The tab's player started their round (its id in the history); False: no such seat."""
        seat = self.seat_of(tab)
        if seat is None:
            return False
        seat.round_id = round_id
        return True

    def release(self, tab: str) -> None:
        """The tab closed: its name waits for its rejoin code."""
        self.wrong_tries.pop(tab, None)
        key = self.by_tab.pop(tab, None)
        seat = None if key is None else self.seats.get(key)
        if seat is not None and seat.tab == tab:
            seat.tab = None

    def connected(self) -> list[Seat]:
        return [seat for seat in self.seats.values() if seat.tab is not None]
