#!/usr/bin/env bash
# Regenerates theme/vendor/d3/d3.min.js and its LICENSE from the pinned npm
# packages in this folder. Only maintainers run this (it needs Node and the npm
# registry); building a site never does: the output is committed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../theme/vendor/d3"
cd "$here"

# Exact versions from package-lock.json; no scripts from dependencies.
npm ci --no-audit --no-fund --ignore-scripts >/dev/null
mkdir -p "$out"

# One IIFE assigning window.d3; tree-shaking keeps only what index.js exports.
./node_modules/.bin/esbuild index.js \
  --bundle --minify --format=iife --global-name=d3 \
  --target=es2019 --legal-comments=none --charset=utf8 \
  --banner:js="/*! d3 subset for BzPeer (see LICENSE): $(node -p "Object.keys(require('./package.json').dependencies).map(d=>d+'@'+require('./node_modules/'+d+'/package.json').version).join(' ')") */" \
  --outfile="$out/d3.min.js"

# Licence texts of every d3 module that ended up in the bundle (direct and
# transitive), in name order so reruns are byte-identical.
{
  echo "theme/vendor/d3/d3.min.js bundles the following d3 modules (https://d3js.org),"
  echo "each under the ISC licence reproduced below. Regenerate with tools/vendor-d3/build.sh."
  for dir in $(ls -d node_modules/d3-* | LC_ALL=C sort); do
    name="$(basename "$dir")"
    version="$(node -p "require('./$dir/package.json').version")"
    echo
    echo "================================================================"
    echo "$name $version"
    echo "================================================================"
    cat "$dir/LICENSE"
  done
} > "$out/LICENSE"

echo "wrote $out/d3.min.js ($(wc -c < "$out/d3.min.js") bytes) and $out/LICENSE"
