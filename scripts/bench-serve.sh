#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmarks `ecouter serve` on loopback (bounded runs; needs Debian's wrk and nginx-light):
#   1. a cached article's MP3, wrk against ecouter and against nginx serving the same file: req/s, p99;
#   2. time to the first audio byte of /v1/audio/speech (streaming) for an uncached 5 kB article, median of 10;
#   3. POST /v1/articles of an uncached 5 kB article: time to the complete MP3, median of 5.
# Uses the release binary (.build/release/ecouter, or $ECOUTER_BINARY).
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${ECOUTER_BINARY:-.build/release/ecouter}"
[[ -x "$binary" ]] || { echo "bench-serve.sh: build first (swift build -c release --static-swift-stdlib)" >&2; exit 1; }
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "bench-serve.sh: needs wrk and nginx (apt-get install wrk nginx-light)" >&2; exit 1; }
duration="${BENCH_SECONDS:-10}"
# The machine may be shared: the load is part of the figures.
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

work="$(mktemp -d)"
log="$work/serve.log"
"$binary" serve --port 0 --cache "$work/cache" --jobs 2 2>"$log" &
server=$!
nginx_pid=""
trap 'kill "$server" 2>/dev/null; [[ -n "$nginx_pid" ]] && kill "$nginx_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
port=""
for _ in $(seq 1 300); do
    port="$(sed -n 's|.*serving on http://127.0.0.1:\([0-9]*\).*|\1|p' "$log" | head -1)"
    [[ -n "$port" ]] && break
    sleep 0.1
done
[[ -n "$port" ]] || { echo "bench-serve.sh: the server did not start" >&2; cat "$log" >&2; exit 1; }
base="http://127.0.0.1:$port"

# A 5 kB article, different each time so that it is never cached.
article() { for i in $(seq 1 24); do echo "Paragraphe $i de l'article $1 : le conseil municipal a voté mardi le budget de la ville, après trois heures de débats."; done; }

id="$(article bench | curl -sf -H 'Content-Type: text/plain' --data-binary @- "$base/v1/articles" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
cp "$work/cache/$id.mp3" "$work/article.mp3"
# nginx's worker runs as www-data: it must be able to read the copy (mktemp -d is 0700).
chmod a+rx "$work"; chmod a+r "$work/article.mp3"

nginx_port=$((port + 1))
cat > "$work/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    server { listen 127.0.0.1:$nginx_port; root $work; }
}
CONF
nginx -c "$work/nginx.conf" &
nginx_pid=$!
sleep 0.5

# Both must answer 200 with the whole file, or the comparison measures error pages.
expected="$(stat -c %s "$work/article.mp3")"
for url in "$base/v1/articles/$id.mp3" "http://127.0.0.1:$nginx_port/article.mp3"; do
    got="$(curl -s -o /dev/null -w '%{http_code} %{size_download}' "$url")"
    [[ "$got" == "200 $expected" ]] || { echo "bench-serve.sh: $url answered '$got', expected '200 $expected'" >&2; cat "$work/nginx-error.log" >&2; exit 1; }
done

# Any non-2xx answer during the run makes the figure meaningless: it is refused.
run_wrk() {
    local out
    out="$(wrk -t2 -c32 -d"${duration}s" --latency "$1")"
    if grep -q "Non-2xx" <<<"$out"; then echo "bench-serve.sh: $1 gave error answers under load:" >&2; echo "$out" >&2; exit 1; fi
    awk '/Requests\/sec/ {rps=$2} /^ +99%/ {p99=$2} END {print rps, p99}' <<<"$out"
}
read -r ours ours_p99 < <(run_wrk "$base/v1/articles/$id.mp3")
read -r theirs theirs_p99 < <(run_wrk "http://127.0.0.1:$nginx_port/article.mp3")
ratio="$(python3 -c "print(f'{$ours / $theirs:.2f}')")"
echo "cached MP3 ($(stat -c %s "$work/article.mp3") bytes): ecouter $ours req/s (p99 $ours_p99), nginx $theirs req/s (p99 $theirs_p99), ratio $ratio (load $(cut -d' ' -f1 /proc/loadavg))"

first_byte=()
for i in $(seq 1 10); do
    body="$(article "flux-$i-$RANDOM" | python3 -c 'import json,sys; print(json.dumps({"input": sys.stdin.read(), "response_format": "mp3"}))')"
    first_byte+=("$(curl -s -o /dev/null -w '%{time_starttransfer}' -H 'Content-Type: application/json' --data-binary "$body" "$base/v1/audio/speech")")
done
echo "speech stream, time to first byte (s), median of 10: $(printf '%s\n' "${first_byte[@]}" | sort -n | sed -n 5p)"

complete=()
for i in $(seq 1 5); do
    complete+=("$(article "complet-$i-$RANDOM" | curl -s -o /dev/null -w '%{time_total}' -H 'Content-Type: text/plain' --data-binary @- "$base/v1/articles")")
done
echo "POST /v1/articles, uncached 5 kB article to a complete MP3 (s), median of 5: $(printf '%s\n' "${complete[@]}" | sort -n | sed -n 3p)"
