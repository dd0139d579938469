#!/usr/bin/env bash
# Publishes the bzpeer CLI compiled ahead of time to native code for this machine (Native AOT, for its own
# instruction set) to artifacts/bzpeer/ and prints the path of the executable. Compiled ahead of time, a
# build spends no CPU in the JIT (≈15% of a medium build's CPU when JIT- or ReadyToRun-compiled:
# docs/performance.md). Needs gcc or clang as the linker, as every machine of ours has.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet publish generator/BzPeer.Cli -c Release --use-current-runtime -p:PublishAot=true \
  -o artifacts/bzpeer -nologo -v quiet >&2
echo artifacts/bzpeer/BzPeer.Cli
