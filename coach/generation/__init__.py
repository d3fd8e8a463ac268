"""Problem generation: a provider drafts, the judge validates by running code, storage keeps it."""
