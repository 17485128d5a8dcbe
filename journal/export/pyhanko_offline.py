"""pyHanko without its network clients: this program never fetches a timestamp, a CRL or an
OCSP answer, and loading aiohttp for them cost 0.6 s of every export and every verify.

pyHanko imports its HTTP time-stamp client and certvalidator's aiohttp fetchers when it
loads, though we never use either. Before pyHanko is first imported, those two modules are
stood in for by ones whose classes refuse to go online; a pyHanko already loaded (by a
program that wants the network) is left as it is.
"""
from __future__ import annotations

import sys
import threading
import types

_STAND_INS = {
    "pyhanko.sign.timestamps.aiohttp_client": "HTTPTimeStamper",
    "pyhanko_certvalidator.fetchers.aiohttp_fetchers": "AIOHttpFetcherBackend",
}


class _Offline:
    """Made, it is harmless; asked to reach the network, it refuses."""

    def __init__(self, *args, **kwargs):
        pass

    def __getattr__(self, name):
        raise RuntimeError("Support Journal checks and makes signatures offline; it does not "
                           "fetch time stamps or revocation data.")


def offline() -> None:
    if "pyhanko" in sys.modules or "pyhanko_certvalidator" in sys.modules:
        return
    for module, name in _STAND_INS.items():
        stand_in = types.ModuleType(module, "Offline stand-in (journal/export/pyhanko_offline)")
        setattr(stand_in, name, type(name, (_Offline,), {}))
        stand_in.__all__ = [name]
        sys.modules[module] = stand_in


_preloading: threading.Thread | None = None


def _load() -> None:
    try:
        import pyhanko.pdf_utils.incremental_writer  # noqa: F401
        import pyhanko.pdf_utils.reader  # noqa: F401
        import pyhanko.sign.validation  # noqa: F401
        import pyhanko_certvalidator  # noqa: F401
    except Exception:  # noqa: BLE001 - the import where it is needed says what went wrong
        pass


def preload() -> None:
    """Start loading pyHanko (0.4-0.6 s) on a thread of its own, so that it loads while the
    PDF is drawn or the bundle's files are hashed (both let go of the interpreter lock),
    not after. Whoever then imports pyHanko calls ready() first. Not a daemon: a process that ends first waits for the import to finish
    rather than being torn down inside it."""
    global _preloading
    if _preloading is None and "pyhanko.sign.validation" not in sys.modules:
        offline()
        _preloading = threading.Thread(target=_load, name="pyhanko-preload")
        _preloading.start()


def ready() -> None:
    """Wait for a preload to finish. Call before importing pyHanko: two threads importing
    its circular packages at once can each see the other's half-made module."""
    if _preloading is not None:
        _preloading.join()
