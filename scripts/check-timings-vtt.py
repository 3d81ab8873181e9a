#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`ecouter --timings out.vtt` parses as WebVTT (webvtt-py) and says what `--timings out.json` says.

    scripts/check-timings-vtt.py [--bin PATH] [TEXT]     (default: samples/article.txt)

Reads TEXT twice, once with `--timings out.vtt` and once with `--timings out.json`, parses the
WebVTT with webvtt-py (pinned by scripts/setup.sh --test) and checks: one cue per sentence, cue
times equal to the JSON's, cue text equal to the sentence as written, and the `<hh:mm:ss.mmm>`
word timestamps increasing, inside the cue and equal to the words' starts. Exits 1 on a mismatch.
"""
import argparse, html, json, os, re, subprocess, sys, tempfile

import webvtt

TIMESTAMP = re.compile(r"<(\d\d):(\d\d):(\d\d)\.(\d\d\d)>")


def seconds(h, m, s, ms):
    return int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", default=".build/release/ecouter")
    parser.add_argument("text", nargs="?", default="samples/article.txt")
    args = parser.parse_args()
    failures = []
    with tempfile.TemporaryDirectory() as work:
        vtt, js = os.path.join(work, "out.vtt"), os.path.join(work, "out.json")
        subprocess.run([args.bin, args.text, "-o", os.path.join(work, "a.mp3"), "--timings", vtt, "-q"], check=True)
        subprocess.run([args.bin, args.text, "-o", os.path.join(work, "b.mp3"), "--timings", js, "-q"], check=True)
        captions = webvtt.read(vtt)
        timings = json.load(open(js, encoding="utf-8"))
    sentences = timings["sentences"]
    if len(captions) != len(sentences):
        failures.append(f"{len(captions)} cues for {len(sentences)} sentences")
    words_checked = 0
    for i, (cue, s) in enumerate(zip(captions, sentences)):
        if abs(cue.start_in_seconds + int(cue.start.split(".")[1]) / 1000 - s["start"]) > 0.0015 or \
           abs(cue.end_in_seconds + int(cue.end.split(".")[1]) / 1000 - s["end"]) > 0.0015:
            failures.append(f"cue {i + 1}: {cue.start} --> {cue.end}, JSON says {s['start']} to {s['end']}")
        written = timings["text"][s["scalars"][0]:s["scalars"][1]]
        written = re.sub(r"[\n\r\u2028\u2029\x0b\x0c\x85]", " ", written)
        if html.unescape(cue.text) != written:
            failures.append(f"cue {i + 1}: text {cue.text!r} is not the sentence {written!r}")
        stamps = [seconds(*m.groups()) for m in TIMESTAMP.finditer(cue.raw_text)]
        starts = [w["start"] for w in s["words"][1:]]
        if stamps != sorted(stamps) or any(not (s["start"] < t < s["end"]) for t in stamps):
            failures.append(f"cue {i + 1}: word timestamps out of order or outside the cue: {stamps}")
        if not set(round(t, 3) for t in stamps) <= set(round(t, 3) for t in starts):
            failures.append(f"cue {i + 1}: a word timestamp is no word's start")
        words_checked += len(stamps)
    print(f"{args.text}: {len(captions)} WebVTT cues parsed by webvtt-py {webvtt.__version__}, {words_checked} word timestamps, JSON agrees")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
