"""Writing an export: private to its owner (0600), and in place only once whole."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from ..errors import BadInput, EnvironmentProblem, os_reason


@contextmanager
def private_target(target):
    """A binary file to write the export into: a 0600 temporary file beside `target`,
    synced and renamed over `target` when the block ends, removed if it fails, so a failed
    export leaves no half file and nobody else on the computer can read it."""
    target = Path(target)
    if not target.parent.is_dir():
        raise BadInput("file.no_folder", folder=target.parent)
    try:
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    except OSError as exc:
        raise EnvironmentProblem("export.cannot_write_in", folder=target.parent,
                                 reason=os_reason(exc)) from None
    try:
        with os.fdopen(fd, "wb") as f:  # mkstemp makes it 0600
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(name, target)
    except OSError as exc:
        Path(name).unlink(missing_ok=True)
        raise EnvironmentProblem("export.cannot_write", path=target,
                                 reason=os_reason(exc)) from None
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def write_private(target, data: bytes) -> None:
    """Write `data` to `target` through private_target."""
    with private_target(target) as f:
        f.write(data)
