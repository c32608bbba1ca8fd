#!/usr/bin/env bash
# Times the dashboard's queries on 1,000,000 stored events: the events page's first query, a free-text
# search for an e-mail fragment, a type: + date range query, and the overview's counts and charts.
#
#   bash bench/search.sh
#
# The database is seeded once with the seed verb (minutes) and kept in bench/results/search/ for later
# runs; delete it to seed again. Settings (environment): COUNT (1000000), DAYS (90), RUNS (20 timed runs
# per query after a warm-up). Exits 1 when a query's slowest run misses the 150 ms target.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$bench")
count=${COUNT:-1000000}
days=${DAYS:-90}
runs=${RUNS:-20}
out="$bench/results/search"
database="$out/events-$count.db"
mkdir -p "$out"

log() { printf '%s %s\n' "$(date +%T)" "$*" >&2; }

log "building PluvoDashboard and bench/SearchBench in Release"
dotnet build "$repo/PluvoDashboard" -c Release -nologo -v quiet 2>&1 | tail -n 2 >&2
dotnet build "$bench/SearchBench" -c Release -nologo -v quiet 2>&1 | tail -n 2 >&2

if [[ ! -f "$database" ]]; then
    log "seeding $count events over $days days into $database (once; later runs reuse it)"
    # The read models are left out: projecting 1,000,000 events takes about half an hour here, and the
    # overview reads only the completions of this week from them, through an index.
    dotnet "$repo/PluvoDashboard/bin/Release/net10.0/PluvoDashboard.dll" seed --count "$count" --days "$days" \
        --read-models no --database "$database.partial" | tee "$out/seed-$count.log" >&2
    mv "$database.partial" "$database"
else
    log "reusing $database"
fi

log "timing each query $runs times after a warm-up"
status=0
dotnet "$bench/SearchBench/bin/Release/net10.0/SearchBench.dll" "$database" "$runs" | tee "$out/last-run.txt" \
    || status=$?
printf '%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$(tr '\n' ' ' <"$out/last-run.txt")" >>"$out/history.tsv"
exit "$status"
