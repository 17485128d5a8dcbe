"""The encrypted journal on disk: folder, key header, SQLCipher database, search and ledger."""
