#!/usr/bin/env bash
# Runs every command that writes files on the bundled example and the small fixture, and prints one sha256 per file
# written (plus each command's stdout and exit code), so that a refactor can show "same spec and seed, same bytes":
#   bash scripts/outputs-digest.sh > before.txt; (change); bash scripts/outputs-digest.sh > after.txt; diff before.txt after.txt
# Needs `npm run build`. WORK=DIR keeps the files (default: a temporary folder, removed).
set -uo pipefail
cd "$(dirname "$0")/.."
work=${WORK:-$(mktemp -d)}
keep=${WORK:+1}
export SOURCE_DATE_EPOCH=1798761600 # 2027-01-01T00:00:00Z
l() { node dist/bin/lichdu.js "$@"; }
run() { # name, then the command's arguments
  local name=$1; shift
  local out rc
  out=$(l "$@" 2>/dev/null); rc=$?
  printf '%s exit %s stdout %s\n' "$name" "$rc" "$(printf '%s' "${out//$work/WORK}" | sha256sum | cut -c1-16)"
}
ex=fixtures/example/spec.yaml
sm=fixtures/small/spec.yaml
run plan-example plan $ex -o "$work/ex" --quiet
run plan-small plan $sm -o "$work/sm" --quiet
run plan-small-en plan $sm -o "$work/sm-en" --quiet --lang en --seed 3
run convert-hand convert $ex fixtures/example/hand-plan.csv -o "$work/hand"
run check-example check $ex "$work/ex/plan.json"
run check-hand-json check $ex fixtures/example/hand-plan.csv --json
run check-compliance check $sm fixtures/small/plan.json --attendance fixtures/small/attendance.csv --as-of 2027-05-15
run report-example report $ex "$work/ex/plan.json" -o "$work/ex-report"
run report-small-att report $sm fixtures/small/plan.json -o "$work/sm-report" --attendance fixtures/small/attendance.csv \
  --as-of 2027-05-15 --lang en
run calendar-small calendar $sm
run calendar-small-csv calendar $sm --format csv --lang en
run validate-example validate $ex
run policies policies --json
run attendance-xlsx attendance template "$work/ex/plan.json" -o "$work/att/diem-danh.xlsx" --until 2027-03-31
run attendance-csv attendance template "$work/ex/plan.json" -o "$work/att/diem-danh.csv"
run export-ics export ics "$work/ex/plan.json" -o "$work/exp" --lang en
run replan-small plan $sm --previous fixtures/small/plan.json --attendance fixtures/small/attendance.csv \
  --from 2027-07-01 --keep-cancelled 14 -o "$work/sm-7" --quiet
run import-template import --template "$work/tpl"
(cd "$work" && find . -type f ! -name '*.lock' | LC_ALL=C sort | xargs sha256sum)
[ -n "$keep" ] || rm -rf "$work"
