"""The schema check that spares a current database from loading Alembic."""

from __future__ import annotations

from pathlib import Path

from alembic import command

from otpvirt.db import migrate
from otpvirt.db.revision import database_revision, is_current, shipped_head


def test_the_shipped_head_is_alembics() -> None:
    assert shipped_head() == migrate.head_revision() is not None


def test_current_only_at_the_head(database_url: str) -> None:
    assert is_current(database_url)
    head = migrate.head_revision()
    command.downgrade(migrate.alembic_config(database_url), "-1")
    assert database_revision(database_url) not in (None, head)
    assert not is_current(database_url)
    migrate.upgrade(database_url)
    assert is_current(database_url)


def test_missing_or_unreachable_databases_are_not_current(tmp_path: Path) -> None:
    assert not is_current(f"sqlite:///{tmp_path / 'none.db'}")
    (tmp_path / "empty.db").write_bytes(b"")
    assert not is_current(f"sqlite:///{tmp_path / 'empty.db'}")
    assert not (tmp_path / "none.db").exists()  # looking did not create it
    assert not is_current("postgresql://nobody@127.0.0.1:1/none")
