"""Recording a contact as it happens: the live call, a chat or email, a failed attempt."""
