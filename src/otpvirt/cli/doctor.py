"""`otpvirt doctor`: verify the invariants; non-zero exit on any violation."""

from __future__ import annotations

import typer

from otpvirt.cli.common import DbUrl, JsonOut, console, print_json, run, settings_for
from otpvirt.db.durability import Durability, in_force
from otpvirt.doctor.service import CheckResult, run_checks
from otpvirt.runtime import Runtime


def doctor(database_url: DbUrl = None, json_out: JsonOut = False) -> None:
    """Check every invariant (money, leases, SMS); exit 1 on any violation.

    Also reports the durability in force (a warning, not a failure, when an
    acknowledged commit could be lost on a power loss).
    """

    async def work(rt: Runtime) -> tuple[list[CheckResult], Durability]:
        durability = await in_force(rt.db)
        async with rt.db.read() as conn:
            return await run_checks(conn), durability

    results, durability = run(settings_for(database_url), work)
    bad = [r for r in results if r["violations"]]
    if json_out:
        print_json({"ok": not bad, "checks": results, "durability": durability.as_dict()})
    else:
        for r in results:
            mark = "[red]FAIL[/]" if r["violations"] else "[green]ok[/]  "
            console.print(f"{mark} {r['description']}", highlight=False)
            if r["violations"]:
                console.print(
                    f"      {r['violations']} violation(s), e.g. {r['examples']}", highlight=False
                )
        mark = "[green]ok[/]  " if durability.survives_power_loss else "[yellow]WARN[/]"
        console.print(f"{mark} durability: {durability.summary()}", highlight=False)
        for warning in durability.warnings:
            console.print(f"      {warning}", highlight=False, soft_wrap=True)
        console.print(
            "[green]all invariants hold[/]"
            if not bad
            else f"[red]{len(bad)} invariant(s) violated[/]"
        )
    if bad:
        raise typer.Exit(1)
