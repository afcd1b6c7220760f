"""`otpvirt smpp`: bind to an SMSC or GSM gateway and receive SMS until stopped."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from pathlib import Path
from typing import Annotated

import typer

from otpvirt.cli.common import DbUrl, console, ensure_schema, fail, run, settings_for
from otpvirt.errors import NotFound, ValidationFailed
from otpvirt.runtime import Runtime
from otpvirt.smpp.bridge import Bridge, load_number_map
from otpvirt.smpp.decode import DEFAULT_ALPHABETS
from otpvirt.smpp.receiver import BIND_MODES, Receiver, SmppSettings
from otpvirt.sources import service as sources
from otpvirt.worker.runner import flush_smpp_parts

log = logging.getLogger("otpvirt.smpp")


async def source_for(rt: Runtime, name: str) -> sources.SourceInfo:
    """The named source, created as kind `smpp` on first use."""
    async with rt.db.transaction() as conn:
        try:
            return await sources.get_source(conn, name)
        except NotFound:
            info, _ = await sources.create_source(conn, name, kind="smpp")
            return info


def smpp(
    host: Annotated[str, typer.Option(help="SMSC / GSM gateway address.")],
    system_id: Annotated[str, typer.Option("--system-id", help="SMPP system_id (login).")],
    password: Annotated[
        str, typer.Option(envvar="OTPVIRT_SMPP_PASSWORD", help="SMPP password (at most 9).")
    ],
    port: Annotated[int, typer.Option(help="SMPP port.")] = 2775,
    bind: Annotated[str, typer.Option(help="receiver or transceiver.")] = "receiver",
    source: Annotated[str, typer.Option(help="Source the SMS belong to (created).")] = "smpp",
    number_map: Annotated[
        Path | None,
        typer.Option(help="CSV `address,number`: destination address -> our number."),
    ] = None,
    system_type: Annotated[str, typer.Option(help="SMPP system_type.")] = "",
    enquire_link: Annotated[float, typer.Option(help="Seconds between keep-alives.")] = 30.0,
    default_alphabet: Annotated[
        str, typer.Option(help="What data_coding 0 means here: gsm, latin1 or ascii.")
    ] = "gsm",
    database_url: DbUrl = None,
    log_level: Annotated[str, typer.Option(help="debug, info, warning or error.")] = "info",
) -> None:
    """Receive SMS over SMPP (deliver_sm) and store each before answering the SMSC."""
    if bind not in BIND_MODES:
        fail(f"--bind must be one of {', '.join(BIND_MODES)}")
    if default_alphabet not in DEFAULT_ALPHABETS:
        fail(f"--default-alphabet must be one of {', '.join(DEFAULT_ALPHABETS)}")
    try:
        mapping = load_number_map(number_map) if number_map else {}
    except (OSError, ValidationFailed) as exc:
        fail(f"cannot read the number map: {exc}")
    settings = settings_for(database_url, log_level=log_level)
    logging.basicConfig(
        level=log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    ensure_schema(settings)
    config = SmppSettings(
        host=host,
        port=port,
        system_id=system_id,
        password=password,
        bind=bind,
        system_type=system_type,
        enquire_link_seconds=enquire_link,
        default_alphabet=default_alphabet,
    )

    async def work(rt: Runtime) -> None:
        info = await source_for(rt, source)
        loop = asyncio.get_running_loop()
        receiver = Receiver(config, Bridge(rt, info, loop, number_map=mapping))
        stop = asyncio.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        receiver.start()
        console.print(f"smpp: receiving for source {info.name} from {host}:{port}")
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), 30)
            try:
                await flush_smpp_parts(rt)
            except Exception as exc:
                log.error("smpp: delivering stale parts failed: %s", exc)
        await asyncio.to_thread(receiver.stop)

    run(settings, work, migrate=False)
