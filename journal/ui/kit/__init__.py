"""What every screen shares: the session, preferences, resources, formatting, words and colours."""
