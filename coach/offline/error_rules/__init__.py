"""The explanation table for common errors, one module per language family.

Kept apart from the matching code in `error_explanations.py` so adding an error class
is adding one entry. Texts may use {line}, {code}, {name}, {key}, {prop},
{index}, {length} and {literal}; placeholders that cannot be filled are
replaced by "it".
"""

from coach.offline.error_rules.base import Rule
from coach.offline.error_rules.java import JAVA_RULES
from coach.offline.error_rules.javascript import JAVASCRIPT_RULES
from coach.offline.error_rules.native import NATIVE_RULES, NATIVE_SIGNALS
from coach.offline.error_rules.python import PYTHON_RULES

RULES: tuple[Rule, ...] = (*PYTHON_RULES, *JAVA_RULES, *JAVASCRIPT_RULES, *NATIVE_RULES)

__all__ = ["NATIVE_SIGNALS", "RULES", "Rule"]
