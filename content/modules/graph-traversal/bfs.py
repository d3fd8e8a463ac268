from collections import deque


def distances(graph: dict[str, list[str]], start: str) -> dict[str, int]:
    """Fewest edges from start to every reachable node."""
    dist = {start: 0}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in graph.get(node, []):
            if nxt not in dist:
                dist[nxt] = dist[node] + 1
                queue.append(nxt)
    return dist


roads = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": ["f"]}
print(distances(roads, "a"))  # {'a': 0, 'b': 1, 'c': 1, 'd': 2, 'e': 2, 'f': 3}
