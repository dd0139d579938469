#!/usr/bin/env bash
# The CLI users and the benchmark run is compiled ahead of time (scripts/publish-cli.sh); the test suite runs the
# JIT-compiled code. Trimming or missing reflection metadata would show only in the former (a template member
# that silently renders empty, a schema library that cannot read its types), so this runs every command on real
# inputs with both and fails unless they write the same files, print the same messages and exit the same way.
set -euo pipefail
cd "$(dirname "$0")/.."
work=artifacts/native-cli
rm -rf "$work" && mkdir -p "$work"
samples=../shared/import-samples

native=$(scripts/publish-cli.sh)
dotnet build generator/BzPeer.Cli -c Release -nologo -v quiet >/dev/null
jit=generator/BzPeer.Cli/bin/Release/net10.0/BzPeer.Cli.dll

# run NAME ARGS...: runs the command with each CLI; @W@ in an argument stands for that CLI's own work folder.
run() {
  local name=$1; shift
  for tool in jit native; do
    local dir="$work/$tool" args=()
    mkdir -p "$dir"
    for a in "$@"; do args+=("${a//@W@/$dir}"); done
    local code=0
    if [ "$tool" = jit ]; then dotnet "$jit" "${args[@]}" >"$dir/$name.out" 2>"$dir/$name.err" || code=$?
    else "$native" "${args[@]}" >"$dir/$name.out" 2>"$dir/$name.err" || code=$?; fi
    echo "$code" >"$dir/$name.exit"
    # Messages name the work folder and say how long a build took: neither is the CLI's to match.
    sed -i -e "s#$dir#@W@#g" -e 's/ in [0-9.]* \(ms\|s\)\b/ in T/g' "$dir/$name.out" "$dir/$name.err"
  done
}

run demo-build build . --out @W@/demo --base-url https://example.org/sub/
run demo-check check .
run invalid-check check tests/fixtures/schemas/invalid-front-matter
broken="$work/broken-src"   # errors: a year that is not a number, a YAML syntax error
mkdir -p "$broken/content/publications"
printf -- '---\ntitle: P\nyear: 20x0\n---\n' >"$broken/content/publications/p.md"
printf -- 'name: [unclosed\n' >"$broken/content/publications/q.yml"
run broken-check check "$broken"
run broken-build build "$broken" --out @W@/broken
run hostile-build build tests/fixtures/hostile --out @W@/hostile
run starter new site @W@/starter
run new-researcher new researcher ada-lovelace @W@/starter
run new-publication new publication analytical-engine @W@/starter
run import-quirks import bibtex tests/fixtures/import/quirks.bib @W@/starter
run import-orcid-minimal import orcid tests/fixtures/import/orcid-minimal.json @W@/starter --dry-run
if [ -d "$samples" ]; then   # the real-world samples beside the repository, where the machine has them
  run import-bibtex import bibtex "$samples/bibtex/al-folio_papers.bib" @W@/starter
  run import-csl import csl "$samples/csl-json/manubot_crossref-deep-review-csl_raw.json" @W@/starter
  run import-openalex import openalex "$samples/openalex/openalex-python_W2741809807.json" @W@/starter
  run import-orcid import orcid "$samples/orcid/pyorcidator_sample_0000-0003-4423-4370.json" @W@/starter --dry-run
fi
run starter-check check @W@/starter
run starter-build build @W@/starter --out @W@/starter-site
run diff diff tests/fixtures/diff/base tests/fixtures/diff/head

grep -qx 1 "$work/native/broken-build.exit" || { echo "native CLI: a broken site built" >&2; exit 1; }
if ! diff -r "$work/jit" "$work/native"; then
  echo "native CLI: differs from the JIT-compiled CLI (above)" >&2
  exit 1
fi
files=$(find "$work/native" -type f | wc -l)
echo "native CLI: the same files, messages and exit codes as the JIT-compiled CLI ($files files)"

# serve: the native server answers with the built pages and rebuilds an edited record.
site="$work/native/starter"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$native" serve "$site" --port "$port" >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
url=""
for _ in $(seq 100); do
  url=$(grep -o "http://127.0.0.1:$port/[^ ]*" "$work/serve.log" | head -1 || true)
  [ -n "$url" ] && curl -fs "$url" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "${url}researchers/ada-lovelace/" | grep -q "</html>" \
  || { echo "native serve: no researcher page" >&2; cat "$work/serve.log" >&2; exit 1; }
record="$site/content/researchers/ada-lovelace.yml"
sed -i 's/^name: .*/name: "Native Serve Marker"/' "$record"
for _ in $(seq 100); do
  curl -fs "${url}researchers/ada-lovelace/" | grep -q "Native Serve Marker" && { echo "native serve: rebuilt an edit"; exit 0; }
  sleep 0.1
done
echo "native serve: the edit never showed" >&2; cat "$work/serve.log" >&2
exit 1
