#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""How well `ecouter --timings` follows the audio it writes, measured on the real WAV.

    scripts/timings-accuracy.py [--bin PATH] [TEXT]      (default: samples/article.txt)

Reads TEXT with `ecouter TEXT -o OUT.wav --timings OUT.json`, parses the WAV back, and prints:
  - sentence onsets: at each sentence cue start, the RMS of the 20 ms before it (silent: below
    SILENT) and how long until speech energy rises (first 5 ms frame above ONSET, frames 1 ms apart): mean and max;
    each must be at most 30 ms;
  - words: monotonic, inside their sentence, and covering every spoken word (their spoken forms
    give the sentence's tokens as `ecouter normalize` prints them);
  - ranges: each word's and sentence's scalar and UTF-16 ranges spell its written text;
  - the end: how far the last cue ends from the end of the audio (at most 50 ms).
Exits 1 when a check fails, so a test script can run it.
"""
import argparse, json, os, re, statistics, subprocess, sys, tempfile, wave
from array import array

SILENT = 100.0   # RMS (16-bit) below which 20 ms counts as silence (speech is ~3000)
ONSET = 300.0    # RMS of a 5 ms frame that counts as speech energy
LEAD_MS, FRAME_MS, ONSET_LIMIT_MS, END_LIMIT_MS = 20, 5, 30, 50


def rms(samples):
    return (sum(s * s for s in samples) / len(samples)) ** 0.5 if samples else 0.0


def tokens(text):
    return [t.lower() for t in re.findall(r"[^\W_]+", text)]


def utf16_length(text):
    return len(text.encode("utf-16-le")) // 2


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", default=".build/release/ecouter")
    parser.add_argument("text", nargs="?", default="samples/article.txt")
    args = parser.parse_args()
    failures = []
    with tempfile.TemporaryDirectory() as work:
        wav, js = os.path.join(work, "out.wav"), os.path.join(work, "out.json")
        subprocess.run([args.bin, args.text, "-o", wav, "--timings", js, "-q"], check=True)
        normalized = subprocess.run([args.bin, "normalize", args.text], check=True, capture_output=True, text=True).stdout
        with wave.open(wav) as w:
            rate = w.getframerate()
            audio = array("h", w.readframes(w.getnframes()))
        timings = json.load(open(js, encoding="utf-8"))
    text = timings["text"]
    frame = rate * FRAME_MS // 1000

    lead_rms, onsets = [], []
    for i, s in enumerate(timings["sentences"]):
        at = round(s["start"] * rate)
        lead = rms(audio[max(0, at - rate * LEAD_MS // 1000):at]) if at > 0 else 0.0
        lead_rms.append(lead)
        if lead >= SILENT:
            failures.append(f"sentence {i + 1}: the {LEAD_MS} ms before its cue are not silent (RMS {lead:.0f})")
        k, hop = at, rate // 1000  # 5 ms frames, 1 ms apart
        while k + frame <= len(audio) and rms(audio[k:k + frame]) < ONSET:
            k += hop
        onset = (k - at) * 1000 / rate
        onsets.append(onset)
        if onset > ONSET_LIMIT_MS:
            failures.append(f"sentence {i + 1}: speech starts {onset:.0f} ms after its cue")

    # Words: monotonic, inside their sentence, spoken forms covering the normalized sentence.
    lines = [l for l in normalized.split("\n") if l.strip()]
    if len(lines) != len(timings["sentences"]):
        failures.append(f"{len(timings['sentences'])} sentences timed, `ecouter normalize` prints {len(lines)}")
    word_count, previous_end = 0, 0.0
    for i, s in enumerate(timings["sentences"]):
        written = text[s["scalars"][0]:s["scalars"][1]]
        if utf16_length(text[:s["scalars"][0]]) != s["utf16"][0] or utf16_length(written) != s["utf16"][1] - s["utf16"][0]:
            failures.append(f"sentence {i + 1}: UTF-16 range {s['utf16']} disagrees with scalars {s['scalars']}")
        if s["start"] < previous_end or s["end"] < s["start"]:
            failures.append(f"sentence {i + 1}: [{s['start']}, {s['end']}] overlaps the previous one or is reversed")
        previous_end = s["end"]
        last = s["start"]
        for w in s["words"]:
            word_count += 1
            if not (s["start"] <= w["start"] <= w["end"] <= s["end"]) or w["start"] < last:
                failures.append(f"sentence {i + 1}: word {w['written']!r} [{w['start']}, {w['end']}] out of order or outside the sentence")
            last = w["start"]
            if text[w["scalars"][0]:w["scalars"][1]] != w["written"]:
                failures.append(f"sentence {i + 1}: word range {w['scalars']} spells {text[w['scalars'][0]:w['scalars'][1]]!r}, not {w['written']!r}")
            if not (s["scalars"][0] <= w["scalars"][0] <= w["scalars"][1] <= s["scalars"][1]):
                failures.append(f"sentence {i + 1}: word {w['written']!r} lies outside the sentence's text")
        said = [t for w in s["words"] for t in tokens(w["spoken"])]
        if i < len(lines) and said != tokens(lines[i]):
            failures.append(f"sentence {i + 1}: words say {' '.join(said)!r}, normalize says {lines[i]!r}")

    duration = len(audio) / rate
    end_gap = abs(duration - timings["sentences"][-1]["end"]) * 1000
    if end_gap > END_LIMIT_MS:
        failures.append(f"the last cue ends {end_gap:.0f} ms from the end of the audio")

    print(f"{args.text}: {len(timings['sentences'])} sentences, {word_count} words, {duration:.2f} s of audio")
    print(f"before each sentence cue ({LEAD_MS} ms): RMS mean {statistics.mean(lead_rms):.1f}, max {max(lead_rms):.1f} (silent below {SILENT:.0f})")
    print(f"speech onset after the cue: mean {statistics.mean(onsets):.1f} ms, max {max(onsets):.1f} ms (limit {ONSET_LIMIT_MS} ms)")
    print(f"last cue end vs audio end: {end_gap:.1f} ms (limit {END_LIMIT_MS} ms)")
    for f in failures:
        print("FAIL:", f)
    print("timings accuracy:", "FAILED" if failures else "ok")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
