#!/usr/bin/env bash
# Builds the demo site (site.yml + content/) into _site/. Needs only the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build generator/BzPeer.Cli -c Release -nologo -v quiet
dotnet generator/BzPeer.Cli/bin/Release/net10.0/BzPeer.Cli.dll build . "$@"
