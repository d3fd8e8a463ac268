"""Tests here run the app against a loopback model server, through the real SDKs.

`settings` is replaced: the server uses the OpenAI or the Gemini provider
(parametrised by `provider`) pointed at the loopback server, on SQLite (these
tests are about providers, not databases).
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest

from realtime.config import Settings, load_settings
from tests.coach.loopback import LoopbackModel


def model_settings(tmp_path: Any, model: LoopbackModel, provider: str, **extra: Any) -> Settings:
    common: dict[str, Any] = {
        "env": "test",
        "database_url": f"sqlite+aiosqlite:///{tmp_path}/coach.db",
        "secret": "coach-secret-" + uuid.uuid4().hex,
        "load_bank": False,
        "redis_url": None,
        "ai_model": "loopback-model",
        "ai_timeout_seconds": 1.0,
        "ai_retries": 1,
        "ai_backoff_seconds": 0.05,
        **extra,
    }
    if provider == "openai":
        return load_settings(
            **common,
            ai_provider="openai",
            openai_api_key="sk-loopback",
            openai_base_url=f"{model.url}/v1",
        )
    return load_settings(
        **common, ai_provider="gemini", gemini_api_key="gm-loopback", gemini_base_url=model.url
    )


@pytest.fixture(params=["openai", "gemini"])
def provider(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
async def model() -> AsyncIterator[LoopbackModel]:
    server = LoopbackModel()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
def settings(tmp_path: Any, model: LoopbackModel, provider: str) -> Settings:
    return model_settings(tmp_path, model, provider)
