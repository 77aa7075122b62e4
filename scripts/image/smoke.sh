#!/usr/bin/env bash
# npm run image:smoke — see scripts/image/smoke.ts.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec node --import tsx scripts/image/smoke.ts
