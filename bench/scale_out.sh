#!/usr/bin/env bash
# Scale-out check: two `otpvirt serve` processes and two `otpvirt worker` processes on
# one PostgreSQL, GetNumber->Cancel load across both servers at once, then proof that
# no number was ever double-leased and no ledger entry was lost.
#
#   bench/scale_out.sh [SECONDS] [CONNECTIONS_PER_SERVER]     (defaults: 20 s, 32)
#
# Needs wrk and PostgreSQL at OTPVIRT_BENCH_PG_URL (default 127.0.0.1:5432, db test).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
SECONDS_RUN=${1:-20}
CONNS=${2:-32}
DATA=$(mktemp -d /tmp/otpvirt-scale-XXXXXX)
export OTPVIRT_DATA_DIR=$DATA OTPVIRT_RATE_LIMIT=off OTPVIRT_LOG_LEVEL=warning
export OTPVIRT_SIMULATOR_DELAY=${OTPVIRT_SIMULATOR_DELAY:-0.5-2}
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

export OTPVIRT_DATABASE_URL=$($PY -c "
import sys; sys.path.insert(0, 'bench')
from api_load import fresh_postgres; print(fresh_postgres('otpvirt_scale_out'))")
read -r CLIENTS < <($PY -c "
import sys; sys.path.insert(0, 'bench')
from pathlib import Path
from api_load import seed
import os
c = seed(dict(os.environ), Path('$DATA'), 5000, clients=4)
print(c['all'])" | tail -n 1)

PORT_A=$($PY -c "import sys; sys.path.insert(0, 'bench'); from api_load import free_port; print(free_port())")
PORT_B=$($PY -c "import sys; sys.path.insert(0, 'bench'); from api_load import free_port; print(free_port())")
$PY -m otpvirt serve --port "$PORT_A" --no-worker --log-level warning >"$DATA/a.log" 2>&1 & PIDS+=($!)
$PY -m otpvirt serve --port "$PORT_B" --no-worker --log-level warning >"$DATA/b.log" 2>&1 & PIDS+=($!)
$PY -m otpvirt worker --log-level warning >"$DATA/w1.log" 2>&1 & PIDS+=($!)
$PY -m otpvirt worker --log-level warning >"$DATA/w2.log" 2>&1 & PIDS+=($!)
$PY -c "import sys; sys.path.insert(0, 'bench'); from api_load import wait_http; wait_http($PORT_A); wait_http($PORT_B)"

echo "two servers (:$PORT_A, :$PORT_B) + two workers on PostgreSQL; ${SECONDS_RUN}s, ${CONNS} connections each"
wrk -t4 -c"$CONNS" -d"${SECONDS_RUN}s" -s bench/wrk/cycle.lua "http://127.0.0.1:$PORT_A/" -- "$CLIENTS" vi tajikistan >"$DATA/wrk-a.txt" &
WA=$!
wrk -t4 -c"$CONNS" -d"${SECONDS_RUN}s" -s bench/wrk/cycle.lua "http://127.0.0.1:$PORT_B/" -- "$CLIENTS" vi tajikistan >"$DATA/wrk-b.txt" &
WB=$!
wait $WA $WB
RPS_A=$(awk '/Requests\/sec/ {print $2}' "$DATA/wrk-a.txt")
RPS_B=$(awk '/Requests\/sec/ {print $2}' "$DATA/wrk-b.txt")
BAD=$(( $(awk '/^BAD/ {print $2}' "$DATA/wrk-a.txt") + $(awk '/^BAD/ {print $2}' "$DATA/wrk-b.txt") ))
echo "server A: $RPS_A req/s, server B: $RPS_B req/s, total $(echo "$RPS_A + $RPS_B" | bc) req/s (GetNumber+Cancel), answers not status 2: $BAD"
sleep 3  # let the workers settle (simulated SMS, sweeps)
$PY -m otpvirt doctor
$PY -c "
import asyncio
from otpvirt.config import Settings
from otpvirt.runtime import Runtime
async def main():
    rt = Runtime.open(Settings())
    async with rt.db.read() as c:
        n = await c.fetchval('SELECT COUNT(*) FROM activations')
        e = await c.fetchval('SELECT COUNT(*) FROM ledger_entries')
        r = await c.fetchval(\"SELECT COUNT(*) FROM activations WHERE state IN ('cancelled', 'expired')\")
    await rt.close()
    # one opening top-up per client + one charge per activation + one refund per
    # cancelled/expired one
    want = 4 + n + r
    print(f'{n} activations, {e} ledger entries (expected {want}):', 'OK' if e == want else 'MISMATCH')
    raise SystemExit(0 if e == want and n > 0 else 1)
asyncio.run(main())"
