"""Who may write: reads are open, writes need `Authorization: Bearer <token>`.

Tokens are made with `terrain token create --role analyst|admin NAME`; the store keeps only their
SHA-256 hash and answers (name, role) for an active one. Roles are ordered: an admin may do what an
analyst may (ingest, review) and also delete documents.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Callable

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from terrain.web.errors import ApiError

RANK = {"analyst": 1, "admin": 2}
FIX_TOKEN = ("create one with `terrain token create --role analyst NAME` and send it as "
             "`Authorization: Bearer <token>` (in the workspace: the key button, top right)")
_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="terrain"'}

# Only for the OpenAPI description (the "Authorize" button in /docs); the checks are ours below.
bearer = HTTPBearer(auto_error=False, scheme_name="token",
                    description="An API token from `terrain token create --role analyst|admin NAME`")


@dataclass(frozen=True)
class Caller:
    name: str
    role: str


def _token(request: Request) -> str:
    header = request.headers.get("authorization")
    if not header:
        raise ApiError(401, f"{request.method} {request.url.path} writes and needs an API token; none was sent",
                       FIX_TOKEN, _CHALLENGE)
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "the Authorization header is not 'Bearer <token>'", FIX_TOKEN, _CHALLENGE)
    return token.strip()


def require(role: str) -> Callable[..., Caller]:
    """A dependency that lets through callers holding ``role`` or a higher one."""
    if role not in RANK:
        raise ValueError(f"unknown role {role!r}")

    def check(request: Request, _: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> Caller:
        found = request.app.state.store.check_token(_token(request))
        if found is None:
            raise ApiError(401, "the API token is not valid (unknown or revoked)",
                           "check it was copied whole, or " + FIX_TOKEN, _CHALLENGE)
        name, held = found
        if RANK.get(held, 0) < RANK[role]:
            raise ApiError(403, f"token {name!r} has role {held}; this needs role {role}",
                           f"ask an admin for a token made with `terrain token create --role {role} NAME`")
        return Caller(name, held)

    return check


Analyst = Annotated[Caller, Depends(require("analyst"))]
Admin = Annotated[Caller, Depends(require("admin"))]
