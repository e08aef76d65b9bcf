"""One envelope for every answer: ``{"data": ..., "meta": {...}, "error": null}`` on success,
``{"data": null, "meta": {}, "error": {"status", "code", "message", "details"}}`` on failure.

Library errors keep their stable code (``L5xx`` for requests, ``L4xx`` for the store);
nothing a client sends can produce a bare 500 page.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from ..errors import AuthError, LagebildError, NotFoundError, RequestError, StoreError

log = logging.getLogger("lagebild.serve")

_STATUS = {RequestError: 400, StoreError: 400, NotFoundError: 404, AuthError: 401}


class Envelope(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"),
                          allow_nan=False).encode("utf-8")


def ok(data: Any, **meta: Any) -> Envelope:
    return Envelope({"data": data, "meta": meta, "error": None})


def ok_records(records: list[str], **meta: Any) -> Response:
    """The envelope around records that are JSON texts already (a page of events)."""
    body = (b'{"data":[' + ",".join(records).encode("utf-8") + b'],"meta":'
            + json.dumps(meta, separators=(",", ":")).encode("utf-8") + b',"error":null}')
    return Response(body, media_type="application/json")


def failure(status: int, code: str, message: str, details: list | None = None,
            headers: dict | None = None) -> Envelope:
    error = {"status": status, "code": code, "message": message, "details": details or []}
    return Envelope({"data": None, "meta": {}, "error": error}, status_code=status,
                    headers=headers)


class BodyLimit:
    """ASGI middleware: a request body over ``limit`` bytes gets 413 before it is read whole."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length", b"0")
        if declared.isdigit() and int(declared) > self.limit:
            return await self._refuse(scope, receive, send)
        seen, refused = 0, False

        async def counted():
            nonlocal seen, refused
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit and not refused:
                refused = True
                await self._refuse(scope, receive, send)
            return {"type": "http.disconnect"} if refused else message

        async def guarded(message):
            if not refused:  # the 413 has been sent; whatever the app answers is dropped
                await send(message)

        await self.app(scope, counted, guarded)

    async def _refuse(self, scope, receive, send):
        response = failure(413, RequestError.code, f"request body over {self.limit:,} bytes")
        await response(scope, receive, send)


def install(app: FastAPI) -> None:
    """Route every error through the envelope."""

    @app.exception_handler(LagebildError)
    async def _library(request: Request, exc: LagebildError) -> Envelope:
        status = next((s for kind, s in _STATUS.items() if isinstance(exc, kind)), 500)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return failure(status, exc.code, exc.message, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Envelope:
        details = [{"where": ".".join(str(p) for p in e.get("loc", ())[1:]) or "body",
                    "problem": e.get("msg", "").removeprefix("Value error, "),
                    "type": e.get("type", "")}
                   for e in exc.errors()]
        first = details[0] if details else {"where": "", "problem": "invalid request"}
        message = f"{first['where']}: {first['problem']}" if first["where"] else first["problem"]
        return failure(400, RequestError.code, message, details)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> Envelope:
        code = NotFoundError.code if exc.status_code == 404 else RequestError.code
        return failure(exc.status_code, code, str(exc.detail), headers=exc.headers)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Envelope:
        log.exception("unexpected error on %s", request.url.path)
        return failure(500, LagebildError.code, f"internal error: {type(exc).__name__}")
