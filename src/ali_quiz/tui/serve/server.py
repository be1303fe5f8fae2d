"""The class's web server: textual-serve's Server with a token, a seat limit and idle tabs ended.

textual-serve starts one fixed command per websocket and guards nothing. `ClassServer` puts the
join token in front of the page, the websocket that starts a tab's process and the downloads
(no token: 403 and no process), refuses tabs over `max_players` with a "class is full" page,
ends tabs idle for `idle_seconds`, and gives each tab's process the class round on its command
line and its own secret in its environment, with which the process asks for a player's name
(`/tab/claim`) and says which round it plays (`/tab/round`).
"""

from __future__ import annotations

import asyncio
import html
import logging
import secrets
import time
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from ali_quiz.classroom.classround import ServerEvent, ServerSettings, api_address, join_base
from ali_quiz.classroom.seats import Claim, Seats
from ali_quiz.i18n import Translator

log = logging.getLogger("ali-quiz.serve")

TOKEN_COOKIE = "ali_quiz_class"
TAB_HEADER = "X-Ali-Quiz-Tab"
SECRET_HEADER = "X-Ali-Quiz-Secret"
STOP_SECONDS = 5.0  # how long a tab's process may take to quit before it is killed
TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass
class Tab:
    """One connected browser tab and its process."""

    id: str
    secret: str
    started: float
    last_input: float
    service: AppService | None = None
    websocket: web.WebSocketResponse | None = None
    ended_idle: bool = False


class TabService(AppService):
    """One tab's process, with the class's environment added to textual-serve's."""

    def __init__(self, command: str, extra_env: dict[str, str], **kwargs: Any) -> None:
        super().__init__(command, **kwargs)
        self.extra_env = extra_env

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width=width, height=height)
        environment.update(self.extra_env)
        return environment

    @property
    def process_running(self) -> bool:
        process = self._process
        return process is not None and process.returncode is None

    @property
    def finished(self) -> bool:
        """The process's output has ended (it exited or crashed)."""
        return self._task is not None and self._task.done()

    async def wait_finished(self) -> None:
        if self._task is not None:
            await asyncio.shield(self._task)

    def kill(self) -> None:
        if self._process is not None and self._process.returncode is None:
            self._process.kill()

    async def reap(self) -> None:
        """Wait for the ended process and close its pipes (nothing is left for the GC)."""
        process = self._process
        if process is None:
            return
        with suppress(TimeoutError):
            await asyncio.wait_for(process.wait(), STOP_SECONDS)
        transport = getattr(process, "_transport", None)
        if transport is not None:
            transport.close()


class ClassServer(Server):
    """textual-serve's Server, for one class: token, seat limit, idle tabs, tab API."""

    def __init__(self, command: str, settings: ServerSettings, tr: Translator) -> None:
        super().__init__(
            command,
            host=settings.host,
            port=settings.port,
            title=settings.title,
            public_url=join_base(settings.public_host, settings.port),
            templates_path=TEMPLATES,
        )
        self.settings = settings
        self.tr = tr
        self.seats = Seats()
        self.tabs: dict[str, Tab] = {}
        self.api_host = "127.0.0.1" if settings.host in ("0.0.0.0", "::", "") else settings.host

    # --- The token ---------------------------------------------------------------------

    @property
    def join_url(self) -> str:
        return f"{self.public_url}/?token={self.settings.token}"

    def token_ok(self, given: str | None) -> bool:
        return bool(given) and secrets.compare_digest(str(given), self.settings.token)

    def request_token_ok(self, request: web.Request) -> bool:
        return self.token_ok(request.query.get("token")) or self.token_ok(
            request.cookies.get(TOKEN_COOKIE)
        )

    @property
    def full(self) -> bool:
        return len(self.tabs) >= self.settings.max_players

    def page(self, title_key: str, body_key: str, status: int) -> web.Response:
        """A small page of our own (refused, full), in the interface language."""
        title = html.escape(self.tr(title_key))
        body = html.escape(self.tr(body_key, count=self.settings.max_players))
        lang = "zh-Hant" if self.tr.language == "zh-Hant" else "en"
        text = (
            f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width"><title>{title}</title>'
            "<style>body{font-family:sans-serif;background:#0c181f;color:#eee;"
            "display:flex;align-items:center;justify-content:center;height:90vh}"
            "main{max-width:32em;padding:2em;background:#12232d;border-radius:8px}</style>"
            f"</head><body><main><h1>{title}</h1><p>{body}</p></main></body></html>"
        )
        return web.Response(text=text, status=status, content_type="text/html")

    def refused(self) -> web.Response:
        return self.page("serve.page.refused_title", "serve.page.refused_body", 403)

    def full_page(self) -> web.Response:
        return self.page("serve.page.full_title", "serve.page.full_body", 503)

    # --- Routes ------------------------------------------------------------------------

    async def _make_app(self) -> web.Application:
        app = web.Application()
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws/{token}", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.post("/tab/claim", self.handle_claim),
                web.post("/tab/round", self.handle_round),
                web.static("/static", self.statics_path, name="static"),
            ]
        )
        return app

    async def handle_index(self, request: web.Request) -> web.Response:
        if not self.request_token_ok(request):
            return self.refused()
        if self.full:
            return self.full_page()
        # The websocket URL is built from the address the browser used, so the page works
        # whatever name or address of this machine the student typed.
        scheme = "wss" if request.secure else "ws"
        template = (TEMPLATES / "index.html").read_text(encoding="utf-8")
        text = (
            template.replace("{{ title }}", html.escape(self.title))
            .replace("{{ lang }}", "zh-Hant" if self.tr.language == "zh-Hant" else "en")
            .replace("{{ static }}", "/static/")
            .replace("{{ font_size }}", str(to_int(request.query.get("fontsize", "16"), 16)))
            .replace(
                "{{ websocket }}",
                html.escape(f"{scheme}://{request.host}/ws/{self.settings.token}"),
            )
            .replace("{{ ended }}", html.escape(self.tr("serve.page.ended")))
            .replace("{{ restart }}", html.escape(self.tr("serve.page.restart")))
        )
        response = web.Response(text=text, content_type="text/html")
        # Downloads are fetched by textual.js from /download/KEY: the cookie carries the token.
        response.set_cookie(TOKEN_COOKIE, self.settings.token, httponly=True, samesite="Strict")
        return response

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        if not self.request_token_ok(request):
            return self.refused()
        return await super().handle_download(request)

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]
        if not self.token_ok(request.match_info.get("token")):
            return self.refused()
        if self.full:
            self.settings.events(ServerEvent("full"))
            return self.full_page()
        now = time.monotonic()
        tab = Tab(
            id=secrets.token_hex(8), secret=secrets.token_urlsafe(24), started=now, last_input=now
        )
        self.tabs[tab.id] = tab  # at once: the seat counts before any await
        try:
            await self.run_tab(request, tab)
        finally:
            self.tabs.pop(tab.id, None)
            seat = self.seats.seat_of(tab.id)
            self.seats.release(tab.id)
            if tab.ended_idle:
                self.settings.events(ServerEvent("idle", seat.name if seat else ""))
            elif seat is not None:
                self.settings.events(ServerEvent("left", seat.name))
        return tab.websocket or web.Response(status=500)

    async def run_tab(self, request: web.Request, tab: Tab) -> None:
        websocket = tab.websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        await websocket.prepare(request)
        service = tab.service = TabService(
            self.command,
            {
                "ALI_QUIZ_TAB": tab.id,
                "ALI_QUIZ_TAB_SECRET": tab.secret,
                "ALI_QUIZ_CLASS_API": f"http://{api_address(self.api_host)}:{self.port}",
            },
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
        )
        watchers: list[asyncio.Task[None]] = []
        try:
            await service.start(width, height)
            watchers = [
                asyncio.create_task(self.close_when_ended(service, websocket)),
                asyncio.create_task(self.end_when_idle(tab)),
            ]
            await self.read_browser(websocket, service, tab)
        except Exception:  # a tab's failure is its own: the class goes on
            log.exception("tab %s failed", tab.id)
        finally:
            for watcher in watchers:
                watcher.cancel()
            await self.stop_service(service)
            if not websocket.closed:
                await websocket.close()

    async def read_browser(
        self, websocket: web.WebSocketResponse, service: AppService, tab: Tab
    ) -> None:
        """Pass the browser's keys and sizes to the process; anything malformed is ignored."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                kind, data = message.json()
            except (ValueError, TypeError):
                continue
            if kind == "stdin" and isinstance(data, str):
                tab.last_input = time.monotonic()
                await service.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                width, height = data.get("width"), data.get("height")
                if isinstance(width, int) and isinstance(height, int):
                    await service.set_terminal_size(width, height)
            elif kind == "ping":
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await service.blur()
            elif kind == "focus":
                await service.focus()

    async def close_when_ended(self, service: TabService, websocket: web.WebSocketResponse) -> None:
        """A process that exits or crashes closes its tab (the browser offers a restart)."""
        await service.wait_finished()
        if not websocket.closed:
            await websocket.close()

    async def end_when_idle(self, tab: Tab) -> None:
        idle = self.settings.idle_seconds
        while True:
            left = tab.last_input + idle - time.monotonic()
            if left <= 0:
                tab.ended_idle = True
                if tab.websocket is not None:
                    await tab.websocket.close()
                return
            await asyncio.sleep(min(left + 0.05, 60.0))

    async def stop_service(self, service: TabService) -> None:
        """Ask the process to quit; kill it when it does not within STOP_SECONDS."""
        try:
            await asyncio.wait_for(service.stop(), STOP_SECONDS)
        except (TimeoutError, Exception):
            service.kill()
        await service.reap()

    # --- The tabs' own API ---------------------------------------------------------------

    def tab_of(self, request: web.Request) -> Tab:
        tab = self.tabs.get(request.headers.get(TAB_HEADER, ""))
        if tab is None or not secrets.compare_digest(
            request.headers.get(SECRET_HEADER, ""), tab.secret
        ):
            raise web.HTTPForbidden(text="unknown tab")
        return tab

    async def read_json(self, request: web.Request) -> dict[str, Any]:
        try:
            data = await request.json()
        except ValueError:
            raise web.HTTPBadRequest(text="not JSON") from None
        if not isinstance(data, dict):
            raise web.HTTPBadRequest(text="not an object")
        return data

    async def handle_claim(self, request: web.Request) -> web.Response:
        tab = self.tab_of(request)
        data = await self.read_json(request)
        claim: Claim = self.seats.claim(
            tab.id, str(data.get("name", "")), str(data.get("rejoin_code", ""))
        )
        if claim.refusal is None:
            self.settings.events(
                ServerEvent("rejoined" if claim.rejoined else "joined", claim.name)
            )
        return web.json_response(
            {
                "name": claim.name,
                "rejoin_code": claim.rejoin_code,
                "rejoined": claim.rejoined,
                "round_id": claim.round_id,
                "refusal": None if claim.refusal is None else claim.refusal.value,
            }
        )

    async def handle_round(self, request: web.Request) -> web.Response:
        tab = self.tab_of(request)
        data = await self.read_json(request)
        round_id = data.get("round_id")
        if not isinstance(round_id, int) or not self.seats.set_round(tab.id, round_id):
            raise web.HTTPBadRequest(text="no seat or no round id")
        return web.json_response({"ok": True})

    # --- Stopping ----------------------------------------------------------------------

    async def close_all(self) -> None:
        """End every tab (their answers are already in the history)."""
        tabs = list(self.tabs.values())
        for tab in tabs:
            if tab.websocket is not None and not tab.websocket.closed:
                await tab.websocket.close()
        services = [tab.service for tab in tabs if isinstance(tab.service, TabService)]
        await asyncio.gather(*(self.stop_service(s) for s in services), return_exceptions=True)
