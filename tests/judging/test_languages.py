"""The language registry and availability probing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from judging import languages
from judging.languages import LANGUAGES, Language, available_languages, get_language
from judging.pipeline import Judge
from judging.request import JudgeRequest, TestCase
from judging.sandbox import Sandbox
from judging.verdicts import Verdict
from storage.languages import LANGUAGE_IDS
from tests.judging.conftest import ON_CI


def test_registry_is_keyed_by_the_stored_language_ids() -> None:
    """storage.languages is the one list: every id has an entry here and nothing else does."""
    assert tuple(LANGUAGES) == LANGUAGE_IDS


def test_registry() -> None:
    assert set(LANGUAGES) == {"python", "javascript", "c", "cpp", "java"}
    for lang_id, lang in LANGUAGES.items():
        assert lang.id == lang_id and lang.self_test and lang.self_test_output
        assert lang.version and lang.run
    assert get_language("java").source_name == "Main.java"
    assert [lid for lid, lang in LANGUAGES.items() if lang.compiled] == ["c", "cpp", "java"]
    # VMs that reserve address space are capped with their own flags instead of RLIMIT_AS.
    java, node = get_language("java"), get_language("javascript")
    assert not java.limit_address_space and not node.limit_address_space
    assert "-Xmx256m" in java.run_command("/box", 256)
    assert "--max-old-space-size=256" in node.run_command("/box", 256)
    limits = java.run_limits(2.0, 256)
    assert limits.memory_mb == 256 + java.memory_overhead_mb and limits.processes >= 32
    assert limits.wall_time_s > limits.cpu_time_s


async def test_every_language_passes_its_self_test(sandbox: Sandbox) -> None:
    statuses = await available_languages(sandbox)
    assert set(statuses) == set(LANGUAGES)
    for status in statuses.values():
        if ON_CI:
            assert status.available, status
        assert status.available or status.reason
        if status.available:
            assert status.version
    assert statuses["python"].available
    assert await available_languages(sandbox) == statuses  # cached


async def test_missing_toolchain_is_unavailable_not_a_crash(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    ghost = replace(
        get_language("c"),
        id="ghost",
        name="Ghost",
        version=("/usr/bin/ghostc", "--version"),
        compile=("/usr/bin/ghostc", "main.c"),
    )
    broken = replace(get_language("python"), id="broken", self_test_output="6\n")
    monkeypatch.setitem(languages.LANGUAGES, "ghost", ghost)
    monkeypatch.setitem(languages.LANGUAGES, "broken", broken)
    statuses = await available_languages(sandbox, refresh=True)
    assert not statuses["ghost"].available and "ghostc" in statuses["ghost"].reason
    assert not statuses["broken"].available and "self-test" in statuses["broken"].reason
    assert statuses["python"].available


async def test_a_new_language_is_one_entry(judge: Judge, monkeypatch: pytest.MonkeyPatch) -> None:
    """E.g. C with another standard: declare it, and the whole pipeline handles it."""
    gnu = Language(
        id="c-gnu",
        name="C (GNU C11)",
        source_name="main.c",
        compile=("/usr/bin/gcc", "-O2", "-std=gnu11", "-o", "main", "main.c"),
        compiled=True,
        run=("{box}/main",),
        version=("/usr/bin/gcc", "--version"),
        self_test='#include <stdio.h>\nint main(void){puts("5");}\n',
        self_test_output="5\n",
    )
    monkeypatch.setitem(languages.LANGUAGES, "c-gnu", gnu)
    source = (
        "#include <stdio.h>\n"
        'int main(void){typeof(1) a,b;scanf("%d %d",&a,&b);printf("%d\\n",a+b);}'
    )
    result = await judge.judge(JudgeRequest("c-gnu", source, [TestCase("1", b"2 3\n", b"5\n")]))
    assert result.verdict is Verdict.AC
