#!/usr/bin/env bash
# Installs the Debian tools medocr's tests compare against or drive, when missing
# (chromium and chromium-driver: the Prefect UI browser test).
# Without root it only reports; the tests that need a missing tool are skipped.
set -euo pipefail
packages=(tesseract-ocr tesseract-ocr-deu tesseract-ocr-fra tesseract-ocr-ita
  tesseract-ocr-spa tesseract-ocr-por tesseract-ocr-nld tesseract-ocr-pol
  poppler-utils qpdf softhsm2 chromium chromium-driver)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "system-deps: not installed (need root and apt-get): ${missing[*]}" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq "${missing[@]}" >/dev/null
echo "system-deps: installed ${missing[*]}"
