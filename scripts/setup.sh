#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian packages ecouter needs, only those missing.
#   scripts/setup.sh          libraries to build and run
#   scripts/setup.sh --test   also the tools the tests use to check audio
set -euo pipefail

packages=(pkg-config libespeak-ng-dev espeak-ng-data libxml2-dev libmp3lame-dev)
if [[ "${1:-}" == "--test" ]]; then
    packages+=(espeak-ng sox libsox-fmt-mp3 mpg123 ffmpeg python3 python3-pip wfrench)
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}" >&2
    sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null; then
    echo "setup: the Swift toolchain (6.0 or later) is needed: https://www.swift.org/install/linux/" >&2
    exit 1
fi

# The number oracle (scripts/number-oracle.py, run by scripts/test.sh) spells numbers with num2words.
if [[ "${1:-}" == "--test" ]] && ! python3 -c "import num2words" 2>/dev/null; then
    echo "setup: installing num2words 0.5.14 (PyPI)" >&2
    python3 -m pip install --quiet "num2words==0.5.14" || python3 -m pip install --quiet --break-system-packages "num2words==0.5.14"
fi
