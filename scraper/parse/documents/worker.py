"""Documents are parsed in a child process with limits, so a native parser that crashes, hangs or
eats memory on a hostile file costs that one document, never the run.

The child is a fresh interpreter (`python -m scraper.parse.documents.worker`), so it never re-runs
the caller's script and inherits no threads or open databases.  One long-lived child is reused
across documents (start-up is paid once); a document that takes longer than `DOCUMENT_TIMEOUT` gets
the child killed, and a new one is started for the next.  The child's address space is capped with
`resource.setrlimit(RLIMIT_AS)`.  Messages are length-prefixed pickles over its stdin/stdout.
"""

from __future__ import annotations

import os
import pickle
import select
import struct
import subprocess
import sys
import threading
import time
from typing import Any, BinaryIO

from ... import settings

__all__ = ["DocumentWorker", "shared_worker"]

_HEADER = struct.Struct(">Q")


def _write(fh: BinaryIO, obj: Any) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    fh.write(_HEADER.pack(len(data)) + data)
    fh.flush()


def _read_exact(fh: BinaryIO, n: int) -> bytes:
    chunks, left = [], n
    while left:
        chunk = fh.read(left)
        if not chunk:
            raise EOFError("worker closed its pipe")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _read(fh: BinaryIO) -> Any:
    (size,) = _HEADER.unpack(_read_exact(fh, _HEADER.size))
    return pickle.loads(_read_exact(fh, size))


def serve(memory: int | None) -> None:
    """The child's loop: (bytes, type, name, published) in, ('ok', fields) | ('error', line) out."""
    if memory:
        try:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        except (ImportError, ValueError, OSError):  # not on this platform: the timeout still applies
            pass
    from . import parse_document

    inp, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a library that prints must not corrupt the channel
    while True:
        try:
            data, type_, name, published = _read(inp)
        except EOFError:
            return
        try:
            doc = parse_document(data, type_, name=name, published=published, isolate=False)
            reply: tuple[str, Any] = ("ok", doc.model_dump(mode="python"))
        except MemoryError:
            reply = ("error", f"out of memory (worker limit {memory or 0:,} bytes)")
        except Exception as exc:  # noqa: BLE001 - reported as the document's error; the worker lives on
            reply = ("error", f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}")
        _write(out, reply)


class DocumentWorker:
    def __init__(
        self, timeout: float = settings.DOCUMENT_TIMEOUT, memory: int | None = settings.DOCUMENT_MAX_MEMORY
    ) -> None:
        self.timeout, self.memory = timeout, memory
        self._proc: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    def _start(self) -> subprocess.Popen[bytes]:
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "scraper.parse.documents.worker", str(self.memory or 0)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        return self._proc

    def _kill(self) -> int | None:
        proc, self._proc = self._proc, None
        if proc is None:
            return None
        if proc.poll() is None:
            proc.kill()
        code = proc.wait(5)
        for fh in (proc.stdin, proc.stdout):
            if fh:
                fh.close()
        return code

    def run(self, data: bytes, type_: str | None, name: str | None, published: str | None) -> tuple[str, Any]:
        """('ok', Document fields) or ('error', one line)."""
        with self._lock:
            proc = self._proc if self._proc is not None and self._proc.poll() is None else None
            if proc is None:
                self._kill()
                proc = self._start()
            assert proc.stdin is not None and proc.stdout is not None
            try:
                _write(proc.stdin, (data, type_, name, published))
                ready, _, _ = select.select([proc.stdout], [], [], self.timeout)
                if not ready:
                    self._kill()
                    return "error", f"took longer than {self.timeout:g}s (DOCUMENT_TIMEOUT); stopped"
                return _read(proc.stdout)
            except (EOFError, OSError, pickle.UnpicklingError):
                time.sleep(0.05)
                code = self._kill()
                return "error", f"the parser crashed (worker exit status {code})"

    def close(self) -> None:
        with self._lock:
            proc, self._proc = self._proc, None
            if proc is None:
                return
            if proc.stdin:
                proc.stdin.close()
            try:
                proc.wait(2)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            if proc.stdout:
                proc.stdout.close()


_shared: DocumentWorker | None = None


def shared_worker() -> DocumentWorker:
    """The process-wide worker (started on first use, stopped at exit)."""
    global _shared
    if _shared is None:
        import atexit

        _shared = DocumentWorker()
        atexit.register(_shared.close)
    return _shared


if __name__ == "__main__":
    serve(int(sys.argv[1]) if len(sys.argv) > 1 else None)
