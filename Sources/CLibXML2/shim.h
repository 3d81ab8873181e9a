// libxml2 (Debian: libxml2-dev): its HTML parser for pages, its XML parser for feeds.
#ifndef ECOUTER_CLIBXML2_SHIM_H
#define ECOUTER_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, so its headers pull in the system's <unicode/*.h>. Swift's
// Foundation carries its own ICU headers with other definitions of the same types, and a Swift
// file (or compile batch) that sees both fails ("UErrorCode has different definitions"). Nothing
// here uses libxml2's ICU fields: they only sit at the end of the encoding handler struct, which
// we handle through pointers and never allocate.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlstring.h>
#endif
