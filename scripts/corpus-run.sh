#!/usr/bin/env bash
# The main job and the evaluations on ../shared/corpus, each printing its figures.
# Runs in its own MEDOCR_HOME so it never mixes with the demo's state. Sections run
# cheapest-first, so a time budget cut (see .ci/run) loses the least.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=../shared/corpus
bin=.venv/bin
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export MEDOCR_HOME="$work/home"

section() { printf '\n=== %s === (%s)\n' "$1" "$(date -u +%H:%M:%S)"; }

$bin/medocr models install

section "main job on ocr-ground-truth (plus one corrupt file)"
mkdir -p "$work/ocr-inbox"
cp "$corpus"/ocr-ground-truth/*.{tif,png,pdf} "$work/ocr-inbox/"
head -c 4096 "$corpus/ocr-ground-truth/skew.pdf" > "$work/ocr-inbox/truncated.pdf"
$bin/medocr run "$work/ocr-inbox" || true

section "eval ocr (medocr beside Tesseract)"
$bin/medocr eval ocr "$corpus/ocr-ground-truth" || true

section "eval hostile"
$bin/medocr eval hostile "$corpus/hostile" || true

section "eval phi, text path (all texts)"
for sub in grascco meddocan; do
  $bin/medocr eval phi "$corpus/clinical-text/$sub" || true
done

section "main job on scans rendered from clinical-text"
for sub in grascco meddocan; do
  $bin/medocr samples render-corpus "$corpus/clinical-text/$sub" "$work/clinical-$sub"
  $bin/medocr run "$work/clinical-$sub" || true
done

# The scan path OCRs every rendered page; CI measures the same fixed subsets each
# time (the first 12 GraSCCo letters, the first 16 MEDDOCAN cases) to stay in budget.
section "eval phi, scan path (fixed subsets)"
$bin/medocr eval phi "$corpus/clinical-text/grascco" --path scan --limit 12 || true
$bin/medocr eval phi "$corpus/clinical-text/meddocan" --path scan --limit 16 || true

section "bench ocr, linn variants (medocr beside Tesseract, and OCRmyPDF when installed)"
$bin/medocr bench ocr --workload linn-variants --pages 8 --corpus "$corpus" || true
