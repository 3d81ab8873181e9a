// SPDX-License-Identifier: GPL-3.0-or-later
// An embedder imports `Ecouter` and gets the article model, the normalizer and the audio sinks with it.
@_exported import EcouterAudio
@_exported import EcouterExtraction
@_exported import EcouterNormalization
@_exported import struct EcouterSynthesis.VoiceParameters
@_exported import typealias EcouterSynthesis.SynthesisError
@_exported import enum EcouterSynthesis.SynthesisErrorDomain
@_exported import EcouterCore
@_exported import class EcouterSynthesis.SpeechEngine
@_exported import struct EcouterSynthesis.SpeechMark
@_exported import struct EcouterSynthesis.SpeechOutput
