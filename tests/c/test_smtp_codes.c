/* Tests of generated/c/smtp_codes.h: every public function, checked against the header's own tables (read at run
 * time) and against facts that hold for any catalogue built from catalogue.yaml.
 *
 * `cargo xtask test` compiles every .c file of this folder into one program, as C99 and as C++11, warning-free, plain
 * and under ASan/UBSan. This unit holds the implementation; second_unit.c links against it and static_unit.c has its
 * own SMTP_CODES_STATIC copy. The reply parser and the classifier are checked against docs/parsing.md with texts
 * whose answer any catalogue implies, and with every vendor entry's own wire text. Prints "N passed, M failed" and
 * exits 1 on any failure. */
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
    CHECK(r != NULL && r->bounce == SMTP_BOUNCE_HARD && r->retry == SMTP_RETRY_PERMANENT);
    r = smtp_reason_lookup("mailboxfull");
    CHECK(r != NULL && r->retry == SMTP_RETRY_NONE);
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
        CHECK(r->retry == SMTP_RETRY_NONE || smtp_retry_str(r->retry) != NULL);
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

/* ---- the reply parser (docs/parsing.md, sections 1 to 4) ---- */

/* Parses text and checks the codes and the command; class_ 0 means "no enhanced code". */
static int reply_is(const char *text, int basic, int class_, int subject, int detail, const char *command) {
    struct smtp_reply r;
    int found = smtp_parse(text, strlen(text), &r);
    int enhanced_ok = class_ == 0 ? !r.has_enhanced && r.enhanced.class_ == 0 && r.enhanced.subject == 0 &&
                                        r.enhanced.detail == 0
                                  : r.has_enhanced && r.enhanced.class_ == class_ && r.enhanced.subject == subject &&
                                        r.enhanced.detail == detail;
    return r.basic == basic && enhanced_ok && same(r.command, command) && found == (basic != 0 || class_ != 0);
}

/* The reply text of input (n bytes) is expected, and the length smtp_parse_text reports is its length. */
static int text_is_n(const char *input, size_t n, const char *expected) {
    char buf[512];
    size_t len = smtp_parse_text(input, n, buf, sizeof buf);
    return len == strlen(expected) && strcmp(buf, expected) == 0;
}

static int text_is(const char *input, const char *expected) {
    return text_is_n(input, strlen(input), expected);
}

static int command_is(const char *text, const char *command) {
    struct smtp_reply r;
    smtp_parse(text, strlen(text), &r);
    return same(r.command, command);
}

static void test_reply_codes(void) {
    context[0] = '\0';
    CHECK(reply_is("550 5.1.1 <a@b>: Recipient address rejected", 550, 5, 1, 1, NULL));
    CHECK(reply_is("host mx.example.com[192.0.2.1] said: 550 5.1.1 <a@b>: user unknown (in reply to RCPT TO command)",
                   550, 5, 1, 1, "RCPT"));
    CHECK(reply_is("550-5.7.26 This mail is unauthenticated\r\n550-5.7.26 so it was\r\n550 5.7.26 blocked", 550, 5, 7,
                   26, NULL));
    CHECK(reply_is("452-4.2.2 The mailbox is over quota.\r\n452 4.2.2 Try again later.\r\n", 452, 4, 2, 2, NULL));
    CHECK(reply_is("421 Service not available", 421, 0, 0, 0, NULL));
    CHECK(reply_is("250 2.0.0 Ok: queued", 250, 2, 0, 0, NULL));
    CHECK(reply_is("250-mx.example.com Hello", 250, 0, 0, 0, NULL));
    CHECK(reply_is("550-5.7.1", 550, 5, 7, 1, NULL));
    CHECK(reply_is("550- 5.7.1 x", 550, 5, 7, 1, NULL));
    CHECK(reply_is("550-(5.7.1 x", 550, 5, 7, 1, NULL));
    CHECK(reply_is("'550 x", 550, 0, 0, 0, NULL));
    CHECK(reply_is("550: x (#5.1.1)", 550, 5, 1, 1, NULL));
    CHECK(reply_is("Diagnostic-Code: smtp; 550 5.1.1 user unknown", 550, 5, 1, 1, NULL));
    /* the enhanced code right after the basic code must have its class; a later one is not tried then */
    CHECK(reply_is("550 4.4.7 QUEUE.Expired; message expired", 550, 0, 0, 0, NULL));
    CHECK(reply_is("550 4.4.7 then 5.1.1", 550, 0, 0, 0, NULL));
    CHECK(reply_is("550 blocked (5.7.1)", 550, 5, 7, 1, NULL));
    CHECK(reply_is("550 blocked 4.7.1", 550, 0, 0, 0, NULL));
    /* no basic code: the first enhanced code anywhere */
    CHECK(reply_is("Remote server said: 5.7.1 blocked", 0, 5, 7, 1, NULL));
    CHECK(reply_is("(#4.4.1) no answer 5.1.1", 0, 4, 4, 1, NULL));
    CHECK(reply_is("650 5.1.1 x", 0, 5, 1, 1, NULL));
    /* shapes that are not codes */
    CHECK(reply_is("560 x 199 x 5505 x 55 x", 0, 0, 0, 0, NULL));
    CHECK(reply_is("550-: x", 0, 0, 0, 0, NULL));
    CHECK(reply_is("550x 5.01.1 3.1.1 5.1 5.1.1000 X.1.1 5.1.1.1", 0, 0, 0, 0, NULL));
    CHECK(reply_is("the mailbox is full", 0, 0, 0, 0, NULL));
    CHECK(reply_is("", 0, 0, 0, 0, NULL));
    CHECK(reply_is("\377\376 999 \001", 0, 0, 0, 0, NULL));
    /* NUL, tab, CR, LF, VT and FF all separate words */
    CHECK(smtp_parse("550\0" "5.1.1\0x", 11, NULL) == 1);
    {
        struct smtp_reply r;
        CHECK(smtp_parse("x\0" "550\t5.1.1\v\fy", 14, &r) == 1 && r.basic == 550 && r.has_enhanced &&
              r.enhanced.detail == 1);
        CHECK(smtp_parse(NULL, 0, &r) == 0 && r.basic == 0 && !r.has_enhanced && r.command == NULL);
        CHECK(smtp_parse(NULL, 10, &r) == 0 && r.basic == 0);
    }
}

static void test_reply_text(void) {
    char buf[8];
    char exact[9];
    context[0] = '\0';
    CHECK(text_is("550-5.7.26 This mail is unauthenticated\r\n550-5.7.26 so it was\r\n550 5.7.26 blocked - gsmtp",
                  "This mail is unauthenticated so it was blocked - gsmtp"));
    CHECK(text_is("550-5.7.26 Unauthenticated email 550-5.7.26 is not accepted 550 5.7.26 here",
                  "Unauthenticated email is not accepted here"));
    CHECK(text_is("host x said: 550 5.1.1 <a@b>: User unknown", "<a@b>: User unknown"));
    /* DDD-rest is dropped only when rest is the enhanced code: 554-This stays */
    CHECK(text_is("554-mx.example.net\r\n554-This server\r\n554 from your network.",
                  "554-This server from your network."));
    /* only untrimmed continuation prefixes are dropped, and E only right after a dropped DDD or DDD- */
    CHECK(text_is("550 5.1.1 a '550 b 550: c", "a '550 b 550: c"));
    CHECK(text_is("550 5.1.1 a 550 5.1.1 b 550- 5.1.1 c 550-5.1.1 d 5.1.1 e", "a b c d 5.1.1 e"));
    CHECK(text_is("550 5.1.1 a 551 b 550-4.4.7 c", "a 551 b 550-4.4.7 c"));
    CHECK(text_is("5.7.1 only enhanced 5.7.1", "only enhanced 5.7.1"));
    CHECK(text_is("no code at all", "no code at all"));
    CHECK(text_is("  \t\r\n", ""));
    CHECK(text_is("", ""));
    CHECK(text_is_n("550\0" "5.1.1\0user\0\0unknown", 23, "user unknown"));
    /* original case and bytes; invalid UTF-8 becomes U+FFFD (one per maximal invalid part) */
    CHECK(text_is("550 We\342\200\231re NOT", "We\342\200\231re NOT"));
    CHECK(text_is("550 a\377b \342\200 c \355\240\200 \360\237\230\200", "a\357\277\275b \357\277\275 c "
                                                                          "\357\277\275\357\277\275\357\277\275 "
                                                                          "\360\237\230\200"));
    CHECK(text_is("550 \300\257 \364\220\200\200", "\357\277\275\357\277\275 \357\277\275\357\277\275\357\277\275"
                                                   "\357\277\275"));
    /* like snprintf: truncated, NUL-terminated, and the full length returned */
    CHECK(smtp_parse_text("550 5.1.1 user unknown", 22, buf, sizeof buf) == 12 && strcmp(buf, "user un") == 0);
    CHECK(smtp_parse_text("550 5.1.1 user unknown", 22, NULL, 0) == 12);
    buf[0] = 'z';
    CHECK(smtp_parse_text("550 5.1.1 user unknown", 22, buf, 0) == 12 && buf[0] == 'z');
    CHECK(smtp_parse_text("550 5.1.1 user unknown", 22, buf, 1) == 12 && buf[0] == '\0');
    CHECK(smtp_parse_text(NULL, 5, buf, sizeof buf) == 0 && buf[0] == '\0');
    /* exactly len bytes are read: this buffer has no NUL (ASan would catch one byte more) */
    memcpy(exact, "550 a 5.1", sizeof exact);
    CHECK(smtp_parse_text(exact, sizeof exact, buf, sizeof buf) == 5 && strcmp(buf, "a 5.1") == 0);
}

static void test_commands(void) {
    context[0] = '\0';
    CHECK(command_is("550 5.1.1 user unknown (in reply to RCPT TO command)", "RCPT"));
    CHECK(command_is("550 5.1.1 user unknown (IN REPLY TO rcpt to command)", "RCPT"));
    CHECK(command_is("451 4.3.0 error after MAIL FROM", "MAIL"));
    CHECK(command_is("554 5.7.1 rejected (in reply to end of DATA command)", "DATA"));
    CHECK(command_is("554 rejected in reply to\r\n554 DATA", "DATA"));
    CHECK(command_is("421 lost connection after EHLO", "EHLO"));
    CHECK(command_is("421 lost connection in reply to HELO", "EHLO"));
    CHECK(command_is("530 must issue STARTTLS (in reply to STARTTLS command)", "STARTTLS"));
    CHECK(command_is("535 failed (in reply to AUTH command)", "AUTH"));
    CHECK(command_is("221 bye (in reply to QUIT command)", "QUIT"));
    CHECK(command_is("421 refused (in reply to initial greeting)", "CONNECT"));
    CHECK(command_is("timed out while connected to mx", "CONNECT"));
    /* the phrase listed first wins, wherever it stands */
    CHECK(command_is("after DATA, and earlier in reply to RCPT TO", "RCPT"));
    CHECK(command_is("in reply to data after mail from", "MAIL"));
    /* phrases need a word boundary on their left */
    CHECK(command_is("xin reply to quit", NULL));
    CHECK(command_is("550 5.1.1 user unknown", NULL));
    CHECK(command_is("", NULL));
}

/* ---- the classifier (docs/parsing.md, sections 6 and 7) ---- */

/* A word that no catalogue pattern can be part of. */
#define NEUTRAL "qqzxqjvq"

static int classified(const char *text, struct smtp_classification *c) {
    return smtp_classify(text, strlen(text), c);
}

/* All fields null: what a text with no code and no match gives. */
static int all_null(const struct smtp_classification *c) {
    return c->basic == 0 && !c->has_enhanced && c->command == NULL && c->retry == SMTP_RETRY_NONE &&
           c->bounce == SMTP_BOUNCE_NONE && c->reason == NULL && c->vendor == NULL && c->entry == NULL &&
           c->action == NULL;
}

/* What section 7 says for a reply whose words match nothing: everything from the codes. */
static int from_codes(const char *text, int basic, struct smtp_enhanced_code enhanced, int has_enhanced) {
    struct smtp_classification c;
    const struct smtp_enhanced_info *registry =
        has_enhanced ? smtp_enhanced_lookup(enhanced.subject, enhanced.detail) : NULL;
    const struct smtp_basic_info *info = basic != 0 ? smtp_basic_lookup(basic) : NULL;
    int digit = has_enhanced ? enhanced.class_ : basic / 100;
    enum smtp_retry retry = digit == 4 ? SMTP_RETRY_TRANSIENT : digit == 5 ? SMTP_RETRY_PERMANENT : SMTP_RETRY_NONE;
    const char *reason = NULL;
    const struct smtp_reason_info *reason_info;
    enum smtp_bounce bounce = SMTP_BOUNCE_NONE;
    int found = classified(text, &c);
    if (retry != SMTP_RETRY_NONE) {
        if (registry != NULL && strcmp(registry->reason, "undefined") != 0) {
            reason = registry->reason;
        } else if (info != NULL && info->reason != NULL) {
            reason = info->reason;
        } else {
            reason = "undefined";
        }
        reason_info = smtp_reason_lookup(reason);
        bounce = reason_info != NULL && reason_info->bounce == SMTP_BOUNCE_HARD && retry != SMTP_RETRY_TRANSIENT
                     ? SMTP_BOUNCE_HARD
                     : SMTP_BOUNCE_SOFT;
    }
    return found == 1 && c.basic == basic && c.has_enhanced == has_enhanced &&
           (!has_enhanced || (c.enhanced.class_ == enhanced.class_ && c.enhanced.subject == enhanced.subject &&
                              c.enhanced.detail == enhanced.detail)) &&
           c.retry == retry && same(c.reason, reason) && c.bounce == bounce && c.entry == NULL && c.vendor == NULL &&
           same(c.action, registry != NULL ? registry->action : info != NULL ? info->action : NULL);
}

static void test_classify_codes(void) {
    struct smtp_classification c;
    struct smtp_enhanced_code none = {0, 0, 0};
    struct smtp_enhanced_code e511 = {5, 1, 1};
    struct smtp_enhanced_code e422 = {4, 2, 2};
    struct smtp_enhanced_code e200 = {2, 0, 0};
    context[0] = '\0';
    CHECK(from_codes("550 5.1.1 " NEUTRAL, 550, e511, 1));
    CHECK(from_codes("550-5.1.1 " NEUTRAL "\r\n550 5.1.1 " NEUTRAL, 550, e511, 1));
    CHECK(from_codes("452 4.2.2 " NEUTRAL, 452, e422, 1));
    CHECK(from_codes("4.2.2 " NEUTRAL, 0, e422, 1));
    CHECK(from_codes("421 " NEUTRAL, 421, none, 0));
    CHECK(from_codes("550 4.4.7 " NEUTRAL, 550, none, 0));
    CHECK(from_codes("554 " NEUTRAL, 554, none, 0));
    /* positive replies: no retry, no reason, no bounce, no entry */
    CHECK(from_codes("250 2.0.0 " NEUTRAL, 250, e200, 1));
    CHECK(from_codes("354 " NEUTRAL, 354, none, 0));
    CHECK(from_codes("2.0.0 " NEUTRAL, 0, e200, 1));
    /* a 4xx reply is never a hard bounce */
    CHECK(classified("450 4.1.1 " NEUTRAL, &c) == 1 && c.retry == SMTP_RETRY_TRANSIENT && c.bounce == SMTP_BOUNCE_SOFT);
    /* neither code nor match: all null */
    CHECK(classified(NEUTRAL, &c) == 0 && all_null(&c));
    CHECK(classified("", &c) == 0 && all_null(&c));
    CHECK(smtp_classify(NULL, 0, &c) == 0 && all_null(&c));
    CHECK(smtp_classify(NULL, 99, &c) == 0 && all_null(&c));
    CHECK(smtp_classify("550 x", 5, NULL) == 1);
    CHECK(classified("550 5.1.1 " NEUTRAL " (in reply to RCPT TO command)", &c) == 1 && same(c.command, "RCPT"));
}

/* The classification has every field from its entry, as section 7 says. */
static int from_entry(const struct smtp_classification *c) {
    const struct smtp_vendor_entry *e = c->entry;
    return e != NULL && c->vendor != NULL && c->vendor == smtp_vendor_lookup(e->vendor) && e >= c->vendor->entries &&
           e < c->vendor->entries + c->vendor->entry_count && c->retry == e->retry && c->bounce == e->bounce &&
           c->reason == e->reason && c->action == e->action;
}

/* Classifies text (n bytes) from a copy without a NUL, so ASan catches any read past the end. */
static int classify_exact(const char *text, size_t n, struct smtp_classification *c) {
    static char copy[1024];
    if (n > sizeof copy) {
        return -1;
    }
    memcpy(copy + sizeof copy - n, text, n);
    return smtp_classify(copy + sizeof copy - n, n, c);
}

/* Whether the wire text s holds a word the parser would take for a code (then it is not a plain pattern text). */
static int has_code(const char *s) {
    return smtp_parse(s, strlen(s), NULL);
}

/* A text without codes that holds a pattern of some entry: that entry is a candidate, so an entry is chosen (maybe
 * another one, ranked higher), and the answer is the chosen entry's. */
static int chooses_an_entry(const char *text) {
    struct smtp_classification c;
    return has_code(text) || (classify_exact(text, strlen(text), &c) == 0 && from_entry(&c));
}

/* A text without codes that holds a fragment: an entry is chosen, or, when the fragment is also a generic phrase
 * (which selects a vendor entry only next to the vendor's marker), that phrase gives the reason. */
static int chooses_an_entry_or_phrase(const char *text) {
    struct smtp_classification c;
    return has_code(text) || (classify_exact(text, strlen(text), &c) == 0 && (c.entry != NULL ? from_entry(&c)
                                                                                              : c.reason != NULL));
}

/* A text without codes in which no pattern of e holds. */
static int avoids(const char *text, const struct smtp_vendor_entry *e) {
    struct smtp_classification c;
    return has_code(text) || (classify_exact(text, strlen(text), &c) == 0 && c.entry != e);
}

static void test_classify_entry(const struct smtp_vendor_info *v, const struct smtp_vendor_entry *e) {
    char text[600];
    size_t i;
    size_t k;
    int alone = e->fragment == NULL && e->variant_count == 0;
    set_context(v->id, e->id, 0);
    /* each fragment and variant alone, then in capitals after a wrapper, then after the vendor's marker */
    for (i = 0; i <= e->variant_count; i++) {
        const char *fragment = i == 0 ? e->fragment : e->variants[i - 1];
        if (fragment == NULL || strlen(fragment) > 250) {
            continue;
        }
        CHECK(chooses_an_entry_or_phrase(fragment));
        snprintf(text, sizeof text, "x: %s", fragment);
        for (k = 0; text[k] != '\0'; k++) {
            text[k] = (char)(text[k] >= 'a' && text[k] <= 'z' ? text[k] - 'a' + 'A' : text[k]);
        }
        CHECK(chooses_an_entry_or_phrase(text));
        if (v->marker_count > 0 && strlen(v->markers[0]) < 250) {
            snprintf(text, sizeof text, "%s said %s", v->markers[0], fragment);
            CHECK(chooses_an_entry(text));
        }
    }
    if (e->token == NULL || strlen(e->token) > 500) {
        return;
    }
    if (!e->has_range) {
        CHECK(chooses_an_entry(e->token));
        return;
    }
    /* a ranged token needs 1 to 9 digits inside the range right after it, then no letter or digit */
    snprintf(text, sizeof text, "%s%lu", e->token, (unsigned long)e->range_low);
    CHECK(chooses_an_entry(text));
    snprintf(text, sizeof text, "(%s%lu).", e->token, (unsigned long)e->range_high);
    CHECK(chooses_an_entry(text));
    if (!alone) {
        return;
    }
    snprintf(text, sizeof text, "%s%luz", e->token, (unsigned long)e->range_low);
    CHECK(avoids(text, e));
    snprintf(text, sizeof text, "%s9999999999", e->token);
    CHECK(avoids(text, e));
    CHECK(avoids(e->token, e));
    if (e->range_high < 999999999u) {
        snprintf(text, sizeof text, "%s%lu", e->token, (unsigned long)e->range_high + 1);
        CHECK(avoids(text, e));
    }
    if (e->range_low > 0) {
        snprintf(text, sizeof text, "%s%lu", e->token, (unsigned long)e->range_low - 1);
        CHECK(avoids(text, e));
    }
}

static void test_classify_vendors(void) {
    struct smtp_classification c;
    size_t i;
    size_t j;
    for (i = 0; i < smtp_vendor_count(); i++) {
        const struct smtp_vendor_info *v = smtp_vendor_at(i);
        for (j = 0; j < v->entry_count; j++) {
            test_classify_entry(v, &v->entries[j]);
        }
        set_context("marker", v->id, (long)i);
        for (j = 0; j < v->marker_count; j++) {
            const char *marker = v->markers[j];
            if (has_code(marker) || strlen(marker) > 500) {
                continue;
            }
            /* the vendor is known: from the chosen entry, or the first vendor whose marker matched */
            CHECK(classify_exact(marker, strlen(marker), &c) == 0 && c.vendor != NULL);
            CHECK(c.entry != NULL || (c.vendor >= smtp_vendor_at(0) && c.vendor <= v));
            CHECK(c.entry == NULL || from_entry(&c));
            /* a positive reply has no entry, whatever the words say */
            {
                char text[600];
                snprintf(text, sizeof text, "250 2.0.0 %s", marker);
                CHECK(classified(text, &c) == 1 && c.entry == NULL && c.reason == NULL && c.vendor != NULL &&
                      c.retry == SMTP_RETRY_NONE && c.bounce == SMTP_BOUNCE_NONE);
            }
        }
    }
}

/* Texts far larger than any pattern, with every kind of separator, in every unit. */
static void test_classify_large(void) {
    static char big[1 << 20];
    struct smtp_classification c;
    struct smtp_classification other;
    struct smtp_reply r;
    size_t i;
    context[0] = '\0';
    for (i = 0; i + 14 <= sizeof big; i += 14) {
        memcpy(big + i, "550-5.7.26 x\r\n", 14);
    }
    CHECK(smtp_classify(big, i, &c) == 1 && c.basic == 550 && c.has_enhanced && c.enhanced.detail == 26);
    CHECK(smtp_parse_text(big, i, NULL, 0) == i / 14 * 2 - 1); /* "x x ... x" */
    for (i = 0; i < sizeof big; i++) {
        big[i] = (char)(i * 7 % 251);
    }
    CHECK(smtp_classify(big, sizeof big, &c) >= 0);
    CHECK(smtp_parse(big, sizeof big, &r) == (r.basic != 0 || r.has_enhanced));
    CHECK(r.basic == c.basic && r.has_enhanced == c.has_enhanced && same(r.command, c.command));
    CHECK(second_unit_classify(big, sizeof big, &other) == smtp_classify(big, sizeof big, &c));
    CHECK(other.reason == c.reason && other.vendor == c.vendor && other.entry == c.entry);
    CHECK(static_unit_classify(big, sizeof big, &other) == smtp_classify(big, sizeof big, &c));
    CHECK(same(other.reason, c.reason) && other.retry == c.retry && other.bounce == c.bounce);
    CHECK((other.vendor == NULL) == (c.vendor == NULL) && (other.entry == NULL) == (c.entry == NULL));
    CHECK(other.vendor == NULL || c.vendor == NULL || strcmp(other.vendor->id, c.vendor->id) == 0);
    CHECK(other.entry == NULL || c.entry == NULL || strcmp(other.entry->id, c.entry->id) == 0);
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
    test_reply_codes();
    test_reply_text();
    test_commands();
    test_classify_codes();
    test_classify_vendors();
    test_classify_large();
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
