"""Runtime and compile error explanations, on output of real broken programs."""

from __future__ import annotations

import textwrap

import pytest

from coach.offline.error_explanations import explain_error, render_error
from coach.offline.tracebacks import normalize_language, parse_error, signal_name


def _explain(result, language, code=""):
    return explain_error(result.stderr, language, exit_code=result.returncode, code=code)


# --- Python -----------------------------------------------------------------------


def test_python_index_error_points_at_user_line_and_function(run_python):
    code = textwrap.dedent(
        """\
        def last(values):
            return values[len(values)]

        print(last([1, 2, 3]))
        """
    )
    result = run_python(code)
    explanation = _explain(result, "python", code)
    assert explanation is not None
    assert explanation.error_type == "IndexError"
    assert explanation.line == 2
    assert explanation.function == "last"
    assert explanation.code_line == "return values[len(values)]"
    assert "range(n + 1)" in " ".join(explanation.causes)
    assert explanation.title == "IndexError on line 2 (in last)"
    text = render_error(explanation)
    assert "Runtime error: IndexError on line 2" in text
    assert "Next step:" in text


def test_python_key_error_names_the_key(run_python):
    result = run_python("counts = {}\nfor w in ['a', 'b']:\n    counts[w] += 1\n")
    explanation = _explain(result, "python")
    assert explanation.error_type == "KeyError"
    assert explanation.line == 3
    assert "'a'" in explanation.meaning
    assert "defaultdict" in explanation.next_step


def test_python_recursion_error(run_python):
    result = run_python("def f(n):\n    return f(n + 1)\n\nf(0)\n")
    explanation = _explain(result, "python")
    assert explanation.error_type == "RecursionError"
    assert explanation.line == 2
    assert "base case" in explanation.next_step
    assert "explicit stack" in explanation.next_step


def test_python_zero_division(run_python):
    result = run_python("n = int(input())\nprint(10 // n)\n", stdin="0\n")
    explanation = _explain(result, "python")
    assert explanation.error_type == "ZeroDivisionError"
    assert explanation.line == 2


def test_python_int_of_a_whole_line_suggests_split(run_python):
    result = run_python("n = int(input())\n", stdin="3 4\n")
    explanation = _explain(result, "python")
    assert explanation.error_type == "ValueError"
    assert "`3 4` holds several numbers" in explanation.causes[0]
    assert "split()" in explanation.next_step


def test_python_int_of_empty_line(run_python):
    result = run_python("a = int(input())\nb = int(input())\n", stdin="5\n\n")
    explanation = _explain(result, "python")
    assert explanation.line == 2
    assert "empty" in explanation.causes[0]


def test_python_eof_error(run_python):
    result = run_python(
        "n = int(input())\nvalues = [int(input()) for _ in range(n)]\n", stdin="3\n1 2 3\n"
    )
    explanation = _explain(result, "python")
    # The second line "1 2 3" fails to convert before EOF is reached.
    assert explanation.error_type == "ValueError"
    result = run_python("a = input()\nb = input()\n", stdin="only one line\n")
    explanation = _explain(result, "python")
    assert explanation.error_type == "EOFError"
    assert explanation.line == 2
    assert "more lines than the input has" in explanation.causes[0]


def test_python_missing_import_is_named(run_python):
    result = run_python("q = deque([1])\nprint(q)\n")
    explanation = _explain(result, "python")
    assert explanation.error_type == "NameError"
    assert "`deque`" in explanation.meaning
    assert "from collections import deque" in explanation.next_step


def test_python_name_error_typo(run_python):
    result = run_python("total = 0\nprint(totl)\n")
    explanation = _explain(result, "python")
    assert "`totl` is used on line 2" in explanation.meaning


def test_python_none_from_sort_assignment(run_python):
    result = run_python("a = [3, 1, 2]\na = a.sort()\nprint(a[0])\n")
    explanation = _explain(result, "python")
    assert explanation.error_type == "TypeError"
    assert "a = a.sort()" in " ".join(explanation.causes)


def test_python_attribute_error_on_none(run_python):
    result = run_python("a = [1]\na = a.append(2)\na.append(3)\n")
    explanation = _explain(result, "python")
    assert explanation.error_type == "AttributeError"
    assert "sort()/append()/reverse()" in explanation.next_step


def test_python_unbound_local(run_python):
    result = run_python("count = 0\ndef bump():\n    count += 1\nbump()\n")
    explanation = _explain(result, "python")
    assert explanation.error_type == "UnboundLocalError"
    assert "nonlocal count" in explanation.next_step


def test_python_shadowed_builtin(run_python):
    result = run_python("sum = 0\nprint(sum([1, 2]))\n")
    explanation = _explain(result, "python")
    assert "shadows a built-in" in explanation.causes[0]


def test_python_syntax_error_is_a_compile_error(run_python):
    result = run_python("x = 1\nfor i in range(3)\n    print(i)\n")
    explanation = _explain(result, "python")
    assert explanation.compile_error
    assert explanation.error_type == "SyntaxError"
    assert explanation.line == 2
    assert "Compile error" in render_error(explanation)


def test_python_indentation_error(run_python):
    result = run_python("if True:\nprint(1)\n")
    explanation = _explain(result, "python")
    assert explanation.error_type == "IndentationError"
    assert explanation.line == 2


def test_python_chained_exception_reports_the_last(run_python):
    code = "d = {}\ntry:\n    d['x']\nexcept KeyError:\n    raise ValueError('bad input')\n"
    explanation = _explain(run_python(code), "python")
    assert explanation.error_type == "ValueError"
    assert explanation.message == "bad input"
    assert explanation.line == 5


def test_python_error_inside_library_points_at_user_code(run_python):
    code = "import json\n\n\ndef load(text):\n    return json.loads(text)\n\n\nload('not json')\n"
    explanation = _explain(run_python(code), "python")
    assert explanation.error_type == "JSONDecodeError"
    assert explanation.line == 5
    assert explanation.function == "load"


def test_python_module_not_found(run_python):
    explanation = _explain(run_python("import numpy_does_not_exist\n"), "python3")
    assert explanation.error_type == "ModuleNotFoundError"
    assert "standard library" in explanation.next_step


def test_python_sys_exit_without_traceback(run_python):
    result = run_python("import sys\nsys.exit(3)\n")
    explanation = _explain(result, "python")
    assert explanation.error_type == "NonZeroExit"
    assert "sys.exit" in explanation.meaning


# --- Java -----------------------------------------------------------------------------

JAVA_ARRAY = """\
public class Main {
    static int sum(int[] a) {
        int s = 0;
        for (int i = 0; i <= a.length; i++) s += a[i];
        return s;
    }
    public static void main(String[] args) {
        System.out.println(sum(new int[]{1, 2, 3}));
    }
}
"""


def test_java_array_index_out_of_bounds(run_java):
    result = run_java(JAVA_ARRAY)
    explanation = _explain(result, "java", JAVA_ARRAY)
    assert explanation.error_type == "ArrayIndexOutOfBoundsException"
    assert explanation.line == 4
    assert explanation.function == "sum"
    assert "index 3 of an array of length 3" in explanation.meaning
    assert "<= instead of <" in explanation.causes[0]
    assert explanation.code_line.startswith("for (int i = 0; i <= a.length")


def test_java_null_pointer_with_helpful_message(run_java):
    code = (
        "public class Main {\n    static String name;\n    public static void main(String[] a) {\n"
        "        System.out.println(name.length());\n    }\n}\n"
    )
    explanation = _explain(run_java(code), "java")
    assert explanation.error_type == "NullPointerException"
    assert explanation.line == 4
    assert "Main.name" in explanation.meaning


def test_java_stack_overflow(run_java):
    code = (
        "public class Main {\n    static int depth(int n) { return depth(n + 1) + 1; }\n"
        "    public static void main(String[] a) { System.out.println(depth(0)); }\n}\n"
    )
    explanation = _explain(run_java(code), "java")
    assert explanation.error_type == "StackOverflowError"
    assert explanation.line == 2
    assert "Thread" in explanation.next_step


def test_java_division_by_zero_and_number_format(run_java):
    code = (
        "import java.util.*;\npublic class Main {\n    public static void main(String[] a) {\n"
        "        Scanner in = new Scanner(System.in);\n        String line = in.nextLine();\n"
        "        int x = Integer.parseInt(line);\n        System.out.println(10 / x);\n    }\n}\n"
    )
    explanation = _explain(run_java(code, stdin="0\n"), "java")
    assert explanation.error_type == "ArithmeticException"
    assert explanation.line == 7
    explanation = _explain(run_java(code, stdin="3 4\n"), "java")
    assert explanation.error_type == "NumberFormatException"
    assert explanation.line == 6
    assert "several numbers" in explanation.causes[0]


def test_java_scanner_past_end_skips_jdk_frames(run_java):
    code = (
        "import java.util.*;\npublic class Main {\n    public static void main(String[] a) {\n"
        "        Scanner in = new Scanner(System.in);\n        int x = in.nextInt();\n"
        "        int y = in.nextInt();\n        System.out.println(x + y);\n    }\n}\n"
    )
    explanation = _explain(run_java(code, stdin="5\n"), "java")
    assert explanation.error_type == "NoSuchElementException"
    assert explanation.line == 6
    assert explanation.function == "main"
    explanation = _explain(run_java(code, stdin="5 abc\n"), "java")
    assert explanation.error_type == "InputMismatchException"


def test_javac_cannot_find_symbol(run_java):
    code = (
        "public class Main {\n    public static void main(String[] a) {\n        int x = y + "
        "1;\n    }\n}\n"
    )
    result = run_java(code)
    explanation = _explain(result, "java")
    assert explanation.compile_error
    assert explanation.line == 3
    assert "int x = y + 1;" in explanation.code_line
    assert "import java.util" in explanation.next_step


def test_javac_public_class_in_wrong_file(run_java):
    result = run_java("public class Solution { public static void main(String[] a) {} }\n")
    explanation = _explain(result, "java")
    assert explanation.compile_error
    assert "Main" in explanation.next_step


# --- Node -----------------------------------------------------------------------------


def test_node_undefined_is_not_a_function(run_node):
    code = (
        "const values = [3, 1, 2];\nfunction top(v) {\n  return "
        "v.sortt()[0];\n}\nconsole.log(top(values));\n"
    )
    explanation = _explain(run_node(code), "javascript")
    assert explanation.error_type == "TypeError"
    assert explanation.line == 3
    assert explanation.function == "top"
    assert "`v.sortt`" in explanation.meaning
    assert "spelling" in explanation.next_step


def test_node_cannot_read_properties_of_undefined(run_node):
    code = (
        "const a = [1, 2];\nfor (let i = 0; i <= a.length; i++) {\n  "
        "console.log(a[i].toFixed(1));\n}\n"
    )
    explanation = _explain(run_node(code), "js")
    assert explanation.error_type == "TypeError"
    assert explanation.line == 3
    assert ".toFixed" in explanation.meaning
    assert "array index past the end" in explanation.causes[0]


def test_node_reference_error_and_stack_overflow(run_node):
    explanation = _explain(run_node("let total = 0;\nconsole.log(totl);\n"), "node")
    assert explanation.error_type == "ReferenceError"
    assert explanation.line == 2
    assert "`totl`" in explanation.meaning
    explanation = _explain(run_node("function f(n) { return f(n + 1); }\nf(0);\n"), "javascript")
    assert explanation.error_type == "RangeError"
    assert "base case" in explanation.next_step


def test_node_syntax_error(run_node):
    explanation = _explain(run_node("const x = (1 + 2;\n"), "javascript")
    assert explanation.error_type == "SyntaxError"
    assert explanation.compile_error
    assert explanation.line == 1


# --- C / C++ --------------------------------------------------------------------------


def test_segfault_from_negative_return_code(run_cpp):
    code = "int main() { int *p = nullptr; *p = 3; return 0; }\n"
    result = run_cpp(code)
    assert result.returncode == -11
    explanation = explain_error(result.stderr, "cpp", exit_code=result.returncode)
    assert explanation.error_type == "SIGSEGV"
    assert explanation.signal == "SIGSEGV"
    assert "index out of bounds" in explanation.causes[0]


def test_sigfpe_from_signal_field(run_cpp):
    code = '#include <cstdio>\nint main() { volatile int z = 0; printf("%d", 5 / z); return 0; }\n'
    result = run_cpp(code)
    explanation = explain_error(result.stderr, "c++", signal=-result.returncode)
    assert explanation.error_type == "SIGFPE"
    assert "division" in explanation.meaning


def test_uncaught_cpp_exception_reports_type_and_abort(run_cpp):
    code = "#include <vector>\nint main() { std::vector<int> v(3); return v.at(5); }\n"
    result = run_cpp(code)
    assert result.returncode == -6
    explanation = explain_error(result.stderr, "cpp", exit_code=result.returncode)
    assert explanation.error_type == "std::out_of_range"
    assert explanation.signal == "SIGABRT"
    assert "which is 5" in explanation.message


def test_failed_assert(run_cpp):
    code = "#include <cassert>\nint main() {\n    int n = 0;\n    assert(n > 0);\n}\n"
    result = run_cpp(code)
    explanation = explain_error(result.stderr, "cpp", exit_code=result.returncode)
    assert explanation.error_type == "AssertionFailed"
    assert explanation.line == 4
    assert "n > 0" in explanation.meaning


def test_gcc_compile_error(run_cpp):
    result = run_cpp('#include <cstdio>\nint main() {\n    printf("%d", undeclared);\n}\n')
    explanation = explain_error(result.stderr, "cpp", exit_code=result.returncode)
    assert explanation.compile_error
    assert explanation.line == 3
    assert "was not declared" in explanation.message
    assert "#include" in explanation.next_step


def test_nonzero_exit_code_from_main(run_cpp):
    result = run_cpp("int main() { return 3; }\n")
    explanation = explain_error(result.stderr, "cpp", exit_code=result.returncode)
    assert explanation.error_type == "NonZeroExit"
    assert "return 0;" in explanation.next_step


# --- units ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("signal", "exit_code", "expected"),
    [
        (11, None, "SIGSEGV"),
        ("SIGKILL", None, "SIGKILL"),
        ("segv", None, "SIGSEGV"),
        ("-8", None, "SIGFPE"),
        (None, 139, "SIGSEGV"),
        (None, 137, "SIGKILL"),
        (None, -6, "SIGABRT"),
        (None, 1, None),
        (None, 0, None),
        (0, None, None),
    ],
)
def test_signal_name(signal, exit_code, expected):
    assert signal_name(signal, exit_code) == expected


def test_killed_process_mentions_limits():
    explanation = explain_error("", "java", signal=9)
    assert explanation.error_type == "SIGKILL"
    assert "memory or time limit" in explanation.meaning


def test_python_segfault_means_deep_recursion():
    explanation = explain_error("", "python", exit_code=139)
    assert "recursion" in explanation.meaning


def test_nothing_to_explain():
    assert explain_error("", "python", exit_code=0) is None
    assert explain_error("   \n", "cpp") is None


def test_language_aliases():
    assert normalize_language("Python3") == "python"
    assert normalize_language("c++") == "cpp"
    assert normalize_language("nodejs") == "javascript"
    assert normalize_language("java") == "java"


def test_parse_error_falls_back_when_language_is_mislabelled():
    stderr = (
        'Traceback (most recent call last):\n  File "main.py", line 1, in <module>\nNameError: x\n'
    )
    parsed = parse_error(stderr, "ruby")
    assert parsed is not None and parsed.error_type == "NameError"


def test_unknown_exception_gets_generic_advice():
    stderr = (
        'Traceback (most recent call last):\n  File "main.py", line 4, in '
        "<module>\nWeirdError: boom\n"
    )
    explanation = explain_error(stderr, "python")
    assert explanation.error_type == "WeirdError"
    assert "print the values" in explanation.next_step
