"""System design questions, scored for requirements, scale, trade-offs and failures."""

from __future__ import annotations

from coach.offline.interview_bank.base import Question, make_question

_SCALE = (
    "missing:scale",
    "What scale are you designing for? Give rough numbers for users, requests per second and data.",
)
_REQS = (
    "missing:requirements",
    "Before going deeper: which requirements and assumptions are you designing for?",
)
_TRADE = (
    "missing:tradeoffs",
    "What trade-offs does your design make, and what would you choose differently under "
    "other requirements?",
)
_FAIL = ("missing:failure", "What happens when one of those components fails?")

SYSTEM_DESIGN: tuple[Question, ...] = (
    make_question(
        "sd-url-shortener",
        "URL shortener",
        "Design a URL shortening service like bit.ly.",
        [
            ("API", r"api|endpoint|post|get /|rest"),
            (
                "short-key generation",
                r"base.?62|hash|counter|random|collision|key generat|id generat",
            ),
            ("storage", r"database|db|key.?value|table|sql|nosql|store"),
            ("cache for hot links", r"cache|redis|memcache|cdn"),
            ("redirect", r"redirect|301|302"),
            ("scaling reads", r"shard|partition|replica|load balanc|horizontal"),
        ],
        [_REQS, _SCALE, _TRADE, _FAIL],
    ),
    make_question(
        "sd-rate-limiter",
        "Rate limiter",
        "Design a rate limiter for a public API.",
        [
            ("algorithm", r"token bucket|leaky bucket|sliding window|fixed window|counter"),
            ("key per client", r"per (user|client|ip|api key)|ip|api key|user id"),
            ("shared state across servers", r"redis|distributed|central|shared|atomic|lua"),
            ("where it runs", r"gateway|middleware|proxy|edge|load balancer"),
            ("response to limited clients", r"429|retry.?after|reject|throttl"),
        ],
        [_REQS, _SCALE, _TRADE, _FAIL],
    ),
    make_question(
        "sd-chat",
        "Chat service",
        "Design a one-to-one and group chat service.",
        [
            ("persistent connections", r"websocket|socket|long.?poll|persistent connection|sse"),
            ("message storage", r"database|store|cassandra|table|persist"),
            ("ordering", r"order|sequence|timestamp|id"),
            ("delivery and offline users", r"offline|ack|deliver|push notification|queue"),
            ("fan-out for groups", r"fan.?out|group|pub.?sub|broadcast"),
            ("presence", r"presence|online|last seen"),
        ],
        [_REQS, _SCALE, _TRADE, _FAIL],
    ),
    make_question(
        "sd-news-feed",
        "News feed",
        "Design the home feed of a social network.",
        [
            ("fan-out on write vs on read", r"fan.?out|push|pull|on write|on read|precomput"),
            ("celebrity accounts", r"celebrit|famous|many followers|hybrid|hot user"),
            ("feed cache", r"cache|redis|timeline"),
            ("ranking", r"rank|score|relevan|chronolog"),
            ("pagination", r"paginat|cursor|infinite scroll|page"),
        ],
        [_REQS, _SCALE, _TRADE, _FAIL],
    ),
    make_question(
        "sd-online-judge",
        "Online judge",
        "Design the code-execution backend of a coding-practice site: users submit code and see "
        "results per test.",
        [
            ("job queue", r"queue|kafka|rabbit|redis|job"),
            ("worker pool", r"worker|pool|autoscal|consumer"),
            ("sandboxing", r"sandbox|container|docker|isolat|seccomp|namespace|gvisor|firecracker"),
            ("resource limits", r"limit|timeout|memory|cpu|rlimit|cgroup"),
            ("streaming results", r"stream|websocket|progress|push|poll"),
        ],
        [_REQS, _SCALE, _TRADE, _FAIL],
    ),
)
