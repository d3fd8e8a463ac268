"""C and C++: uncaught exceptions, glibc aborts, compiler errors, and signals."""

from __future__ import annotations

from coach.offline.error_rules.base import Rule

NATIVE_RULES: tuple[Rule, ...] = (
    Rule(
        "native",
        "std::out_of_range",
        None,
        "A bounds-checked access (.at(), substr) used a position outside the container.",
        ("A loop bound one too far.",),
        "The message says which index and size; fix that loop bound.",
    ),
    Rule(
        "native",
        "std::bad_alloc",
        None,
        "Memory allocation failed: the program asked for more memory than allowed.",
        (
            "A vector/array sized from a wrong (huge or overflowed) value.",
            "An n x n table for large n.",
        ),
        "Print the sizes you allocate; reduce memory to what the constraints allow.",
    ),
    Rule(
        "native",
        "std::length_error",
        None,
        "A container was asked to grow past its maximum size.",
        ("A negative size converted to size_t, e.g. vector<int> v(n - k) with n < k.",),
        "Check the size expression.",
    ),
    Rule(
        "native",
        "std::invalid_argument",
        None,
        "stoi/stol got text that is not a number.",
        ("Parsing an empty string or the wrong token.",),
        "Read numbers with cin >> x instead.",
    ),
    Rule(
        "native",
        "AssertionFailed",
        None,
        "The assert `{literal}` failed on {line}.",
        (),
        "Print the values in the assert; the assumption does not hold for this input.",
    ),
    Rule(
        "native",
        "StackSmashing",
        None,
        "You wrote past the end of a local array.",
        ("An index beyond the array size, or a char buffer too small for the string plus '\\0'.",),
        "Size local arrays for the maximum constraint + 1 and check loop bounds.",
    ),
    Rule(
        "native",
        "DoubleFree",
        None,
        "Memory was freed twice.",
        ("Manual delete/free of the same pointer twice.",),
        "Use std::vector / smart pointers instead of manual memory management.",
    ),
    Rule(
        "native",
        "InvalidFree",
        None,
        "free/delete got a pointer that was not allocated.",
        (),
        "Use std::vector / smart pointers instead of manual memory management.",
    ),
    Rule(
        "native",
        "HeapCorruption",
        None,
        "The heap was corrupted, usually by writing past the end of a vector or array.",
        ("v[i] with i >= v.size() (operator[] does not check bounds).",),
        "Temporarily replace v[i] with v.at(i) to find the bad index.",
    ),
    Rule(
        "native",
        "CompilationError",
        r"was not declared in this scope",
        "The compiler does not know a name used on {line}: {code}.",
        ("A typo, a missing #include, or a variable from another scope.",),
        "Check the spelling and the #include lines.",
    ),
    Rule(
        "native",
        "CompilationError",
        None,
        "The compiler rejected {line}: {code}.",
        ("A missing ';' or brace, or a type mismatch.",),
        "Fix the first error first; later ones often follow from it.",
    ),
)

_SEGV = Rule(
    "*",
    "SIGSEGV",
    None,
    "Segmentation fault: the program accessed memory it does not own.",
    (
        "An array/vector index out of bounds (operator[] does not check).",
        "Dereferencing a null or dangling pointer / an end() iterator.",
        "Recursion too deep: the call stack overflowed.",
        "A huge local array (e.g. int a[10000000] inside main) overflowing the stack.",
    ),
    "Make big arrays global or std::vector, check every index against the size (try .at() "
    "temporarily), and check recursion depth for the largest input.",
)

NATIVE_SIGNALS: dict[tuple[str, str], Rule] = {
    ("*", "SIGSEGV"): _SEGV,
    ("python", "SIGSEGV"): Rule(
        "python",
        "SIGSEGV",
        None,
        "The Python interpreter itself crashed: almost always recursion deeper than the C stack "
        "after raising sys.setrecursionlimit.",
        ("Deep recursion (DFS on a long chain) with a raised recursion limit.",),
        "Replace the recursion with an explicit stack (a list used with append/pop).",
    ),
    ("java", "SIGSEGV"): _SEGV,
    ("*", "SIGFPE"): Rule(
        "*",
        "SIGFPE",
        None,
        "Arithmetic exception: integer division or modulo by zero (or INT_MIN / -1).",
        ("A divisor that can be 0: an empty group's size, n = 0, a value read from input.",),
        "Find every / and % and check which divisor can be 0 for this input.",
    ),
    ("*", "SIGABRT"): Rule(
        "*",
        "SIGABRT",
        None,
        "The program aborted itself.",
        (
            "A failed assert.",
            "An uncaught C++ exception (std::out_of_range from .at(), std::bad_alloc).",
            "The C library detected heap corruption (writing past a vector, double free).",
        ),
        "Read the message before the abort in stderr; if there is none, check asserts and vector "
        "indices.",
    ),
    ("*", "SIGKILL"): Rule(
        "*",
        "SIGKILL",
        None,
        "The sandbox killed the program, which almost always means it hit the memory or time "
        "limit.",
        (
            "Memory: an array or table much larger than needed.",
            "Time: an infinite loop or a too-slow algorithm.",
        ),
        "Estimate time and memory from the constraints (operations and bytes), and test with the "
        "largest input.",
    ),
    ("*", "SIGXCPU"): Rule(
        "*",
        "SIGXCPU",
        None,
        "The program used up its CPU time limit.",
        ("An infinite loop, or an algorithm too slow for the input size.",),
        "Compare your algorithm's complexity with the constraints; look for loops that never end.",
    ),
    ("*", "SIGXFSZ"): Rule(
        "*",
        "SIGXFSZ",
        None,
        "The program wrote more output than allowed.",
        ("Debug prints inside a loop, or an infinite loop that prints.",),
        "Remove debug output and check loop conditions.",
    ),
    ("*", "SIGBUS"): Rule(
        "*",
        "SIGBUS",
        None,
        "Bus error: an invalid memory access, similar to a segmentation fault.",
        ("Out-of-bounds access or stack overflow.",),
        "Check indices and recursion depth as for a segmentation fault.",
    ),
    ("*", "SIGILL"): Rule(
        "*",
        "SIGILL",
        None,
        "Illegal instruction: usually undefined behaviour reached at run time.",
        ("A non-void function that ends without `return` (g++ turns this into a trap).",),
        "Make sure every path of every non-void function returns a value.",
    ),
    ("*", "SIGTERM"): Rule(
        "*",
        "SIGTERM",
        None,
        "The judge stopped the program, usually at the wall-time limit.",
        ("Waiting for input that never comes, or a too-slow algorithm.",),
        "Make sure you read exactly the input format and stop; check the complexity.",
    ),
}
