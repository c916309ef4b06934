"""API tokens: only a SHA-256 hash is stored; the plaintext is shown once, at creation."""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import asdict, dataclass
from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from terrain.errors import NotFound, TerrainError
from terrain.store.convert import as_utc, utcnow
from terrain.store.models import TokenRow

ROLES = ("analyst", "admin")
# A token's last use is recorded at most this often, so that every API request is not a write.
_TOUCH_EVERY = timedelta(minutes=1)


class TokenError(TerrainError, ValueError):
    pass


@dataclass(frozen=True)
class TokenInfo:
    name: str
    role: str
    created_at: str
    last_used_at: str | None
    revoked: bool

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create(session: Session, name: str, role: str) -> str:
    name = (name or "").strip()
    if not name:
        raise TokenError("a token needs a name", "name it after who or what uses it, e.g. --name dashboard")
    if role not in ROLES:
        raise TokenError(f"unknown role {role!r}", f"use one of {', '.join(ROLES)}")
    active = session.scalar(sa.select(TokenRow.id).where(TokenRow.name == name, TokenRow.revoked.is_(False)))
    if active is not None:
        raise TokenError(f"a token named {name!r} exists", "revoke it first or choose another name")
    token = "trn_" + secrets.token_urlsafe(32)
    session.add(TokenRow(name=name, role=role, token_hash=hash_token(token), created_at=utcnow(),
                         last_used_at=None, revoked=False))
    return token


def lookup(session: Session, token: str) -> tuple[int, str, str, bool] | None:
    """(id, name, role, whether its last use is worth recording) of an active token, else None."""
    if not token:
        return None
    row = session.scalar(sa.select(TokenRow).where(TokenRow.token_hash == hash_token(token),
                                                   TokenRow.revoked.is_(False)))
    if row is None:
        return None
    last = as_utc(row.last_used_at)
    return row.id, row.name, row.role, last is None or utcnow() - last > _TOUCH_EVERY


def touch(session: Session, token_id: int) -> None:
    session.execute(sa.update(TokenRow).where(TokenRow.id == token_id).values(last_used_at=utcnow()))


def listing(session: Session) -> list[TokenInfo]:
    rows = session.scalars(sa.select(TokenRow).order_by(TokenRow.created_at, TokenRow.id))
    out = []
    for r in rows:
        last = as_utc(r.last_used_at)
        out.append(TokenInfo(r.name, r.role, as_utc(r.created_at).isoformat(),  # type: ignore[union-attr]
                             last.isoformat() if last else None, r.revoked))
    return out


def revoke(session: Session, name: str) -> None:
    rows = session.scalars(sa.select(TokenRow).where(TokenRow.name == name, TokenRow.revoked.is_(False))).all()
    if not rows:
        raise NotFound(f"no active token named {name!r}", "list the tokens (Store.list_tokens) to see their names")
    for r in rows:
        r.revoked = True
