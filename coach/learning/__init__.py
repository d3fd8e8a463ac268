"""Learning paths: per-topic results, a prerequisite graph of topics, and plans built on them."""
