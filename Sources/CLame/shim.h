// LAME MP3 encoder (Debian: libmp3lame-dev). Only EcouterAudio imports this module.
#ifndef ECOUTER_CLAME_SHIM_H
#define ECOUTER_CLAME_SHIM_H
#include <lame/lame.h>
#endif
