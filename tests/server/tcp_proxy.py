"""A loopback TCP proxy in front of the test PostgreSQL server, to break the network.

Desktops in the fault tests connect through it, so a test can cut every
open connection, refuse new ones, or let a request reach the server and
lose its answer (the server committed, the desktop never hears of it).
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
from dataclasses import dataclass, field


@dataclass
class _Link:
    client: socket.socket
    server: socket.socket
    # Set once a request matching the proxy's trap went up this link: the
    # server's answer to it is swallowed and the link closed at its end.
    swallowing: bool = False
    pending: bytearray = field(default_factory=bytearray)

    def close(self) -> None:
        for sock in (self.client, self.server):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                sock.close()


class TcpProxy:
    """Listens on 127.0.0.1:<free port> and forwards to ``target``."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._links: list[_Link] = []
        self._refusing = False
        self._trap: bytes | None = None
        self._trap_count = 0
        self.dropped_answers = 0
        self.requests: list[bytes] = []
        self._closed = False
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    # what the tests do

    def cut(self) -> None:
        """Close every open connection at once, as a network failure would."""
        with self._lock:
            links, self._links = self._links, []
        for link in links:
            link.close()

    def refuse(self, refusing: bool = True) -> None:
        """Close new connections as soon as they arrive (the server is unreachable)."""
        self._refusing = refusing

    def heal(self) -> None:
        self._refusing = False
        self._trap = None

    def lose_answer_to(self, marker: bytes, count: int = 1) -> None:
        """Let the next ``count`` requests containing ``marker`` reach the
        server, and lose what it answers (the connection closes after the
        answer is complete, so the server has finished and committed)."""
        self._trap = marker
        self._trap_count = count

    def close(self) -> None:
        self._closed = True
        self.cut()
        with contextlib.suppress(OSError):
            self._listener.close()

    # the machinery

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self._refusing:
                client.close()
                continue
            try:
                server = socket.create_connection(self.target, timeout=5)
                server.settimeout(None)
            except OSError:
                client.close()
                continue
            link = _Link(client, server)
            with self._lock:
                self._links.append(link)
            threading.Thread(target=self._up, args=(link,), daemon=True).start()
            threading.Thread(target=self._down, args=(link,), daemon=True).start()

    def _forget(self, link: _Link) -> None:
        with self._lock:
            if link in self._links:
                self._links.remove(link)
        link.close()

    def _up(self, link: _Link) -> None:
        """Client to server; arms the trap on a matching request."""
        try:
            while data := link.client.recv(65536):
                self.requests.append(bytes(data[:200]))
                trap = self._trap
                if trap is not None and trap in data and self._trap_count > 0:
                    self._trap_count -= 1
                    if self._trap_count == 0:
                        self._trap = None
                    link.swallowing = True
                link.server.sendall(data)
        except OSError:
            pass
        self._forget(link)

    def _down(self, link: _Link) -> None:
        """Server to client, swallowing an answer the trap caught."""
        try:
            while data := link.server.recv(65536):
                if not link.swallowing:
                    link.client.sendall(data)
                    continue
                link.pending += data
                if _ends_with_ready(link.pending):
                    self.dropped_answers += 1
                    break
        except OSError:
            pass
        self._forget(link)


def _ends_with_ready(stream: bytearray) -> bool:
    """Whether the server's messages in ``stream`` end with ReadyForQuery.

    The stream starts at a message boundary (the answer to a request of a
    client that waits for each answer); ReadyForQuery comes after the
    transaction committed.
    """
    position = 0
    last = b""
    while position + 5 <= len(stream):
        kind = bytes(stream[position : position + 1])
        (length,) = struct.unpack("!i", stream[position + 1 : position + 5])
        if position + 1 + length > len(stream):
            return False
        last = kind
        position += 1 + length
    return position == len(stream) and last == b"Z"
