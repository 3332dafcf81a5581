#!/usr/bin/env bash
# Type-checks the generated TypeScript clients (typescript-fetch) with tsc, as an integrator's build would.
# tsc is installed project-locally (.tools/, git-ignored) with npm when missing; without Node the check is skipped.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tsc="$root/.tools/node_modules/.bin/tsc"
generated="$root/clients/target/generated-sources/typescript-fetch"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "clients: SKIPPED the type check of the TypeScript clients: Node.js and npm are not installed"
  exit 0
fi
if [ ! -x "$tsc" ]; then
  echo "clients: installing TypeScript 5 into .tools/ with npm"
  npm install --prefix "$root/.tools" --no-audit --no-fund --loglevel=error typescript@5
fi
"$tsc" --noEmit -p "$root/clients/tsconfig.json"
echo "clients: $(ls "$generated" | wc -l) TypeScript clients type-checked by tsc $("$tsc" --version | cut -d' ' -f2)"
