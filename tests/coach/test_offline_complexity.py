"""Complexity estimates from code structure, compared with the constraints."""

from __future__ import annotations

import textwrap

import pytest

from coach.offline.complexity import check_complexity, render_complexity
from coach.offline.costs import CONSTANT, EXPONENTIAL, LINEAR, LOG, N_LOG_N, QUADRATIC, Cost
from coach.offline.python_cost import analyze_python

LIMITS = "1 ≤ n ≤ 2·10^5\n-10^9 ≤ a_i ≤ 10^9"

PROGRAMS = {
    "nested_pairs": (
        """
        n = int(input())
        a = list(map(int, input().split()))
        best = 0
        for i in range(n):
            for j in range(i + 1, n):
                best = max(best, a[i] + a[j])
        print(best)
        """,
        "O(n^2)",
        "too_slow",
    ),
    "kadane": (
        """
        import sys
        data = sys.stdin.read().split()
        n = int(data[0])
        best = cur = -10**18
        for x in map(int, data[1:n + 1]):
            cur = max(x, cur + x)
            best = max(best, cur)
        print(best)
        """,
        "O(n)",
        "ok",
    ),
    "membership_in_list": (
        """
        n = int(input())
        seen = []
        dup = 0
        for x in input().split():
            if x in seen:
                dup += 1
            seen.append(x)
        print(dup)
        """,
        "O(n^2)",
        "too_slow",
    ),
    "membership_in_set": (
        """
        n = int(input())
        seen = set()
        dup = 0
        for x in input().split():
            if x in seen:
                dup += 1
            seen.add(x)
        print(dup)
        """,
        "O(n)",
        "ok",
    ),
    "bfs_adjacency": (
        """
        from collections import deque
        import sys
        data = sys.stdin.buffer.read().split()
        n, m = int(data[0]), int(data[1])
        adj = [[] for _ in range(n)]
        for k in range(m):
            u, v = int(data[2 + 2 * k]) - 1, int(data[3 + 2 * k]) - 1
            adj[u].append(v)
            adj[v].append(u)
        dist = [-1] * n
        dist[0] = 0
        q = deque([0])
        while q:
            u = q.popleft()
            for v in adj[u]:
                if dist[v] < 0:
                    dist[v] = dist[u] + 1
                    q.append(v)
        print(dist[n - 1])
        """,
        "O(n)",
        "ok",
    ),
    "fibonacci": (
        """
        def fib(n):
            if n < 2:
                return n
            return fib(n - 1) + fib(n - 2)
        print(fib(int(input())))
        """,
        "O(2^n)",
        "too_slow",
    ),
    "memoised_fibonacci": (
        """
        from functools import lru_cache
        @lru_cache(maxsize=None)
        def fib(n):
            if n < 2:
                return n
            return fib(n - 1) + fib(n - 2)
        print(fib(int(input())))
        """,
        "O(n)",
        "ok",
    ),
    "two_pointers": (
        """
        n, k = map(int, input().split())
        a = list(map(int, input().split()))
        left = total = best = 0
        for right in range(n):
            total += a[right]
            while total > k:
                total -= a[left]
                left += 1
            best = max(best, right - left + 1)
        print(best)
        """,
        "O(n)",
        "ok",
    ),
    "monotonic_stack": (
        """
        n = int(input())
        a = list(map(int, input().split()))
        stack, answer = [], [-1] * n
        for i in range(n):
            while stack and a[stack[-1]] < a[i]:
                answer[stack.pop()] = a[i]
            stack.append(i)
        print(*answer)
        """,
        "O(n)",
        "ok",
    ),
    "sort_inside_loop": (
        """
        n = int(input())
        a = list(map(int, input().split()))
        out = []
        for i in range(n):
            out.append(sorted(a)[i])
        print(*out)
        """,
        "O(n^2 log n)",
        "too_slow",
    ),
    "binary_search_queries": (
        """
        import sys
        input = sys.stdin.readline
        n = int(input())
        a = sorted(map(int, input().split()))
        q = int(input())
        res = []
        for _ in range(q):
            x = int(input())
            lo, hi = 0, n
            while lo < hi:
                mid = (lo + hi) // 2
                if a[mid] < x:
                    lo = mid + 1
                else:
                    hi = mid
            res.append(lo)
        print(*res)
        """,
        "O(n log n)",
        "ok",
    ),
    "triple_comprehension": (
        """
        n = int(input())
        a = list(map(int, input().split()))
        print(sum(1 for i in range(n) for j in range(n) for k in range(n) if a[i] + a[j] == a[k]))
        """,
        "O(n^3)",
        "too_slow",
    ),
    "backtracking": (
        """
        n = int(input())
        used = [False] * n
        def count(k):
            if k == n:
                return 1
            total = 0
            for i in range(n):
                if not used[i]:
                    used[i] = True
                    total += count(k + 1)
                    used[i] = False
            return total
        print(count(0))
        """,
        "O(2^n)",
        "too_slow",
    ),
    "linear_helper_in_loop": (
        """
        def total(xs):
            s = 0
            for x in xs:
                s += x
            return s
        n = int(input())
        a = list(map(int, input().split()))
        print(max(total(a[:i]) for i in range(1, n + 1)))
        """,
        "O(n^2)",
        "too_slow",
    ),
    "queue_with_pop_zero": (
        """
        n = int(input())
        queue = list(range(n))
        while queue:
            x = queue.pop(0)
        """,
        "O(n^2)",
        "too_slow",
    ),
    "sieve": (
        """
        n = int(input())
        prime = [True] * (n + 1)
        for i in range(2, n + 1):
            if prime[i]:
                for j in range(i * i, n + 1, i):
                    prime[j] = False
        print(sum(prime) - 2)
        """,
        "O(n log n)",
        "ok",
    ),
    "union_find": (
        """
        n, m = map(int, input().split())
        parent = list(range(n))
        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x
        for _ in range(m):
            a, b = map(int, input().split())
            parent[find(a)] = find(b)
        print(len({find(v) for v in range(n)}))
        """,
        "O(n log n)",
        "ok",
    ),
    "words_processed_one_by_one": (
        """
        import sys
        words = sys.stdin.read().split()[1:]
        keys = {}
        for word in words:
            key = "".join(sorted(word))
            keys[key] = keys.get(key, 0) + 1
        print(sum(c * (c - 1) // 2 for c in keys.values()))
        """,
        "O(n)",
        "ok",
    ),
    "digit_loop": (
        """
        n = int(input())
        total = 0
        while n > 0:
            total += n % 10
            n //= 10
        print(total)
        """,
        "O(log n)",
        "ok",
    ),
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_estimates(name):
    source, label, verdict = PROGRAMS[name]
    report = check_complexity(textwrap.dedent(source), LIMITS, time_limit_seconds=2)
    assert report.complexity == label
    assert report.verdict == verdict


def test_findings_point_at_the_expensive_line():
    report = check_complexity(textwrap.dedent(PROGRAMS["membership_in_list"][0]), LIMITS)
    finding = report.findings[0]
    assert finding.line == 6
    assert "`in` on a list" in finding.reason
    assert finding.cost == QUADRATIC


def test_render_explains_operations_and_idea():
    report = check_complexity(
        textwrap.dedent(PROGRAMS["nested_pairs"][0]), LIMITS, time_limit_seconds=1
    )
    text = render_complexity(report)
    assert "**Complexity: O(n^2)**" in text
    assert "n <= 2*10^5" in text
    assert "4*10^10" in text
    assert "1*10^7" in text or "10^7" in text
    assert "Time Limit Exceeded" in text
    assert "line 6" in text
    assert "Idea:" in text


def test_small_input_makes_quadratic_fine():
    report = check_complexity(textwrap.dedent(PROGRAMS["nested_pairs"][0]), "1 ≤ n ≤ 1000")
    assert report.verdict == "ok"
    assert "fits comfortably" in render_complexity(report)


def test_risky_band():
    report = check_complexity(textwrap.dedent(PROGRAMS["nested_pairs"][0]), "1 ≤ n ≤ 10^4", 1)
    assert report.verdict == "risky"


def test_unknown_size():
    report = check_complexity("for i in range(n):\n    pass\n", "")
    assert report.verdict == "unknown"
    assert report.operations is None
    assert "no input size" in render_complexity(report)


def test_syntax_error_is_reported_not_raised():
    report = check_complexity("for i in range(3)\n    pass\n", LIMITS)
    assert report.verdict == "unknown"
    assert "Could not analyse the code: syntax error on line 1" in report.notes[0]


def test_recursion_depth_note():
    report = check_complexity(textwrap.dedent(PROGRAMS["memoised_fibonacci"][0]), LIMITS)
    assert any("RecursionError" in note for note in report.notes)
    raised = "import sys\nsys.setrecursionlimit(10**6)\n" + textwrap.dedent(
        PROGRAMS["memoised_fibonacci"][0]
    )
    report = check_complexity(raised, LIMITS)
    assert any("crash the interpreter" in note for note in report.notes)


def test_slow_io_notes_only_for_big_inputs():
    source = "n = int(input())\nfor _ in range(n):\n    x = int(input())\n    print(x * 2)\n"
    notes = check_complexity(source, LIMITS).notes
    assert any("sys.stdin" in note for note in notes)
    assert any("'\\n'.join" in note for note in notes)
    assert check_complexity(source, "1 ≤ n ≤ 100").notes == ()


def test_loop_bound_names_pick_the_right_constraint():
    source = textwrap.dedent(
        """
        t = int(input())
        for _ in range(t):
            n, a, b = map(int, input().split())
            print(n // a + n // b)
        """
    )
    report = check_complexity(source, "1 ≤ T ≤ 10^4\n1 ≤ N ≤ 10^18")
    assert report.size.name == "T"
    assert report.verdict == "ok"


@pytest.mark.parametrize(
    ("source", "language", "label"),
    [
        (
            "int main(){int n; for(int i=0;i<n;i++) for(int j=0;j<n;j++){ for(int k=0;k<26;k++) "
            "s++; } }",
            "cpp",
            "O(n^2)",
        ),
        (
            "class Main { void f(int[] a){ for (int x : a) { for (int y : a) { for (int z : a) "
            "c++; } } } }",
            "java",
            "O(n^3)",
        ),
        (
            "function f(a){ a.sort((x,y)=>x-y); for (let i=0;i<a.length;i++) s+=a[i]; }",
            "javascript",
            "O(n log n)",
        ),
        (
            "int f(int n){ int c=0; while (n > 0) { n /= 2; c++; } for (int i=1; i<=n; i*=2) c++; "
            "return c; }",
            "c",
            "O(n)",
        ),
        ("// for (int i=0;i<n;i++) for (int j=0;j<n;j++)\nint main(){ return 0; }", "cpp", "O(1)"),
    ],
)
def test_brace_languages_rough_estimate(source, language, label):
    report = check_complexity(source, LIMITS, language=language)
    assert report.rough
    assert report.complexity == label


def test_cpp_budget_is_larger_than_python():
    source = "int main(){ for(int i=0;i<n;i++) for(int j=0;j<n;j++) s++; }"
    assert check_complexity(source, "1 ≤ n ≤ 20000", language="cpp").verdict == "ok"
    python = "for i in range(n):\n    for j in range(n):\n        s += 1\n"
    assert check_complexity(python, "1 ≤ n ≤ 20000").verdict == "too_slow"


def test_cost_algebra():
    assert (LINEAR * LOG) == N_LOG_N
    assert (LINEAR * LINEAR).label() == "O(n^2)"
    assert Cost(degree=0.5).label() == "O(sqrt(n))"
    assert CONSTANT.label() == "O(1)"
    assert EXPONENTIAL > Cost(degree=5)
    assert N_LOG_N > LINEAR
    assert QUADRATIC.operations(1000) == 1_000_000
    assert EXPONENTIAL.label("k") == "O(2^k)"


def test_analysis_never_raises_on_odd_code():
    odd = textwrap.dedent(
        """
        class Solver:
            def solve(self, items):
                return [x for x in items if x]
        async def main():
            async with lock:
                pass
        lambda x: x
        try:
            pass
        except Exception:
            pass
        finally:
            pass
        """
    )
    assert analyze_python(odd).syntax_error is None
