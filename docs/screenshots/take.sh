#!/usr/bin/env bash
# Takes the README's screenshots: seeds a fresh database with a simulated history and an admin, starts the app
# on it with a slow simulated stream (so the ticker moves), and photographs the sign-in page and the main pages
# with headless Chromium.
#
#   bash docs/screenshots/take.sh
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
port=${APP_PORT:-5321}
url="http://127.0.0.1:$port"
scratch=$(mktemp -d /tmp/pluvo-shots.XXXXXX)
app_pid=""
cleanup() {
    if [ -n "$app_pid" ]; then
        kill "$app_pid" 2>/dev/null || true
        wait "$app_pid" 2>/dev/null || true
    fi
    rm -rf "$scratch"
}
trap cleanup EXIT

dotnet build "$repo/PluvoDashboard/PluvoDashboard.csproj" -c Release -nologo -v quiet
dotnet build "$here/Shooter/Shooter.csproj" -c Release -nologo -v quiet
app="$repo/PluvoDashboard/bin/Release/net10.0"
db="Data Source=$scratch/pluvo.db"
# Not a secret: it only signs the simulated events for the app started here.
key=pluvo-screenshot-key

(cd "$app" && ./PluvoDashboard seed --count 20000 --days 30 --seed 3 --database "$scratch/pluvo.db")
# An admin for the photographer to sign in as, with a password made for this run only.
export SHOOTER_EMAIL=admin@example.com
SHOOTER_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
export SHOOTER_PASSWORD
(cd "$app" && echo "$SHOOTER_PASSWORD" | ./PluvoDashboard add-user "$SHOOTER_EMAIL" --role Admin --password-stdin \
    --database "$scratch/pluvo.db")
(cd "$app" && exec ./PluvoDashboard --urls "$url" --ConnectionStrings:Pluvo="$db" --Pluvo:WebhookKey="$key" \
    --Logging:LogLevel:Default=Warning) &
app_pid=$!
for _ in $(seq 150); do
    curl -fs -o /dev/null "$url/healthz" && break
    sleep 0.2
done

(cd "$app" && ./PluvoDashboard simulate --url "$url/webhooks/pluvo" --key "$key" --rate 5 --count 40 --seed 9 \
    >/dev/null) &
"$here/Shooter/bin/Release/net10.0/Shooter" "$url" "$here"
