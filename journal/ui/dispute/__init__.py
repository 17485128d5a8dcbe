"""A case's dispute in the window: its jurisdiction, the complaint's stages, the deadlines they
start, the money at stake, the transactions and the wallet addresses."""
