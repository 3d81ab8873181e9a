#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints what trafilatura (the reference Python extractor) would give a listener for an HTML page:
its title, a blank line, then its main text. Used side by side with `ecouter text` by eval-extract.sh."""
import sys

import trafilatura

html = open(sys.argv[1], "rb").read()
text = trafilatura.extract(html, include_comments=False, include_tables=True) or ""
meta = trafilatura.extract_metadata(html)
title = meta.title if meta is not None and meta.title else ""
print((title + "\n\n" + text).strip())
