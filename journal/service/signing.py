"""Signatures with the journal's key, for the export and `journal verify`: the SSHSIG of a
bundle's manifest, the P-256 key the PDF's PAdES signature is made with, and checking both.

The key's seed never leaves the encrypted database except into these calls; the functions
are journal/crypto's, offered here so that the export reaches them through the service."""
from __future__ import annotations

from ..crypto.signature import (
    NAMESPACE,
    fingerprint,
    pdf_signing_key,
    public_key_openssh,
    sign_sshsig,
    verify_sshsig,
)

__all__ = ["NAMESPACE", "fingerprint", "pdf_signing_key", "public_key_openssh",
           "sign_sshsig", "verify_sshsig"]
