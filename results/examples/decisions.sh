#!/usr/bin/env bash
# Regenerates results/examples/decisions/, the goal-seek and sensitivity
# examples README.md shows (section "Decisions: seek and sensitivity"):
#   seek-mmc.txt                 salesim seek on the M/M/c staffing experiment (seconds)
#   seek-growth-plan-80.txt      salesim seek, P(target) >= 80 %, 99 plans (minutes)
#   seek-growth-plan-50.txt      the same at 50 %
#   sensitivity-growth-plan.txt  salesim sensitivity, 17 inputs of growth-plan (minutes)
#   tornado.png                  its tornado chart
# Timings in the files depend on the machine and its load.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PATH:/usr/local/go/bin"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=results/examples/decisions
go build -o "$tmp/salesim" ./cmd/salesim
for e in seek-mmc seek-growth-plan-80 seek-growth-plan-50; do
  "$tmp/salesim" seek -q -no-progress -out "$tmp/$e" "scenarios/experiments/$e.toml"
  cp "$tmp/$e/seek.txt" "$out/$e.txt"
done
"$tmp/salesim" sensitivity -q -no-progress -out "$tmp/sens" scenarios/experiments/sensitivity-growth-plan.toml
cp "$tmp/sens/sensitivity.txt" "$out/sensitivity-growth-plan.txt"
cp "$tmp/sens/tornado.png" "$out/tornado.png"
