"""What support promised: entering a promise, the promises panel, and the due-time reminder."""
