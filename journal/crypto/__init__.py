"""Signatures over bytes: the journal's Ed25519 key in OpenSSH's forms, SSHSIG, and the
P-256 key derived from it for PDFs. Pure functions over the `cryptography` library, used by
the store (to introduce the key) and by the export (to sign and to verify); no I/O here."""
