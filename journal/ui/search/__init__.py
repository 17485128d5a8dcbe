"""Search as you type across every case."""
