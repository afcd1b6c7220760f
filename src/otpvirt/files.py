"""Files holding secrets are private to the service's user.

The data directory holds the SQLite database (every hash, token digest and webhook
secret), the session key file and the demo credentials; backups copy the database.
They are created owner-only (0700 / 0600) whatever the umask, and files an older
version left readable by others are tightened when the service opens them.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
from pathlib import Path

log = logging.getLogger("otpvirt.files")


def private_dir(path: Path) -> Path:
    """Create a directory (and its missing parents) that only the owner may enter."""
    if not path.is_dir():
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            path.mkdir(mode=0o700)
        os.chmod(path, 0o700)  # whatever the umask
    return path


def tighten_dir(path: Path) -> None:
    """Make an existing data directory owner-only, unless it is a shared one."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return
    shared = st.st_mode & stat.S_ISVTX or path.resolve() in {Path("/"), Path.home()}
    if st.st_mode & 0o077 and st.st_uid == os.getuid() and not shared:
        log.info("made %s private to its owner (it was %o)", path, stat.S_IMODE(st.st_mode))
        os.chmod(path, 0o700)


def private_file(path: Path) -> Path:
    """Create a file if it is missing (empty, 0600); make an existing one 0600."""
    # An existing file is never opened here: closing any descriptor of a database
    # file drops every POSIX lock this process holds on it (SQLite's own connections'
    # included), which corrupts the database.
    if path.exists():
        tighten_file(path)
        return path
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        tighten_file(path)
    else:
        os.chmod(path, 0o600)  # whatever the umask
    return path


def tighten_file(path: Path) -> None:
    """Make an existing file 0600 (nothing when it does not exist)."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return
    if mode & 0o077:
        log.info("made %s private to its owner (it was %o)", path, mode)
        os.chmod(path, 0o600)
