#!/usr/bin/env bash
# The one test command (npm test): type-check, then every test file under test/ with node's test runner.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
npx tsc --noEmit -p .
# The CLI end-to-end tests run the bundled binary: build it from the sources under test.
node --import tsx scripts/build-cli.ts >/dev/null
mapfile -t files < <(find test -name '*.test.ts' | sort)
exec node --import tsx --test --test-concurrency="${TEST_CONCURRENCY:-2}" --test-timeout=300000 "${files[@]}"
