#!/usr/bin/env bash
# Floods the app with simulated events (simulate --rate 2000) while the overview and the events page are open
# in headless Chromium, and reports each tab's memory and how long page changes take under that load.
#
#   bash bench/live.sh
#
# Settings (environment): RATE (2000 events/s), SECONDS_UNDER_LOAD (60), APP_PORT (5311).
# Targets: the simulator reaches the rate; the largest tab stays under 300 MB. Exits 1 when one is missed.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$bench")
rate=${RATE:-2000}
seconds=${SECONDS_UNDER_LOAD:-60}
port=${APP_PORT:-5311}
url="http://127.0.0.1:$port"
# Not a secret: it only signs the simulated events for the app started here.
key=pluvo-bench-key

stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$bench/results/live-$stamp"
mkdir -p "$out"
scratch=$(mktemp -d /tmp/pluvo-live.XXXXXX)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$scratch"
}
trap cleanup EXIT
log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$out/run.log"; }

log "building the app and the browser probe in Release"
dotnet build "$repo/PluvoDashboard/PluvoDashboard.csproj" -c Release -nologo -v quiet >>"$out/run.log" 2>&1
dotnet build "$bench/LiveLoad/LiveLoad.csproj" -c Release -nologo -v quiet >>"$out/run.log" 2>&1

app="$repo/PluvoDashboard/bin/Release/net10.0"
# An account for the browser probe, with a password made for this run only.
export LIVELOAD_EMAIL=bench@example.com
LIVELOAD_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
export LIVELOAD_PASSWORD
(cd "$app" && echo "$LIVELOAD_PASSWORD" | ./PluvoDashboard add-user "$LIVELOAD_EMAIL" --password-stdin \
    --database "$scratch/pluvo.db") >>"$out/run.log"
(cd "$app" && ASPNETCORE_ENVIRONMENT=Production exec ./PluvoDashboard --urls "$url" \
    --ConnectionStrings:Pluvo="Data Source=$scratch/pluvo.db" --Pluvo:WebhookKey="$key" \
    --Logging:LogLevel:Default=Warning) >"$out/app.log" 2>&1 &
pids+=("$!")
for _ in $(seq 150); do
    curl -fs -o /dev/null "$url/healthz" && break
    sleep 0.2
done

log "sending $rate events/s for $((seconds + 10)) s while Chromium watches / and /events for $seconds s"
(cd "$app" && exec ./PluvoDashboard simulate --url "$url/webhooks/pluvo" --key "$key" --rate "$rate" \
    --count $((rate * (seconds + 10))) --seed 7) >"$out/simulate.log" 2>&1 &
simulator=$!
pids+=("$simulator")
sleep 2

status=0
"$bench/LiveLoad/bin/Release/net10.0/LiveLoad" "$url" "$seconds" | tee "$out/browser.log" || status=$?
# Ctrl+C for the simulator: it stops, waits for the answers in flight and prints its summary.
kill -INT "$simulator" 2>/dev/null || true
wait "$simulator" || true
if ! grep -q "refused 0, errors 0" "$out/simulate.log"; then
    status=1
fi
log "simulator summary:"
tail -n 4 "$out/simulate.log" | tee -a "$out/run.log"
log "results in $out"
exit "$status"
