"""Typed settings: the one place that reads the environment (and an optional `.env`)."""

from __future__ import annotations

import logging
import secrets
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from realtime.security.proxies import TrustedProxies, parse_networks
from realtime.services.ratelimit import Rule, parse_rules

log = logging.getLogger(__name__)

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./codearena.db"
DEFAULT_WEB_DIST = Path(__file__).resolve().parent.parent / "web" / "dist"


class Settings(BaseSettings):
    """Everything the process can be told from outside.

    Embedded defaults run the whole service on one machine with no extra
    services: a SQLite file, the in-process Socket.IO manager and judge pool,
    the local sandbox and the offline coach.
    """

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    env: Literal["development", "production", "test"] = Field(
        "development", validation_alias="CODEARENA_ENV"
    )
    database_url: str = Field(DEFAULT_DATABASE_URL, validation_alias="DATABASE_URL")
    redis_url: str | None = Field(None, validation_alias="REDIS_URL")
    # first part of every Redis key and stream this deployment owns (not the judge queue's)
    redis_prefix: str = Field(
        "codearena", min_length=1, max_length=64, validation_alias="CODEARENA_REDIS_PREFIX"
    )
    secret: SecretStr | None = Field(None, validation_alias="CODEARENA_SECRET")
    host: str = Field("127.0.0.1", validation_alias="CODEARENA_HOST")
    port: int = Field(8000, validation_alias="CODEARENA_PORT")
    cors_origins: str = Field("*", validation_alias="CODEARENA_CORS_ORIGINS")
    access_token_minutes: int = Field(15, ge=1, validation_alias="CODEARENA_ACCESS_TOKEN_MINUTES")
    refresh_token_days: int = Field(30, ge=1, validation_alias="CODEARENA_REFRESH_TOKEN_DAYS")
    max_body_bytes: int = Field(
        2 * 1024 * 1024, ge=1024, validation_alias="CODEARENA_MAX_BODY_BYTES"
    )
    load_bank: bool = Field(True, validation_alias="CODEARENA_LOAD_BANK")
    log_level: str = Field("INFO", validation_alias="CODEARENA_LOG_LEVEL")
    log_format: Literal["text", "json"] = Field("text", validation_alias="CODEARENA_LOG_FORMAT")
    web_dist: Path = Field(DEFAULT_WEB_DIST, validation_alias="CODEARENA_WEB_DIST")
    # reverse proxies whose X-Forwarded-For / Forwarded name the client (IPs or CIDRs)
    trusted_proxies: str = Field("", validation_alias="CODEARENA_TRUSTED_PROXIES")
    # overrides of the rate limits, "NAME=COUNT/SECONDS,..." (README, "Limits")
    rate_limits: str = Field("", validation_alias="CODEARENA_RATE_LIMITS")

    # account mail (verification, password reset): logged when no SMTP host is set
    public_url: str | None = Field(None, validation_alias="CODEARENA_PUBLIC_URL")
    smtp_host: str | None = Field(None, validation_alias="CODEARENA_SMTP_HOST")
    smtp_port: int = Field(587, ge=1, le=65535, validation_alias="CODEARENA_SMTP_PORT")
    smtp_security: Literal["starttls", "tls", "none"] = Field(
        "starttls", validation_alias="CODEARENA_SMTP_SECURITY"
    )
    smtp_username: str | None = Field(None, validation_alias="CODEARENA_SMTP_USERNAME")
    smtp_password: SecretStr | None = Field(None, validation_alias="CODEARENA_SMTP_PASSWORD")
    mail_from: str = Field("CodeArena <no-reply@localhost>", validation_alias="CODEARENA_MAIL_FROM")
    verify_email_hours: int = Field(48, ge=1, validation_alias="CODEARENA_VERIFY_EMAIL_HOURS")
    reset_password_minutes: int = Field(
        30, ge=1, validation_alias="CODEARENA_RESET_PASSWORD_MINUTES"
    )

    # judging
    judge_backend: Literal["local", "judge0"] = Field("local", validation_alias="JUDGE_BACKEND")
    judge0_url: str | None = Field(None, validation_alias="JUDGE0_URL")
    judge0_token: SecretStr | None = Field(None, validation_alias="JUDGE0_TOKEN")
    judge_concurrency: int | None = Field(
        None, ge=1, validation_alias="CODEARENA_JUDGE_CONCURRENCY"
    )
    allow_unsandboxed: bool = Field(False, validation_alias="CODEARENA_ALLOW_UNSANDBOXED")
    sandbox_bwrap: str | None = Field(None, validation_alias="CODEARENA_BWRAP")  # path to bwrap
    judge_visibility_timeout: float = Field(
        30.0, gt=0, validation_alias="CODEARENA_JUDGE_VISIBILITY_TIMEOUT"
    )
    judge_timeout_seconds: float = Field(120.0, gt=0, validation_alias="CODEARENA_JUDGE_TIMEOUT")
    problem_cache_seconds: int = Field(
        60, ge=0, le=3600, validation_alias="CODEARENA_PROBLEM_CACHE_SECONDS"
    )
    worker_metrics_port: int | None = Field(
        None, ge=1, le=65535, validation_alias="CODEARENA_WORKER_METRICS_PORT"
    )
    worker_metrics_host: str = Field("127.0.0.1", validation_alias="CODEARENA_WORKER_METRICS_HOST")

    # realtime
    socketio_channel: str = Field("codearena", validation_alias="CODEARENA_SOCKETIO_CHANNEL")
    ping_interval: float = Field(20.0, gt=0, validation_alias="CODEARENA_PING_INTERVAL")
    ping_timeout: float = Field(20.0, gt=0, validation_alias="CODEARENA_PING_TIMEOUT")
    max_socket_message_bytes: int = Field(
        4 * 1024 * 1024, ge=65536, validation_alias="CODEARENA_MAX_SOCKET_MESSAGE_BYTES"
    )
    # permessage-deflate on websockets: off, an idle connection costs ~4x the memory with it
    socket_compression: bool = Field(False, validation_alias="CODEARENA_SOCKET_COMPRESSION")
    # per-connection event budget: a token bucket per socket (README, "Limits")
    socket_event_rate: float = Field(30.0, gt=0, validation_alias="CODEARENA_SOCKET_EVENT_RATE")
    socket_event_burst: int = Field(120, ge=1, validation_alias="CODEARENA_SOCKET_EVENT_BURST")
    socket_flood_cooldown_seconds: float = Field(
        30.0, ge=0, validation_alias="CODEARENA_SOCKET_FLOOD_COOLDOWN"
    )
    snapshot_interval_seconds: float = Field(
        30.0, ge=0, validation_alias="CODEARENA_SNAPSHOT_INTERVAL"
    )
    # a system-design scene as stored JSON (elements, appState, files); under the body limit
    design_scene_max_bytes: int = Field(
        1536 * 1024, ge=16 * 1024, validation_alias="CODEARENA_DESIGN_SCENE_MAX_BYTES"
    )

    # coach
    ai_provider: Literal["offline", "openai", "gemini"] | None = Field(
        None, validation_alias="CODEARENA_AI_PROVIDER"
    )
    ai_model: str | None = Field(None, validation_alias="CODEARENA_AI_MODEL")
    openai_api_key: SecretStr | None = Field(None, validation_alias="OPENAI_API_KEY")
    openai_base_url: str | None = Field(None, validation_alias="OPENAI_BASE_URL")
    gemini_api_key: SecretStr | None = Field(None, validation_alias="GEMINI_API_KEY")
    gemini_base_url: str | None = Field(None, validation_alias="GEMINI_BASE_URL")
    ai_timeout_seconds: float = Field(30.0, gt=0, validation_alias="CODEARENA_AI_TIMEOUT")
    ai_retries: int = Field(2, ge=0, le=10, validation_alias="CODEARENA_AI_RETRIES")
    ai_backoff_seconds: float = Field(0.5, ge=0, validation_alias="CODEARENA_AI_BACKOFF")
    ai_daily_tokens: int = Field(200_000, ge=0, validation_alias="CODEARENA_AI_DAILY_TOKENS")

    @field_validator("trusted_proxies")
    @classmethod
    def _check_proxies(cls, value: str) -> str:
        parse_networks(value)
        return value

    @field_validator("rate_limits")
    @classmethod
    def _check_rate_limits(cls, value: str) -> str:
        parse_rules(value)
        return value

    @cached_property
    def proxies(self) -> TrustedProxies:
        return TrustedProxies.parse(self.trusted_proxies)

    @cached_property
    def rate_rules(self) -> dict[str, Rule]:
        return parse_rules(self.rate_limits)

    @model_validator(mode="after")
    def _production_needs_secret(self) -> Settings:
        if self.env == "production" and not self.secret:
            raise ValueError("CODEARENA_SECRET must be set when CODEARENA_ENV=production")
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def effective_ai_provider(self) -> str:
        """The provider in use: explicit choice, else whichever API key is present."""
        if self.ai_provider:
            return self.ai_provider
        if self.openai_api_key:
            return "openai"
        if self.gemini_api_key:
            return "gemini"
        return "offline"

    @property
    def site_url(self) -> str:
        """Where links in mail point: CODEARENA_PUBLIC_URL, else this process's address."""
        return (self.public_url or f"http://{self.host}:{self.port}").rstrip("/")

    @property
    def cors_origin_list(self) -> list[str] | str:
        origins = [o.strip() for o in self.cors_origins.split(",") if o.strip()]
        return "*" if origins in ([], ["*"]) else origins

    @cached_property
    def secret_key(self) -> str:
        """The signing secret; in development a random one persisted next to the database."""
        if self.secret:
            return self.secret.get_secret_value()
        path = self.secret_file
        if path.exists():
            return path.read_text().strip()
        value = secrets.token_urlsafe(48)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(value)
        path.chmod(0o600)
        log.warning("CODEARENA_SECRET not set: generated a development secret in %s", path)
        return value

    @property
    def secret_file(self) -> Path:
        if self.is_sqlite and ":///" in self.database_url:
            db_path = self.database_url.split(":///", 1)[1]
            if db_path and db_path != ":memory:":
                return Path(db_path).resolve().parent / "codearena.secret"
        return Path.cwd() / "codearena.secret"


def load_settings(**overrides: object) -> Settings:
    """Read settings from the environment; keyword overrides win (tests, CLI flags)."""
    return Settings(**overrides)  # type: ignore[arg-type]
