"""Wallet addresses and transaction ids, checked by their own format's checksum, and the
block explorer that shows each.

- Bitcoin and Litecoin: base58check (legacy and P2SH addresses) and bech32/bech32m (segwit
  v0 and taproot), with the BIP-173/BIP-350 reference code (embit's copy of it).
- Ethereum and the EVM networks (BNB Smart Chain, Polygon, Arbitrum, Optimism, Base,
  Avalanche C-Chain): 0x and 40 hex digits; a mixed-case address must pass EIP-55's
  Keccak-256 checksum (all lower or all upper case carries no checksum, as EIP-55 says).
- TRON: base58check with version byte 0x41 ("T…").
- Solana: base58 that decodes to 32 bytes (a transaction signature: 64). Solana has no
  checksum, so a mistyped character that stays in the alphabet cannot be caught; said so.

A value that fails gets one sentence naming the network and what is wrong. Pure Python.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ...errors import BadInput, Term

_HEX64 = re.compile(r"[0-9a-fA-F]{64}")
_BASE58 = re.compile(r"[1-9A-HJ-NP-Za-km-z]+")


@dataclass(frozen=True)
class Network:
    code: str
    name: str
    family: str          # "bitcoin", "evm", "tron", "solana" or "other"
    explorer: str | None = None
    tx_path: str = "/tx/{}"
    address_path: str = "/address/{}"
    hrp: str | None = None                 # bech32 human-readable part
    base58_versions: tuple[int, ...] = ()  # base58check version bytes of its addresses


NETWORKS: dict[str, Network] = {n.code: n for n in (
    Network("bitcoin", "Bitcoin", "bitcoin", "https://mempool.space", hrp="bc",
            base58_versions=(0x00, 0x05)),
    Network("litecoin", "Litecoin", "bitcoin", "https://litecoinspace.org", hrp="ltc",
            base58_versions=(0x30, 0x32, 0x05)),
    Network("ethereum", "Ethereum", "evm", "https://etherscan.io"),
    Network("bsc", "BNB Smart Chain", "evm", "https://bscscan.com"),
    Network("polygon", "Polygon", "evm", "https://polygonscan.com"),
    Network("arbitrum", "Arbitrum One", "evm", "https://arbiscan.io"),
    Network("optimism", "OP Mainnet", "evm", "https://optimistic.etherscan.io"),
    Network("base", "Base", "evm", "https://basescan.org"),
    Network("avalanche", "Avalanche C-Chain", "evm", "https://snowtrace.io"),
    Network("tron", "TRON", "tron", "https://tronscan.org", tx_path="/#/transaction/{}",
            address_path="/#/address/{}", base58_versions=(0x41,)),
    Network("solana", "Solana", "solana", "https://solscan.io",
            address_path="/account/{}"),
    Network("other", "another network", "other"),
)}
# What people type for a network, mapped to its code.
ALIASES = {"btc": "bitcoin", "ltc": "litecoin", "eth": "ethereum", "erc20": "ethereum",
           "bnb": "bsc", "bep20": "bsc", "matic": "polygon", "arb": "arbitrum", "op": "optimism",
           "avax": "avalanche", "trx": "tron", "trc20": "tron", "sol": "solana"}


def network(text: str | None) -> Network:
    """The network named by `text` (its code, name or a common alias)."""
    word = (text or "").strip().lower()
    code = ALIASES.get(word, word)
    for n in NETWORKS.values():
        if code in (n.code, n.name.lower()):
            return n
    raise BadInput("onchain.unknown_network", text=text or "",
                   words=", ".join(n for n in NETWORKS))


def _base58check(value: str) -> bytes | None:
    import base58
    try:
        return base58.b58decode_check(value)
    except ValueError:
        return None


def _base58(value: str) -> bytes | None:
    import base58
    try:
        return base58.b58decode(value)
    except ValueError:
        return None


def eip55(address: str) -> str:
    """`address` (0x + 40 hex) in EIP-55's mixed case."""
    from Crypto.Hash import keccak
    lower = address[2:].lower()
    digest = keccak.new(digest_bits=256, data=lower.encode("ascii")).hexdigest()
    return "0x" + "".join(c.upper() if int(d, 16) >= 8 else c for c, d in zip(lower, digest))


def _bitcoin_address(n: Network, value: str) -> str | None:
    """None if `value` is a valid address of `n`; else what is wrong with it."""
    if n.hrp and value.lower().startswith(n.hrp + "1"):
        from embit import bech32
        if value != value.lower() and value != value.upper():
            return "mixed case"
        version, program = bech32.decode(n.hrp, value.lower())
        return None if version is not None and program is not None else "checksum"
    if not _BASE58.fullmatch(value):
        return "format"
    decoded = _base58check(value)
    if decoded is None:
        return "checksum"
    if len(decoded) != 21 or decoded[0] not in n.base58_versions:
        return "format"
    return None


def _problem(n: Network, value: str) -> str | None:
    if n.family == "bitcoin":
        return _bitcoin_address(n, value)
    if n.family == "evm":
        if not re.fullmatch(r"0x[0-9a-fA-F]{40}", value):
            return "format"
        body = value[2:]
        if body == body.lower() or body == body.upper():
            return None
        return None if eip55(value) == value else "checksum"
    if n.family == "tron":
        if not value.startswith("T"):
            return "format"
        decoded = _base58check(value)
        if decoded is None:
            return "checksum"
        return None if len(decoded) == 21 and decoded[0] == 0x41 else "format"
    if n.family == "solana":
        decoded = _base58(value)
        return None if decoded is not None and len(decoded) == 32 else "format"
    return None


def address(value: str | None, network_: Network) -> str:
    """`value` checked as an address on `network_`: returned stripped, as typed."""
    value = (value or "").strip()
    if not value:
        raise BadInput("onchain.address_empty", network=network_.name)
    if len(value) > 120 or any(c.isspace() for c in value):
        raise BadInput("onchain.address_format", value=value[:120], network=network_.name)
    problem = _problem(network_, value)
    if problem == "checksum":
        raise BadInput("onchain.address_checksum", value=value, network=network_.name)
    if problem is not None:
        raise BadInput("onchain.address_format", value=value, network=network_.name)
    return value


def tx_hash(value: str | None, network_: Network) -> str:
    """`value` checked as a transaction id on `network_`: 64 hex digits (0x-prefixed on EVM
    networks, which is how their explorers show it), or a Solana signature (base58 of 64
    bytes)."""
    value = (value or "").strip()
    if not value:
        raise BadInput("onchain.hash_empty", network=network_.name)
    family = network_.family
    ok = True
    if family == "evm":
        ok = value[:2].lower() == "0x" and bool(_HEX64.fullmatch(value[2:]))
    elif family in ("bitcoin", "tron"):
        ok = bool(_HEX64.fullmatch(value))
    elif family == "solana":
        decoded = _base58(value) if len(value) <= 100 else None
        ok = decoded is not None and len(decoded) == 64
    else:
        ok = 8 <= len(value) <= 200 and not any(c.isspace() for c in value)
    if not ok:
        raise BadInput("onchain.hash_format", value=value[:200], network=network_.name)
    return value


def looks_like_tx_hash(value: str) -> str | None:
    """The network family a recorded reference could be a transaction id of, if any: 0x+64
    hex is an EVM transaction, 64 hex a Bitcoin or TRON one (the user picks which)."""
    value = value.strip()
    if value[:2].lower() == "0x" and _HEX64.fullmatch(value[2:]):
        return "ethereum"
    if _HEX64.fullmatch(value):
        return "bitcoin"
    return None


def explorer_url(network_: Network, *, tx: str | None = None,
                 address_: str | None = None) -> str | None:
    """The public block explorer's page of a transaction or an address, if the network has
    one."""
    if network_.explorer is None:
        return None
    if tx is not None:
        return network_.explorer + network_.tx_path.format(tx)
    return network_.explorer + network_.address_path.format(address_)


def amount(value, what: str = "amount") -> str:
    """A positive decimal amount, as text without exponent (kept exactly: 0.00012345 BTC is
    not rounded)."""
    text = str(value).strip().replace(",", "").replace("_", "") if value is not None else ""
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise BadInput("money.amount_not_number", value=str(value or ""), what=Term(what)) from None
    if not number.is_finite() or number <= 0:
        raise BadInput("money.amount_not_positive", value=text, what=Term(what))
    if len(number.as_tuple().digits) > 40:
        raise BadInput("money.amount_too_long", value=text[:60])
    return format(number, "f")  # as typed: 31250.00 GBP stays 31250.00


def asset(value: str | None) -> str:
    """An asset's ticker (BTC, USDT, ETH…), upper case."""
    text = (value or "").strip()
    if not re.fullmatch(r"[A-Za-z0-9.$-]{1,20}", text):
        raise BadInput("money.asset_invalid", value=text[:40])
    return text.upper()


def currency(value: str | None) -> str:
    """A fiat currency's ISO 4217 code (GBP, EUR, USD, HKD, CNY…)."""
    text = (value or "").strip()
    if not re.fullmatch(r"[A-Za-z]{3}", text):
        raise BadInput("money.currency_invalid", value=text[:40])
    return text.upper()
