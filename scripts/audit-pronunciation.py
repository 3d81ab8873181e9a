#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Finds what eSpeak NG mispronounces in correctly written French, family by family.

Each family is a set of correct spellings with the phonemes a French news reader would say. They are
run through `ecouter phonemes --lines -` (the pronunciation repairs and the shipped lexicon applied),
or with --raw through eSpeak NG alone (../shared/eval/phon.py, imported at run time), and every
spelling whose sound differs is printed. Sounds are compared as the evaluator does: stress, pauses,
word gaps and eSpeak NG's liaison mark "2" ignored.

Families:
  numbers     every cardinal 0..1000 and the scale words, spelled out
  liaison     numbers before vowel-initial nouns ("cent euros", "vingt heures", "deux ans")
  expansions  words the normalizer produces that eSpeak NG reads wrongly (et cetera, confer, Insee)
  switches    a French word list: no word may switch to eSpeak NG's English voice, "(en)"
  elisions    the same list's vowel- and h-initial words after d', l' and qu' (« qu'homme »)
  lexicon     every entry of voices/lexicons/*.tsv must be read as French (or as its [[phonemes]])

Usage:
  scripts/audit-pronunciation.py [--ecouter .build/release/ecouter] [--raw] [--family NAME]...
      [--words FILE] [--show N]
Exit status 1 when any family has a mismatch.
"""
import argparse, os, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_WORDS = os.path.join(ROOT, "Tests/EcouterTests/Fixtures/french_words.txt")

# ---- numbers, spelled the 1990 way (hyphens everywhere but around "et"), with their sound ----

UNITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
         "onze", "douze", "treize", "quatorze", "quinze", "seize"]
# Sound of each unit said alone (or at the end of a number).
UNIT_SOUND = ["zero", "W~", "dY", "trwa", "katr", "sE~k", "sis", "sEt", "yit", "nWf", "dis",
              "O~z", "duz", "trEz", "katOrz", "kE~z", "sEz"]
# Before a consonant inside a number ("six cents", "huit cents", "dix mille"): final consonant dropped
# (cinq: the traditional [sE~ sA~] that eSpeak NG says; [sE~k sA~] is heard too).
UNIT_BEFORE_CONSONANT = {5: "sE~", 6: "si", 8: "yi", 10: "di"}
TENS = {20: ("vingt", "vE~"), 30: ("trente", "trA~t"), 40: ("quarante", "karA~t"),
        50: ("cinquante", "sE~kA~t"), 60: ("soixante", "swasA~t")}


def below_100(n):
    """(spelling, sound) of 0 <= n < 100."""
    if n <= 16:
        return UNITS[n], UNIT_SOUND[n]
    if n < 20:
        w, s = below_100(n - 10)
        # dix-sept is [disEt]: one s, not two.
        return "dix-" + w, {17: "disEt", 18: "dizyit", 19: "diznWf"}[n]
    if n < 70:
        tw, ts = TENS[n // 10 * 10]
        u = n % 10
        if u == 0:
            return tw, ts
        if u == 1:
            return tw + " et un", ts + ("t" if n == 21 else "") + "eW~"
        w, s = below_100(u)
        # The t of vingt sounds in vingt-deux … vingt-neuf.
        return tw + "-" + w, ts + ("t" if n // 10 == 2 else "") + s
    if n < 80:
        if n == 71:
            return "soixante et onze", "swasA~teO~z"
        w, s = below_100(n - 60)
        return "soixante-" + w, "swasA~t" + s
    if n == 80:
        return "quatre-vingts", "katrvE~"
    w, s = below_100(n - 80)
    # Never a t after quatre-vingt: quatre-vingt-un, quatre-vingt-deux, quatre-vingt-onze.
    return "quatre-vingt-" + w, "katrvE~" + s


def below_1001(n):
    if n == 1000:
        return "mille", "mil"
    if n < 100:
        return below_100(n)
    h, rest = divmod(n, 100)
    if h == 1:
        head_w, head_s = "cent", "sA~"
    else:
        hw, hs = below_100(h)
        head_w = hw + ("-cents" if rest == 0 else "-cent")
        head_s = UNIT_BEFORE_CONSONANT.get(h, hs) + "sA~"
    if h == 5:
        alternatives = [head_s, "sE~ksA~"]
    heads = alternatives if h == 5 else [head_s]
    if rest == 0:
        return head_w, "|".join(heads)
    w, s = below_100(rest)
    return head_w + "-" + w, "|".join(x + s for x in heads)


def numbers():
    cases = [below_1001(n) for n in range(1001)]
    cases += [("un million", "W~miljO~"), ("deux millions", "dYmiljO~"), ("un milliard", "W~miljar"),
              ("trois milliards", "trwamiljar"), ("dix mille", "dimil"), ("six mille", "simil"),
              ("huit mille", "yimil"), ("vingt mille", "vE~mil"), ("cent mille", "sA~mil"),
              ("quatre-vingt mille", "katrvE~mil"), ("quatre-vingt-deux mille", "katrvE~dYmil")]
    return cases


# ---- liaisons: number + vowel-initial noun ----

MASCULINE_NOUNS = ["ans", "euros", "enfants", "habitants", "hommes", "élèves", "otages", "étudiants",
                   "hectares", "immeubles", "avions", "emplois"]
FEMININE_NOUNS = ["heures", "années", "images", "usines", "entreprises", "élections", "œuvres"]
# (spelling, sound before a vowel, liaison consonant, takes the noun's gender into account)
LIAISON_NUMBERS = [
    ("deux", "dY", "z"), ("trois", "trwa", "z"), ("six", "si", "z"), ("dix", "di", "z"),
    ("vingt", "vE~", "t"), ("cent", "sA~", "t"), ("cinq", "sE~k", ""), ("sept", "sEt", ""),
    ("huit", "yit", ""), ("quatre-vingts", "katrvE~", "z"), ("deux cents", "dYsA~", "z"),
    ("trente", "trA~t", ""), ("mille", "mil", ""), ("vingt-deux", "vE~tdY", "z"),
    ("quatre-vingt-deux", "katrvE~dY", "z"), ("cent vingt", "sA~vE~", "t"), ("mille cent", "milsA~", "t"),
]


def liaison(noun_sound):
    cases = []
    for noun in MASCULINE_NOUNS + FEMININE_NOUNS:
        for w, s, z in LIAISON_NUMBERS:
            cases.append((f"{w} {noun}", s + z + noun_sound[noun]))
        # neuf: v before ans and heures only.
        cases.append((f"neuf {noun}", "nW" + ("v" if noun in ("ans", "heures") else "f") + noun_sound[noun]))
    for noun in MASCULINE_NOUNS:
        cases.append((f"un {noun}", "W~n" + noun_sound[noun]))
        cases.append((f"vingt et un {noun}", "vE~teW~n" + noun_sound[noun]))
    for noun in FEMININE_NOUNS:
        cases.append((f"une {noun}", "yn" + noun_sound[noun]))
    # Never linked: a number word after cent, an aspirated h, "pour cent".
    cases += [("cent un", "sA~W~"), ("cent onze", "sA~O~z"), ("cent huit", "sA~yit"),
              ("cent hérissons", "sA~erisO~"), ("vingt hauts fourneaux", "vE~ofurno"),
              ("trois pour cent ont voté", "trwapursA~O~vote")]
    return cases


# ---- expansions the normalizer produces, with the sound a news reader says ----

EXPANSIONS = [
    ("et cetera", "Etsetera"), ("confer", "kO~fEr"), ("Insee", "E~se"), ("l'Insee", "lE~se"),
    ("hashtag", "aStag"), ("hashtags", "aStag"), ("nota bene", "notabene"), ("post-scriptum", "pOstskriptOm"),
    ("ibidem", "ibidEm"), ("idem", "idEm"), ("versus", "vErsys"), ("et al.", "Etal"),
    ("page", "paZ"), ("article", "artikl"), ("kilowattheure", "kilowatWr"),
]

STRIP = re.compile(r"[\s'’,_:!|=\-2]+")


def canon(ph):
    return STRIP.sub("", ph)


def phonemize(lines, ecouter, raw):
    if raw:
        sys.path.insert(0, os.path.join(ROOT, "..", "shared", "eval"))
        from phon import phonemes  # the evaluator's own phonemizer, not a copy
        return [phonemes(line) for line in lines]
    p = subprocess.run([ecouter, "phonemes", "--lines", "-"], input="\n".join(lines) + "\n",
                       capture_output=True, text=True, timeout=1200)
    if p.returncode != 0:
        sys.exit(f"ecouter phonemes failed ({p.returncode}): {p.stderr[-500:]}")
    out = p.stdout.split("\n")[: len(lines)]
    if len(out) != len(lines):
        sys.exit(f"ecouter printed {len(out)} lines for {len(lines)}")
    return out


def lexicon_entries():
    entries = []
    for name in sorted(os.listdir(os.path.join(ROOT, "voices/lexicons"))):
        if not name.endswith(".tsv"):
            continue
        for line in open(os.path.join(ROOT, "voices/lexicons", name), encoding="utf-8"):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            written, spoken = line.split("\t")
            entries.append((written, spoken))
    return entries


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ecouter", default=os.path.join(ROOT, ".build/release/ecouter"))
    ap.add_argument("--raw", action="store_true", help="eSpeak NG alone, no repair, no lexicon")
    ap.add_argument("--family", action="append", choices=["numbers", "liaison", "expansions", "switches", "elisions", "lexicon"])
    ap.add_argument("--words", default=DEFAULT_WORDS, help="word list for the switches family, one a line")
    ap.add_argument("--show", type=int, default=30, help="mismatches printed per family")
    a = ap.parse_args()
    families = a.family or ["numbers", "liaison", "expansions", "switches", "elisions", "lexicon"]
    run = lambda lines: phonemize(lines, a.ecouter, a.raw)
    failed = False

    def report(name, cases, got):
        nonlocal failed
        # An expected sound may list alternatives, "a|b".
        bad = [(w, e, g) for (w, e), g in zip(cases, got) if canon(g) not in e.split("|")]
        failed |= bool(bad)
        print(f"{name:11s} {len(cases) - len(bad):5d}/{len(cases):<5d} right")
        for w, e, g in bad[: a.show]:
            print(f"    {w:32s} expected {e:22s} got {g}")

    if "numbers" in families:
        cases = numbers()
        report("numbers", cases, run([w for w, _ in cases]))
    if "liaison" in families:
        nouns = MASCULINE_NOUNS + FEMININE_NOUNS
        # The noun alone, from eSpeak NG itself (these common nouns it reads right).
        sounds = dict(zip(nouns, (canon(p) for p in phonemize(nouns, a.ecouter, True))))
        cases = liaison(sounds)
        report("liaison", cases, run([w for w, _ in cases]))
    if "expansions" in families:
        report("expansions", EXPANSIONS, run([w for w, _ in EXPANSIONS]))
    if "switches" in families:
        words = [w.strip() for w in open(a.words, encoding="utf-8") if w.strip() and not w.startswith("#")]
        got = run(words)
        bad = [(w, g) for w, g in zip(words, got) if "(en)" in g]
        failed |= bool(bad)
        print(f"switches    {len(words) - len(bad):5d}/{len(words):<5d} stay French")
        for w, g in bad[: a.show]:
            print(f"    {w:32s} {g}")
    if "elisions" in families:
        words = [w.strip() for w in open(a.words, encoding="utf-8") if w.strip() and not w.startswith("#")]
        elided = [p + w for w in words if w[0].lower() in "aeiouyéèêàâîôûœh" and "'" not in w and not w[0].isupper()
                  for p in ("d'", "l'", "qu'")]
        got = run(elided)
        bad = [(w, g) for w, g in zip(elided, got) if "(en)" in g]
        failed |= bool(bad)
        print(f"elisions    {len(elided) - len(bad):5d}/{len(elided):<5d} stay French")
        for w, g in bad[: a.show]:
            print(f"    {w:32s} {g}")
    if "lexicon" in families and not a.raw:
        entries = lexicon_entries()
        got = run([w for w, _ in entries])
        bad = []
        for (w, s), g in zip(entries, got):
            if s.startswith("[[") and s.endswith("]]"):
                if canon(g) != canon(s[2:-2]):
                    bad.append((w, g))
            elif "(en)" in g:
                bad.append((w, g))
        failed |= bool(bad)
        print(f"lexicon     {len(entries) - len(bad):5d}/{len(entries):<5d} read as French or as written")
        for w, g in bad[: a.show]:
            print(f"    {w:32s} {g}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
