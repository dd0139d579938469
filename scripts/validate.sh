#!/usr/bin/env bash
# External validators over built sites: the demo site and a generated small site, both under a sub-path base.
#  1. Nu HTML Checker (npm vnu-jar, system Java): zero errors.
#  2. Internal link check: every href/src inside the site resolves to a built file.
#  3. The ahead-of-time CLI (scripts/publish-cli.sh) behaves as the JIT-compiled one (scripts/check-native-cli.sh).
# Needs the .NET SDK, npm and Java (installed with apt when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
work=artifacts/validate
rm -rf "$work" && mkdir -p "$work"

command -v java >/dev/null || { apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null; }
(cd tools/validate && npm ci --no-audit --no-fund --silent)

dotnet build generator/BzPeer.Cli -c Release -nologo -v quiet
dotnet build bench/BzPeer.Bench -c Release -nologo -v quiet
cli=generator/BzPeer.Cli/bin/Release/net10.0/BzPeer.Cli.dll
base=https://validate.example.org/sub/path/

dotnet "$cli" build . --out "$work/demo" --base-url "$base"
dotnet bench/BzPeer.Bench/bin/Release/net10.0/BzPeer.Bench.dll generate --size small --out "$work/small-src"
dotnet "$cli" build "$work/small-src" --out "$work/small" --base-url "$base"

status=0
for site in "$work/demo" "$work/small"; do
  echo "== Nu HTML Checker: $site"
  java -jar tools/validate/node_modules/vnu-jar/build/dist/vnu.jar --errors-only --skip-non-html "$site" || status=1
  echo "== internal links: $site"
  python3 - "$site" "$base" <<'PY' || status=1
import sys, os, re, html
from urllib.parse import urlsplit, unquote
root, base = sys.argv[1], sys.argv[2]
prefix = urlsplit(base).path
attr = re.compile(r'\s(?:href|src)="([^"]*)"')
broken = []
for folder, _, files in os.walk(root):
    for name in files:
        if not name.endswith('.html'):
            continue
        page = os.path.join(folder, name)
        page_url = '/' + os.path.relpath(page, root).replace(os.sep, '/')
        for raw in attr.findall(open(page, encoding='utf-8').read()):
            url = urlsplit(html.unescape(raw))
            if url.scheme in ('http', 'https') and url.netloc != urlsplit(base).netloc:
                continue
            if url.scheme in ('mailto',) or (not url.path and (url.fragment or url.query)):
                continue
            path = url.path
            if not path.startswith('/'):
                path = os.path.normpath(os.path.join(os.path.dirname(prefix.rstrip('/') + page_url), path))
            if not path.startswith(prefix):
                broken.append(f"{page_url}: {raw} (outside {prefix})")
                continue
            target = os.path.join(root, unquote(path[len(prefix):]))
            if path.endswith('/'):
                target = os.path.join(target, 'index.html')
            if not os.path.isfile(target):
                broken.append(f"{page_url}: {raw}")
for b in sorted(set(broken)):
    print("broken:", b)
print(f"{len(set(broken))} broken links")
sys.exit(1 if broken else 0)
PY
done
echo "== native CLI"
scripts/check-native-cli.sh || status=1
exit $status
