// libopusenc, Ogg Opus files from PCM (Debian: libopusenc-dev). Only EcouterAudio imports this module.
#ifndef ECOUTER_COPUSENC_SHIM_H
#define ECOUTER_COPUSENC_SHIM_H
#include <opus/opusenc.h>

// ope_encoder_ctl is variadic, which Swift cannot call: one fixed-argument wrapper per setting used.
static inline int ecouter_ope_set_bitrate(OggOpusEnc *encoder, opus_int32 bitsPerSecond) {
    return ope_encoder_ctl(encoder, OPUS_SET_BITRATE(bitsPerSecond));
}
static inline int ecouter_ope_set_speech_signal(OggOpusEnc *encoder) {
    return ope_encoder_ctl(encoder, OPUS_SET_SIGNAL(OPUS_SIGNAL_VOICE));
}
// Smaller look-ahead and page delays (in 48 kHz samples) so a stream's first page leaves early.
static inline int ecouter_ope_set_delays(OggOpusEnc *encoder, opus_int32 decision, opus_int32 muxing) {
    int r = ope_encoder_ctl(encoder, OPE_SET_DECISION_DELAY(decision));
    if (r != OPE_OK) return r;
    return ope_encoder_ctl(encoder, OPE_SET_MUXING_DELAY(muxing));
}
#endif
