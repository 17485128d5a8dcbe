"""`python -m journal.ocr.worker`: reads pictures sent down its stdin, one at a time.

The conversation is frames: 4 bytes of length (big-endian), then that many bytes. The main
process sends a picture's bytes as one frame (a frame of length 0 says "stop"); the worker
answers each with one frame of UTF-8 JSON, either {"lines": [[text, [[word, [x, y, w, h]],
...]], ...]} or {"error": code, "params": {...}} for a picture it cannot read. A picture is
never written to a file. Nothing else goes to stdout: the protocol keeps a descriptor of its
own, and whatever a library prints lands on stderr (which the main process discards).

The worker stops when its stdin closes, so it never outlives the program that started it. It
runs at a lower priority and on at most two threads, so the window stays responsive while a
picture is read.
"""
from __future__ import annotations

import json
import os
import struct
import sys

LENGTH = struct.Struct(">I")


def _limit_threads() -> None:
    threads = str(max(1, min(2, os.cpu_count() or 1)))
    os.environ["ORT_DISABLE_TELEMETRY"] = "1"     # before onnxruntime is imported
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, threads)
    try:
        os.nice(10)
    except (AttributeError, OSError):
        pass


def _read_exactly(stream, n: int) -> bytes | None:
    data = stream.read(n)
    return data if data is not None and len(data) == n else None


def answer(data: bytes) -> dict:
    """The reply to one picture."""
    from . import engine
    try:
        return {"lines": engine.read(data)}
    except engine.Unreadable as exc:
        return {"error": exc.code, "params": exc.params}
    except Exception:   # noqa: BLE001 - a picture that trips the reader: say so, keep serving
        import traceback
        traceback.print_exc()
        return {"error": "worker_failed", "params": {}}


def serve(requests, replies) -> None:
    """Answer frames from `requests` on `replies` until a frame of length 0 or the end."""
    while True:
        head = _read_exactly(requests, LENGTH.size)
        if head is None:
            return
        (size,) = LENGTH.unpack(head)
        if size == 0:
            return
        data = _read_exactly(requests, size)
        if data is None:
            return
        reply = json.dumps(answer(data), ensure_ascii=False).encode("utf-8")
        del data
        try:
            replies.write(LENGTH.pack(len(reply)) + reply)
            replies.flush()
        except BrokenPipeError:
            return


def main() -> int:
    _limit_threads()
    # The protocol's own descriptor; fd 1 (and sys.stdout) now go where stderr goes.
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    from . import engine
    engine.engine()
    serve(sys.stdin.buffer, replies)
    return 0


if __name__ == "__main__":
    sys.exit(main())
