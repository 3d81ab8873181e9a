#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Hammers the built `ecouter` command with generated hostile inputs.

Every run has a timeout; a run fails the check when it dies of a signal, times out, exits with a
status the README does not document, prints more than one stderr line on failure, breaks the
one-line-per-input-line promise of --lines, or leaves a broken or partial audio file behind.

    scripts/fuzz-cli.py [--binary .build/release/ecouter] [--modes text,html,...] [--seed N] [--count N]

Modes: text, html, sentences, sentences-lines, normalize, normalize-lines, phonemes-lines, read (generated
articles); streams (closed, full, directory and early-closing standard streams); options (absurd flags
and presets); pages (compressed, attribute-heavy, emoji-only, blank-line and DOCTYPE inputs); feed
(hostile JSON Feed ids, attribute-heavy RSS); http (a loopback server answering with gzip bombs,
redirects to file:, 3xx without Location, stalls); kill (feed runs killed with SIGKILL at random
moments, then run again: the manifest must stay valid and consistent).

Failing inputs are kept in --keep (default /tmp/ecouter-fuzz-failures) for replay.
"""

import argparse
import os
import random
import struct
import subprocess
import sys
import tempfile
import time

ALLOWED = {0, 64, 65, 69, 73}
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGES = os.path.join(ROOT, "Tests", "EcouterExtractionTests", "Fixtures", "pages")


# ----------------------------------------------------------------------------------------------
# Generators: each returns bytes.

def fixtures(ext):
    names = sorted(n for n in os.listdir(PAGES) if n.endswith(ext))
    return [open(os.path.join(PAGES, n), "rb").read() for n in names]


HTML_TOKENS = [
    b"<div>", b"</div>", b"<p>", b"</p>", b"<article>", b"</article>", b"<main>", b"<script>", b"</script>",
    b"<style>", b"<!--", b"-->", b"<![CDATA[", b"]]>", b"<br>", b"<br/>", b"<li>", b"<table>", b"<td>",
    b"<sup><a href=\"#n1\">1</a></sup>", b"&amp;", b"&#233;", b"&#x1F600;", b"&#0;", b"&#xD800;",
    b"&#99999999999;", b"&eacute", b"&", b"&#", b"&#x;", b"<", b">", b"\"", b"'", b"\x00", b"\xff\xfe",
    b"\xc3", b"\xe9", b"\xed\xa0\x80", b"<h1>", b"</h1>", b"<meta charset=\"utf-16\">",
    b"<meta charset=\"iso-2022-jp\">", b"<meta charset=\"x-user-defined\">", b"<html lang=\"\">",
    b"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"", b"\\u", b"\\ud800",
    b"<![if !IE]>", b"<![endif]>", b"<title>", b"</title>", b"<a href=\"#x\">", b"</a>", b"<aside>",
    b"<nav>", b"<template>", b"<svg>", b"<math>", b"<noscript>", b"<textarea>", b"<plaintext>", b"<xmp>",
    b"<frameset>", b"<?xml version=\"1.0\"?>", b"<!DOCTYPE html>", b"\n", b"\r", b"\t", b" ",
    b"Lire aussi", b"\xe2\x80\xa8", b"\xe2\x80\xa9", b"\xc2\x85", b"[1]", b"(...)", b"<li>-", b" | ",
]


def mutate(data, rng, rounds=None):
    data = bytearray(data)
    for _ in range(rounds or rng.randint(1, 30)):
        op = rng.randrange(7)
        pos = rng.randint(0, len(data)) if data else 0
        if op == 0 and data:
            data[min(pos, len(data) - 1)] = rng.randrange(256)
        elif op == 1:
            data[pos:pos] = rng.choice(HTML_TOKENS)
        elif op == 2 and data:
            end = min(len(data), pos + rng.randint(1, 400))
            del data[pos:end]
        elif op == 3 and data:
            end = min(len(data), pos + rng.randint(1, 400))
            data[pos:pos] = data[pos:end] * rng.randint(1, 20)
        elif op == 4:
            data[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 32)))
        elif op == 5:
            data = data[:pos]  # truncation
        else:
            data[pos:pos] = rng.choice(HTML_TOKENS) * rng.randint(2, 2000)
    return bytes(data)


def random_bytes(rng):
    n = rng.choice([0, 1, 2, 3, 7, 100, 4096, 65536, 1 << 20])
    return bytes(rng.randrange(256) for _ in range(min(n, 70000))) * max(1, n // 70000)


def utf16(data, rng):
    text = data.decode("utf-8", "replace")
    choice = rng.randrange(5)
    if choice == 0:
        return b"\xff\xfe" + text.encode("utf-16-le")
    if choice == 1:
        return b"\xfe\xff" + text.encode("utf-16-be")
    if choice == 2:
        return text.encode("utf-16-le")
    if choice == 3:
        return text.encode("utf-16-be")
    # odd length, BOM, truncated in the middle of a surrogate pair
    raw = b"\xff\xfe" + (text + "\U0001F600").encode("utf-16-le")
    return raw[:-1]


def nested(rng):
    depth = rng.choice([300, 3000, 100000, 400000])
    tag = rng.choice([b"div", b"b", b"table", b"li", b"p", b"span", b"article", b"a", b"sup", b"blockquote", b"ul"])
    body = b"Un paragraphe assez long pour compter comme du texte, avec des virgules, et encore. " * 3
    variant = rng.randrange(5)
    if variant == 0:
        return b"<html><body>" + b"<" + tag + b">" * 1 + (b"<" + tag + b">") * depth + body + (b"</" + tag + b">") * depth
    if variant == 1:
        return b"<html><body>" + (b"<" + tag + b">") * depth + body  # never closed
    if variant == 2:
        return b"<html><body>" + (b"<div><p>" + body + b"<table><tr><td>") * (depth // 10)
    if variant == 3:
        return b"<html><body><article>" + (b"<p>" + body + b"</p>") * (depth // 10) + b"</article>"
    return b"<html><body>" + b"<article>" * depth + b"<h1>Titre</h1>" + body + b"</article>" * (depth // 2)


def huge_attribute(rng):
    size = rng.choice([100000, 2000000, 10000000])
    attr = rng.choice([b"class", b"id", b"style", b"href", b"content", b"data-x"])
    filler = rng.choice([b"a", b"share ", b"\xc3\xa9", b"&amp;", b"\"", b" related"])
    value = (filler * (size // len(filler)))[:size]
    return b"<html><head><meta property=\"og:title\" " + attr + b"=\"" + value + b"\"></head><body><div " + attr + \
        b"=\"" + value + b"\"><p>" + b"Texte de l'article, avec une phrase. " * 20 + b"</p></div></body></html>"


def broken_entities(rng):
    parts = [b"&", b"&#", b"&#x", b"&#99999999999999999999;", b"&#x110000;", b"&#xFFFFFFFF;", b"&#0;", b"&#xD800;",
             b"&amp", b"&eacute", b"&nbsp;", b"&;", b"&#;", b"&#-1;", b"&#x-1;", b"&#1114111;", b"&#65279;",
             b"&NotNestedGreaterGreater;", b"&#x1F468;&#x200D;&#x1F469;", b"&lt;script&gt;"]
    body = b"".join(rng.choice(parts) + b" mot " for _ in range(rng.choice([10, 1000, 100000])))
    return b"<html><body><article><h1>Entit\xc3\xa9s</h1><p>" + body + b"</p></article></body></html>"


def script_only(rng):
    n = rng.choice([10, 10000, 200000])
    return b"<html><head><title>Que des scripts</title></head><body>" + \
        (b"<script>var a = '<p>pas un paragraphe</p>';</script>") * n + b"</body></html>"


def json_ld(rng):
    choice = rng.randrange(6)
    if choice == 0:
        inner = b"[" * 1000000
    elif choice == 1:
        inner = b"{\"@type\":\"NewsArticle\",\"articleBody\":\"" + b"\\ud800\\udfff\\u0000\\uZZZZ" * 10000 + b"\"}"
    elif choice == 2:
        inner = b"{\"@type\":\"NewsArticle\",\"headline\":\"" + b"x" * 5000000 + b"\"}"
    elif choice == 3:
        inner = b"{\"@graph\":" * 100000 + b"1" + b"}" * 100000
    elif choice == 4:
        inner = b"[" + b"{\"@type\":\"Article\",\"headline\":\"t\"}," * 200000 + b"1]"
    else:
        inner = b"{\"@type\":\"NewsArticle\",\"articleBody\":\"" + \
            b"Une phrase du corps.\\n" * 200000 + b"\"}"
    return b"<html><head><script type=\"application/ld+json\">" + inner + \
        b"</script></head><body><p>court</p></body></html>"


def big_page(rng, htmls):
    target = rng.choice([5, 20]) * 1024 * 1024
    page = rng.choice(htmls)
    head, sep, tail = page.partition(b"</article>")
    if not sep:
        return page * (target // len(page))
    return head + head[len(head) // 2:] * (target // max(1, len(head) // 2)) + sep + tail


def long_line(rng):
    n = rng.choice([1 << 20, 5 << 20, 20 << 20])
    unit = rng.choice([b"a", b"\xc3\xa9", b"\xf0\x9f\x98\x80", b"1", b". ", b"<", b"&", b"\xe2\x80\xaf"])
    return (unit * (n // len(unit)))[:n]


def mixed_encoding(rng, htmls):
    page = rng.choice(htmls)
    latin = page.decode("utf-8", "replace").encode("latin-1", "replace")
    parts = [page[: len(page) // 2], latin[len(latin) // 2:]]
    declared = rng.choice([b"utf-8", b"iso-8859-1", b"utf-16", b"utf-32", b"shift_jis", b"ebcdic", b"koi8-r",
                           b"x-unknown", b"UTF-7", b"gb18030", b"", b"\"\"\"", b"utf-16le"])
    return b"<meta charset=\"" + declared + b"\">" + b"".join(parts)


def text_pages(rng, texts):
    choice = rng.randrange(6)
    if choice == 0:
        return mutate(rng.choice(texts), rng)
    if choice == 1:
        return b"\n".join(rng.choice([b"Lire aussi", b"12 mars 2025", b"Par Jean Martin", b"Publicit\xc3\xa9",
                                      b"- item", b"1. item", b"", b"Titre court", b"[1] note"])
                          for _ in range(rng.choice([100, 100000])))
    if choice == 2:
        return rng.choice(texts) * rng.choice([50, 2000])
    if choice == 3:
        return b"\r" * 100000 + b"Du texte." + b"\r\n" * 100000
    if choice == 4:
        return b"[" * 1000000 + b"1]"
    return b"a" * 10 + b"\n" + b"\xe2\x80\xa8" * 1000000


def extraction_input(rng, htmls, texts, mode):
    choice = rng.randrange(12)
    if choice == 0:
        return random_bytes(rng)
    if choice in (1, 2, 3):
        return mutate(rng.choice(htmls + texts), rng)
    if choice == 4:
        return nested(rng)
    if choice == 5:
        return huge_attribute(rng) if rng.random() < 0.5 else broken_entities(rng)
    if choice == 6:
        return utf16(rng.choice(htmls + texts), rng)
    if choice == 7:
        return script_only(rng) if rng.random() < 0.5 else json_ld(rng)
    if choice == 8:
        return big_page(rng, htmls) if rng.random() < 0.3 else long_line(rng)
    if choice == 9:
        return mixed_encoding(rng, htmls)
    if choice == 10:
        return text_pages(rng, texts)
    return mutate(rng.choice(htmls), rng, rounds=200)


# ----------------------------------------------------------------------------------------------
# Text for the normalizer and the segmenter.

def random_scalar(rng):
    plane = rng.random()
    if plane < 0.35:
        return chr(rng.randrange(0x20, 0x250))
    if plane < 0.5:
        return chr(rng.choice([0x300, 0x301, 0x308, 0x327, 0x20DD, 0x200D, 0xFE0F, 0x200B, 0x202E, 0x202B,
                               0xA0, 0x202F, 0x2028, 0x2029, 0x85, 0xB, 0xC, 0xD, 0x2026, 0xAB, 0xBB, 0x2019]))
    if plane < 0.6:
        return chr(rng.randrange(0x590, 0x700))  # Hebrew, Arabic
    if plane < 0.7:
        return rng.choice(["\U0001F468\u200D\U0001F469\u200D\U0001F467", "\U0001F1EB\U0001F1F7", "\U0001F44D\U0001F3FD",
                           "\u0661\u0662\u0663", "\u00B2", "\u2167", "\u00BD", "\uFF11\uFF12", "\U0001D7D8", "\u0BE7"])
    while True:
        c = rng.randrange(0x80, 0x110000)
        if not 0xD800 <= c < 0xE000:
            return chr(c)


SNIPPETS = [
    "1.2.3.4.5.6.7.8.9", "1/2/3/4/5/6", "12:34:56:78", "1 000 000 000 000 000 000 €", "XIXe ", "M. ",
    "M. M. M. ", "99999999999999999999", "9223372036854775807", "9223372036854775808", "18446744073709551616",
    "-9223372036854775808", "1,5", "1,000000000000000000001", "0,", ",5", "12h60", "25h99", "99h", "24:00",
    "31/02/2025", "00/00/0000", "32/13/99999", "1er", "2e", "1000000000000e", "MMMMMMMMMMMMMMMM", "IIII",
    "XLXLXL", "Louis XIV", "10 %", "1e10", "1E+308", "10^100", "1/0", "0/0", "3/4", "12 km/h", "5 m²", "3 °C",
    "100 000 000 000 000 000 000 000 000 km", "06 12 34 56 78", "+33 6 12 34 56 78", "01 02 03 04 05 06 07 08",
    "3 500 000 $", "12,50 €", "€12", "$", "€", "£ 5", "5 ¥", "–12", "−3", "+-+-3", "1..2", "…", "?!?!",
    "c.-à-d.", "etc.", "J.-C.", "av. J.-C.", "p. ex.", "Mme", "Dr", "n°", "N° 5", "§ 3", "& ", "@", "#1", "*",
    "SNCF", "CNRS", "A.B.C.D.", "U.S.A.", "www.example.fr", "a.b@c.fr", "http://x.fr/1/2/3", "1h30", "14h30min",
    "2025-03-01", "1er janvier 2025", "lundi 3 mars 2025", "XXIe siècle", "IIe", "Ve", "Ier", "1ère", "2ème",
    "21 pages", "1,2 milliard", "0,0000000001", "1 234,56", "1.234.567,89", "1\u00a0000", "1\u202f000",
    "12\u00a0%", "\u00bd", "\u2153", "\u00b2", "\u2460", "\u0663", "\uff15", "Ⅻ", "ⅻ", "½ €",
    "[[ɛ̃]]", "[[", "]]", "[[a]] [[b", "§", "°", "‰", "±", "×", "÷", "≥", "→", "•",
]


def normalizer_line(rng):
    choice = rng.randrange(10)
    if choice == 0:
        return "".join(random_scalar(rng) for _ in range(rng.randint(0, 200)))
    if choice == 1:
        return "9" * rng.choice([1, 19, 20, 21, 30, 100, 1000, 10000, 100000])
    if choice == 2:
        return rng.choice(SNIPPETS) * rng.choice([1, 2, 10, 100, 1000, 20000])
    if choice == 3:
        return " ".join(rng.choice(SNIPPETS) for _ in range(rng.randint(1, 40)))
    if choice == 4:
        return "".join(rng.choice(SNIPPETS) for _ in range(rng.randint(1, 40)))
    if choice == 5:
        sep = rng.choice([".", "/", ":", ",", " ", "-", "\u00a0", "h", "e", "%", "€"])
        return sep.join(str(rng.randrange(10 ** rng.randint(1, 25))) for _ in range(rng.randint(1, 200)))
    if choice == 6:
        s = list(rng.choice(SNIPPETS) * rng.randint(1, 30))
        for _ in range(rng.randint(1, 10)):
            s.insert(rng.randint(0, len(s)), random_scalar(rng))
        return "".join(s)
    if choice == 7:
        return "".join(rng.choice("0123456789.,:/ -+%€$hIVXLCDMe°'\"«»()[]") for _ in range(rng.randint(1, 400)))
    if choice == 8:
        unit = rng.choice(["a", "é", "1", ". ", "M. ", "XIXe ", "\U0001F600", "e\u0301", "\u200d", " ", "."])
        return unit * rng.choice([1000, 100000, 1 << 20 // len(unit.encode())])
    return rng.choice(SNIPPETS) + "".join(random_scalar(rng) for _ in range(5)) + rng.choice(SNIPPETS)


def normalizer_input(rng, lines_mode):
    n = 1 if rng.random() < 0.3 else rng.randint(2, 60)
    lines = [normalizer_line(rng) for _ in range(n)]
    if not lines_mode and rng.random() < 0.3:
        lines = [l.replace("\u2028", " ") for l in lines]
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    if rng.random() < 0.1:
        data = mutate(data, rng, rounds=3)  # sometimes invalid UTF-8
    if rng.random() < 0.3:
        data += b"\n"
    if rng.random() < 0.05:
        data = data.replace(b"\n", b"\r\n")
    return data


def expected_lines(data):
    if not data:
        return 0
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    if body.endswith(b"\n"):
        body = body[:-1]
    return body.count(b"\n") + 1 if data else 0


def read_text(rng):
    choice = rng.randrange(8)
    if choice == 0:
        return ("a" * 100000).encode()
    if choice == 1:
        return "".join(rng.choice(".,;:!?…«»()[]-–—\"'/") for _ in range(rng.randint(1, 3000))).encode()
    if choice == 2:
        return "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 3000))).encode()
    if choice == 3:
        return "".join(rng.choice(["\U0001F600", "\U0001F468\u200D\U0001F469\u200D\U0001F467", "\U0001F1EB\U0001F1F7",
                                   "\u2764\ufe0f", " "]) for _ in range(rng.randint(1, 2000))).encode()
    if choice == 4:
        return normalizer_input(rng, False)[:4000]  # synthesis time grows with the text
    if choice == 5:
        return ("[[" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz@:;'_|^~0123456789 ") for _ in range(200)) + "]]").encode()
    if choice == 6:
        return ("Le " + "1 000 " * 3000 + "euros.").encode()
    return "".join(random_scalar(rng) for _ in range(rng.randint(1, 3000))).encode("utf-8")


# ----------------------------------------------------------------------------------------------
# Running and checking.

def wav_problem(path):
    data = open(path, "rb").read()
    if len(data) < 44 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        return "not a RIFF/WAVE file"
    riff = struct.unpack("<I", data[4:8])[0]
    if riff != len(data) - 8:
        return f"RIFF size {riff} != file size - 8 ({len(data) - 8})"
    pos = 12
    while pos + 8 <= len(data):
        cid, size = data[pos:pos + 4], struct.unpack("<I", data[pos + 4:pos + 8])[0]
        if cid == b"data":
            if pos + 8 + size != len(data):
                return f"data size {size} does not reach the end of the file"
            return None
        pos += 8 + size + (size & 1)
    return "no data chunk"


class Fuzzer:
    def __init__(self, binary, keep, timeout):
        self.binary = binary
        self.keep = keep
        self.timeout = timeout
        self.counts = {}
        self.failures = []
        self.slowest = {}
        self.statuses = {}
        self.server = None
        os.makedirs(keep, exist_ok=True)
        self.work = tempfile.mkdtemp(prefix="ecouter-fuzz-")

    def run(self, mode, args, data, check_lines=False, wav=False, allowed=ALLOWED, feed_dir=None, forbid_stdout=None):
        self.counts[mode] = self.counts.get(mode, 0) + 1
        path = os.path.join(self.work, "input")
        with open(path, "wb") as f:
            f.write(data)
        out_dir = os.path.join(self.work, "out")
        os.makedirs(out_dir, exist_ok=True)
        argv = [self.binary] + [a.replace("{in}", path).replace("{outdir}", out_dir) for a in args]
        start = time.monotonic()
        try:
            # TERM first (the command then removes its partial output), KILL 5 s later.
            proc = subprocess.run(["timeout", "-k", "5", str(self.timeout)] + argv,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        except OSError as e:
            self.fail(mode, args, data, f"could not run: {e}")
            return
        elapsed = time.monotonic() - start
        if elapsed > self.slowest.get(mode, (0, 0))[0]:
            self.slowest[mode] = (elapsed, len(data))
        problems = []
        rc = proc.returncode
        self.statuses.setdefault(mode, {}).setdefault(rc, 0)
        self.statuses[mode][rc] += 1
        if rc in (124, 137, -9):
            problems.append(f"timeout after {self.timeout}s")
        elif rc not in allowed:
            problems.append(f"exit status {rc}")
        err_lines = proc.stderr.decode("utf-8", "replace").rstrip("\n").split("\n") if proc.stderr else []
        if forbid_stdout and (forbid_stdout in proc.stdout or forbid_stdout in proc.stderr):
            problems.append("a forbidden resource was fetched")
        if feed_dir:
            directory = os.path.join(out_dir, feed_dir)
            problems += manifest_problems(directory)
            subprocess.run(["rm", "-rf", directory])
        # Usage errors (64) are swift-argument-parser's message plus its usage lines, by design.
        if rc not in (0, 1, 64, 124, 137, -9) and len(err_lines) != 1:
            problems.append(f"{len(err_lines)} stderr lines on failure")
        if rc != 0 and err_lines and not err_lines[0].startswith("ecouter: error: ") and rc in ALLOWED and rc != 64:
            problems.append("stderr does not start with 'ecouter: error: '")
        if check_lines and rc == 0:
            got = proc.stdout.count(b"\n")
            want = expected_lines(data)
            if got != want:
                problems.append(f"--lines printed {got} lines for {want} input lines")
        if wav:
            files = os.listdir(out_dir)
            partial = [f for f in files if f.endswith(".part")]
            if partial:
                problems.append(f"partial files left: {partial}")
            target = os.path.join(out_dir, "out.wav")
            if rc == 0:
                if not os.path.exists(target):
                    problems.append("exit 0 without out.wav")
                else:
                    issue = wav_problem(target)
                    if issue:
                        problems.append("bad WAV: " + issue)
            elif os.path.exists(target):
                problems.append("failure left out.wav behind")
            for f in files:
                os.unlink(os.path.join(out_dir, f))
        if problems:
            self.fail(mode, args, data, "; ".join(problems), proc.stderr[-2000:])

    def run_shell(self, mode, script, allowed):
        """Runs a shell command line (the binary with broken streams); checks its status and stderr."""
        self.counts[mode] = self.counts.get(mode, 0) + 1
        start = time.monotonic()
        proc = subprocess.run(["timeout", "-k", "5", str(self.timeout), "bash", "-c", script],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.monotonic() - start
        if elapsed > self.slowest.get(mode, (0, 0))[0]:
            self.slowest[mode] = (elapsed, len(script))
        rc = proc.returncode
        self.statuses.setdefault(mode, {}).setdefault(rc, 0)
        self.statuses[mode][rc] += 1
        err_lines = [l for l in proc.stderr.decode("utf-8", "replace").split("\n") if l]
        problems = []
        if rc in (124, 137):
            problems.append(f"timeout after {self.timeout}s")
        elif rc not in allowed:
            problems.append(f"exit status {rc}")
        elif rc not in (0, 1) and "2>" not in script and len(err_lines) != 1:
            problems.append(f"{len(err_lines)} stderr lines on failure")
        if problems:
            self.fail(mode, [script], script.encode(), "; ".join(problems), proc.stderr[-2000:])

    def kill_run(self, rng):
        """A feed run killed with SIGKILL at a random moment, then run again to completion."""
        import json
        mode = "kill"
        self.counts[mode] = self.counts.get(mode, 0) + 1
        feed = os.path.join(self.work, "kill-feed.json")
        items = [{"id": "k%d" % i, "title": "Article %d" % i,
                  "content_text": "Premier paragraphe de l'article %d, assez long.\n\nUn second paragraphe." % i}
                 for i in range(rng.randint(5, 40))]
        with open(feed, "w") as f:
            json.dump({"version": "https://jsonfeed.org/version/1.1", "title": "K", "items": items}, f)
        directory = os.path.join(self.work, "kill-out")
        subprocess.run(["rm", "-rf", directory])
        args = [self.binary, "feed", feed, "-d", directory, "--format", rng.choice(["wav", "mp3"]), "--jobs", str(rng.randint(1, 3))]
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.random() * 2.0)
        proc.kill()
        proc.wait()
        problems = [p for p in manifest_problems(directory) if not p.startswith("temporary")]
        time.sleep(0.5)  # orphaned workers notice their parent is gone
        again = subprocess.run(["timeout", "-k", "5", str(self.timeout * 3)] + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.statuses.setdefault(mode, {}).setdefault(again.returncode, 0)
        self.statuses[mode][again.returncode] += 1
        if again.returncode != 0:
            problems.append(f"the run after the kill exited {again.returncode}")
        problems += manifest_problems(directory)
        try:
            manifest = json.load(open(os.path.join(directory, "manifest.json"), "rb"))
            done = [e for e in manifest["items"] if e.get("error") is None and e.get("file")]
            if len(done) != len(items):
                problems.append(f"{len(done)} of {len(items)} items done after the second run")
        except (OSError, ValueError) as e:
            problems.append(f"no manifest after the second run: {e}")
        if problems:
            self.fail(mode, args, b"", "; ".join(problems), again.stderr[-2000:])

    def fail(self, mode, args, data, why, stderr=b""):
        name = os.path.join(self.keep, f"{mode}-{len(self.failures):04d}.bin")
        with open(name, "wb") as f:
            f.write(data)
        self.failures.append((mode, args, name, why))
        print(f"FAIL {mode} {' '.join(args)} {name} ({len(data)} bytes): {why}", flush=True)
        if stderr:
            print("     stderr: " + stderr.decode("utf-8", "replace").strip().replace("\n", "\n             ")[:1500],
                  flush=True)



# ----------------------------------------------------------------------------------------------
# Hostile environments: streams, options, pages, feeds, HTTP peers, kills.

FEED_ALLOWED = {0, 1, 64, 65, 73}
SHORT = "Le 1er mars, M. Dupont a payé 12 €. Il est reparti à 14h30.\n"


def shell_quote(arg):
    return "'" + arg.replace("'", "'\\''") + "'"


def stream_case(rng, binary, article, wav, feed, feed_dir):
    """A shell command line running the binary with one of its standard streams broken."""
    kind = rng.choice(["stdout-closed", "stdout-full", "stdin-closed", "stdin-directory", "stderr-closed",
                       "stderr-full", "reader-leaves", "everything-closed"])
    if kind.startswith("stdin"):
        command = [rng.choice(["text", "normalize", "sentences", "phonemes"]), "-"]
        redirection = "<&-" if kind == "stdin-closed" else "</"
    else:
        command = rng.choice([["text", article], ["voices"], ["phonemes", article], ["normalize", article],
                              ["sentences", article], ["info", wav], [article, "-o", "-"],
                              ["sentences", "--lines", article], ["feed", feed, "-d", feed_dir, "--json", "--format", "wav"]])
        redirection = {"stdout-closed": ">&-", "stdout-full": ">/dev/full", "stderr-closed": "2>&-",
                       "stderr-full": "2>/dev/full", "reader-leaves": "| head -c 1 >/dev/null",
                       "everything-closed": "<&- >&- 2>&-"}[kind]
    return "set -o pipefail; " + " ".join(shell_quote(a) for a in [binary] + command) + " " + redirection


def option_case(rng, article, out_dir):
    choice = rng.randrange(8)
    if choice == 0:
        return ["feed", "http://127.0.0.1:9/feed.xml", "-d", out_dir + "/feed", "--timeout=" +
                rng.choice(["1e19", "inf", "-inf", "nan", "0", "-1", "1e-300", "3601", "1e308", "0x10"])]
    if choice == 1:
        return [article, "-o", out_dir + "/out.mp3", "--bitrate=" + str(rng.choice([0, 7, 33, 72, 176, 192, 256, 320, -48, 2 ** 63 - 1, 2 ** 31]))]
    if choice == 2:
        return ["feed", "{feed}", "-d", out_dir + "/feed", "--jobs=" + str(rng.choice([0, -1, 100, 10 ** 6, 2 ** 62]))]
    if choice == 3:
        return ["feed", "{feed}", "-d", out_dir + "/feed", "--max-size=" + str(rng.choice([0, -1, 1025, 2 ** 62]))]
    if choice == 4:
        return [article, "-o", out_dir + "/out.wav", "--rate=" + str(rng.choice([-1, 0, 79, 451, 2 ** 62]))]
    if choice == 5:
        return ["feed", "{feed}", "-d", out_dir + "/feed", "--shard=" + rng.choice(["0/0", "1/0", "-1/2", "9223372036854775807/9223372036854775807", "a/b", "1/2/3"])]
    if choice == 6:
        return ["sentences", "--max-length=" + str(rng.choice([-1, 0, 1, 2 ** 62])), article]
    return [article, "-o", out_dir + "/out.wav", "--voice", "{preset}"]


def absurd_preset(rng):
    pauses = {"sentence": 350, "paragraph": 800, "heading": 600, "title": 1100}
    pauses[rng.choice(list(pauses))] = rng.choice([2 ** 63 - 1, -(2 ** 63), 2 ** 62, -1, 60001, 10 ** 18])
    preset = {"name": "x", "description": "d", "espeakVoice": "fr", "region": "fr-FR", "rate": 160,
              "pitch": 50, "volume": 100, "lexicons": [], "pauses": pauses}
    if rng.random() < 0.3:
        preset[rng.choice(["rate", "pitch", "volume"])] = rng.choice([2 ** 63 - 1, -1, 10 ** 9])
    import json
    return json.dumps(preset).encode()


def page_case(rng, htmls):
    import gzip as gz
    choice = rng.randrange(7)
    if choice == 0:
        return gz.compress(rng.choice(htmls), 1), ["text", "--input-format", rng.choice(["html", "text", "auto"])]
    if choice == 1:
        n = rng.choice([1001, 20000, 60000])
        attrs = " ".join(f"a{i}=\"{i}\"" for i in range(n)).encode()
        return b"<html><body><div " + attrs + b"><p>Un paragraphe.</p></div></body></html>", ["text"]
    if choice == 2:
        return "".join(rng.choice(["\U0001F600", "\U0001F389 ", "\u2764\ufe0f", "\U0001F1EB\U0001F1F7", "\n\n", "\u2605"])
                       for _ in range(rng.randint(1, 500))).encode(), [rng.choice(["text", "read"])]
    if choice == 3:
        return b"Titre\n" + b"\n" * rng.choice([10 ** 5, 10 ** 6, 5 * 10 ** 6]) + b"Une phrase.\n", ["text"]
    if choice == 4:
        subset = b"<!DOCTYPE html [\n" + b"".join(b"<!ENTITY e%d \"Texte de l'entite %d\">\n" % (i, i) for i in range(rng.randint(1, 50))) + b"]>\n"
        return subset + rng.choice(htmls), ["text", "--input-format", rng.choice(["html", "auto"])]
    if choice == 5:
        return rng.choice([b"\x28\xb5\x2f\xfd", b"BZh9", b"\xfd7zXZ\x00", b"PK\x03\x04"]) + os.urandom(200), ["text"]
    return mutate(rng.choice(htmls), rng, rounds=5), ["text", "--input-format", "html"]


def feed_case(rng):
    import json
    choice = rng.randrange(5)
    if choice == 0:
        ids = [rng.choice([str(rng.randrange(10 ** 25)), "1", "1.0", "1e0", "-0", "true", "false", "null", "{}", "[]",
                           "\"e\\u0301\"", "\"\\u00e9\"", "\"\\ud800\"", "\"\\udfff\"", "\"a\\ud83d\\ude00\""])
               for _ in range(rng.randint(1, 12))]
        items = ",".join("{\"id\": %s, \"title\": \"T%d\", \"content_text\": \"Texte %d.\"}" % (i, n, n) for n, i in enumerate(ids))
        return ("{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"F\", \"items\": [" + items + "]}").encode()
    if choice == 1:
        depth = rng.choice([65, 1000, 100000])
        return b"{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": " + b"[" * depth + b"]" * depth + b"}"
    if choice == 2:
        n = rng.choice([1001, 30000])
        attrs = " ".join(f"a{i}=\"1\"" for i in range(n)).encode()
        return b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item " + attrs + \
            b"><guid>1</guid><description>Texte.</description></item></channel></rss>"
    if choice == 3:
        return json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": [
            {"id": "x%d" % i, "content_text": rng.choice(["\U0001F600", "", " ", "Un texte.", "\u2605 \u2606"])}
            for i in range(rng.randint(1, 6))]}).encode()
    return mutate(json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": [
        {"id": i, "content_text": "Texte."} for i in range(3)]}).encode(), rng, rounds=3)


class HostileServer:
    """A loopback HTTP server whose answers are the hostile kinds the fetcher must survive."""

    def __init__(self):
        import gzip as gz
        import http.server
        import threading
        bomb = gz.compress(b"\0" * (256 << 20), 1)
        feed = ("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [{\"id\": \"1\", \"url\": \"%s\"}]}")

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def answer(self, status, headers, body=b""):
                try:
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_GET(self):
                path = self.path
                if path.startswith("/bomb"):
                    self.answer(200, {"Content-Type": "application/xml", "Content-Encoding": "gzip"}, bomb)
                elif path == "/file":
                    self.answer(302, {"Location": "file:///etc/passwd"})
                elif path == "/etc/passwd":
                    self.answer(200, {"Content-Type": "text/plain"}, b"root:x:0:0 LEAKED")
                elif path.startswith("/nolocation"):
                    self.answer(int(path[-3:]), {})
                elif path == "/loop":
                    self.answer(301, {"Location": "/loop"})
                elif path == "/slow":
                    time.sleep(8)
                    self.answer(200, {"Content-Type": "application/xml"}, b"<rss/>")
                elif path.startswith("/article-bomb"):
                    self.answer(200, {"Content-Type": "application/json"},
                                (feed % ("http://127.0.0.1:%d/bomb" % self.server.server_address[1])).encode())
                else:
                    self.answer(404, {}, b"not found")

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path):
        return "http://127.0.0.1:%d%s" % (self.port, path)


def manifest_problems(directory):
    import json
    problems = []
    names = os.listdir(directory) if os.path.isdir(directory) else []
    leftovers = [n for n in names if n.endswith(".part")]
    if leftovers:
        problems.append(f"temporary files left: {leftovers[:3]}")
    path = os.path.join(directory, "manifest.json")
    if not os.path.exists(path):
        return problems
    try:
        manifest = json.load(open(path, "rb"))
    except ValueError as e:
        return problems + [f"manifest is not valid JSON: {e}"]
    for entry in manifest.get("items", []):
        if entry.get("error") is None and entry.get("file"):
            file = os.path.join(directory, entry["file"])
            if not os.path.exists(file):
                problems.append(f"{entry['file']} recorded but missing")
            elif os.path.getsize(file) != entry.get("bytes"):
                problems.append(f"{entry['file']} is {os.path.getsize(file)} bytes, {entry.get('bytes')} recorded")
            elif file.endswith(".wav") and wav_problem(file):
                problems.append(f"{entry['file']}: {wav_problem(file)}")
    return problems


def run_hostile(fuzzer, rng, mode, htmls):
    work = fuzzer.work
    article = os.path.join(work, "short.txt")
    with open(article, "w") as f:
        f.write(SHORT)
    out_dir = os.path.join(work, "out")
    os.makedirs(out_dir, exist_ok=True)
    wav = os.path.join(work, "short.wav")
    if not os.path.exists(wav):
        subprocess.run([fuzzer.binary, article, "-o", wav], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if mode == "streams":
        feed = os.path.join(work, "streams-feed.json")
        with open(feed, "wb") as f:
            f.write(b"{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [{\"id\": \"s\", \"content_text\": \"Un texte.\"}]}")
        feed_dir = os.path.join(out_dir, "streams-feed")
        fuzzer.run_shell(mode, stream_case(rng, fuzzer.binary, article, wav, feed, feed_dir), FEED_ALLOWED)
        subprocess.run(["rm", "-rf", feed_dir])
    elif mode == "options":
        args = option_case(rng, article, out_dir)
        preset = os.path.join(work, "preset.json")
        with open(preset, "wb") as f:
            f.write(absurd_preset(rng))
        feed = os.path.join(work, "options-feed.json")
        with open(feed, "wb") as f:
            f.write(b"{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [" + b",".join(
                b"{\"id\": \"o%d\", \"content_text\": \"Un texte.\"}" % i for i in range(4)) + b"]}")
        args = [a.replace("{preset}", preset).replace("{feed}", feed) for a in args]
        fuzzer.run(mode, args, b"", allowed=FEED_ALLOWED, feed_dir="feed")
    elif mode == "pages":
        data, command = page_case(rng, htmls)
        if command == ["read"]:
            fuzzer.run(mode, ["{in}", "-o", "{outdir}/out.wav"], data, wav=True)
        else:
            fuzzer.run(mode, command + ["{in}"], data)
    elif mode == "feed":
        fuzzer.run(mode, ["feed", "{in}", "-d", "{outdir}/feed", "--format", "wav", "--jobs", "2"], feed_case(rng),
                   allowed=FEED_ALLOWED, feed_dir="feed")
    elif mode == "http":
        if fuzzer.server is None:
            fuzzer.server = HostileServer()
        path = rng.choice(["/bomb", "/file", "/nolocation301", "/nolocation302", "/nolocation307", "/loop", "/slow",
                           "/article-bomb"])
        extra = ["--timeout", "2"] if path == "/slow" else []
        if path == "/article-bomb":
            extra += ["--fetch-articles"]
        fuzzer.run(mode, ["feed", fuzzer.server.url(path), "-d", "{outdir}/feed", "--format", "wav", "--max-size", "1"] + extra,
                   b"", allowed=FEED_ALLOWED, feed_dir="feed", forbid_stdout=b"LEAKED")
    elif mode == "kill":
        fuzzer.kill_run(rng)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "ecouter"))
    parser.add_argument("--modes", default="text,html,sentences,sentences-lines,normalize,normalize-lines,phonemes-lines,read")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=50, help="inputs per mode")
    parser.add_argument("--timeout", type=int, default=20)
    parser.add_argument("--keep", default="/tmp/ecouter-fuzz-failures")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    htmls = fixtures(".html")
    texts = fixtures(".txt")
    fuzzer = Fuzzer(args.binary, args.keep, args.timeout)
    modes = args.modes.split(",")
    for i in range(args.count):
        for mode in modes:
            if mode == "text":
                fuzzer.run(mode, ["text", "{in}"], extraction_input(rng, htmls, texts, mode))
            elif mode == "html":
                fuzzer.run(mode, ["text", "--input-format", "html", "{in}"], extraction_input(rng, htmls, texts, mode))
            elif mode == "sentences":
                fuzzer.run(mode, ["sentences", "{in}"], normalizer_input(rng, False))
            elif mode == "sentences-lines":
                fuzzer.run(mode, ["sentences", "--lines", "{in}"], normalizer_input(rng, True), check_lines=True)
            elif mode == "normalize":
                fuzzer.run(mode, ["normalize", "{in}"], normalizer_input(rng, False))
            elif mode == "normalize-lines":
                fuzzer.run(mode, ["normalize", "--lines", "{in}"], normalizer_input(rng, True), check_lines=True)
            elif mode == "phonemes-lines":
                fuzzer.run(mode, ["phonemes", "--lines", "{in}"], normalizer_input(rng, True), check_lines=True)
            elif mode == "read":
                fuzzer.run(mode, ["{in}", "-o", "{outdir}/out.wav"], read_text(rng), wav=True)
            elif mode in ("streams", "options", "pages", "feed", "http", "kill"):
                run_hostile(fuzzer, rng, mode, htmls)
        if (i + 1) % 10 == 0:
            print(f"... {i + 1} rounds, {len(fuzzer.failures)} failures", flush=True)
    print("inputs per mode:", fuzzer.counts)
    print("slowest run per mode (seconds, input bytes):",
          {m: (round(t, 2), n) for m, (t, n) in fuzzer.slowest.items()})
    print("exit statuses per mode:", {m: dict(sorted(c.items())) for m, c in fuzzer.statuses.items()})
    print(f"{len(fuzzer.failures)} failures")
    return 1 if fuzzer.failures else 0


if __name__ == "__main__":
    sys.exit(main())
