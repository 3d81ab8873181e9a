#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check ecouter's numbers against an independent speller: num2words' French, compared by sound.

Cardinals, ordinals and years from 0 to 10^9 are sampled (seeded, log-uniform so every order of
magnitude is as well covered, plus the edge values where French spelling changes), written the way
a news text writes them ("1 234 567", "21e", "en 1984"), read by `ecouter normalize --lines`, and
both readings are turned into eSpeak NG phonemes with ../shared/eval/phon.py. Two readings that
would sound the same agree, whatever their hyphens.

num2words (pin: 0.5.14) has a few French ordinal mistakes of its own; a disagreement where its
spelling shows one is counted apart as `oracle error`, not as ecouter's:
  - a plural s kept before -ième ("quatre-vingtsième", "deux centsième", "deux millionsième"),
  - "un" kept before millionième/milliardième ("un millionième" for 1 000 000e).

Families built on the same speller are checked too, each reading composed from num2words' words:
counts of a feminine noun ("21 pages" → "vingt et une pages"), percentages, euros, clock times
("14h05" → "quatorze heures cinq") and phone numbers read in pairs.

Usage:
  python3 scripts/number-oracle.py [--ecouter .build/release/ecouter] [--count 3000] [--seed 8]
Exit status: 0 when every disagreement is an oracle error, 1 otherwise, 2 when a tool is missing.
"""
import argparse, os, random, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED_EVAL = os.path.join(os.path.dirname(ROOT), "shared", "eval")


def load_tools():
    try:
        from num2words import num2words
    except ImportError:
        print("number-oracle: num2words is missing (pip install num2words==0.5.14)", file=sys.stderr)
        sys.exit(2)
    if not os.path.exists(os.path.join(SHARED_EVAL, "phon.py")):
        print(f"number-oracle: {SHARED_EVAL}/phon.py is missing (the shared evaluators)", file=sys.stderr)
        sys.exit(2)
    sys.path.insert(0, SHARED_EVAL)
    import phon
    return num2words, phon


def grouped(n):
    """1234567 -> "1 234 567", the way French news writes it."""
    return f"{n:,}".replace(",", " ")


def sample_values(rng, count, low, high):
    """Log-uniform integers in [low, high], edge values first, no repeats."""
    edges = [0, 1, 2, 10, 11, 16, 17, 20, 21, 22, 30, 31, 60, 61, 70, 71, 72, 79, 80, 81, 89, 90, 91, 99,
             100, 101, 180, 200, 201, 280, 300, 999, 1000, 1001, 1080, 2000, 2080, 21000, 80000, 81000,
             100000, 200000, 280000, 999999, 1000000, 1000001, 2000000, 21000000, 80000000, 200000000,
             999999999, 1000000000]
    values = [v for v in edges if low <= v <= high]
    seen = set(values)
    span = max(high, 1)
    while len(values) < count + len([v for v in edges if low <= v <= high]):
        exponent = rng.uniform(0, len(str(span)))
        v = min(high, max(low, int(10 ** exponent) + rng.randrange(10)))
        if v not in seen:
            seen.add(v)
            values.append(v)
    return values


ORACLE_ERROR = re.compile(r"(vingts|cents|millions|milliards)ième|^un (millionième|milliardième)")


def cases(num2words, rng, count):
    """(kind, written, num2words' reading) triples."""
    out = []
    for v in sample_values(rng, count, 0, 10 ** 9):
        out.append(("cardinal", grouped(v), num2words(v, lang="fr")))
    for v in sample_values(rng, count // 3, 1, 10 ** 9):
        written = "1er" if v == 1 else grouped(v) + "e"
        out.append(("ordinal", written, num2words(v, lang="fr", to="ordinal")))
    for v in sample_values(rng, count // 6, 1000, 2100):
        out.append(("year", f"en {v}", "en " + num2words(v, lang="fr", to="year")))
    return out


def feminine(words):
    """num2words' masculine final "un" made feminine: "vingt et un" → "vingt et une"."""
    if words == "un" or words.endswith(" un") or words.endswith("-un"):
        return words + "e"
    return words


def families(num2words, rng, count):
    """(kind, written, reading) for numbers inside news phrases."""
    fr = lambda v: num2words(v, lang="fr")
    out = []
    for _ in range(count):
        v = rng.choice([rng.randrange(1, 100), rng.randrange(100, 10000), rng.randrange(10000, 999999)])
        out.append(("feminine", f"{grouped(v)} pages", feminine(fr(v)) + (" page" if v == 1 else " pages")))
        p = rng.randrange(0, 101)
        out.append(("percent", f"{p} %", fr(p) + " pour cent"))
        e = rng.randrange(2, 100000)
        out.append(("money", f"{grouped(e)} €", fr(e) + " euros"))
        h, m = rng.randrange(0, 24), rng.randrange(1, 60)
        hours = feminine(fr(h)) + (" heure" if h < 2 else " heures")
        out.append(("time", f"{h}h{m:02d}", hours + " " + feminine(fr(m))))
        pairs = [rng.randrange(1, 10)] + [rng.randrange(0, 100) for _ in range(4)]
        written = "0" + str(pairs[0]) + "".join(f" {x:02d}" for x in pairs[1:])
        said = ["zéro " + fr(pairs[0])] + [("zéro " + fr(x)) if x < 10 else fr(x) for x in pairs[1:]]
        out.append(("phone", written, " ".join(said)))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ecouter", default=os.path.join(ROOT, ".build", "release", "ecouter"))
    ap.add_argument("--count", type=int, default=3000, help="cardinals sampled (ordinals: a third, years: a sixth)")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--show", type=int, default=40, help="disagreements printed")
    a = ap.parse_args()

    num2words, phon = load_tools()
    if not os.access(a.ecouter, os.X_OK):
        print(f"number-oracle: no executable at {a.ecouter} (swift build -c release)", file=sys.stderr)
        return 2
    rng = random.Random(a.seed)
    todo = cases(num2words, rng, a.count) + families(num2words, rng, a.count // 6)
    p = subprocess.run([a.ecouter, "normalize", "--lines"], input="\n".join(w for _, w, _ in todo) + "\n",
                       capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        print(f"number-oracle: ecouter failed: {p.stderr.strip()[-500:]}", file=sys.stderr)
        return 2
    spoken = p.stdout.split("\n")[: len(todo)]
    if len(spoken) != len(todo):
        print(f"number-oracle: ecouter printed {len(spoken)} lines for {len(todo)}", file=sys.stderr)
        return 2

    ours, oracle_errors, per_kind = [], [], {}
    for (kind, written, gold), said in zip(todo, spoken):
        total, bad = per_kind.get(kind, (0, 0))
        if phon.canon(phon.phonemes(said)) == phon.canon(phon.phonemes(gold)):
            per_kind[kind] = (total + 1, bad)
            continue
        per_kind[kind] = (total + 1, bad + 1)
        (oracle_errors if ORACLE_ERROR.search(gold) else ours).append((kind, written, said, gold))

    for kind, (total, bad) in sorted(per_kind.items()):
        print(f"{kind:9} {total:5} sampled, {bad:4} disagree")
    print(f"oracle errors (num2words' own French mistakes, see the header): {len(oracle_errors)}")
    for kind, written, said, gold in oracle_errors[:5]:
        print(f"  {kind:9} {written!r}: ecouter «{said}», num2words «{gold}»")
    print(f"disagreements to look at: {len(ours)}")
    for kind, written, said, gold in ours[: a.show]:
        print(f"  {kind:9} {written!r}: ecouter «{said}», num2words «{gold}»")
    return 1 if ours else 0


if __name__ == "__main__":
    sys.exit(main())
