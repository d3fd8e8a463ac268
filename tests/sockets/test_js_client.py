"""Interop with the official JavaScript client (`socket.io-client` from npm, run by node)."""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

import pytest

JS_DIR = Path(__file__).resolve().parents[1] / "js"


def node_ready() -> None:
    if shutil.which("node") is None:
        pytest.fail("node is required for the JS interop tests")
    if not (JS_DIR / "node_modules" / "socket.io-client").exists():
        pytest.fail("run `npm install` in tests/js (scripts/test.sh does it)")


async def run_node(script: str, *args: str) -> dict:
    proc = await asyncio.create_subprocess_exec(
        "node",
        str(JS_DIR / script),
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        cwd=JS_DIR,
    )
    stdout, stderr = await asyncio.wait_for(proc.communicate(), 90)
    assert proc.returncode == 0, stderr.decode()
    return json.loads(stdout)


async def test_js_client_executes_and_streams(server_url, make_account_on, aplusb):
    node_ready()
    me = await make_account_on()
    payload = {
        "problem": aplusb,
        "language": "javascript",
        "mode": "submit",
        "code": "const input = require('fs').readFileSync(0, 'utf8');\n"
        "const [a, b] = input.trim().split(/\\s+/).map(Number);\n"
        "console.log(a + b);\n",
    }
    out = await run_node("execute.mjs", server_url, me.token, json.dumps(payload))
    assert out["connectError"] is None
    assert out["ack"]["ok"] is True
    assert out["result"]["verdict"] == "AC" and out["result"]["total"] == 4
    tests = [p for p in out["progress"] if p["kind"] == "test"]
    assert sorted(p["index"] for p in tests) == [0, 1, 2, 3]


async def test_js_client_refused_and_error_ack(server_url, make_account_on, aplusb):
    node_ready()
    out = await run_node("execute.mjs", server_url, "not-a-token", "{}")
    assert out["connectError"]["data"]["code"] == "invalid_token"
    me = await make_account_on()
    out = await run_node(
        "execute.mjs",
        server_url,
        me.token,
        json.dumps({"problem": aplusb, "language": "cobol", "code": "x"}),
    )
    assert out["ack"] == {
        "ok": False,
        "error": {"code": "unknown_language", "message": out["ack"]["error"]["message"]},
    }
    assert out["ack"]["error"]["message"].startswith("unknown language 'cobol'")
