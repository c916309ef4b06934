#!/usr/bin/env bash
# Copy the browser assets the workspace uses from node_modules into the Python package
# (src/terrain/web/static/vendor/), where they are committed: the app then runs offline, with no
# npm and no CDN at run time. Run after changing package.json:   cd web && npm ci && npm run build
set -euo pipefail
cd "$(dirname "$0")"
NM=node_modules
OUT=../src/terrain/web/static/vendor
[ -d "$NM/leaflet" ] || { echo "build.sh: run 'npm ci' in web/ first" >&2; exit 1; }

rm -rf "$OUT"
mkdir -p "$OUT"/{leaflet/images,cytoscape,topojson-client,world-atlas,swagger-ui}

# copy SRC DEST: the file without its sourceMappingURL comment (the .map files are not shipped, and a
# browser's developer tools would otherwise ask the server for them)
copy() { sed -e '/^\/[/*][#@] sourceMappingURL=/d' -e 's#/\*\# sourceMappingURL=[^*]*\*/##' "$1" > "$2"; }

copy "$NM/leaflet/dist/leaflet.js" "$OUT/leaflet/leaflet.js"
copy "$NM/leaflet/dist/leaflet.css" "$OUT/leaflet/leaflet.css"
cp "$NM"/leaflet/dist/images/layers*.png "$OUT/leaflet/images/"
cp "$NM/leaflet/LICENSE" "$OUT/leaflet/LICENSE"

copy "$NM/cytoscape/dist/cytoscape.min.js" "$OUT/cytoscape/cytoscape.min.js"
cp "$NM/cytoscape/LICENSE" "$OUT/cytoscape/LICENSE"

copy "$NM/topojson-client/dist/topojson-client.min.js" "$OUT/topojson-client/topojson-client.min.js"
cp "$NM/topojson-client/LICENSE" "$OUT/topojson-client/LICENSE"

# Natural Earth 1:50m country borders (public domain) as TopoJSON; ids are ISO 3166-1 numeric codes.
cp "$NM/world-atlas/countries-50m.json" "$OUT/world-atlas/countries-50m.json"
cp "$NM/world-atlas/LICENSE" "$OUT/world-atlas/LICENSE"

copy "$NM/swagger-ui-dist/swagger-ui-bundle.js" "$OUT/swagger-ui/swagger-ui-bundle.js"
copy "$NM/swagger-ui-dist/swagger-ui.css" "$OUT/swagger-ui/swagger-ui.css"
cp "$NM/swagger-ui-dist/LICENSE" "$OUT/swagger-ui/LICENSE"
cp "$NM/swagger-ui-dist/NOTICE" "$OUT/swagger-ui/NOTICE"

# What was vendored, at which version (read by a test and by whoever updates them).
node -e '
const pkgs = ["leaflet", "cytoscape", "topojson-client", "world-atlas", "swagger-ui-dist"];
const out = {};
for (const p of pkgs) out[p] = require("./node_modules/" + p + "/package.json").version;
process.stdout.write(JSON.stringify(out, null, 2) + "\n");
' > "$OUT/VERSIONS.json"
echo "vendored into $OUT:" >&2
(cd "$OUT" && find . -type f | sort | xargs du -h) >&2
