#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Real-world check against trafilatura's own test pages (mostly German and English news and blogs).

Its tests/evaldata.json lists, per cached page, snippets that must appear ("with") and must not
("without") in the extracted text. We report the share of "with" snippets found (recall-like)
and of "without" snippets absent (precision-like). The pages are not ours: point this script at a
checkout of https://github.com/adbar/trafilatura (its tests/ folder); nothing is copied here.
  python3 scripts/eval-extract-snippets.py PATH/TO/trafilatura/tests ".build/release/ecouter text --input-format html {}"
  python3 scripts/eval-extract-snippets.py PATH/TO/trafilatura/tests "python3 scripts/trafilatura-text.py {}"
Add --show to list pages with a missing or unwanted snippet.
Note: trafilatura's expectations keep comments and embedded posts, which ecouter leaves out by design.
"""
import json, os, re, shlex, subprocess, sys

def norm(s):
    return re.sub(r"\s+", " ", s).strip()

def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    tests, command, show = sys.argv[1], sys.argv[2], "--show" in sys.argv
    data = json.load(open(os.path.join(tests, "evaldata.json"), encoding="utf-8"))
    found = wanted = absent = unwanted = pages = errors = 0
    for entry in data.values():
        path = os.path.join(tests, "cache", entry["file"])
        if not os.path.exists(path):
            continue
        pages += 1
        run = subprocess.run(command.replace("{}", shlex.quote(path)), shell=True, capture_output=True, text=True, timeout=120)
        errors += run.returncode != 0
        out = norm(run.stdout) if run.returncode == 0 else ""
        missing = [s for s in entry.get("with", []) if norm(s) not in out]
        present = [s for s in entry.get("without", []) if norm(s) in out]
        found += len(entry.get("with", [])) - len(missing); wanted += len(entry.get("with", []))
        absent += len(entry.get("without", [])) - len(present); unwanted += len(entry.get("without", []))
        if show and (missing or present):
            print(f"  {entry['file']}: missing {missing[:3]} unwanted {present[:3]}")
    print(f"snippets pages={pages} errors={errors} with-found={found}/{wanted} ({found / max(wanted, 1):.3f}) "
          f"without-absent={absent}/{unwanted} ({absent / max(unwanted, 1):.3f})")

if __name__ == "__main__":
    main()
