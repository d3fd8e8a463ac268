"""The prose around a learning path. The structure is computed; a model may only phrase it."""

from __future__ import annotations

import json
from typing import Any

from coach.intents import NarrativeIntent
from coach.providers.base import ChatMessage, Prompt

SYSTEM = (
    "You are a programming coach writing a short, encouraging study-plan summary (at most 180 "
    "words, markdown, no headings). Use only the plan given as JSON: keep its order, topics and "
    "problems, do not add problems or change estimates, and do not include any code."
)


def narrative_prompt(plan: dict[str, Any]) -> Prompt:
    compact = {
        "weak_topics": plan.get("weak_topics", []),
        "mastered_topics": plan.get("mastered_topics", []),
        "next_difficulty": plan.get("next_difficulty"),
        "steps": [
            {
                "topic": s["topic"],
                "why": s["reason"],
                "problems": [p["title"] for p in s["problems"]],
                "minutes": s["estimated_minutes"],
            }
            for s in plan.get("steps", [])
        ],
        "estimated_weeks": plan.get("estimated_weeks"),
        "hours_per_week": plan.get("hours_per_week"),
    }
    return Prompt(
        system=SYSTEM,
        messages=(ChatMessage("user", json.dumps(compact)),),
        intent=NarrativeIntent(plan),
        max_output_tokens=400,
    )


def offline_narrative(plan: dict[str, Any]) -> str:
    """A fixed-form summary of the plan (the offline coach's narrative)."""
    steps = plan.get("steps", [])
    if not steps:
        return (
            "There is nothing left to plan right now: you have no unsolved problems in the topics "
            "the bank covers. Generate a new problem on a topic you like to keep practising.\n"
        )
    lines = []
    weak = plan.get("weak_topics") or []
    mastered = plan.get("mastered_topics") or []
    if weak:
        lines.append(f"Your weakest topics right now: {', '.join(weak)}.")
    if mastered:
        lines.append(f"You have mastered {', '.join(mastered)}: well done.")
    if not weak and not mastered:
        lines.append(
            "Here is a path through the fundamentals, in the order they build on each other."
        )
    first = steps[0]
    problems = ", ".join(p["title"] for p in first["problems"])
    lines.append(f"Start with **{first['topic']}** ({first['reason']}): {problems}.")
    if len(steps) > 1:
        lines.append("Then: " + ", ".join(s["topic"] for s in steps[1:]) + ".")
    hours = plan.get("total_minutes", 0) / 60
    lines.append(
        f"The plan takes about {hours:.1f} hours, roughly {plan.get('estimated_weeks', 1)} "
        f"week(s) at {plan.get('hours_per_week', 5):g} hours a week. Aim at "
        f"{plan.get('next_difficulty', 'easy')} problems next."
    )
    return " ".join(lines) + "\n"
