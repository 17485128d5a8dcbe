"""The directory: platforms and the channels that reach their real support."""
