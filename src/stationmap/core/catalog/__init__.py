"""Message catalogs, one module per subsystem (see core.messages)."""
