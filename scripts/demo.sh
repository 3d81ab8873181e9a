#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The main job on the shipped sample: installs what is missing, builds in release mode, reads
# samples/article.txt aloud into out/article.wav and prints what was written.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
# The speech worker the command starts from beside itself (else it starts itself, slower).
swift build -c release --static-swift-stdlib --product ecouter-speech-worker 2>&1 | tail -n 1
swift build -c release --static-swift-stdlib --product ecouter 2>&1 | tail -n 1
mkdir -p out
.build/release/ecouter samples/article.txt -o out/article.wav
echo "wrote out/article.wav:"
.build/release/ecouter info out/article.wav
echo
echo "what was said (first lines):"
.build/release/ecouter normalize samples/article.txt | head -n 5
