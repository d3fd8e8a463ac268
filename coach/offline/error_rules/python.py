"""Python exceptions and syntax errors."""

from __future__ import annotations

from coach.offline.error_rules.base import PRINT_BEFORE, Rule

PYTHON_RULES: tuple[Rule, ...] = (
    Rule(
        "python",
        "IndexError",
        r"pop from empty",
        "You called pop() on an empty list.",
        ("The loop pops more times than it pushes.", "An empty input list was not handled."),
        "Guard the pop with `if stack:` and check what the answer should be when it is empty.",
    ),
    Rule(
        "python",
        "IndexError",
        None,
        "On {line} you read position i of a list or string that has no position i: valid indices "
        "are 0 .. len - 1.",
        (
            "A loop bound is one too far (range(n + 1), or <= instead of <).",
            "Using i + 1 or i - 1 at the first/last element.",
            "The list is shorter than you think: n from the input does not match the values you "
            "read, or it was never filled.",
        ),
        PRINT_BEFORE,
    ),
    Rule(
        "python",
        "KeyError",
        None,
        "On {line} you looked up the key {key} in a dict that does not contain it.",
        (
            "Counting with d[x] += 1 before d[x] exists.",
            "The key has another type than you think (the string '1' vs the int 1).",
        ),
        "Use d.get(key, default), collections.defaultdict / Counter, or check `if key in d` first.",
    ),
    Rule(
        "python",
        "RecursionError",
        None,
        "The recursion went deeper than Python allows (about 1000 calls by default).",
        (
            "A base case is missing or never reached, so the recursion never stops.",
            "The recursion is correct but the input is deep (a chain of 10^5 nodes, a DFS over a "
            "long path).",
        ),
        "First check the base case with the smallest input. If it is correct, rewrite the "
        "recursion with an explicit "
        "stack or loop; sys.setrecursionlimit alone often just turns this into a crash "
        "(segmentation fault).",
    ),
    Rule(
        "python",
        "ZeroDivisionError",
        None,
        "On {line} you divided (or took % / //) by zero.",
        (
            "A count or length that can be 0 (empty group, n = 0).",
            "A divisor read from input that may be 0.",
        ),
        "Find which divisor is 0 for this input and handle that case before dividing.",
    ),
    Rule(
        "python",
        "ValueError",
        r"invalid literal for int\(\)",
        "On {line} int() got text that is not a whole number: `{literal}`.",
        (
            "Converting a whole line that holds several numbers: int(input()) on '3 4'.",
            "Reading the lines in a different order than the input format.",
        ),
        "Read the line as `a, b = map(int, input().split())` (or read all tokens with "
        "sys.stdin.read().split()) "
        "and compare your reading code with the input format line by line.",
    ),
    Rule(
        "python",
        "ValueError",
        r"could not convert string to float",
        "float() got text that is not a number.",
        ("Converting a whole line with several values, or a word.",),
        "Split the line first: `list(map(float, input().split()))`.",
    ),
    Rule(
        "python",
        "ValueError",
        r"not enough values to unpack|too many values to unpack",
        "On {line} the number of variables on the left does not match the number of values on the "
        "right.",
        (
            "The input line has a different number of values than you unpack (e.g. `a, b = ...` "
            "on a line with 3 numbers).",
        ),
        "Print the line you unpack; read the input format again and unpack exactly as many values "
        "as the line has.",
    ),
    Rule(
        "python",
        "ValueError",
        r"(max|min)\(\) (arg is an empty sequence|iterable argument is empty)",
        "max() or min() got an empty list.",
        ("The input can be empty, or a filter left nothing.",),
        "Handle the empty case first, or use max(values, default=...).",
    ),
    Rule(
        "python",
        "ValueError",
        r"is not in list",
        "list.index(x) did not find x.",
        ("The value was removed or never added.",),
        "Check `x in lst` first; if you look values up often, keep a dict from value to position "
        "instead.",
    ),
    Rule(
        "python",
        "ValueError",
        r"math domain error",
        "A math function got a value outside its domain (sqrt or log of a negative number, "
        "log(0)).",
        ("Floating-point error made a tiny negative value.",),
        "Guard the argument, or use math.isqrt for integers.",
    ),
    Rule(
        "python",
        "EOFError",
        None,
        "input() was called after the whole input was already read.",
        (
            "You read more lines than the input has (e.g. reading n values one per line when they "
            "are all on one line).",
            "Reading input inside a loop that runs too many times.",
        ),
        "Compare your input() calls with the input format; if several values share a line, read "
        "them with input().split().",
    ),
    Rule(
        "python",
        "StopIteration",
        None,
        "next() was called on an iterator that has no more items.",
        ("You consume more input tokens than there are.",),
        "Count the tokens you read against the input format.",
    ),
    Rule(
        "python",
        "TypeError",
        r"'NoneType' object",
        "On {line} a value is None where you expected a list, string or number.",
        (
            "A function that forgot to `return` its result.",
            "Assigning the result of an in-place method: `a = a.sort()` or `a = a.append(x)` "
            "makes a None.",
        ),
        "Find where that variable got its value; make the function return it, or call "
        "sort()/append() without assigning.",
    ),
    Rule(
        "python",
        "TypeError",
        r"can only concatenate str|must be str, not",
        "You joined a string and a number with +.",
        ("Printing with 'text' + number.",),
        "Use an f-string (f'{{x}}') or str(x), or print(a, b) with a comma.",
    ),
    Rule(
        "python",
        "TypeError",
        r"unsupported operand type\(s\).*'str'|'<' not supported between instances of '(str|int)'",
        "On {line} you mixed text and numbers in arithmetic or a comparison.",
        ("Values read with input() are strings until you convert them.",),
        "Convert input values with int(...) or map(int, ...) right when you read them.",
    ),
    Rule(
        "python",
        "TypeError",
        r"object is not callable",
        "On {line} you called something that is not a function.",
        (
            "A variable shadows a built-in: `sum = 0`, `max = ...`, `list = ...`, `input = ...`, "
            "then sum(...) fails.",
            "Using parentheses instead of brackets: a(i) instead of a[i].",
        ),
        "Rename the variable that hides the built-in, or use [ ] for indexing.",
    ),
    Rule(
        "python",
        "TypeError",
        r"list indices must be integers|string indices must be integers|slice indices",
        "On {line} a list or string index is not an integer.",
        (
            "Using / (which gives a float) instead of // for an index.",
            "Indexing with a string read from input without int().",
        ),
        "Use // for integer division and convert input values with int().",
    ),
    Rule(
        "python",
        "TypeError",
        r"unhashable type",
        "You used a list (or dict/set) as a dict key or set element.",
        ("Lists are mutable and cannot be hashed.",),
        "Convert it with tuple(...) before using it as a key.",
    ),
    Rule(
        "python",
        "TypeError",
        r"does not support item assignment",
        "You tried to change one character of a string (or an item of a tuple); they are "
        "immutable.",
        (),
        "Convert to a list (`chars = list(s)`), change it, then ''.join(chars).",
    ),
    Rule(
        "python",
        "TypeError",
        r"required positional argument|takes \d+ positional argument",
        "A function was called with the wrong number of arguments.",
        ("The call and the `def` line disagree after a refactor.",),
        "Compare the call on {line} with the function definition.",
    ),
    Rule(
        "python",
        "TypeError",
        None,
        "On {line} an operation got a value of the wrong type.",
        (
            "A string that should have been converted to int.",
            "None returned by a function without `return`.",
        ),
        "Print type(x) of the values used on {line}.",
    ),
    Rule(
        "python",
        "UnboundLocalError",
        None,
        "`{name}` is assigned somewhere inside the function, so Python treats it as local "
        "everywhere in it, and it is read before that assignment.",
        ("You update a global counter inside a function.",),
        "Pass the value in and return the result, or declare `nonlocal {name}` / `global {name}` "
        "in the function.",
    ),
    Rule(
        "python",
        "NameError",
        r"'(math|sys|heapq|bisect|itertools|functools|collections|deque|defaultdict|Counter|gcd|"
        r"inf|lru_cache|cache)'",
        "`{name}` is used but was never imported.",
        ("A missing import line.",),
        "Add the import at the top, e.g. `import {name}` or `from collections import {name}` / "
        "`from math import {name}`.",
    ),
    Rule(
        "python",
        "NameError",
        None,
        "`{name}` is used on {line} but no variable or function with that name exists at that "
        "point.",
        (
            "A typo or different capitalisation.",
            "It is defined inside an if/loop/function that did not run or is not visible here.",
            "It is defined further down in the file.",
        ),
        "Search the code for `{name}`, fix the spelling, or define it before {line}.",
    ),
    Rule(
        "python",
        "AttributeError",
        r"'NoneType' object has no attribute",
        "On {line} you called a method on None.",
        (
            "`a = a.sort()` or `x = lst.append(v)` replaced the value with None.",
            "A function without `return`.",
        ),
        "Find where the variable became None; sort()/append()/reverse() change the list in place "
        "and return None.",
    ),
    Rule(
        "python",
        "AttributeError",
        r"module '\w+' has no attribute",
        "A module does not have the attribute you used.",
        ("A typo (math.sqr), or your own file shadows a library module (a file named random.py).",),
        "Check the spelling against the documentation.",
    ),
    Rule(
        "python",
        "AttributeError",
        None,
        "On {line} you used a method or attribute that this type does not have.",
        ("Calling a list method on a string (s.append) or the other way round.",),
        "Print type(x) for the object on {line} and check which methods it has.",
    ),
    Rule(
        "python",
        "MemoryError",
        None,
        "The program ran out of memory.",
        ("A huge list (an n x n table for large n, or a list that keeps growing).",),
        "Estimate the size of your largest structure from the constraints; keep only what you "
        "need (one DP row, a generator).",
    ),
    Rule(
        "python",
        "OverflowError",
        None,
        "A float got too large.",
        ("Large powers or factorials done in floats (2.0 ** n, math.pow).",),
        "Stay in integers (pow(a, b, mod), // instead of /).",
    ),
    Rule(
        "python",
        "ModuleNotFoundError",
        None,
        "The judge does not have this module installed.",
        ("Only the standard library is available (no numpy, no sortedcontainers).",),
        "Rewrite that part with the standard library (heapq, bisect, collections, itertools).",
    ),
    Rule(
        "python",
        "AssertionError",
        None,
        "An assert in your code failed on {line}.",
        ("The assumption checked by the assert does not hold for this input.",),
        "Print the values in the assert; it marks exactly what you assumed wrongly.",
    ),
    Rule(
        "python",
        "FileNotFoundError",
        None,
        "The program tried to open a file.",
        ("The judge gives input on standard input, not in a file.",),
        "Read with input() or sys.stdin instead of open().",
    ),
    Rule(
        "python",
        "SyntaxError",
        None,
        "Python could not parse your code near {line}: {code}.",
        ("A missing ':' after if/for/def/while, an unclosed bracket, or a missing quote.",),
        "Look at {line} and the line just before it (an unclosed bracket there is reported one "
        "line later).",
    ),
    Rule(
        "python",
        "IndentationError",
        None,
        "The indentation on {line} does not match the code around it.",
        ("Mixed tabs and spaces, or a block with no body.",),
        "Re-indent the block with 4 spaces per level.",
    ),
    Rule(
        "python",
        "TabError",
        None,
        "Tabs and spaces are mixed in the indentation.",
        (),
        "Replace tabs with 4 spaces everywhere.",
    ),
)
