"""One window per journal: a second start on the same journal folder hands over to the first.

The first window listens on a local socket (QLocalServer: a Unix socket in the temp folder, a
named pipe on Windows) named for the user and the journal folder's resolved path (a short
hash: macOS allows some 100 bytes of socket path). A later start connects to it, sends one
line of JSON, {"raise": true, "open": "<absolute path or null>"}, waits for "ok" and exits; the
running window comes forward and imports the file. A socket left behind by a crash refuses the
connection: only then is it removed and listened on anew. Only the user's own processes can
connect (UserAccessOption), and a line that is not such a message is logged and dropped.
"""
from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
from pathlib import Path

from PySide6.QtCore import QDir, QEventLoop, QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

CONNECT_MS = 500      # a window that runs answers a connection at once
REPLY_MS = 5000       # ... and its "ok" once its event loop gets to it
MAX_MESSAGE = 64 * 1024   # a path and two keys: anything longer is not ours
OK = b"ok\n"
SOCKET_PATH = 100     # bytes of a Unix socket's path, with room: macOS allows 104, Linux 108


def server_name(folder: str | os.PathLike, temp_dir: str | None = None) -> str:
    """The socket's name for this user and this journal folder (its resolved path). Qt puts
    it in the temp folder (`temp_dir`, default Qt's); where that folder's path is too long
    for a socket's (some 104 bytes), the name is a path in /tmp instead."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):   # no name for this uid (a container): its number then
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    where = str(Path(folder).expanduser().resolve())
    digest = hashlib.sha256(f"{user}\0{where}".encode("utf-8", "surrogatepass")).hexdigest()
    name = f"support-journal-{digest[:20]}"
    if os.name == "posix":
        temp = temp_dir if temp_dir is not None else QDir.tempPath()
        if len(os.path.join(temp, name).encode("utf-8", "surrogatepass")) > SOCKET_PATH:
            return os.path.join("/tmp", name)
    return name


def message(open_path: str | None) -> bytes:
    """What a second start sends: come forward, and open this file (or none)."""
    return json.dumps({"raise": True, "open": open_path}).encode("utf-8") + b"\n"


def parse(line: bytes) -> tuple[bool, str | None] | None:
    """(raise, path or None) of a message, or None when it is not one."""
    try:
        data = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("raise", True), bool):
        return None
    path = data.get("open")
    if path is not None and (not isinstance(path, str) or not os.path.isabs(path)):
        return None
    return data.get("raise", True), path


class SingleInstance(QObject):
    """The journal's one window: hand_over() to the one running, else listen() for later
    starts; `received` says what a later start asked for."""

    received = Signal(bool, str)   # (come forward, the file to open or "")

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self.server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytearray | None] = {}   # None: message read

    # -- a later start -----------------------------------------------------------------------

    def hand_over(self, open_path: str | None = None, *, connect_ms: int = CONNECT_MS,
                  reply_ms: int = REPLY_MS) -> str:
        """Give the running window this start's wish: "done" when it answered "ok", "none"
        when no window listens (nothing answered the connection), "silent" when one took the
        connection but did not answer in time."""
        socket = QLocalSocket(self)
        try:
            socket.connectToServer(self.name)
            if not socket.waitForConnected(connect_ms):
                return "none"
            socket.write(message(open_path))
            socket.flush()
            # An event loop, not waitForReadyRead: the window answering may be this very
            # process (the tests run both ends in one).
            return "done" if _wait_for_reply(socket, reply_ms) == OK else "silent"
        finally:
            socket.abort()
            socket.deleteLater()

    # -- the running window ------------------------------------------------------------------

    def listen(self) -> bool:
        """Listen for later starts (call it once hand_over() found no window); False, logged,
        when the name cannot be had."""
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._accept)
        if self._answered():   # a window that started since hand_over() looked: it stays
            log.warning("another window opened on this journal meanwhile; this one is not "
                        "brought forward by later starts")
            server.deleteLater()
            return False
        # Nothing answers under the name: what is left there is a crashed window's socket.
        QLocalServer.removeServer(self.name)
        listening = server.listen(self.name)
        if not listening:
            log.warning("a later start of the window on this journal cannot reach this one "
                        "(%s)", server.errorString())
            server.deleteLater()
            return False
        self.server = server
        return True

    def _answered(self) -> bool:
        """Whether a window listens under the name (one that started meanwhile, say)."""
        probe = QLocalSocket(self)
        probe.connectToServer(self.name)
        alive = probe.waitForConnected(CONNECT_MS)
        probe.abort()
        probe.deleteLater()
        return alive

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None

    def _accept(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket)
        if buffer is None:
            return
        buffer += bytes(socket.readAll())
        if b"\n" not in buffer and len(buffer) <= MAX_MESSAGE:
            return   # the rest is on its way
        line = bytes(buffer).partition(b"\n")[0]
        self._buffers[socket] = None   # one message per connection: the rest is ignored
        wish = parse(line) if len(line) <= MAX_MESSAGE else None
        if wish is None:
            log.warning("ignored a message on the window's socket that is not a start's "
                        "(%d bytes)", len(line))
            socket.disconnectFromServer()
            return
        socket.write(OK)
        socket.flush()
        socket.disconnectFromServer()
        come_forward, path = wish
        self.received.emit(come_forward, path or "")

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()


def _wait_for_reply(socket: QLocalSocket, msecs: int) -> bytes:
    """The line the other end answers, or b"" when it closes or the time is up first."""
    loop = QEventLoop()
    timer = QTimer(singleShot=True, interval=msecs)
    got = bytearray()

    def more() -> None:
        got.extend(bytes(socket.readAll()))
        if b"\n" in got:
            loop.quit()

    hooks = [(socket.readyRead, more), (socket.disconnected, loop.quit),
             (socket.errorOccurred, loop.quit), (timer.timeout, loop.quit)]
    for signal, slot in hooks:
        signal.connect(slot)
    try:
        more()
        if b"\n" not in got and socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
            timer.start()
            loop.exec()
        more()
    finally:
        timer.stop()
        for signal, slot in hooks:
            signal.disconnect(slot)
    line, newline, _ = bytes(got).partition(b"\n")
    return line + newline
