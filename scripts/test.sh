#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what the browser
# tests need (Chromium, axe-core), restores, builds and tests. Exit code is non-zero when any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Chromium for the browser tests (apt)..."
  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || { echo "could not install chromium" >&2; exit 1; }
fi
# axe-core for the accessibility browser tests, pinned in tools/axe/package-lock.json.
if ! command -v npm >/dev/null 2>&1; then
  echo "Installing npm for the accessibility tests (apt)..."
  (apt-get update -qq && apt-get install -y -qq npm >/dev/null) || { echo "could not install npm" >&2; exit 1; }
fi
(cd tools/axe && npm ci --no-audit --no-fund --silent)
dotnet restore BzPeer.sln
dotnet build BzPeer.sln -c Release --no-restore -nologo
mkdir -p artifacts
set +e
dotnet test BzPeer.sln -c Release --no-build --nologo \
  --logger "trx;LogFileName=results.trx" --results-directory artifacts/test-results 2>&1 | tee artifacts/test-output.txt
status=${PIPESTATUS[0]}
set -e
# One plain summary line for CI readers: "N passed, N failed".
passed=$(grep -oE 'Passed: +[0-9]+' artifacts/test-output.txt | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' artifacts/test-output.txt | awk '{s+=$2} END {print s+0}')
echo "tests: ${passed} passed, ${failed} failed"
exit $status
