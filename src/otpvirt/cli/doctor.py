"""`otpvirt doctor`: verify the invariants; non-zero exit on any violation."""

from __future__ import annotations

import typer

from otpvirt.cli.common import DbUrl, JsonOut, console, print_json, run, settings_for
from otpvirt.doctor.service import CheckResult, run_checks
from otpvirt.runtime import Runtime


def doctor(database_url: DbUrl = None, json_out: JsonOut = False) -> None:
    """Check every invariant (money, leases, SMS); exit 1 on any violation."""

    async def work(rt: Runtime) -> list[CheckResult]:
        async with rt.db.read() as conn:
            return await run_checks(conn)

    results = run(settings_for(database_url), work)
    bad = [r for r in results if r["violations"]]
    if json_out:
        print_json({"ok": not bad, "checks": results})
    else:
        for r in results:
            mark = "[red]FAIL[/]" if r["violations"] else "[green]ok[/]  "
            console.print(f"{mark} {r['description']}", highlight=False)
            if r["violations"]:
                console.print(
                    f"      {r['violations']} violation(s), e.g. {r['examples']}", highlight=False
                )
        console.print(
            "[green]all invariants hold[/]"
            if not bad
            else f"[red]{len(bad)} invariant(s) violated[/]"
        )
    if bad:
        raise typer.Exit(1)
