"""Start real `codearena` processes (web servers, judge workers) for multi-process tests."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Proc:
    name: str
    popen: subprocess.Popen
    log: Path
    port: int | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def kill(self, sig: int = signal.SIGKILL) -> None:
        if self.popen.poll() is None:
            self.popen.send_signal(sig)
            try:
                self.popen.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait(timeout=10)


@dataclass
class ProcessGroup:
    """Owns every process a test starts and stops them all at the end."""

    workdir: Path
    env: dict[str, str]
    procs: list[Proc] = field(default_factory=list)

    def start(
        self, name: str, *args: str, port: int | None = None, extra_env: dict | None = None
    ) -> Proc:
        log = self.workdir / f"{name}.log"
        handle = log.open("wb")
        popen = subprocess.Popen(
            [sys.executable, "-m", "realtime", *args],
            stdout=handle,
            stderr=subprocess.STDOUT,
            env={**self.env, **(extra_env or {})},
            cwd=self.workdir,
            start_new_session=True,
        )
        proc = Proc(name, popen, log, port)
        self.procs.append(proc)
        return proc

    def serve(self, name: str, extra_env: dict | None = None) -> Proc:
        port = free_port()
        proc = self.start(name, "serve", "--port", str(port), port=port, extra_env=extra_env)
        wait_healthy(proc)
        return proc

    def stop_all(self) -> None:
        for proc in reversed(self.procs):
            proc.kill(signal.SIGTERM)


def wait_healthy(proc: Proc, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.popen.poll() is not None:
            raise RuntimeError(f"{proc.name} exited early:\n{proc.output()}")
        try:
            with urllib.request.urlopen(proc.url + "/api/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{proc.name} never became healthy:\n{proc.output()}")


def base_env(**overrides: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("CODEARENA_", "DATABASE_URL", "REDIS_URL"))
    }
    env.update(overrides)
    return env


def call_json(
    method: str, url: str, body: dict | None = None, token: str | None = None
) -> tuple[int, Any, dict[str, str]]:
    """One blocking JSON request to a served process: (status, body, headers), errors too."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=20) as resp:
            return resp.status, json.loads(resp.read() or b"null"), dict(resp.headers)
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null"), dict(exc.headers)
