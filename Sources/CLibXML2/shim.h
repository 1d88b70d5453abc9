#ifndef BAYYINA_CLIBXML2_SHIM_H
#define BAYYINA_CLIBXML2_SHIM_H

/* Debian's libxml2 headers include the system ICU, whose module clashes with
   Foundation's own ICU on clean builds. Keep ICU's converter header out. */
#define UCNV_H
struct UConverter;
typedef struct UConverter UConverter;
typedef unsigned short UChar;

#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* xmlFree is a mutable global function pointer: call it through a function. */
static inline void bayyina_xml_free(void *pointer) { xmlFree(pointer); }

static void bayyina_xml_silent_error(void *context, const char *message, ...) {
    (void)context; (void)message;
}
static void bayyina_xml_silent_structured_error(void *context, xmlErrorPtr error) {
    (void)context; (void)error;
}

static xmlParserInputPtr bayyina_xml_refuse_entity(const char *url, const char *id,
                                                   xmlParserCtxtPtr context) {
    (void)url; (void)id; (void)context;
    return NULL;
}

/* Silences libxml2's error output and refuses every external entity or DTD load. */
static inline void bayyina_xml_harden(void) {
    xmlSetGenericErrorFunc(NULL, bayyina_xml_silent_error);
    xmlSetStructuredErrorFunc(NULL, bayyina_xml_silent_structured_error);
    xmlSetExternalEntityLoader(bayyina_xml_refuse_entity);
}
#endif
