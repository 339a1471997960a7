/* A second translation unit that includes smtp_codes.h without SMTP_CODES_IMPLEMENTATION: it must compile on the
 * declarations alone and link against the one implementation in test_smtp_codes.c. */
#include "smtp_codes.h"
#include "units.h"

const struct smtp_basic_info *second_unit_basic_lookup(int code) {
    return smtp_basic_lookup(code);
}

const struct smtp_vendor_info *second_unit_vendor_at(size_t i) {
    return smtp_vendor_at(i);
}

int second_unit_parse(const char *text, size_t len, struct smtp_enhanced_code *out) {
    return smtp_enhanced_parse(text, len, out);
}

int second_unit_classify(const char *text, size_t len, struct smtp_classification *out) {
    return smtp_classify(text, len, out);
}

/* The constant expands the same way in every unit. */
long second_unit_enhanced_constant(void) {
    return SMTP_ENHANCED_PERMANENT_BAD_DESTINATION_MAILBOX_ADDRESS;
}
