"""Short-lived access JWTs (HS256), shared by REST and the Socket.IO connect payload."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import jwt

ALGORITHM = "HS256"


class InvalidToken(Exception):
    """Missing, expired, tampered or otherwise unusable token; message says which."""


@dataclass(frozen=True)
class AccessClaims:
    user_id: int
    role: str
    version: int
    family: str | None = None  # the login (refresh-token family) the token was issued to


def create_access_token(
    secret: str,
    *,
    user_id: int,
    role: str,
    version: int,
    lifetime: timedelta,
    family: str | None = None,
) -> str:
    now = datetime.now(UTC)
    payload = {
        "sub": str(user_id),
        "role": role,
        "ver": version,
        "type": "access",
        "iat": now,
        "exp": now + lifetime,
        "jti": uuid.uuid4().hex,
    }
    if family is not None:
        payload["fam"] = family
    return jwt.encode(payload, secret, algorithm=ALGORITHM)


def decode_access_token(secret: str, token: str) -> AccessClaims:
    try:
        payload = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            options={"require": ["sub", "exp", "iat", "type"]},
        )
    except jwt.ExpiredSignatureError as exc:
        raise InvalidToken("token expired") from exc
    except jwt.InvalidTokenError as exc:
        raise InvalidToken("invalid token") from exc
    if payload.get("type") != "access":
        raise InvalidToken("not an access token")
    try:
        family = payload.get("fam")
        return AccessClaims(
            int(payload["sub"]),
            str(payload["role"]),
            int(payload.get("ver", 0)),
            str(family) if family is not None else None,
        )
    except (TypeError, ValueError) as exc:
        raise InvalidToken("invalid token") from exc
