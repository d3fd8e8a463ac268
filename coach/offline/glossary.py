"""Short explanations of common techniques, for "what is a prefix sum?" questions.

Each entry explains the idea and when it applies, never a problem's solution.
"""

from __future__ import annotations

import re

# (name, regex that recognises the term, explanation)
TERMS: tuple[tuple[str, str, str], ...] = (
    (
        "prefix sums",
        r"prefix[ -]?sums?|cumulative sums?",
        "A prefix sum array stores p[i] = a[0] + ... + a[i-1], built in one O(n) pass. The sum of "
        "any range "
        "a[l..r] is then p[r+1] - p[l] in O(1), which turns 'sum over many ranges' from O(n) per "
        "query into O(1).",
    ),
    (
        "two pointers",
        r"two[ -]pointers?",
        "Two indices move through the data in one direction only (both from the left, or from "
        "both ends). "
        "Because neither moves back, the total work is O(n) even though there is a loop inside a "
        "loop. It fits sorted arrays and windows whose validity changes monotonically.",
    ),
    (
        "sliding window",
        r"sliding[ -]window",
        "A window [left, right] moves right one step at a time; when it becomes invalid, left "
        "advances until it "
        "is valid again. Keep the window's summary (sum, counts) updated incrementally instead of "
        "recomputing it.",
    ),
    (
        "binary search",
        r"binary[ -]search|bisect",
        "Binary search halves a range each step, so it needs O(log n) steps. It works on any "
        "monotonic "
        "condition (false...false true...true), not just sorted arrays: 'binary search on the "
        "answer' checks whether a candidate value is feasible.",
    ),
    (
        "BFS",
        r"\bbfs\b|breadth[ -]first",
        "Breadth-first search explores a graph level by level with a queue. In an unweighted "
        "graph the first "
        "time it reaches a node is along a shortest path. Mark nodes when you enqueue them, not "
        "when you pop them.",
    ),
    (
        "DFS",
        r"\bdfs\b|depth[ -]first",
        "Depth-first search follows one path as far as possible before backtracking, using "
        "recursion or an "
        "explicit stack. It is used for connectivity, cycle detection and topological order. In "
        "Python prefer an explicit stack on deep graphs: recursion stops at about 1000 levels.",
    ),
    (
        "dynamic programming",
        r"dynamic[ -]programming|\bdp\b",
        "Dynamic programming solves a problem from answers to smaller subproblems that overlap. "
        "Define the state "
        "(what dp[i] means), the transition (how dp[i] follows from smaller states), the base "
        "cases and the order of evaluation; the cost is states times work per state.",
    ),
    (
        "memoisation",
        r"memoi[sz]ation|memoi[sz]e|lru_cache",
        "Memoisation caches a function's result for each argument so repeated calls are free; it "
        "turns exponential "
        "recursion with overlapping subproblems into (number of states) x (work per state).",
    ),
    (
        "hash map",
        r"hash[ -]?maps?|hash[ -]?tables?|dictionar(y|ies)|hash[ -]?sets?",
        "A hash map (Python dict/set, Java HashMap, C++ unordered_map) stores keys for O(1) "
        "average lookup, "
        "insert and delete. Use it to remember what you have already seen instead of searching a "
        "list again.",
    ),
    (
        "big-O",
        r"big[ -]?o|time complexity|complexity",
        "Big-O describes how the number of steps grows with the input size n, ignoring constants. "
        "A useful rule: "
        "Python does about 10^7 simple steps per second, C++ about 10^8 to 10^9; compare n^2, n "
        "log n, ... for the largest n in the constraints against that.",
    ),
    (
        "monotonic stack",
        r"monotonic[ -]stack",
        "A monotonic stack keeps its elements in increasing (or decreasing) order by popping "
        "everything that "
        "would break the order before pushing. Each element is pushed and popped once, so it is "
        "O(n) overall; it answers 'next greater/smaller element' questions.",
    ),
    (
        "greedy",
        r"\bgreedy\b",
        "A greedy algorithm makes the locally best choice at each step and never revisits it. It "
        "is only correct "
        "when you can argue that some optimal solution agrees with the greedy choice (an exchange "
        "argument); always test it against a brute force on small inputs.",
    ),
    (
        "recursion",
        r"\brecursion\b|\brecursive\b",
        "A recursive function solves a problem by calling itself on smaller inputs and needs a "
        "base case that "
        "stops it. Each call uses stack space, so depth matters: Python's default limit is about "
        "1000 calls.",
    ),
    (
        "union-find",
        r"union[ -]find|disjoint[ -]set|\bdsu\b",
        "Union-find keeps groups of elements: find(x) returns the group's representative and "
        "union(a, b) merges "
        "two groups. With path compression and union by size both are almost O(1).",
    ),
    (
        "heap",
        r"\bheaps?\b|priority[ -]queue|heapq",
        "A heap gives the smallest (or largest) element in O(1) and inserts or removes in O(log "
        "n). Python's heapq is a min-heap on a list; push negated values for a max-heap.",
    ),
    (
        "topological sort",
        r"topolog",
        "A topological order lists the nodes of a directed acyclic graph so that every edge goes "
        "forward. Kahn's "
        "algorithm repeatedly takes nodes with in-degree 0; if some nodes are never taken, the "
        "graph has a cycle.",
    ),
)


def explain_term(question: str) -> tuple[str, str] | None:
    """Return (term, explanation) when the question asks what a known technique is."""
    if not re.search(
        r"\bwhat\b|\bexplain\b|\bhow does\b|\bhow do\b|\bmean\b|\bwhy\b|\?", question, re.I
    ):
        return None
    for name, pattern, text in TERMS:
        if re.search(pattern, question, re.I):
            return name, text
    return None
