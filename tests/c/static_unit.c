/* A translation unit that defines SMTP_CODES_STATIC: it gets its own private copy of every table and function,
 * which must not clash with the public ones the main unit defines, and must not warn about the functions it does
 * not use. */
#define SMTP_CODES_STATIC
#include "smtp_codes.h"
#include "units.h"

const struct smtp_basic_info *static_unit_basic_lookup(int code) {
    return smtp_basic_lookup(code);
}

size_t static_unit_basic_count(void) {
    return smtp_basic_count();
}

int static_unit_parse(const char *text, size_t len, struct smtp_enhanced_code *out) {
    return smtp_enhanced_parse(text, len, out);
}

int static_unit_classify(const char *text, size_t len, struct smtp_classification *out) {
    return smtp_classify(text, len, out);
}
