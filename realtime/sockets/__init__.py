"""Socket.IO: the server, the event router and the event handlers."""
