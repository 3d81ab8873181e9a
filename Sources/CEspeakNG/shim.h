// eSpeak NG's public C API (Debian: libespeak-ng-dev). Only EcouterSynthesis imports this module.
//
// The library is not linked: EcouterSynthesis loads it with dlopen on first use (EspeakLibrary.swift),
// because libespeak-ng brings some thirty shared libraries with it (PulseAudio, ALSA, X11, D-Bus,
// libsndfile and its codecs) that every start of the command would otherwise load, even `ecouter text`.
// The pointer types below are taken from the header's own prototypes, so a call through the loaded
// table is checked against the real signature.
#ifndef ECOUTER_CESPEAKNG_SHIM_H
#define ECOUTER_CESPEAKNG_SHIM_H
#include <stdio.h>
#include <espeak-ng/speak_lib.h>
#include <espeak-ng/espeak_ng.h>

typedef __typeof__(&espeak_Initialize) ecouter_espeak_Initialize_t;
typedef __typeof__(&espeak_SetSynthCallback) ecouter_espeak_SetSynthCallback_t;
typedef __typeof__(&espeak_Synth) ecouter_espeak_Synth_t;
typedef __typeof__(&espeak_TextToPhonemes) ecouter_espeak_TextToPhonemes_t;
typedef __typeof__(&espeak_SetVoiceByName) ecouter_espeak_SetVoiceByName_t;
typedef __typeof__(&espeak_SetParameter) ecouter_espeak_SetParameter_t;
#endif
