#ifndef PROSEGRAPH_CLIBXML2_SHIM_H
#define PROSEGRAPH_CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU, and libxml/encoding.h then includes the
// system ICU headers, whose UErrorCode clashes with Foundation's own ICU module
// on clean debug builds. Nothing here needs the ICU parts of libxml2's API, so
// the switch is turned off before any other libxml header is read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlsave.h>
#include <libxml/catalog.h>
#include <libxml/xmlIO.h>
#include <libxml/uri.h>
#include <libxml/SAX2.h>

// xmlFree is a global function-pointer variable, which Swift 6 rejects as shared
// mutable state; this wrapper is a plain function.
static inline void prosegraph_xml_free(void *p) { xmlFree(p); }

#endif
