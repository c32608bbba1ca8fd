#!/usr/bin/env bash
# Kills the app with SIGKILL in the middle of a stream of deliveries, then checks that every delivery it
# had answered 2xx is in the database: a 2xx must mean "durably stored", whatever happens after it.
#
#   bash bench/crash.sh
#
# Settings (environment): PORT (5320), SECONDS_BEFORE_KILL (5), CONCURRENCY (32). Exits 1 on a loss.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$bench")
port=${PORT:-5320}
before_kill=${SECONDS_BEFORE_KILL:-5}
concurrency=${CONCURRENCY:-32}
key=pluvo-crash-key
scratch=$(mktemp -d /tmp/pluvo-crash.XXXXXX)
app="$repo/PluvoDashboard/bin/Release/net10.0"
pids=()

cleanup() {
    local pid
    for pid in "${pids[@]}"; do
        kill -KILL "$pid" 2>/dev/null || true
    done
    rm -rf "$scratch"
}
trap cleanup EXIT

dotnet build "$repo/PluvoDashboard" -c Release -nologo -v quiet | tail -n 2

(cd "$app" && ASPNETCORE_ENVIRONMENT=Production exec ./PluvoDashboard --urls "http://127.0.0.1:$port" \
    "--ConnectionStrings:Pluvo=Data Source=$scratch/pluvo.db" "--Pluvo:WebhookKey=$key" \
    --Logging:LogLevel:Default=Warning) >"$scratch/app.log" 2>&1 &
server=$!
pids+=("$server")
for _ in $(seq 150); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break
    sleep 0.2
done

(cd "$app" && exec ./PluvoDashboard simulate --url "http://127.0.0.1:$port/webhooks/pluvo" --key "$key" \
    --rate 0 --count 0 --concurrency "$concurrency") >"$scratch/simulate.log" 2>&1 &
simulator=$!
pids+=("$simulator")

sleep "$before_kill"
kill -KILL "$server"
sleep 2
kill -INT "$simulator"
wait "$simulator" || true

accepted=$(sed -n 's/^Sent [0-9]*, accepted \([0-9]*\).*/\1/p' "$scratch/simulate.log")
stored=$(sqlite3 "$scratch/pluvo.db" "SELECT COUNT(*) FROM WebhookEvents")
echo "answered 2xx before the kill: $accepted; rows in the database after it: $stored"
if [[ -z "$accepted" || "$stored" -lt "$accepted" ]]; then
    echo "FAIL  a delivery answered 2xx is missing"
    exit 1
fi

echo "PASS  every delivery answered 2xx survived SIGKILL"
