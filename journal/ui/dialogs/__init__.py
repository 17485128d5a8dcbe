"""Windows opened from the menu or a card: export, preferences, response times, an image."""
