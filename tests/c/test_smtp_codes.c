/* Tests of generated/c/smtp_codes.h: every public function, checked against the header's own tables (read at run
 * time) and against facts that hold for any catalogue built from catalogue.yaml.
 *
 * `cargo xtask test` compiles every .c file of this folder into one program, as C99 and as C++11, warning-free, plain
 * and under ASan/UBSan. This unit holds the implementation; second_unit.c links against it and static_unit.c has its
 * own SMTP_CODES_STATIC copy. Prints "N passed, M failed" and exits 1 on any failure. */
#define SMTP_CODES_IMPLEMENTATION
#include "smtp_codes.h"
#include "units.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

static int passed;
static int failed;
/* What the current loop is looking at, printed with a failure. */
static char context[200];

#define CHECK(condition) check((condition) ? 1 : 0, #condition, __LINE__)

static void check(int ok, const char *what, int line) {
    if (ok) {
        passed++;
        return;
    }
    failed++;
    fprintf(stderr, "test_smtp_codes.c:%d: %s%s%s\n", line, context, context[0] != '\0' ? ": " : "", what);
}

static void set_context(const char *kind, const char *id, long number) {
    snprintf(context, sizeof context, "%.20s %.120s %ld", kind, id != NULL ? id : "", number);
}

/* Both NULL, or both strings and equal. */
static int same(const char *a, const char *b) {
    return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static int nonempty(const char *s) {
    return s != NULL && s[0] != '\0';
}

/* Well-formed UTF-8 (what c_str's octal escapes must give back). */
static int valid_utf8(const char *s) {
    const unsigned char *p = (const unsigned char *)s;
    while (*p != 0) {
        int extra;
        if (*p < 0x80) {
            extra = 0;
        } else if (*p >= 0xc2 && *p <= 0xdf) {
            extra = 1;
        } else if (*p >= 0xe0 && *p <= 0xef) {
            extra = 2;
        } else if (*p >= 0xf0 && *p <= 0xf4) {
            extra = 3;
        } else {
            return 0;
        }
        p++;
        while (extra-- > 0) {
            if ((*p & 0xc0) != 0x80) {
                return 0;
            }
            p++;
        }
    }
    return 1;
}

/* NULL or a well-formed, non-empty string. */
static int optional_text(const char *s) {
    return s == NULL || (nonempty(s) && valid_utf8(s));
}

static int text(const char *s) {
    return nonempty(s) && valid_utf8(s);
}

/* SHOUTY_SNAKE: a capital letter, then capitals, digits and underscores. */
static int shouty(const char *s) {
    size_t i;
    if (s == NULL || s[0] < 'A' || s[0] > 'Z') {
        return 0;
    }
    for (i = 1; s[i] != '\0'; i++) {
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_')) {
            return 0;
        }
    }
    return 1;
}

/* A list: NULL with count 0, or a pointer with a count; every string in it well-formed. */
static int string_list(const char *const *items, size_t count) {
    size_t i;
    if ((items == NULL) != (count == 0)) {
        return 0;
    }
    for (i = 0; i < count; i++) {
        if (!text(items[i])) {
            return 0;
        }
    }
    return 1;
}

static int number_list(const int *items, size_t count) {
    return (items == NULL) == (count == 0);
}

static int in_list(const int *items, size_t count, int value) {
    size_t i;
    for (i = 0; i < count; i++) {
        if (items[i] == value) {
            return 1;
        }
    }
    return 0;
}

static int valid_class(int class_) {
    return class_ == 2 || class_ == 4 || class_ == 5;
}

/* Formats code, parses the text back, and checks both ways agree. */
static int round_trips(struct smtp_enhanced_code code) {
    char buf[SMTP_ENHANCED_FORMAT_SIZE];
    struct smtp_enhanced_code back = {0, 0, 0};
    int len = smtp_enhanced_format(code, buf, sizeof buf);
    return len > 0 && (size_t)len == strlen(buf) && smtp_enhanced_parse(buf, strlen(buf), &back) &&
           back.class_ == code.class_ && back.subject == code.subject && back.detail == code.detail;
}

static int parses(const char *s) {
    struct smtp_enhanced_code code = {-1, -1, -1};
    return smtp_enhanced_parse(s, strlen(s), &code);
}

/* Parses s and checks the result is class.subject.detail. */
static int parses_as(const char *s, int class_, int subject, int detail) {
    struct smtp_enhanced_code code = {-1, -1, -1};
    return smtp_enhanced_parse(s, strlen(s), &code) && code.class_ == class_ && code.subject == subject &&
           code.detail == detail;
}

/* A failed parse must leave *out alone. */
static int rejects(const char *s, size_t len) {
    struct smtp_enhanced_code code = {-7, -7, -7};
    return !smtp_enhanced_parse(s, len, &code) && code.class_ == -7 && code.subject == -7 && code.detail == -7;
}

static int formats_as(int class_, int subject, int detail, const char *expected) {
    struct smtp_enhanced_code code;
    char buf[SMTP_ENHANCED_FORMAT_SIZE];
    code.class_ = class_;
    code.subject = subject;
    code.detail = detail;
    return smtp_enhanced_format(code, buf, sizeof buf) == (int)strlen(expected) && strcmp(buf, expected) == 0;
}

static void test_version(void) {
    char expected[64];
    context[0] = '\0';
    snprintf(expected, sizeof expected, "%d.%d.%d", SMTP_CODES_VERSION_MAJOR, SMTP_CODES_VERSION_MINOR,
             SMTP_CODES_VERSION_PATCH);
    CHECK(strncmp(SMTP_CODES_VERSION, expected, strlen(expected)) == 0);
    CHECK(SMTP_CODES_VERSION[strlen(expected)] == '\0' || SMTP_CODES_VERSION[strlen(expected)] == '-' ||
          SMTP_CODES_VERSION[strlen(expected)] == '+');
}

static void test_basic_table(void) {
    size_t i;
    size_t count = smtp_basic_count();
    size_t found = 0;
    int code;
    int previous = 0;
    context[0] = '\0';
    CHECK(count > 0);
    CHECK(smtp_basic_at(count) == NULL);
    CHECK(smtp_basic_at((size_t)-1) == NULL);
    for (i = 0; i < count; i++) {
        const struct smtp_basic_info *b = smtp_basic_at(i);
        CHECK(b != NULL);
        if (b == NULL) {
            continue;
        }
        set_context("basic", b->name, b->code);
        CHECK(b->code >= 100 && b->code <= 999);
        CHECK(b->code > previous);
        previous = b->code;
        CHECK(smtp_basic_lookup(b->code) == b);
        CHECK(shouty(b->name));
        CHECK(smtp_status_str(b->status) != NULL);
        CHECK(optional_text(b->text));
        CHECK(text(b->meaning));
        CHECK(text(b->action));
        CHECK(b->retry == SMTP_RETRY_NONE || smtp_retry_str(b->retry) != NULL);
        if (b->code / 100 == 2 || b->code / 100 == 3) {
            CHECK(b->retry == SMTP_RETRY_NONE);
        }
        CHECK(b->reason == NULL || smtp_reason_lookup(b->reason) != NULL);
        CHECK(b->source_count > 0);
        CHECK(string_list(b->sources, b->source_count));
        if (b->status != SMTP_STATUS_NONSTANDARD) {
            /* RFC 5321 grammar: first digit 2-5, second 0-5. */
            CHECK(b->code / 100 >= 2 && b->code / 100 <= 5 && b->code / 10 % 10 <= 5);
            CHECK(smtp_reply_severity(b->code) == (enum smtp_severity)(b->code / 100));
            CHECK(smtp_reply_category(b->code) != SMTP_CATEGORY_OTHER);
        }
    }
    context[0] = '\0';
    for (code = -1; code <= 1000; code++) {
        found += smtp_basic_lookup(code) != NULL;
    }
    CHECK(found == count);
}

static void test_basic_facts(void) {
    const struct smtp_basic_info *b = smtp_basic_lookup(550);
    context[0] = '\0';
    CHECK(b != NULL);
    if (b != NULL) {
        CHECK(b->code == 550);
        CHECK(b->status == SMTP_STATUS_STANDARD);
        CHECK(b->retry == SMTP_RETRY_PERMANENT);
        CHECK(nonempty(b->text));
    }
    CHECK(smtp_basic_lookup(999) == NULL);
    CHECK(smtp_basic_lookup(0) == NULL);
    CHECK(smtp_basic_lookup(-550) == NULL);
    CHECK(smtp_basic_lookup(INT_MIN) == NULL);
    CHECK(smtp_basic_lookup(INT_MAX) == NULL);
}

static void test_severity_and_category(void) {
    context[0] = '\0';
    CHECK(smtp_reply_severity(250) == SMTP_SEVERITY_POSITIVE_COMPLETION);
    CHECK(smtp_reply_severity(354) == SMTP_SEVERITY_POSITIVE_INTERMEDIATE);
    CHECK(smtp_reply_severity(421) == SMTP_SEVERITY_TRANSIENT_NEGATIVE);
    CHECK(smtp_reply_severity(550) == SMTP_SEVERITY_PERMANENT_NEGATIVE);
    CHECK(smtp_reply_severity(101) == SMTP_SEVERITY_OTHER);
    CHECK(smtp_reply_severity(650) == SMTP_SEVERITY_OTHER);
    CHECK(smtp_reply_severity(99) == SMTP_SEVERITY_OTHER);
    CHECK(smtp_reply_severity(1000) == SMTP_SEVERITY_OTHER);
    CHECK(smtp_reply_severity(-550) == SMTP_SEVERITY_OTHER);
    CHECK(smtp_reply_severity(INT_MIN) == SMTP_SEVERITY_OTHER);
    CHECK(smtp_reply_category(500) == SMTP_CATEGORY_SYNTAX);
    CHECK(smtp_reply_category(214) == SMTP_CATEGORY_INFORMATION);
    CHECK(smtp_reply_category(421) == SMTP_CATEGORY_CONNECTIONS);
    CHECK(smtp_reply_category(530) == SMTP_CATEGORY_UNSPECIFIED);
    CHECK(smtp_reply_category(540) == SMTP_CATEGORY_UNSPECIFIED);
    CHECK(smtp_reply_category(550) == SMTP_CATEGORY_MAIL_SYSTEM);
    CHECK(smtp_reply_category(560) == SMTP_CATEGORY_OTHER);
    CHECK(smtp_reply_category(99) == SMTP_CATEGORY_OTHER);
    CHECK(smtp_reply_category(1050) == SMTP_CATEGORY_OTHER);
    CHECK(smtp_reply_category(-550) == SMTP_CATEGORY_OTHER);
    CHECK(smtp_reply_category(INT_MAX) == SMTP_CATEGORY_OTHER);
}

static void test_parse(void) {
    /* Not NUL-terminated: the parser must read exactly len bytes (ASan catches a byte more). */
    char unterminated[5];
    struct smtp_enhanced_code code = {0, 0, 0};
    unterminated[0] = '4';
    unterminated[1] = '.';
    unterminated[2] = '4';
    unterminated[3] = '.';
    unterminated[4] = '7';
    context[0] = '\0';

    CHECK(parses_as("5.7.26", 5, 7, 26));
    CHECK(parses_as("2.0.0", 2, 0, 0));
    CHECK(parses_as("4.2.2", 4, 2, 2));
    CHECK(parses_as("5.1.1", 5, 1, 1));
    CHECK(parses_as("5.999.999", 5, 999, 999));
    CHECK(parses_as("5.100.10", 5, 100, 10));
    CHECK(smtp_enhanced_parse(unterminated, sizeof unterminated, &code));
    CHECK(code.class_ == 4 && code.subject == 4 && code.detail == 7);
    CHECK(smtp_enhanced_parse("5.1.1x", 5, &code) && code.class_ == 5 && code.detail == 1);
    CHECK(smtp_enhanced_parse("5.7.26", 6, NULL));

    CHECK(rejects("5.01.1", 6));
    CHECK(rejects("5.1.01", 6));
    CHECK(rejects("5.00.1", 6));
    CHECK(rejects("3.1.1", 5));
    CHECK(rejects("1.1.1", 5));
    CHECK(rejects("X.1.1", 5));
    CHECK(rejects("5.1", 3));
    CHECK(rejects("5.1.", 4));
    CHECK(rejects("5..1", 4));
    CHECK(rejects("5.1.1x", 6));
    CHECK(rejects("5.1.1.1", 7));
    CHECK(rejects("5.1.1000", 8));
    CHECK(rejects("5.1000.1", 8));
    CHECK(rejects("55.1.1", 6));
    CHECK(rejects(" 5.1.1", 6));
    CHECK(rejects("5.1.1 ", 6));
    CHECK(rejects("5.a.1", 5));
    CHECK(rejects("5.1.a", 5));
    CHECK(rejects("5.-1.1", 6));
    CHECK(rejects("5.+1.1", 6));
    CHECK(rejects("5,1,1", 5));
    CHECK(rejects("5.1.1\0", 6));
    CHECK(rejects("5.1\0.1", 6));
    CHECK(rejects("", 0));
    CHECK(rejects("5.1.1", 0));
    CHECK(rejects("5.1.1", 4));
    CHECK(rejects(NULL, 5));
    CHECK(!parses("5.01.1") && !parses("3.1.1") && !parses("5.1") && !parses("5.1.1x"));
}

static void test_format(void) {
    char buf[SMTP_ENHANCED_FORMAT_SIZE];
    char small[6];
    struct smtp_enhanced_code code;
    int class_;
    int subject;
    int detail;
    context[0] = '\0';

    CHECK(formats_as(5, 7, 26, "5.7.26"));
    CHECK(formats_as(2, 0, 0, "2.0.0"));
    CHECK(formats_as(4, 10, 100, "4.10.100"));
    CHECK(formats_as(5, 999, 999, "5.999.999"));
    CHECK(formats_as(0, 1, 1, "X.1.1"));

    code.class_ = 5;
    code.subject = 7;
    code.detail = 26;
    CHECK(smtp_enhanced_format(code, small, 7 - 1) == 0); /* "5.7.26" needs 7 bytes */
    CHECK(small[0] == '\0');
    CHECK(smtp_enhanced_format(code, buf, 7) == 6 && strcmp(buf, "5.7.26") == 0);
    buf[0] = 'z';
    CHECK(smtp_enhanced_format(code, buf, 0) == 0 && buf[0] == 'z');
    CHECK(smtp_enhanced_format(code, NULL, 10) == 0);

    code.class_ = 3;
    CHECK(smtp_enhanced_format(code, buf, sizeof buf) == 0 && buf[0] == '\0');
    code.class_ = 6;
    CHECK(smtp_enhanced_format(code, buf, sizeof buf) == 0);
    code.class_ = -5;
    CHECK(smtp_enhanced_format(code, buf, sizeof buf) == 0);
    code.class_ = 5;
    code.subject = -1;
    CHECK(smtp_enhanced_format(code, buf, sizeof buf) == 0);
    code.subject = 1000;
    CHECK(smtp_enhanced_format(code, buf, sizeof buf) == 0);
    code.subject = 1;
    code.detail = 1000;
    CHECK(smtp_enhanced_format(code, buf, sizeof buf) == 0);
    code.detail = INT_MIN;
    CHECK(smtp_enhanced_format(code, buf, sizeof buf) == 0);

    /* Every valid code survives format and parse; counted as one check. */
    {
        int all = 1;
        for (class_ = 2; class_ <= 5; class_++) {
            if (!valid_class(class_)) {
                continue;
            }
            for (subject = 0; subject <= 999; subject++) {
                for (detail = 0; detail <= 999; detail += (subject % 97 == 0) ? 1 : 37) {
                    code.class_ = class_;
                    code.subject = subject;
                    code.detail = detail;
                    all &= round_trips(code);
                }
            }
        }
        CHECK(all);
    }
}

static void test_enhanced_long(void) {
    struct smtp_enhanced_code code = {5, 1, 1};
    struct smtp_enhanced_code back;
    int matched = 0;
    context[0] = '\0';
    CHECK(SMTP_ENHANCED(5, 1, 1) == 5001001L);
    CHECK(SMTP_ENHANCED(2, 0, 0) == 2000000L);
    CHECK(SMTP_ENHANCED(4, 999, 999) == 4999999L);
    CHECK(SMTP_ENHANCED_PERMANENT_BAD_DESTINATION_MAILBOX_ADDRESS == SMTP_ENHANCED(5, 1, 1));
    CHECK(smtp_enhanced_to_long(code) == 5001001L);
    CHECK(second_unit_enhanced_constant() == smtp_enhanced_to_long(code));
    switch (smtp_enhanced_to_long(code)) {
    case SMTP_ENHANCED_PERMANENT_BAD_DESTINATION_MAILBOX_ADDRESS:
        matched = 1;
        break;
    default:
        break;
    }
    CHECK(matched);
    back = smtp_enhanced_from_long(SMTP_ENHANCED(4, 7, 26));
    CHECK(back.class_ == 4 && back.subject == 7 && back.detail == 26);
    back = smtp_enhanced_from_long(0);
    CHECK(back.class_ == 0 && back.subject == 0 && back.detail == 0);
    back = smtp_enhanced_from_long(smtp_enhanced_to_long(code));
    CHECK(back.class_ == 5 && back.subject == 1 && back.detail == 1);
}

static void test_enhanced_table(void) {
    size_t i;
    size_t j;
    size_t count = smtp_enhanced_count();
    long previous = -1;
    context[0] = '\0';
    CHECK(count > 0);
    CHECK(smtp_enhanced_at(count) == NULL);
    CHECK(smtp_enhanced_at((size_t)-1) == NULL);
    for (i = 0; i < count; i++) {
        const struct smtp_enhanced_info *e = smtp_enhanced_at(i);
        struct smtp_enhanced_code registry;
        char buf[SMTP_ENHANCED_FORMAT_SIZE];
        CHECK(e != NULL);
        if (e == NULL) {
            continue;
        }
        set_context("enhanced", e->name, SMTP_ENHANCED(0, e->subject, e->detail));
        CHECK(e->subject >= 0 && e->subject <= 999 && e->detail >= 0 && e->detail <= 999);
        CHECK(SMTP_ENHANCED(0, e->subject, e->detail) > previous);
        previous = SMTP_ENHANCED(0, e->subject, e->detail);
        CHECK(smtp_enhanced_lookup(e->subject, e->detail) == e);
        CHECK(shouty(e->name));
        CHECK(text(e->title));
        CHECK(text(e->meaning));
        CHECK(text(e->action));
        CHECK(smtp_reason_lookup(e->reason) != NULL);
        CHECK(e->deprecated == 0 || e->deprecated == 1);
        CHECK(e->source_count > 0 && string_list(e->sources, e->source_count));
        CHECK(e->class_count > 0 && number_list(e->classes, e->class_count));
        for (j = 0; j < e->class_count; j++) {
            struct smtp_enhanced_code code;
            CHECK(valid_class(e->classes[j]));
            code.class_ = e->classes[j];
            code.subject = e->subject;
            code.detail = e->detail;
            CHECK(round_trips(code));
        }
        CHECK(number_list(e->basic, e->basic_count));
        for (j = 0; j < e->basic_count; j++) {
            CHECK(e->basic[j] >= 200 && e->basic[j] <= 599);
            CHECK(in_list(e->classes, e->class_count, e->basic[j] / 100));
        }
        registry.class_ = 0;
        registry.subject = e->subject;
        registry.detail = e->detail;
        CHECK(smtp_enhanced_format(registry, buf, sizeof buf) > 0 && buf[0] == 'X' && buf[1] == '.');
    }
    context[0] = '\0';
    CHECK(smtp_enhanced_lookup(999, 999) == NULL);
    CHECK(smtp_enhanced_lookup(-1, 0) == NULL);
    CHECK(smtp_enhanced_lookup(0, -1) == NULL);
    CHECK(smtp_enhanced_lookup(1, 1000) == NULL);
    CHECK(smtp_enhanced_lookup(0, 1001) == NULL);
    CHECK(smtp_enhanced_lookup(1, -999) == NULL);
    CHECK(smtp_enhanced_lookup(INT_MAX, INT_MAX) == NULL);
}

static void test_enhanced_facts(void) {
    const struct smtp_enhanced_info *e = smtp_enhanced_lookup(1, 1);
    const struct smtp_reason_info *r;
    struct smtp_enhanced_code code;
    context[0] = '\0';
    CHECK(e != NULL);
    if (e == NULL) {
        return;
    }
    CHECK(strcmp(e->name, "BAD_DESTINATION_MAILBOX_ADDRESS") == 0);
    CHECK(in_list(e->classes, e->class_count, 5));
    CHECK(in_list(e->basic, e->basic_count, 550));
    r = smtp_reason_lookup("userunknown");
    CHECK(r != NULL && r->bounce == SMTP_BOUNCE_HARD);
    CHECK(smtp_enhanced_parse("5.1.1", 5, &code) && smtp_enhanced_lookup(code.subject, code.detail) == e);
    CHECK(smtp_enhanced_to_long(code) == SMTP_ENHANCED_PERMANENT_BAD_DESTINATION_MAILBOX_ADDRESS);
}

static void test_reasons(void) {
    size_t i;
    size_t count = smtp_reason_count();
    const char *previous = NULL;
    context[0] = '\0';
    CHECK(count > 0);
    CHECK(smtp_reason_at(count) == NULL);
    for (i = 0; i < count; i++) {
        const struct smtp_reason_info *r = smtp_reason_at(i);
        char shorter[128];
        CHECK(r != NULL);
        if (r == NULL) {
            continue;
        }
        set_context("reason", r->id, (long)i);
        CHECK(text(r->id) && text(r->meaning));
        CHECK(previous == NULL || strcmp(previous, r->id) < 0);
        previous = r->id;
        CHECK(smtp_reason_lookup(r->id) == r);
        CHECK(r->bounce == SMTP_BOUNCE_HARD || r->bounce == SMTP_BOUNCE_SOFT);
        CHECK(smtp_bounce_str(r->bounce) != NULL);
        /* A prefix of an id is not an id (unless the catalogue has it). */
        if (strlen(r->id) < sizeof shorter) {
            const struct smtp_reason_info *prefix;
            strcpy(shorter, r->id);
            shorter[strlen(shorter) - 1] = '\0';
            prefix = smtp_reason_lookup(shorter);
            CHECK(prefix == NULL || strcmp(prefix->id, shorter) == 0);
        }
    }
    context[0] = '\0';
    CHECK(smtp_reason_lookup(NULL) == NULL);
    CHECK(smtp_reason_lookup("") == NULL);
    CHECK(smtp_reason_lookup("no-such-reason") == NULL);
    CHECK(smtp_reason_lookup("\377") == NULL);
    CHECK(smtp_reason_lookup("userunknown") != NULL);
}

static void test_entry(const struct smtp_vendor_info *v, const struct smtp_vendor_entry *e) {
    const struct smtp_reason_info *reason = smtp_reason_lookup(e->reason);
    size_t j;
    set_context(v->id, e->id, 0);
    CHECK(text(e->id));
    CHECK(strcmp(e->vendor, v->id) == 0);
    CHECK(smtp_vendor_entry_lookup(v->id, e->id) == e);
    CHECK(e->fragment != NULL || e->token != NULL);
    CHECK(optional_text(e->fragment) && optional_text(e->token));
    CHECK(string_list(e->variants, e->variant_count));
    CHECK(string_list(e->token_variants, e->token_variant_count));
    CHECK(e->has_range == 0 || e->has_range == 1);
    if (e->has_range) {
        CHECK(e->token != NULL && e->range_low <= e->range_high);
    } else {
        CHECK(e->range_low == 0 && e->range_high == 0);
    }
    CHECK(number_list(e->basic, e->basic_count));
    for (j = 0; j < e->basic_count; j++) {
        CHECK(e->basic[j] >= 100 && e->basic[j] <= 999);
    }
    CHECK((e->enhanced == NULL) == (e->enhanced_count == 0));
    for (j = 0; j < e->enhanced_count; j++) {
        CHECK(valid_class(e->enhanced[j].class_) && round_trips(e->enhanced[j]));
    }
    CHECK(text(e->meaning) && text(e->action));
    CHECK(smtp_retry_str(e->retry) != NULL);
    CHECK(smtp_bounce_str(e->bounce) != NULL);
    CHECK(reason != NULL);
    if (reason != NULL && e->bounce == SMTP_BOUNCE_HARD) {
        CHECK(reason->bounce == SMTP_BOUNCE_HARD);
    }
    CHECK(smtp_confidence_str(e->confidence) != NULL);
    CHECK(e->source_count > 0 && string_list(e->sources, e->source_count));
    CHECK(e->overrides == NULL || (valid_class(e->overrides->class_) && round_trips(*e->overrides)));
    CHECK(e->legacy == 0 || e->legacy == 1);
    CHECK(optional_text(e->first_seen) && optional_text(e->retired));
}

static void test_vendors(void) {
    size_t i;
    size_t j;
    size_t count = smtp_vendor_count();
    const char *previous = NULL;
    context[0] = '\0';
    CHECK(smtp_vendor_at(count) == NULL);
    CHECK(smtp_vendor_at((size_t)-1) == NULL);
    for (i = 0; i < count; i++) {
        const struct smtp_vendor_info *v = smtp_vendor_at(i);
        CHECK(v != NULL);
        if (v == NULL) {
            continue;
        }
        set_context("vendor", v->id, (long)i);
        CHECK(text(v->id) && text(v->name));
        CHECK(previous == NULL || strcmp(previous, v->id) < 0);
        previous = v->id;
        CHECK(smtp_vendor_lookup(v->id) == v);
        CHECK(second_unit_vendor_at(i) == v);
        CHECK(smtp_vendor_kind_str(v->kind) != NULL);
        CHECK(string_list(v->markers, v->marker_count));
        CHECK(v->source_count > 0 && string_list(v->sources, v->source_count));
        CHECK((v->entries == NULL) == (v->entry_count == 0));
        for (j = 0; j < v->entry_count; j++) {
            test_entry(v, &v->entries[j]);
        }
        set_context("vendor", v->id, (long)i);
        CHECK(smtp_vendor_entry_lookup(v->id, "no-such-entry") == NULL);
        CHECK(smtp_vendor_entry_lookup(v->id, "") == NULL);
        CHECK(smtp_vendor_entry_lookup(v->id, NULL) == NULL);
    }
    context[0] = '\0';
    CHECK(smtp_vendor_lookup(NULL) == NULL);
    CHECK(smtp_vendor_lookup("") == NULL);
    CHECK(smtp_vendor_lookup("no_such_vendor") == NULL);
    CHECK(smtp_vendor_entry_lookup(NULL, "x") == NULL);
    CHECK(smtp_vendor_entry_lookup("no_such_vendor", "x") == NULL);
}

static void test_enum_names(void) {
    context[0] = '\0';
    CHECK(same(smtp_status_str(SMTP_STATUS_STANDARD), "standard"));
    CHECK(same(smtp_status_str(SMTP_STATUS_EXPERIMENTAL), "experimental"));
    CHECK(same(smtp_status_str(SMTP_STATUS_REGISTRY_ONLY), "registry_only"));
    CHECK(same(smtp_status_str(SMTP_STATUS_NONSTANDARD), "nonstandard"));
    CHECK(same(smtp_retry_str(SMTP_RETRY_NONE), NULL));
    CHECK(same(smtp_retry_str(SMTP_RETRY_TRANSIENT), "transient"));
    CHECK(same(smtp_retry_str(SMTP_RETRY_PERMANENT), "permanent"));
    CHECK(same(smtp_bounce_str(SMTP_BOUNCE_NONE), NULL));
    CHECK(same(smtp_bounce_str(SMTP_BOUNCE_HARD), "hard"));
    CHECK(same(smtp_bounce_str(SMTP_BOUNCE_SOFT), "soft"));
    CHECK(same(smtp_confidence_str(SMTP_CONFIDENCE_DOCUMENTED), "documented"));
    CHECK(same(smtp_confidence_str(SMTP_CONFIDENCE_OBSERVED), "observed"));
    CHECK(same(smtp_confidence_str(SMTP_CONFIDENCE_DERIVED), "derived"));
    CHECK(same(smtp_confidence_str(SMTP_CONFIDENCE_FOLKLORE), "folklore"));
    CHECK(same(smtp_vendor_kind_str(SMTP_VENDOR_KIND_MAILBOX_PROVIDER), "mailbox_provider"));
    CHECK(same(smtp_vendor_kind_str(SMTP_VENDOR_KIND_MTA), "mta"));
    CHECK(same(smtp_vendor_kind_str(SMTP_VENDOR_KIND_GATEWAY), "gateway"));
    CHECK(same(smtp_vendor_kind_str(SMTP_VENDOR_KIND_ESP), "esp"));
    CHECK(same(smtp_vendor_kind_str(SMTP_VENDOR_KIND_BLOCKLIST), "blocklist"));
#ifndef __cplusplus
    /* Out-of-range values are only well-defined in C. */
    CHECK(smtp_status_str((enum smtp_status)42) == NULL);
    CHECK(smtp_retry_str((enum smtp_retry)42) == NULL);
    CHECK(smtp_bounce_str((enum smtp_bounce)42) == NULL);
    CHECK(smtp_confidence_str((enum smtp_confidence)42) == NULL);
    CHECK(smtp_vendor_kind_str((enum smtp_vendor_kind)42) == NULL);
#endif
}

static void test_other_units(void) {
    struct smtp_enhanced_code code = {0, 0, 0};
    const struct smtp_basic_info *mine = smtp_basic_lookup(550);
    const struct smtp_basic_info *copy = static_unit_basic_lookup(550);
    context[0] = '\0';
    /* The second unit shares this unit's tables. */
    CHECK(second_unit_basic_lookup(550) == mine);
    CHECK(second_unit_basic_lookup(999) == NULL);
    CHECK(second_unit_parse("4.7.1", 5, &code) && code.class_ == 4 && code.subject == 7 && code.detail == 1);
    /* The static unit has its own copy with the same facts. */
    CHECK(copy != NULL && copy != mine);
    CHECK(copy != NULL && mine != NULL && copy->code == mine->code && strcmp(copy->name, mine->name) == 0);
    CHECK(static_unit_basic_count() == smtp_basic_count());
    CHECK(static_unit_parse("5.7.26", 6, &code) && code.class_ == 5 && code.subject == 7 && code.detail == 26);
    CHECK(!static_unit_parse("5.01.1", 6, &code));
}

int main(void) {
    test_version();
    test_basic_table();
    test_basic_facts();
    test_severity_and_category();
    test_parse();
    test_format();
    test_enhanced_long();
    test_enhanced_table();
    test_enhanced_facts();
    test_reasons();
    test_vendors();
    test_enum_names();
    test_other_units();
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
