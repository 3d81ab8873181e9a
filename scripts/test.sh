#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what the tests need, then builds and runs every test suite (they speak through the
# real libespeak-ng and parse the audio files back).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --test
swift build --build-tests
# ecouter's numbers against num2words' French, by phonemes (needs the shared evaluators beside the project).
if [[ -f ../shared/eval/phon.py ]]; then
    python3 scripts/number-oracle.py --ecouter .build/debug/ecouter --count 600
fi
swift test --skip-build
