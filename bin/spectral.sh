#!/usr/bin/env bash
# Lints OpenAPI documents with Spectral, spectral:oas and the OWASP API ruleset (the repository's .spectral.yaml),
# at pinned versions: bin/spectral.sh [spectral lint options] <document>...
# The tools are installed once into $SPECTRAL_HOME (default: target/spectral of the repository) with npm, because
# Spectral resolves the OWASP ruleset's package from the folder of the ruleset file.
# Exit codes: Spectral's own (0 clean, 1 findings at the fail severity), 3 npm missing, 4 the install failed.
set -euo pipefail

SPECTRAL_CLI_VERSION=6.16.3
OWASP_RULESET_VERSION=2.0.1

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
home="${SPECTRAL_HOME:-$root/target/spectral}"

if ! command -v npm >/dev/null 2>&1; then
  echo "spectral.sh: npm is not on the PATH; install Node.js 20 or later" >&2
  exit 3
fi
marker="$home/.installed-$SPECTRAL_CLI_VERSION-$OWASP_RULESET_VERSION"
if [ ! -f "$marker" ]; then
  mkdir -p "$home"
  if ! npm install --prefix "$home" --no-save --no-audit --no-fund --loglevel=error \
    "@stoplight/spectral-cli@$SPECTRAL_CLI_VERSION" \
    "@stoplight/spectral-owasp-ruleset@$OWASP_RULESET_VERSION" >&2; then
    echo "spectral.sh: could not install Spectral from the npm registry" >&2
    exit 4
  fi
  touch "$marker"
fi
cp "$root/.spectral.yaml" "$home/.spectral.yaml"
exec "$home/node_modules/.bin/spectral" lint --ruleset "$home/.spectral.yaml" "$@"
