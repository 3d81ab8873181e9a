// eSpeak NG's public C API (Debian: libespeak-ng-dev). Only EcouterSynthesis imports this module.
#ifndef ECOUTER_CESPEAKNG_SHIM_H
#define ECOUTER_CESPEAKNG_SHIM_H
#include <stdio.h>
#include <espeak-ng/speak_lib.h>
#include <espeak-ng/espeak_ng.h>
#endif
