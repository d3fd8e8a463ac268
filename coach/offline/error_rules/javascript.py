"""Node.js errors."""

from __future__ import annotations

from coach.offline.error_rules.base import Rule

JAVASCRIPT_RULES: tuple[Rule, ...] = (
    Rule(
        "javascript",
        "TypeError",
        r"Cannot read propert(y|ies) of (undefined|null)",
        "On {line} you read `.{prop}` of something that is undefined or null.",
        (
            "An array index past the end (arr[n] is undefined).",
            "A missing object key or a variable never assigned.",
            "Reading input lines that do not exist.",
        ),
        "Print the object you read `.{prop}` from just before {line}; check array bounds and the "
        "input lines you access.",
    ),
    Rule(
        "javascript",
        "TypeError",
        r"is not a function",
        "On {line} `{name}` is called, but it is not a function (undefined is not a function).",
        (
            "A typo in a method name, or calling an array method on a string/number (e.g. .map on "
            "a string).",
            "A property that holds a value, not a function.",
        ),
        "Check the spelling and the type of the object (console.error(typeof x)).",
    ),
    Rule(
        "javascript",
        "TypeError",
        r"is not iterable",
        "You used for...of or spread on something that is not an array/string.",
        ("undefined from a missing value, or a plain object.",),
        "Check that the value is an array (Array.isArray).",
    ),
    Rule(
        "javascript",
        "TypeError",
        r"Assignment to constant variable",
        "You assigned to a variable declared with const.",
        (),
        "Declare it with let if it must change.",
    ),
    Rule(
        "javascript",
        "ReferenceError",
        r"before initialization",
        "`{name}` is used before its let/const declaration runs.",
        (),
        "Move the declaration above its first use.",
    ),
    Rule(
        "javascript",
        "ReferenceError",
        None,
        "`{name}` is not defined at {line}.",
        ("A typo, a variable declared inside another block/function, or a missing require().",),
        "Declare it (let/const) in a scope that covers {line}, or fix the spelling.",
    ),
    Rule(
        "javascript",
        "RangeError",
        r"Maximum call stack",
        "The recursion went too deep (maximum call stack size exceeded).",
        ("A base case that is never reached.", "Correct recursion on a very deep input."),
        "Check the base case; for deep inputs replace the recursion with a loop and an explicit "
        "stack.",
    ),
    Rule(
        "javascript",
        "RangeError",
        r"Invalid array length",
        "An array was created with a negative or huge length.",
        (),
        "Print the length before creating the array.",
    ),
    Rule(
        "javascript",
        "HeapOutOfMemory",
        None,
        "Node ran out of memory.",
        (
            "Arrays or strings too large for the limit, or string concatenation in a loop for "
            "huge output.",
        ),
        "Estimate memory from the constraints; build output with an array and join once.",
    ),
    Rule(
        "javascript",
        "SyntaxError",
        None,
        "Node could not parse your code at {line}: {code}.",
        ("A missing bracket or parenthesis, or a stray character.",),
        "Look at {line} and the line before it.",
    ),
)
