#!/usr/bin/env bash
# Times BzPeer against Hugo on generated corpora and writes artifacts/bench/results.md.
#   bench/run.sh [small|medium|large|all|N ...] [--runs 3] [--hugo-only]   (default: small medium)
# Corpora and build output go to $BZPEER_BENCH_CACHE (default /tmp/bzpeer-bench), outside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v hugo >/dev/null 2>&1 || need_apt+=(hugo)
[ -x /usr/bin/time ] || need_apt+=(time)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing ${need_apt[*]} (apt)..." >&2
  apt-get install -y -qq "${need_apt[@]}" >/dev/null 2>&1 \
    || { apt-get update -qq && apt-get install -y -qq "${need_apt[@]}" >/dev/null; }
fi

cli=$(scripts/publish-cli.sh)
exec dotnet run --project bench/BzPeer.Bench -c Release -- run --bzpeer "$cli" "$@"
