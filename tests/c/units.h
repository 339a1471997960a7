/* The other translation units of the C test program, as seen from tests/c/test_smtp_codes.c. */
#ifndef SMTP_CODES_TEST_UNITS_H
#define SMTP_CODES_TEST_UNITS_H

#include "smtp_codes.h"

/* second_unit.c: includes the header without SMTP_CODES_IMPLEMENTATION and links against the main unit. */
const struct smtp_basic_info *second_unit_basic_lookup(int code);
const struct smtp_vendor_info *second_unit_vendor_at(size_t i);
int second_unit_parse(const char *text, size_t len, struct smtp_enhanced_code *out);
long second_unit_enhanced_constant(void);
int second_unit_classify(const char *text, size_t len, struct smtp_classification *out);

/* static_unit.c: defines SMTP_CODES_STATIC and so has its own private copy of the tables and functions. */
const struct smtp_basic_info *static_unit_basic_lookup(int code);
size_t static_unit_basic_count(void);
int static_unit_parse(const char *text, size_t len, struct smtp_enhanced_code *out);
int static_unit_classify(const char *text, size_t len, struct smtp_classification *out);

#endif
