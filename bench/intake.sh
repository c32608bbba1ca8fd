#!/usr/bin/env bash
# Measures POST /webhooks/pluvo (verified and durably stored) against a bare Kestrel endpoint that only
# reads the body, under the same wrk load in the same run, and checks the targets in bench/README.md.
#
#   bash bench/intake.sh
#
# Settings (environment): CONNECTIONS (64), DURATION (10s), WARMUP (10s), BODIES (deliveries generated for
# the measured runs, 800000), APP_PORT (5301), BARE_PORT (5302), APP_ARGS (extra arguments for the app,
# e.g. "--Pluvo:MaxBatchSize=1024"). DOTNET_* variables reach both servers, e.g. DOTNET_gcServer=0.
# Exits 1 when a target is missed.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$bench")

connections=${CONNECTIONS:-64}
duration=${DURATION:-10s}
warmup=${WARMUP:-10s}
bodies=${BODIES:-800000}
warmup_bodies=$((bodies / 2))
app_port=${APP_PORT:-5301}
bare_port=${BARE_PORT:-5302}
read -r -a app_args <<<"${APP_ARGS:-}"
threads=2

# Not a secret: it only signs the generated deliveries, and the app under test is started with it.
webhook_key=pluvo-bench-key
measured_from=2026-03-01
warmup_from=2026-01-01

min_ratio=0.40
max_p99_ms=20

stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$bench/results/$stamp"
mkdir -p "$out"
scratch=$(mktemp -d /tmp/pluvo-bench.XXXXXX)
started=()

cleanup() {
    local pid
    for pid in "${started[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then
            kill -KILL "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
        fi
    done
    rm -rf "$scratch"
}
trap cleanup EXIT

log() { printf '%s %s\n' "$(date +%T)" "$*" | tee -a "$out/run.log" >&2; }

build() {
    log "building $1 in Release"
    dotnet build "$repo/$1" -c Release -nologo -v quiet 2>&1 | tail -n 3 >>"$out/run.log"
}

# Generates (or reuses from an earlier run) one signed set of deliveries; prints its path prefix.
# A set can serve many runs, because every run starts from an empty database.
deliveries() {
    local name=$1 count=$2 from=$3 seed=$4
    local version
    version=$(sha1sum <"$bench/gen_bodies.py" | cut -c1-8)
    local prefix="$bench/results/bodies/$name-$count-$version"
    if [[ ! -s "$prefix.$((threads - 1))" ]]; then
        mkdir -p "$bench/results/bodies"
        log "generating $count $name deliveries"
        python3 "$bench/gen_bodies.py" --count "$count" --parts "$threads" --key "$webhook_key" \
            --start "$from" --seed "$seed" --out "$prefix" >>"$out/run.log"
    fi

    echo "$prefix"
}

# Starts a server from its build output, in the background; sets server_pid.
start_server() {
    local project=$1 port=$2
    shift 2
    local dir="$repo/$project/bin/Release/net10.0"
    local name
    name=$(basename "$project")
    (cd "$dir" && ASPNETCORE_ENVIRONMENT=Production exec "./$name" --urls "http://127.0.0.1:$port" \
        --Logging:LogLevel:Default=Warning "$@") >"$out/$name.log" 2>&1 &
    server_pid=$!
    started+=("$server_pid")
}

# Polls a URL (extra arguments go to curl) until it answers 2xx.
wait_until_ready() {
    local url=$1
    shift
    for _ in $(seq 150); do
        if curl -fs -o /dev/null "$@" "$url"; then
            return 0
        fi

        if ! kill -0 "$server_pid" 2>/dev/null; then
            log "the server exited during start-up; see $out"
            exit 2
        fi

        sleep 0.2
    done

    log "$url did not answer within 30 s"
    exit 2
}

# Interrupts the server and waits for it to exit, so the intake writer commits what it accepted.
stop_server() {
    kill -INT "$server_pid"
    for _ in $(seq 600); do
        if ! kill -0 "$server_pid" 2>/dev/null; then
            wait "$server_pid" || log "the server exited with status $?"
            return 0
        fi

        sleep 0.1
    done

    log "the server did not stop within 60 s; killed"
    kill -KILL "$server_pid"
    return 1
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }

# Runs wrk against a URL with a set of deliveries; with a label, keeps its output and CPU figures.
load() {
    local url=$1 prefix=$2 length=$3 label=${4:-}
    if [[ -z "$label" ]]; then
        wrk -t"$threads" -c"$connections" -d"$length" -s "$bench/deliveries.lua" "$url" -- "$prefix" >/dev/null
        return 0
    fi

    local server_before busy_before
    server_before=$(cpu_ticks "$server_pid")
    busy_before=$(busy_ticks)
    /usr/bin/time -f '%U %S' -o "$out/$label.wrk-cpu" \
        wrk -t"$threads" -c"$connections" -d"$length" --latency -s "$bench/deliveries.lua" "$url" -- "$prefix" \
        >"$out/$label.wrk.txt"
    local ticks
    ticks=$(getconf CLK_TCK)
    local server_cpu busy_cpu wrk_cpu
    server_cpu=$(awk -v a="$server_before" -v b="$(cpu_ticks "$server_pid")" -v t="$ticks" 'BEGIN { print (b - a) / t }')
    busy_cpu=$(awk -v a="$busy_before" -v b="$(busy_ticks)" -v t="$ticks" 'BEGIN { print (b - a) / t }')
    wrk_cpu=$(awk '{ print $1 + $2 }' "$out/$label.wrk-cpu")
    echo "server_cpu_s=$server_cpu wrk_cpu_s=$wrk_cpu machine_busy_cpu_s=$busy_cpu" >"$out/$label.cpu"
}

# Reads one field of the RESULT line that deliveries.lua prints.
field() { grep '^RESULT ' "$out/$1.wrk.txt" | tr ' ' '\n' | sed -n "s/^$2=//p"; }

per_second() { awk -v n="$(field "$1" answered_2xx)" -v s="$(field "$1" seconds)" 'BEGIN { printf "%.0f", n / s }'; }

build PluvoDashboard/PluvoDashboard.csproj
build bench/BareKestrel/BareKestrel.csproj
measured=$(deliveries measured "$bodies" "$measured_from" 1)
warming=$(deliveries warmup "$warmup_bodies" "$warmup_from" 2)

log "intake: starting PluvoDashboard on 127.0.0.1:$app_port with an empty database"
database="$scratch/pluvo.db"
start_server PluvoDashboard "$app_port" "--ConnectionStrings:Pluvo=Data Source=$database" \
    "--Pluvo:WebhookKey=$webhook_key" "${app_args[@]}"
wait_until_ready "http://127.0.0.1:$app_port/healthz"
app_url="http://127.0.0.1:$app_port/webhooks/pluvo"
log "intake: warming up for $warmup"
load "$app_url" "$warming" "$warmup"
log "intake: measuring, $threads threads, $connections connections, $duration"
load "$app_url" "$measured" "$duration" intake
log "intake: stopping the app and letting its writer drain"
app_stopped=yes
stop_server || app_stopped=no

measured_ms=$(date -u -d "$measured_from" +%s)000
read -r stored duplicates < <(sqlite3 -separator ' ' "$database" \
    "SELECT COUNT(*), IFNULL(SUM(DuplicateCount), 0) FROM WebhookEvents WHERE SentDate >= $measured_ms")
total_rows=$(sqlite3 "$database" "SELECT COUNT(*) FROM WebhookEvents")

log "bare: starting BareKestrel on 127.0.0.1:$bare_port"
start_server bench/BareKestrel "$bare_port"
bare_url="http://127.0.0.1:$bare_port/webhooks/pluvo"
wait_until_ready "$bare_url" -H "Content-Type: application/json" -d "{}"
log "bare: warming up for $warmup"
load "$bare_url" "$warming" "$warmup"
log "bare: measuring, $threads threads, $connections connections, $duration"
load "$bare_url" "$measured" "$duration" bare
stop_server || true

intake_rate=$(per_second intake)
bare_rate=$(per_second bare)
ratio=$(awk -v a="$intake_rate" -v b="$bare_rate" 'BEGIN { printf "%.3f", (b > 0) ? a / b : 0 }')
intake_2xx=$(field intake answered_2xx)
intake_p99=$(field intake p99_ms)

verdict() { if [[ "$1" == yes ]]; then echo PASS; else echo FAIL; fi; }
ratio_ok=$(awk -v r="$ratio" -v m="$min_ratio" 'BEGIN { print (r >= m) ? "yes" : "no" }')
p99_ok=$(awk -v p="$intake_p99" -v m="$max_p99_ms" 'BEGIN { print (p <= m) ? "yes" : "no" }')
stored_ok=no
if [[ "$stored" -ge "$intake_2xx" && "$app_stopped" == yes && "$(field intake reused)" == 0 ]]; then
    stored_ok=yes
fi

{
    echo "PluvoDashboard intake vs bare Kestrel, $stamp, $(nproc) cores, wrk -t$threads -c$connections -d$duration"
    echo
    printf '%-8s %11s %8s %8s %9s %8s %8s %11s %8s %11s\n' \
        "" "accepted/s" "p50 ms" "p99 ms" "2xx" "non-2xx" "sockerr" "server cpu" "wrk cpu" "other cpu"
    for label in intake bare; do
        # shellcheck disable=SC1090
        source "$out/$label.cpu"
        other_cpu_s=$(awk -v m="$machine_busy_cpu_s" -v s="$server_cpu_s" -v w="$wrk_cpu_s" 'BEGIN { print m - s - w }')
        printf '%-8s %11s %8.2f %8.2f %9s %8s %8s %10.1fs %7.1fs %10.1fs\n' "$label" "$(per_second "$label")" \
            "$(field "$label" p50_ms)" "$(field "$label" p99_ms)" "$(field "$label" answered_2xx)" \
            "$(field "$label" answered_other)" "$(field "$label" socket_errors)" "$server_cpu_s" "$wrk_cpu_s" \
            "$other_cpu_s"
    done
    echo
    echo "ratio intake/bare: $ratio"
    echo "stored: $stored measured rows (duplicates: $duplicates; $total_rows rows with the warm-up)," \
        "$intake_2xx answered 2xx, $((stored - intake_2xx)) in flight when wrk stopped"
    echo "bodies reused: intake $(field intake reused), bare $(field bare reused)"
    echo "cpu: seconds used during each ${duration} window of ${threads} cores; other = the rest of the machine"
    echo
    echo "$(verdict "$ratio_ok")  accepted/s at least $min_ratio of bare Kestrel ($ratio)"
    echo "$(verdict "$p99_ok")  p99 at most $max_p99_ms ms (${intake_p99} ms)"
    echo "$(verdict "$stored_ok")  every delivery answered 2xx is in the database ($stored >= $intake_2xx)"
} | tee "$out/summary.txt"

printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$stamp" "$intake_rate" "$(field intake p50_ms)" "$intake_p99" \
    "$bare_rate" "$(field bare p50_ms)" "$(field bare p99_ms)" "$ratio" "$stored" "$intake_2xx" \
    >>"$bench/results/history.tsv"

[[ "$ratio_ok$p99_ok$stored_ok" == yesyesyes ]]
