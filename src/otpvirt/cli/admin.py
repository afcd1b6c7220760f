"""`otpvirt admin ...`: admin API tokens, console users, the audit log."""

from __future__ import annotations

import getpass
import json
from typing import Annotated, Any

import typer

from otpvirt.admin import audit
from otpvirt.admin import service as admins
from otpvirt.admin.audit import cli_actor
from otpvirt.admin.schemas import audit_json, token_json, user_json
from otpvirt.auth.passwords import generate_password
from otpvirt.cli.common import (
    DbUrl,
    JsonOut,
    console,
    fail,
    print_json,
    print_table,
    run,
    settings_for,
)
from otpvirt.clock import iso
from otpvirt.runtime import Runtime

app = typer.Typer(help="Operators: admin tokens, console users, audit log.", no_args_is_help=True)
token_app = typer.Typer(help="Bearer tokens for the admin API and the console.")
user_app = typer.Typer(help="Console users (name and password).")
app.add_typer(token_app, name="token")
app.add_typer(user_app, name="user")


@token_app.command("create")
def token_create(name: str, database_url: DbUrl = None, json_out: JsonOut = False) -> None:
    """Create an admin token NAME and print it (shown only now)."""

    async def work(rt: Runtime) -> str:
        async with rt.db.transaction() as conn:
            token = await admins.create_token(conn, name)
            await audit.record(conn, cli_actor(), "admin.token_create", name.strip().lower())
            return token

    token = run(settings_for(database_url), work)
    if json_out:
        print_json({"name": name.strip().lower(), "token": token})
        return
    console.print(f"token: {token}", highlight=False)
    console.print("[dim]Send it as `Authorization: Bearer <token>`; it is shown only now.[/]")


@token_app.command("list")
def token_list(database_url: DbUrl = None, json_out: JsonOut = False) -> None:
    """List admin tokens (names and dates, never the tokens)."""

    async def work(rt: Runtime) -> list[dict[str, Any]]:
        async with rt.db.read() as conn:
            return [token_json(t) for t in await admins.list_tokens(conn)]

    rows = run(settings_for(database_url), work)
    if json_out:
        print_json(rows)
        return
    print_table(
        "admin tokens",
        ["name", "created", "last used"],
        [(r["name"], iso(r["createdAt"]), iso(r["lastUsedAt"]) or "never") for r in rows],
    )


@token_app.command("revoke")
def token_revoke(name: str, database_url: DbUrl = None) -> None:
    """Revoke an admin token: its API calls and console sessions stop at once."""

    async def work(rt: Runtime) -> None:
        async with rt.db.transaction() as conn:
            await admins.revoke_token(conn, name)
            await audit.record(conn, cli_actor(), "admin.token_revoke", name.strip().lower())

    run(settings_for(database_url), work)
    console.print(f"revoked {name}", highlight=False)


def _password(given: str | None, ask: bool) -> tuple[str, bool]:
    if given:
        return given, False
    if ask:
        first = getpass.getpass("password: ")
        if first != getpass.getpass("again: "):
            fail("the passwords differ")
        return first, False
    return generate_password(20), True


@user_app.command("create")
def user_create(
    name: str,
    password: Annotated[
        str | None, typer.Option(help="10-128 characters (generated if omitted).")
    ] = None,
    ask: Annotated[bool, typer.Option("--ask", help="Type the password at a prompt.")] = False,
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """Create a console user NAME (prints a generated password once)."""
    pw, generated = _password(password, ask)

    async def work(rt: Runtime) -> None:
        pw_hash = await admins.hash_password(rt, pw)
        async with rt.db.transaction() as conn:
            await admins.create_user(conn, name, pw_hash)
            await audit.record(conn, cli_actor(), "admin.user_create", name.strip().lower())

    run(settings_for(database_url), work)
    if json_out:
        print_json({"name": name.strip().lower(), "password": pw if generated else None})
        return
    console.print(f"console user {name.strip().lower()} created", highlight=False)
    if generated:
        console.print(f"password: {pw}", highlight=False)
        console.print("[dim]The password is shown only now; it is stored hashed.[/]")


@user_app.command("set-password")
def user_set_password(
    name: str,
    password: Annotated[
        str | None, typer.Option(help="New password (generated if omitted).")
    ] = None,
    ask: Annotated[bool, typer.Option("--ask", help="Type the password at a prompt.")] = False,
    database_url: DbUrl = None,
) -> None:
    """Replace a console user's password (its sessions end)."""
    pw, generated = _password(password, ask)

    async def work(rt: Runtime) -> None:
        pw_hash = await admins.hash_password(rt, pw)
        async with rt.db.transaction() as conn:
            await admins.set_user_password(conn, name, pw_hash)
            await audit.record(conn, cli_actor(), "admin.user_password", name.strip().lower())

    run(settings_for(database_url), work)
    console.print(f"password: {pw}" if generated else "password changed", highlight=False)


def _user_enabled(name: str, enabled: bool, database_url: str | None) -> None:
    async def work(rt: Runtime) -> None:
        async with rt.db.transaction() as conn:
            await admins.set_user_enabled(conn, name, enabled)
            action = "admin.user_enable" if enabled else "admin.user_disable"
            await audit.record(conn, cli_actor(), action, name.strip().lower())

    run(settings_for(database_url), work)
    console.print(f"{name}: {'enabled' if enabled else 'disabled'}", highlight=False)


@user_app.command("disable")
def user_disable(name: str, database_url: DbUrl = None) -> None:
    """Disable a console user (its sessions end)."""
    _user_enabled(name, False, database_url)


@user_app.command("enable")
def user_enable(name: str, database_url: DbUrl = None) -> None:
    """Re-enable a console user."""
    _user_enabled(name, True, database_url)


@user_app.command("list")
def user_list(database_url: DbUrl = None, json_out: JsonOut = False) -> None:
    """List console users."""

    async def work(rt: Runtime) -> list[dict[str, Any]]:
        async with rt.db.read() as conn:
            return [user_json(u) for u in await admins.list_users(conn)]

    rows = run(settings_for(database_url), work)
    if json_out:
        print_json(rows)
        return
    print_table(
        "console users",
        ["name", "enabled", "created", "last login"],
        [(r["name"], r["enabled"], iso(r["createdAt"]), iso(r["lastLoginAt"])) for r in rows],
    )


def _compact(value: Any) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@app.command("audit")
def audit_list(
    actor: Annotated[str | None, typer.Option(help="Only this actor, e.g. user:alice.")] = None,
    action: Annotated[str | None, typer.Option(help="Only this action, e.g. client.topup.")] = None,
    target: Annotated[str | None, typer.Option(help="Only this target (client id, …).")] = None,
    limit: int = 50,
    offset: int = 0,
    database_url: DbUrl = None,
    json_out: JsonOut = False,
) -> None:
    """The audit log, newest first: who changed what, when, before and after."""

    async def work(rt: Runtime) -> list[dict[str, Any]]:
        async with rt.db.read() as conn:
            entries = await audit.list_entries(
                conn, actor=actor, action=action, target=target, limit=limit, offset=offset
            )
        return [audit_json(e) for e in entries]

    rows = run(settings_for(database_url), work)
    if json_out:
        print_json(rows)
        return
    print_table(
        "audit log",
        ["at", "actor", "action", "target", "before", "after"],
        [
            (
                iso(r["at"]),
                r["actor"],
                r["action"],
                r["target"],
                _compact(r["before"]),
                _compact(r["after"]),
            )
            for r in rows
        ],
    )


@app.command("rotate-secret-key")
def rotate_secret_key(database_url: DbUrl = None) -> None:
    """Replace the session signing key file: every console and portal session ends.

    Running processes take the new key up within a second. With OTPVIRT_SECRET_KEY set,
    change that value everywhere and restart instead.
    """
    from otpvirt.auth import secret_key, sessions

    settings = settings_for(database_url)

    async def work(rt: Runtime) -> str:
        if rt.secret.from_environment:
            fail(
                "the key comes from OTPVIRT_SECRET_KEY: set a new value (32+ characters) on "
                "every host and restart the services"
            )
        secret_key.rotate(rt.secret.path)
        async with rt.db.transaction() as conn:
            ended = await sessions.end_everything(conn)
            await audit.record(conn, cli_actor(), "admin.secret_key_rotate", None, None, {})
        return f"new key written to {rt.secret.path}; {ended} session(s) ended"

    console.print(run(settings, work), highlight=False, soft_wrap=True)
