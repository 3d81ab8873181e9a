// libxml2 (Debian: libxml2-dev): its HTML parser for pages, its XML parser for feeds.
#ifndef ECOUTER_CLIBXML2_SHIM_H
#define ECOUTER_CLIBXML2_SHIM_H
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlstring.h>
#endif
