"""Auth request and response bodies."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator

from realtime.schemas.users import UserOut
from realtime.security.passwords import MAX_LENGTH, password_problems
from storage.display_names import clean_name


def _strong(password: str) -> str:
    problems = password_problems(password)
    if problems:
        raise ValueError("password " + "; ".join(problems))
    return password


class RegisterIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: EmailStr
    password: str = Field(max_length=MAX_LENGTH)
    display_name: str = Field(min_length=1, max_length=80)

    _check_password = field_validator("password")(_strong)

    @field_validator("display_name")
    @classmethod
    def _clean(cls, value: str) -> str:
        return clean_name(value)


class LoginIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: str = Field(min_length=1, max_length=254)
    password: str = Field(min_length=1, max_length=MAX_LENGTH)


class RefreshIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    refresh_token: str = Field(min_length=10, max_length=200)


class ChangePasswordIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    current_password: str = Field(min_length=1, max_length=MAX_LENGTH)
    new_password: str = Field(max_length=MAX_LENGTH)

    _check_password = field_validator("new_password")(_strong)


class MailTokenIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    token: str = Field(min_length=10, max_length=200)


class PasswordResetRequestIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: str = Field(min_length=3, max_length=254)


class PasswordResetIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    token: str = Field(min_length=10, max_length=200)
    new_password: str = Field(max_length=MAX_LENGTH)

    _check_password = field_validator("new_password")(_strong)


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int
    user: UserOut


class OkOut(BaseModel):
    ok: bool = True
