"""The admin API fixtures, for the money tests that go through it."""

from tests.admin.conftest import admin, admin_token

__all__ = ["admin", "admin_token"]
