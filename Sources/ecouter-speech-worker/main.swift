// SPDX-License-Identifier: GPL-3.0-or-later
// `ecouter-speech-worker`: the process libespeak-ng runs in for `ecouter read`, `feed` and `serve`,
// so a crash of the C library costs one sentence. It links the engine module alone (no Foundation,
// no normalizer, no HTTP), so it starts in a few milliseconds; the command finds it beside itself.
import EcouterSynthesis

SpeechWorkerLoop.serve()
