#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian packages ecouter needs, only those missing.
#   scripts/setup.sh          libraries to build and run
#   scripts/setup.sh --test   also the tools the tests use to check audio
set -euo pipefail

packages=(pkg-config libespeak-ng-dev espeak-ng-data libxml2-dev libmp3lame-dev libopusenc-dev)
if [[ "${1:-}" == "--test" ]]; then
    packages+=(espeak-ng sox libsox-fmt-mp3 mpg123 ffmpeg python3 python3-pip wfrench opus-tools chromium)
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

# Python packages the tests use, pinned: feedparser and podcastparser read the podcast feed back
# (scripts/validate-podcast.py), num2words spells numbers for the number oracle (scripts/number-oracle.py),
# webvtt-py parses the timings' WebVTT back (scripts/check-timings-vtt.py, scripts/validate-podcast.py).
if [[ "${1:-}" == "--test" ]]; then
    pins=(feedparser==6.0.11 podcastparser==0.6.10 num2words==0.5.14 webvtt-py==0.5.1)
    if ! python3 -c 'import feedparser, podcastparser, num2words, webvtt' 2>/dev/null; then
        echo "setup: installing ${pins[*]} (PyPI)" >&2
        # Debian's own python3 refuses pip outside a virtual environment (PEP 668) unless told.
        python3 -m pip install --quiet "${pins[@]}" 2>/dev/null \
            || python3 -m pip install --quiet --break-system-packages "${pins[@]}"
    fi
fi
