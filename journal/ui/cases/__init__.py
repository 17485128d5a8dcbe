"""The cases: the list on the left, one case with its timeline, opening and correcting entries."""
