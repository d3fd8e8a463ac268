"""Coding questions on arrays, strings, hashing, stacks and greedy choices."""

from __future__ import annotations

from coach.offline.interview_bank.base import BRUTE, COMPLEXITY, EDGES, Question, make_question

BASICS: dict[str, tuple[Question, ...]] = {
    "arrays": (
        make_question(
            "arrays-max-subarray",
            "Maximum subarray",
            "Given an array of integers, some of them negative, find the largest sum of a "
            "contiguous subarray. Walk me through your approach.",
            [
                (
                    "running sum / Kadane",
                    r"kadane|running (sum|total)|current (sum|best|max)|sum ending (here|at)",
                ),
                (
                    "restart when the sum goes negative",
                    r"negative|reset|restart|start (a )?new|drop",
                ),
                ("single pass", r"single pass|one pass|linear|o\(n\)|once"),
            ],
            [
                BRUTE,
                COMPLEXITY,
                (
                    "missing:concept:restart when the sum goes negative",
                    "What happens if all the numbers are negative?",
                ),
                EDGES,
            ],
        ),
        make_question(
            "arrays-two-sum",
            "Pair with a target sum",
            "Given an unsorted array and a target value, return the indices of two numbers that "
            "add up to the target. How would you solve it?",
            [
                ("hash map of seen values", r"hash|dict|map|set|lookup"),
                ("look up the complement", r"complement|target\s*-|difference|remaining"),
                ("single pass", r"single pass|one pass|linear|o\(n\)"),
            ],
            [
                BRUTE,
                COMPLEXITY,
                (
                    "missing:concept:hash map of seen values",
                    "How could you find the partner of a number without scanning "
                    "the whole array again?",
                ),
                ("always", "If the array were sorted, could you solve it with O(1) extra memory?"),
            ],
        ),
        make_question(
            "arrays-product-except-self",
            "Product of all other elements",
            "For every position of an array, compute the product of all the other elements, "
            "without using division. What is your approach?",
            [
                ("prefix products", r"prefix|left (product|side|to right)|from the left|before"),
                ("suffix products", r"suffix|right (product|side|to left)|from the right|after"),
                ("combine both passes", r"two passes|multiply|combine|second pass"),
            ],
            [
                BRUTE,
                COMPLEXITY,
                (
                    "missing:edge_cases",
                    "How does your solution behave when the array contains zeros?",
                ),
            ],
        ),
    ),
    "strings": (
        make_question(
            "strings-longest-unique",
            "Longest substring without repeats",
            "Find the length of the longest substring of a string that has no repeated characters.",
            [
                ("sliding window", r"sliding window|window|two pointers|left (pointer|index|end)"),
                (
                    "remember where characters were seen",
                    r"last (seen|index|position|occurrence)|set|dict|hash|map",
                ),
                ("move the left end past the repeat", r"move|shrink|advance|jump|slide"),
            ],
            [BRUTE, COMPLEXITY, EDGES],
        ),
        make_question(
            "strings-group-anagrams",
            "Group anagrams",
            "Given a list of words, group together the words that are anagrams of each other.",
            [
                (
                    "canonical key per word",
                    r"sort(ed|ing)? (the )?(letters|characters|word)|signature|key|count(s)? of "
                    r"(each )?(letter|character)|26",
                ),
                ("hash map from key to group", r"hash|dict|map|group by|defaultdict"),
            ],
            [
                COMPLEXITY,
                (
                    "missing:concept:canonical key per word",
                    "What do two anagrams have in common that you could compute for each word?",
                ),
                EDGES,
            ],
        ),
        make_question(
            "strings-palindrome",
            "Palindrome check",
            "Check whether a string is a palindrome when you only consider letters and digits and "
            "ignore case.",
            [
                (
                    "two pointers from both ends",
                    r"two pointers|both ends|left and right|start and end|from each end|reverse",
                ),
                ("skip other characters", r"skip|alphanumeric|isalnum|ignore|filter"),
                ("case-insensitive comparison", r"lower|upper|case"),
            ],
            [
                COMPLEXITY,
                (
                    "missing:edge_cases",
                    "What should happen for an empty string, or one with no letters?",
                ),
                ("always", "Can you do it without building a new string?"),
            ],
        ),
    ),
    "hashing": (
        make_question(
            "hashing-subarray-sum-k",
            "Subarrays summing to k",
            "Count the contiguous subarrays whose sum equals k. The array can contain negative "
            "numbers.",
            [
                ("prefix sums", r"prefix|running (sum|total)|cumulative"),
                ("hash map of prefix-sum counts", r"hash|dict|map|counter|count(s)? of"),
                ("look up prefix - k", r"-\s*k|minus k|difference|complement"),
            ],
            [
                BRUTE,
                COMPLEXITY,
                (
                    "always",
                    "Why does a sliding window not work here, when it works for positive numbers?",
                ),
            ],
        ),
        make_question(
            "hashing-longest-consecutive",
            "Longest consecutive run",
            "Given an unsorted array, find the length of the longest run of consecutive integers, "
            "in O(n) time.",
            [
                ("hash set of values", r"set|hash"),
                (
                    "start only at sequence starts",
                    r"x\s*-\s*1|start of (a |the )?(run|sequence)|predecessor|smallest|beginning",
                ),
                ("count upwards from each start", r"x\s*\+\s*1|count up|extend|while .* in"),
            ],
            [
                (
                    "missing:concept:start only at sequence starts",
                    "If you extend a run from every element, what is the "
                    "worst case? How do you avoid it?",
                ),
                COMPLEXITY,
                EDGES,
            ],
        ),
        make_question(
            "hashing-first-unique",
            "First unique element",
            "Return the first element of an array that appears exactly once.",
            [
                ("count frequencies", r"count|frequenc|counter|occurrence"),
                (
                    "second pass in original order",
                    r"second pass|again|in order|first (one|element)|iterate",
                ),
            ],
            [
                COMPLEXITY,
                (
                    "always",
                    "Now the elements arrive as a stream and you must answer after each one. What "
                    "changes?",
                ),
            ],
        ),
    ),
    "stacks": (
        make_question(
            "stacks-brackets",
            "Balanced brackets",
            "Check whether a string of (), [] and {} brackets is balanced.",
            [
                ("stack of open brackets", r"stack|push|pop"),
                ("matching pairs", r"match|pair|corresponding"),
                ("stack empty at the end", r"empty at the end|end.*empty|leftover|remaining"),
            ],
            [
                COMPLEXITY,
                ("missing:edge_cases", "What about a string that starts with a closing bracket?"),
            ],
        ),
        make_question(
            "stacks-next-greater",
            "Next greater element",
            "For every element of an array, find the next element to its right that is greater.",
            [
                ("monotonic stack", r"monoton|decreasing stack|stack"),
                ("pop smaller elements", r"pop"),
                (
                    "amortised O(n)",
                    r"amorti|each element (is )?(pushed|popped) (at most )?once|o\(n\)|linear",
                ),
            ],
            [BRUTE, COMPLEXITY, EDGES],
        ),
        make_question(
            "stacks-queue",
            "Queue from two stacks",
            "Implement a queue using two stacks. What do push and pop cost?",
            [
                ("in-stack and out-stack", r"two stacks|in.?stack|out.?stack|input.*output"),
                ("move only when out-stack is empty", r"only when|empty|transfer|move"),
                ("amortised O(1)", r"amorti|o\(1\)"),
            ],
            [
                (
                    "missing:concept:amortised O(1)",
                    "A single pop can move n elements. What is the cost over many operations?",
                )
            ],
        ),
    ),
    "greedy": (
        make_question(
            "greedy-intervals",
            "Most non-overlapping meetings",
            "Given meetings with start and end times, choose the most meetings that do not "
            "overlap.",
            [
                (
                    "sort by end time",
                    r"end time|earliest (end|finish)|sort(ed)? by (the )?end|finish",
                ),
                (
                    "take when it starts after the last end",
                    r"start.*after|compatible|does not overlap|no overlap",
                ),
                ("argument why greedy is right", r"exchange|proof|prove|why|never worse|optimal"),
            ],
            [
                (
                    "missing:concept:argument why greedy is right",
                    "Why is that greedy choice always safe?",
                ),
                COMPLEXITY,
            ],
        ),
        make_question(
            "greedy-jump",
            "Jump game",
            "Each array value is the maximum jump length from that position. Can you reach the "
            "last index?",
            [
                ("furthest reachable index", r"furthest|farthest|max(imum)? reach|reachable"),
                ("single pass", r"single pass|one pass|linear|o\(n\)"),
                ("stop when stuck", r"stuck|cannot|beyond|i\s*>\s*reach"),
            ],
            [BRUTE, COMPLEXITY, EDGES],
        ),
        make_question(
            "greedy-rooms",
            "Meeting rooms needed",
            "Given meetings with start and end times, how many rooms are needed so that none "
            "overlap?",
            [
                ("sort by start time", r"sort"),
                ("min-heap of end times or sweep", r"heap|priority|sweep|events|two pointers"),
                ("maximum overlap", r"max(imum)? (overlap|concurrent|at once)|peak"),
            ],
            [COMPLEXITY, EDGES],
        ),
    ),
}
