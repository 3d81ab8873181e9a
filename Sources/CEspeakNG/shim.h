// eSpeak NG's public C API (Debian: libespeak-ng-dev). Only EcouterSynthesis imports this module.
#ifndef ECOUTER_CESPEAKNG_SHIM_H
#define ECOUTER_CESPEAKNG_SHIM_H
#include <espeak-ng/speak_lib.h>
#endif
