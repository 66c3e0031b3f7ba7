#!/usr/bin/env bash
# Install the Debian packages polcmp needs to build and test. Idempotent: packages already
# present are left alone, and apt-get is not called at all when nothing is missing.
set -euo pipefail

packages=(
  build-essential cmake pkg-config clang
  libclang-rt-14-dev    # clang's sanitizer runtimes for the ASan+UBSan test build
  libncurses-dev        # ncursesw: the review UI
  libpcre2-dev          # PCRE2 with JIT: taxonomy rules
  libvectorscan-dev     # Vectorscan: the one-pass scan for the rules' required literals
  libyaml-dev           # libyaml: taxonomy files
  libxxhash-dev         # xxHash (XXH3): checksums of the taxonomy cache and the model's weights
  libxml2-dev           # libxml2's HTML parser: saved web pages; DOCX and ODT XML
  libuchardet-dev       # uchardet: guessing the encoding of files that are not UTF-8
  libpoppler-glib-dev   # poppler-glib: PDF text in reading order, with fonts and positions
  libzip-dev            # libzip: DOCX and ODT are ZIP archives
  libcairo2-dev         # cairo: the tests draw their own PDFs from the example policies
  fonts-dejavu-core     # fonts the test PDFs are drawn with (Latin)
  fonts-ipafont-gothic  # and Japanese (an example policy has a Japanese title)
  libjansson-dev        # jansson: JSON and JSON Lines in and out
  libxlsxwriter-dev     # libxlsxwriter: XLSX export
  liblinear-dev         # liblinear: training the learned clause classifier (polcmp train)
  libcmocka-dev         # cmocka: unit tests
  tmux                  # end-to-end UI tests in a real terminal
  groff-base            # groff: the man-page test renders polcmp.1 and checks it against the help
  python3               # test helpers that read exports back (csv, zipfile, json)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# python3 may come from outside Debian's packages; it only has to be on PATH.
if command -v python3 >/dev/null 2>&1; then
  keep=(); for p in "${missing[@]}"; do [ "$p" = python3 ] || keep+=("$p"); done
  missing=("${keep[@]+"${keep[@]}"}")
fi

if [ "${#missing[@]}" -eq 0 ]; then
  echo "setup: all packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 2; }
  sudo="sudo"
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
