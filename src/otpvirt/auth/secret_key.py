"""The service's secret key: signs console and portal cookies and peppers session ids.

It is never in the database, so a copy of the database (or of a backup) cannot sign
a session. It comes from `OTPVIRT_SECRET_KEY` when set (the same value on every host
of a deployment), else from `<data dir>/secret.key` (0600), generated on first use;
processes sharing the data directory share it. `otpvirt admin rotate-secret-key`
writes a new file: running processes take it up within a second, and every session
signed with the old key ends.
"""

from __future__ import annotations

import logging
import os
import secrets
import time
from pathlib import Path

from otpvirt.config import Settings
from otpvirt.errors import InvalidRequest
from otpvirt.files import private_dir, tighten_file

log = logging.getLogger("otpvirt.auth")

KEY_FILE = "secret.key"
MIN_LENGTH = 32
# How often a process looks whether the key file was replaced (one stat call).
RECHECK_SECONDS = 1.0

Stamp = tuple[int, int, int] | None


class KeyFileInvalid(InvalidRequest):
    reason = "secret_key_invalid"


def _stamp(path: Path) -> Stamp:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return st.st_ino, st.st_mtime_ns, st.st_size


def _write_new(path: Path) -> Path:
    """A new key in a fresh owner-only file next to `path`; its name."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(secrets.token_urlsafe(48) + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    return tmp


def read_key(path: Path) -> str:
    """The key in a key file (tightened to 0600 if an editor or a copy loosened it)."""
    tighten_file(path)
    key = path.read_text(encoding="utf-8").strip()
    if len(key) < MIN_LENGTH:
        raise KeyFileInvalid(
            f"{path} holds no usable key (fewer than {MIN_LENGTH} characters); "
            "delete it to have a new one generated, which ends every session"
        )
    return key


def load_or_create(path: Path) -> str:
    """The key in `path`, generating it first if there is none."""
    if not path.exists():
        private_dir(path.parent)
        tmp = _write_new(path)
        try:
            # A link never replaces a key another process made a moment ago.
            os.link(tmp, path)
            log.info("generated the session signing key in %s", path)
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    return read_key(path)


def rotate(path: Path) -> None:
    """Replace the key file with a new key (atomically)."""
    private_dir(path.parent)
    os.replace(_write_new(path), path)


class SecretKey:
    """This process's view of the key (re-read when the key file is replaced)."""

    def __init__(self, settings: Settings) -> None:
        self._fixed = settings.secret_key.get_secret_value()
        self.data_dir = Path(settings.data_dir)
        self.path = self.data_dir / KEY_FILE
        self._value: str | None = None
        self._stamp: Stamp = None
        self._checked = 0.0

    @property
    def from_environment(self) -> bool:
        """Whether the key is OTPVIRT_SECRET_KEY (rotated by changing it, not the file)."""
        return bool(self._fixed)

    def get(self) -> str:
        """The key now."""
        if self._fixed:
            return self._fixed
        now = time.monotonic()
        if self._value is not None and now - self._checked < RECHECK_SECONDS:
            return self._value
        self._checked = now
        stamp = _stamp(self.path)
        if self._value is None or stamp != self._stamp:
            self._value = load_or_create(self.path)
            self._stamp = _stamp(self.path)
        return self._value
