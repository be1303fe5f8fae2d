"""A tab's process asking the class server for its player's name (stdlib only, no aiohttp)."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

TAB_ENV = "ALI_QUIZ_TAB"
SECRET_ENV = "ALI_QUIZ_TAB_SECRET"
API_ENV = "ALI_QUIZ_CLASS_API"
TIMEOUT = 10.0


class ClassServerError(Exception):
    """The class server could not be reached or refused the request."""


@dataclass(frozen=True)
class SeatAnswer:
    """The server's answer to a name asked for (see serve.seats.Claim)."""

    name: str
    rejoin_code: str
    rejoined: bool
    round_id: int | None
    refusal: str | None


@dataclass(frozen=True)
class TabClient:
    """How this tab's process reaches the class server: its address, tab id and secret."""

    api: str
    tab: str
    secret: str

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> TabClient | None:
        env = os.environ if environ is None else environ
        api, tab, secret = env.get(API_ENV), env.get(TAB_ENV), env.get(SECRET_ENV)
        if not (api and tab and secret):
            return None
        return cls(api, tab, secret)

    def post(self, path: str, data: dict[str, Any]) -> dict[str, Any]:
        request = urllib.request.Request(
            f"{self.api}{path}",
            data=json.dumps(data).encode("utf-8"),
            headers={
                "Content-Type": "application/json",
                "X-Ali-Quiz-Tab": self.tab,
                "X-Ali-Quiz-Secret": self.secret,
            },
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                answer = json.loads(response.read(65536).decode("utf-8"))
        except (urllib.error.URLError, OSError, ValueError) as error:
            raise ClassServerError(str(error)) from error
        if not isinstance(answer, dict):
            raise ClassServerError("the class server gave an unexpected answer")
        return answer

    def claim(self, name: str, rejoin_code: str) -> SeatAnswer:
        """Ask for a name (with the rejoin code when coming back)."""
        answer = self.post("/tab/claim", {"name": name, "rejoin_code": rejoin_code})
        round_id = answer.get("round_id")
        refusal = answer.get("refusal")
        return SeatAnswer(
            name=str(answer.get("name") or ""),
            rejoin_code=str(answer.get("rejoin_code") or ""),
            rejoined=bool(answer.get("rejoined")),
            round_id=round_id if isinstance(round_id, int) else None,
            refusal=refusal if isinstance(refusal, str) else None,
        )

    def set_round(self, round_id: int) -> None:
        """Tell the server which round in the history this player plays (for a rejoin)."""
        self.post("/tab/round", {"round_id": round_id})
