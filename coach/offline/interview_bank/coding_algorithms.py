"""Coding questions on graphs, trees, dynamic programming and binary search."""

from __future__ import annotations

from coach.offline.interview_bank.base import COMPLEXITY, EDGES, Question, make_question

ALGORITHMS: dict[str, tuple[Question, ...]] = {
    "graphs": (
        make_question(
            "graphs-islands",
            "Number of islands",
            "A grid has land and water cells. Count the islands (groups of land cells connected "
            "up, down, left or right).",
            [
                ("BFS or DFS flood fill", r"bfs|dfs|breadth|depth|flood|traverse|union.?find|dsu"),
                ("mark visited cells", r"visit|mark|seen|sink|flip"),
                ("four neighbours", r"neighbo|four|4 directions|up,? down|adjacent"),
                ("count the starts", r"count|increment|each time|new island"),
            ],
            [
                COMPLEXITY,
                (
                    "missing:edge_cases",
                    "What happens with an empty grid, or one huge island of 10^6 cells?",
                ),
                ("always", "If you use recursive DFS, what can go wrong on a large grid?"),
            ],
        ),
        make_question(
            "graphs-shortest-path",
            "Shortest path in an unweighted graph",
            "Find the minimum number of edges between two nodes of an unweighted graph.",
            [
                ("BFS", r"bfs|breadth"),
                ("queue", r"queue|deque"),
                ("distance per node / levels", r"dist|level|layer|steps"),
                ("visited set", r"visit|seen|mark"),
            ],
            [
                ("missing:concept:BFS", "Why would DFS not give the shortest path here?"),
                COMPLEXITY,
                ("always", "Now the edges have positive weights. What do you change?"),
            ],
        ),
        make_question(
            "graphs-course-order",
            "Order of courses with prerequisites",
            "Given courses and prerequisite pairs, return an order in which all courses can be "
            "taken, or say it is impossible.",
            [
                ("topological sort", r"topolog|kahn"),
                ("in-degrees", r"in.?degree|incoming"),
                ("cycle means impossible", r"cycle|circular|loop"),
            ],
            [
                (
                    "missing:concept:cycle means impossible",
                    "When exactly is it impossible, and how does your algorithm detect it?",
                ),
                COMPLEXITY,
                EDGES,
            ],
        ),
    ),
    "trees": (
        make_question(
            "trees-depth",
            "Maximum depth of a binary tree",
            "Compute the maximum depth of a binary tree.",
            [
                ("recursion on children", r"recurs|left and right|each child|subtree"),
                ("base case: empty tree", r"null|none|empty|base case|leaf"),
                ("1 + max of children", r"1\s*\+|max\(|plus one|add one"),
            ],
            [
                COMPLEXITY,
                ("always", "The tree can be a chain of 10^5 nodes. Does your solution still work?"),
            ],
        ),
        make_question(
            "trees-validate-bst",
            "Validate a binary search tree",
            "Check whether a binary tree is a valid binary search tree.",
            [
                (
                    "pass down a valid range",
                    r"range|bound|min(imum)? and max|lower|upper|low.*high",
                ),
                ("or: in-order traversal is increasing", r"in.?order|sorted|increasing"),
                (
                    "not only the direct children",
                    r"whole subtree|all (nodes|descendants)|grandchild|not (just|only) "
                    r"(the )?(children|child|parent)",
                ),
            ],
            [
                (
                    "missing:concept:not only the direct children",
                    "Is it enough to compare each node with its two "
                    "children? Can you find a counterexample?",
                ),
                COMPLEXITY,
                EDGES,
            ],
        ),
        make_question(
            "trees-lca",
            "Lowest common ancestor",
            "Find the lowest common ancestor of two nodes in a binary tree (not necessarily a "
            "search tree).",
            [
                ("recursion returning found nodes", r"recurs|return (the )?node|bubble up|found"),
                (
                    "both sides non-empty means current node",
                    r"both (sides|subtrees)|left and right (are|both)|split",
                ),
                ("parent pointers alternative", r"parent|path|ancestor(s)? set"),
            ],
            [
                COMPLEXITY,
                ("always", "How does it get simpler if the tree is a binary search tree?"),
            ],
        ),
    ),
    "dynamic-programming": (
        make_question(
            "dp-stairs",
            "Ways to climb stairs",
            "You can climb 1 or 2 steps at a time. In how many ways can you climb n steps?",
            [
                (
                    "recurrence f(n) = f(n-1) + f(n-2)",
                    r"f\(n\s*-\s*1\)|n\s*-\s*1.*n\s*-\s*2|previous two|fibonacci|recurrence",
                ),
                ("base cases", r"base|f\(0\)|f\(1\)|n\s*=\s*[01]"),
                ("memoisation or bottom-up table", r"memo|cache|table|bottom.?up|dp|iterat"),
            ],
            [
                (
                    "missing:concept:memoisation or bottom-up table",
                    "Plain recursion recomputes a lot. How do you avoid that?",
                ),
                COMPLEXITY,
                ("always", "Can you do it with O(1) memory?"),
            ],
        ),
        make_question(
            "dp-coin-change",
            "Fewest coins",
            "Given coin values and an amount, find the fewest coins that make the amount, or -1 "
            "if impossible.",
            [
                ("table over amounts", r"dp|table|array|amount"),
                ("minimum over coins", r"min|minimum|each coin|for every coin"),
                ("unreachable amounts", r"infinit|unreachable|impossible|-1|inf"),
            ],
            [("always", "Why doesn't 'always take the largest coin' work?"), COMPLEXITY, EDGES],
        ),
        make_question(
            "dp-lcs",
            "Longest common subsequence",
            "Find the length of the longest common subsequence of two strings.",
            [
                ("2D table over prefixes", r"2d|two.?dimensional|table|matrix|dp\[i\]\[j\]|grid"),
                ("match: diagonal + 1", r"diagonal|\+\s*1|match|equal"),
                ("otherwise max of skipping one", r"max|skip|otherwise"),
            ],
            [
                COMPLEXITY,
                (
                    "always",
                    "The strings have length 10^4 and memory is tight. How do you reduce memory?",
                ),
            ],
        ),
    ),
    "binary-search": (
        make_question(
            "bs-rotated",
            "Search a rotated sorted array",
            "A sorted array was rotated at an unknown index. Find a target value in O(log n).",
            [
                ("binary search", r"binary search|halv|mid"),
                ("one half is always sorted", r"(one|which) (half|side)|sorted half|sorted part"),
                ("decide which half holds the target", r"range|between|within|compare"),
            ],
            [COMPLEXITY, ("always", "What changes if the array can contain duplicates?")],
        ),
        make_question(
            "bs-first-true",
            "First position where a condition holds",
            "A predicate is false for a prefix of the positions and true for the rest. Find the "
            "first true position.",
            [
                ("binary search", r"binary search|halv|mid"),
                ("monotonic predicate", r"monoton|false.*then.*true|prefix"),
                ("loop invariant on lo/hi", r"invariant|lo|hi|low|high|bounds"),
            ],
            [("always", "How do you make sure the loop always terminates?"), COMPLEXITY, EDGES],
        ),
        make_question(
            "bs-ship-capacity",
            "Minimum ship capacity",
            "Packages with given weights must ship in order within D days. Find the smallest ship "
            "capacity that makes it possible.",
            [
                (
                    "binary search on the answer",
                    r"binary search|search (on|over) (the )?(answer|capacity)",
                ),
                ("greedy feasibility check", r"greedy|simulate|check|feasib|fill"),
                ("bounds: max weight to total weight", r"max(imum)? weight|sum|total"),
            ],
            [
                (
                    "missing:concept:binary search on the answer",
                    "If capacity C works, does C + 1 work too? How can you use that?",
                ),
                COMPLEXITY,
                EDGES,
            ],
        ),
    ),
}
