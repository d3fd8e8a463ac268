"""Interview questions with their rubric: concepts to hear and follow-up rules.

See `base` for the follow-up condition codes. Technical questions are
grouped by topic; `TOPIC_ALIASES` maps common spellings onto topics.
"""

from coach.offline.interview_bank.base import Concept, FollowUp, Question
from coach.offline.interview_bank.behavioral import BEHAVIORAL
from coach.offline.interview_bank.coding_algorithms import ALGORITHMS
from coach.offline.interview_bank.coding_basics import BASICS
from coach.offline.interview_bank.system_design import SYSTEM_DESIGN

TECHNICAL: dict[str, tuple[Question, ...]] = {**BASICS, **ALGORITHMS}

TOPIC_ALIASES = {
    "array": "arrays",
    "string": "strings",
    "hash": "hashing",
    "hash-tables": "hashing",
    "hashmap": "hashing",
    "graph": "graphs",
    "bfs": "graphs",
    "dfs": "graphs",
    "tree": "trees",
    "binary-trees": "trees",
    "dp": "dynamic-programming",
    "dynamic programming": "dynamic-programming",
    "binary search": "binary-search",
    "binarysearch": "binary-search",
    "stack": "stacks",
    "stacks-queues": "stacks",
    "queues": "stacks",
    "two-pointers": "arrays",
    "prefix-sums": "hashing",
    "sorting": "greedy",
}

__all__ = [
    "BEHAVIORAL",
    "SYSTEM_DESIGN",
    "TECHNICAL",
    "TOPIC_ALIASES",
    "Concept",
    "FollowUp",
    "Question",
]
