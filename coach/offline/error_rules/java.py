"""Java exceptions and javac errors."""

from __future__ import annotations

from coach.offline.error_rules.base import PRINT_BEFORE, Rule

JAVA_RULES: tuple[Rule, ...] = (
    Rule(
        "java",
        "ArrayIndexOutOfBoundsException",
        None,
        "On {line} you accessed index {index} of an array of length {length}; valid indices are 0 "
        ".. length - 1.",
        (
            "A loop with <= instead of <.",
            "Using i + 1 / i - 1 at the ends of the array.",
            "The array was allocated smaller than n.",
        ),
        PRINT_BEFORE,
    ),
    Rule(
        "java",
        "StringIndexOutOfBoundsException",
        None,
        "On {line} charAt/substring used a position outside the string.",
        ("A loop bound one too far, or an empty string.",),
        "Print the index and s.length() before {line}.",
    ),
    Rule(
        "java",
        "IndexOutOfBoundsException",
        None,
        "On {line} a List.get/set/remove used index {index} but the list has {length} elements.",
        ("The list was never filled to that size (new ArrayList<>(n) has capacity n but size 0).",),
        "Add elements with add() before get(i), or use an array of size n.",
    ),
    Rule(
        "java",
        "NullPointerException",
        None,
        "On {line} you used a reference that is null ({name}).",
        (
            "An object, array or String field that was declared but never assigned with `new`.",
            "A Map.get(...) that returned null for a missing key, then unboxed to int.",
        ),
        "Initialise it before use (e.g. `arr = new int[n]`), or use map.getOrDefault(key, 0).",
    ),
    Rule(
        "java",
        "ArithmeticException",
        r"/ by zero",
        "On {line} an integer division or % had divisor 0.",
        ("A count or length that can be 0.",),
        "Find which divisor is 0 for this input and handle that case first.",
    ),
    Rule(
        "java",
        "NumberFormatException",
        None,
        "Integer.parseInt / Long.parseLong got text that is not a number: `{literal}`.",
        ("Parsing a whole line that holds several numbers.", "Parsing an empty line."),
        'Split the line first (`line.trim().split("\\\\s+")`) and parse each part.',
    ),
    Rule(
        "java",
        "InputMismatchException",
        None,
        "Scanner expected a number of one type and found something else.",
        (
            "Reading with nextInt() a value that is too large for int (use nextLong()).",
            "Reading fields in a different order than the input format.",
        ),
        "Compare your next...() calls with the input format; use nextLong() for values above 2^31 "
        "- 1.",
    ),
    Rule(
        "java",
        "NoSuchElementException",
        None,
        "Scanner was asked for more input than there is.",
        (
            "Reading more values (or lines) than the input contains; nextLine() after nextInt() "
            "returns the rest of the current line.",
        ),
        "Count your reads against the input format.",
    ),
    Rule(
        "java",
        "StackOverflowError",
        None,
        "The recursion went too deep for the thread's stack.",
        (
            "A base case that is never reached.",
            "Correct recursion on a very deep input (a long chain).",
        ),
        "Check the base case; for deep but correct recursion, use an explicit stack or run the "
        "solution in "
        '`new Thread(null, task, "", 1 << 27)` to get a bigger stack.',
    ),
    Rule(
        "java",
        "OutOfMemoryError",
        None,
        "The JVM ran out of heap memory.",
        (
            "An array or matrix too large for the memory limit (e.g. long[n][n] for n = 10^5).",
            "Objects that keep accumulating.",
        ),
        "Estimate memory from the constraints and use a smaller representation (one DP row, "
        "adjacency lists).",
    ),
    Rule(
        "java",
        "ClassCastException",
        None,
        "An object was cast to a type it is not.",
        ("Mixing Integer and Long in collections.",),
        "Check the generic types of your collections.",
    ),
    Rule(
        "java",
        "ConcurrentModificationException",
        None,
        "A collection was modified while being iterated with for-each.",
        (),
        "Iterate over a copy, or use an Iterator and its remove().",
    ),
    Rule(
        "java",
        "NegativeArraySizeException",
        None,
        "An array was created with a negative size.",
        ("An overflowed int or a wrong formula for the size.",),
        "Print the size before `new`.",
    ),
    Rule(
        "java",
        "CompilationError",
        r"should be declared in a file named",
        "Java requires a public class to live in a file of the same name.",
        (),
        "Name your class `Main` (the judge saves your code as Main.java).",
    ),
    Rule(
        "java",
        "CompilationError",
        r"cannot find symbol",
        "javac does not know a name used on {line}: {code}.",
        ("A typo, a missing import (java.util.*), or a variable declared in another scope.",),
        "Check the spelling and add `import java.util.*;` / `import java.io.*;` at the top.",
    ),
    Rule(
        "java",
        "CompilationError",
        r"possible lossy conversion",
        "On {line} a wider type (long/double) is assigned to a narrower one (int).",
        (),
        "Cast explicitly `(int) x` when you know it fits, or make the variable long.",
    ),
    Rule(
        "java",
        "CompilationError",
        None,
        "javac rejected {line}: {code}.",
        ("A missing ';', brace or parenthesis; a type mismatch.",),
        "Fix the first compile error first; later ones often follow from it.",
    ),
)
