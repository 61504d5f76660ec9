#!/usr/bin/env bash
# Rewrites docs/codes.md from the catalogue: the header kept, the table made by codes-table.mjs (after npm run build).
set -euo pipefail
cd "$(dirname "$0")/.."
{ sed -n '1,6p' docs/codes.md; node scripts/codes-table.mjs; } > docs/codes.md.tmp && mv docs/codes.md.tmp docs/codes.md
