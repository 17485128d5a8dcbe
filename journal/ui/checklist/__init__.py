"""A case's checklist: what to ask and have ready before contacting support."""
