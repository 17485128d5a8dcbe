"""The first page: create a journal or unlock it."""
