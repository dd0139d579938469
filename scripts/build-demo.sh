#!/usr/bin/env bash
# Builds the demo site (site.yml + content/) into _site/. Needs only the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/.."
cli=$(scripts/publish-cli.sh)
"$cli" build . "$@"
