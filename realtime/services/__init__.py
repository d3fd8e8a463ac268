"""Services a web process opens on start and closes on shutdown."""
