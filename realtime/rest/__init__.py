"""REST resources, one module per resource, each with its own endpoint table."""
