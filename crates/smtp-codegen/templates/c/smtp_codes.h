/* {{ marker }} */
/* catalogue version {{ version }} */
/*
 * smtp_codes.h: SMTP reply codes, IANA enhanced status codes and vendor-specific replies, with what each means and
 * what a sender should do. A single-header library in the stb style for C99 and C++11; it includes nothing but
 * <stddef.h> and <stdint.h>, allocates nothing and keeps no mutable state.
 *
 * USAGE
 *   In exactly ONE C or C++ file, define SMTP_CODES_IMPLEMENTATION before the include:
 *
 *       #define SMTP_CODES_IMPLEMENTATION
 *       #include "smtp_codes.h"
 *
 *   Every other file includes the header without the define and links against that one.
 *
 *   To keep every symbol private to the file instead (so two libraries that both vendor this header cannot clash),
 *   define SMTP_CODES_STATIC before the include in each file that uses it. SMTP_CODES_STATIC implies
 *   SMTP_CODES_IMPLEMENTATION: each such file gets its own copy of the tables and functions.
 *
 * CONVENTIONS
 *   Public names start with smtp_ or SMTP_; smtp__ and SMTP__ are internal. Absent strings are NULL. Lists are a
 *   pointer and a count, NULL and 0 when empty. Every pointer returned points into static read-only tables: never
 *   free or modify it, it stays valid for the life of the program. Every function is reentrant.
 *
 * LICENSE
 *   MIT OR Apache-2.0
 */
#ifndef SMTP_CODES_H
#define SMTP_CODES_H

#include <stddef.h>
#include <stdint.h>

/* ========================================================================================================== version */

/* The version of the catalogue data this header was generated from. */
#define SMTP_CODES_VERSION {{ version_literal }}
#define SMTP_CODES_VERSION_MAJOR {{ major }}
#define SMTP_CODES_VERSION_MINOR {{ minor }}
#define SMTP_CODES_VERSION_PATCH {{ patch }}

/* ========================================================================================================== linkage */

#if defined(SMTP_CODES_STATIC) && (defined(__GNUC__) || defined(__clang__))
#define SMTP_CODES_API static __attribute__((unused))
#elif defined(SMTP_CODES_STATIC)
#define SMTP_CODES_API static
#else
#define SMTP_CODES_API extern
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ================================================================================================ basic reply codes */

/* Every 3-digit reply code the catalogue lists, with its RFC reply text (or its meaning when no RFC gives one).
 * The wire carries codes no list names: functions take a plain int and accept any code. */
enum smtp_reply_code {
{%- for line in replies %}
    {{ line }}
{%- endfor %}
};

/* The first digit of a reply code (RFC 5321 section 4.2.1); the value is the digit itself. */
enum smtp_severity {
    SMTP_SEVERITY_OTHER = 0,                 /* not 100-999, or a first digit other than 2-5 */
    SMTP_SEVERITY_POSITIVE_COMPLETION = 2,   /* 2yz: the requested action was completed */
    SMTP_SEVERITY_POSITIVE_INTERMEDIATE = 3, /* 3yz: accepted, more information is needed */
    SMTP_SEVERITY_TRANSIENT_NEGATIVE = 4,    /* 4yz: not accepted for now; the same request may succeed later */
    SMTP_SEVERITY_PERMANENT_NEGATIVE = 5     /* 5yz: not accepted; do not repeat the same request */
};

/* The second digit of a reply code (RFC 5321 section 4.2.1). */
enum smtp_category {
    SMTP_CATEGORY_SYNTAX = 0,      /* x0z: syntax errors and unimplemented commands */
    SMTP_CATEGORY_INFORMATION = 1, /* x1z: replies to requests for information */
    SMTP_CATEGORY_CONNECTIONS = 2, /* x2z: the transmission channel */
    SMTP_CATEGORY_UNSPECIFIED = 3, /* x3z and x4z: not specified */
    SMTP_CATEGORY_MAIL_SYSTEM = 5, /* x5z: the state of the mail system */
    SMTP_CATEGORY_OTHER = 6        /* not 100-999, or a second digit above 5 */
};

/* Where a basic code is defined. */
enum smtp_status {
    SMTP_STATUS_STANDARD = 0,      /* in the reply list of a Standards Track RFC */
    SMTP_STATUS_EXPERIMENTAL = 1,  /* defined only by an Experimental RFC */
    SMTP_STATUS_REGISTRY_ONLY = 2, /* appears only in the IANA registry's associated basic code column */
    SMTP_STATUS_NONSTANDARD = 3    /* circulates on web lists without an RFC */
};

/* May the message be tried again later? */
enum smtp_retry {
    SMTP_RETRY_NONE = 0,      /* not said (2yz and 3yz codes) */
    SMTP_RETRY_TRANSIENT = 1, /* a later attempt may succeed */
    SMTP_RETRY_PERMANENT = 2  /* retrying the same message will fail again */
};

/* Should the address be suppressed? */
enum smtp_bounce {
    SMTP_BOUNCE_NONE = 0, /* not said */
    SMTP_BOUNCE_HARD = 1, /* the address or its domain cannot receive mail */
    SMTP_BOUNCE_SOFT = 2  /* the address is fine; the failure is about policy, content, capacity or the sender */
};

/* How well a vendor entry is established. */
enum smtp_confidence {
    SMTP_CONFIDENCE_DOCUMENTED = 0, /* the vendor's own documentation or source code */
    SMTP_CONFIDENCE_OBSERVED = 1,   /* seen verbatim in real bounces or logs */
    SMTP_CONFIDENCE_DERIVED = 2,    /* from a maintained classifier's pattern tables */
    SMTP_CONFIDENCE_FOLKLORE = 3    /* explained only by third parties */
};

/* What sort of system a vendor is. */
enum smtp_vendor_kind {
    SMTP_VENDOR_KIND_MAILBOX_PROVIDER = 0, /* a mailbox provider (Gmail, Outlook.com, ...) */
    SMTP_VENDOR_KIND_MTA = 1,              /* mail server software (Postfix, Exim, ...) */
    SMTP_VENDOR_KIND_GATEWAY = 2,          /* a filtering gateway (Mimecast, Proofpoint, ...) */
    SMTP_VENDOR_KIND_ESP = 3,              /* an email sending service */
    SMTP_VENDOR_KIND_BLOCKLIST = 4         /* a DNS blocklist named in replies */
};

/* The facts about a basic reply code. */
struct smtp_basic_info {
    int code;                   /* the 3-digit code */
    const char *name;           /* stable identifier: SMTP_REPLY_<name> */
    enum smtp_status status;    /* where the code is defined */
    const char *text;           /* the RFC reply text; NULL when no RFC gives one */
    const char *meaning;        /* what the code means */
    const char *action;         /* what a sender should do */
    enum smtp_retry retry;      /* SMTP_RETRY_NONE for 2yz and 3yz */
    const char *reason;         /* the reason to report when only this code is known; NULL when none */
    const char *const *sources; /* source ids */
    size_t source_count;
};

/* ============================================================================================ enhanced status codes */

/* An enhanced status code class.subject.detail (RFC 3463). class_ is 2, 4 or 5; 0 stands for the registry's "X". */
struct smtp_enhanced_code {
    int class_;
    int subject;
    int detail;
};

/* An enhanced code as one integer, class * 1000000 + subject * 1000 + detail, so that codes can be compared with ==
 * and used as case labels: switch (smtp_enhanced_to_long(code)) { case SMTP_ENHANCED_PERMANENT_...: } */
#define SMTP_ENHANCED(c, s, d) ((c) * 1000000L + (s) * 1000L + (d))

/* Room for any formatted code, "5.999.999" and its NUL. */
#define SMTP_ENHANCED_FORMAT_SIZE 10

/* One constant per registry entry and class it is used with: SUCCESS_ (2.x.x), TRANSIENT_ (4.x.x), PERMANENT_
 * (5.x.x). */
{%- for line in enhanced_macros %}
{{ line }}
{%- endfor %}

/* The facts about a registry enhanced status code. */
struct smtp_enhanced_info {
    int subject;                /* the subject number */
    int detail;                 /* the detail number */
    const int *classes;         /* the classes (2, 4, 5) the code is used with */
    size_t class_count;
    const char *name;           /* stable identifier; constants add a class prefix */
    const char *title;          /* the registry's sample text */
    const char *meaning;        /* what the code means */
    const char *action;         /* what a sender should do */
    const char *reason;         /* the reason id */
    const int *basic;           /* associated basic codes */
    size_t basic_count;
    int deprecated;             /* 1 when the registry deprecates the code */
    const char *const *sources; /* source ids */
    size_t source_count;
};

/* ========================================================================================================== reasons */

/* A reason of the vocabulary (Sisimai's names). */
struct smtp_reason_info {
    const char *id;          /* such as "userunknown" */
    const char *meaning;     /* what it means */
    enum smtp_bounce bounce; /* whether it makes the bounce hard */
    enum smtp_retry retry;   /* the retry it implies for a reply without codes; SMTP_RETRY_NONE when either */
};

/* ========================================================================================================== vendors */

/* One vendor-specific reply. */
struct smtp_vendor_entry {
    const char *id;                             /* unique within the vendor */
    const char *vendor;                         /* the vendor id */
    const char *fragment;                       /* wire text that selects the entry; NULL when none */
    const char *const *variants;                /* other wordings that select it */
    size_t variant_count;
    const char *token;                          /* vendor token that selects it; NULL when none */
    const char *const *token_variants;          /* other spellings of the token */
    size_t token_variant_count;
    int has_range;                              /* 1 when the number right after the token must be in the range */
    uint32_t range_low;                         /* inclusive bounds of that number */
    uint32_t range_high;
    const int *basic;                           /* basic codes it is sent with (empty: any) */
    size_t basic_count;
    const struct smtp_enhanced_code *enhanced;  /* enhanced codes it is sent with (empty: any) */
    size_t enhanced_count;
    const char *meaning;                        /* what the reply means */
    const char *action;                         /* what a sender should do */
    enum smtp_retry retry;                      /* whether the message may be retried later */
    enum smtp_bounce bounce;                    /* whether the address should be suppressed */
    const char *reason;                         /* the reason id */
    enum smtp_confidence confidence;            /* how well the entry is established */
    const char *const *sources;                 /* source ids */
    size_t source_count;
    const struct smtp_enhanced_code *overrides; /* a registry code the vendor gives another meaning; NULL when none */
    int legacy;                                 /* 1 for an older format, still in old logs */
    const char *first_seen;                     /* YYYY, YYYY-MM or YYYY-MM-DD; NULL when unknown */
    const char *retired;                        /* when the vendor stopped sending it; NULL when it still does */
};

/* A vendor and its replies. */
struct smtp_vendor_info {
    const char *id;                          /* such as "google" */
    const char *name;                        /* display name */
    enum smtp_vendor_kind kind;              /* what sort of system it is */
    const char *const *markers;              /* text that shows a reply came from this vendor */
    size_t marker_count;
    const char *const *sources;              /* source ids */
    size_t source_count;
    const struct smtp_vendor_entry *entries; /* in priority order: earlier entries win ties */
    size_t entry_count;
};

/* ======================================================================================================== functions */

/* Basic codes. smtp_basic_lookup returns NULL for a code the catalogue does not list. smtp_basic_at walks the table
 * in ascending code order; it returns NULL when i >= smtp_basic_count(). */
SMTP_CODES_API const struct smtp_basic_info *smtp_basic_lookup(int code);
SMTP_CODES_API size_t smtp_basic_count(void);
SMTP_CODES_API const struct smtp_basic_info *smtp_basic_at(size_t i);

/* What the first and second digits of any reply code say (RFC 5321 section 4.2.1); SMTP_SEVERITY_OTHER and
 * SMTP_CATEGORY_OTHER outside 100-999. */
SMTP_CODES_API enum smtp_severity smtp_reply_severity(int code);
SMTP_CODES_API enum smtp_category smtp_reply_category(int code);

/* Parses exactly the len bytes at s (no NUL needed) as class.subject.detail: class 2, 4 or 5, subject and detail 1
 * to 3 digits without a leading zero, nothing before or after (RFC 3463 section 2). Returns 1 and fills *out (when
 * out is not NULL) on success; returns 0 and leaves *out alone otherwise. */
SMTP_CODES_API int smtp_enhanced_parse(const char *s, size_t len, struct smtp_enhanced_code *out);

/* Writes code as text ("5.7.26", or "X.7.26" for class_ 0) and a NUL into buf. Returns the length without the NUL,
 * or 0 when the code is not class 0, 2, 4 or 5 with subject and detail 0-999, or when n is too small
 * (SMTP_ENHANCED_FORMAT_SIZE always suffices); buf then holds "" when n > 0. */
SMTP_CODES_API int smtp_enhanced_format(struct smtp_enhanced_code code, char *buf, size_t n);

/* The SMTP_ENHANCED(c, s, d) encoding of a code, and back. */
SMTP_CODES_API long smtp_enhanced_to_long(struct smtp_enhanced_code code);
SMTP_CODES_API struct smtp_enhanced_code smtp_enhanced_from_long(long value);

/* Registry entries, by subject and detail (the class does not matter: check info->classes when it should). NULL
 * for a code the registry does not list. smtp_enhanced_at walks them by subject, then detail. */
SMTP_CODES_API const struct smtp_enhanced_info *smtp_enhanced_lookup(int subject, int detail);
SMTP_CODES_API size_t smtp_enhanced_count(void);
SMTP_CODES_API const struct smtp_enhanced_info *smtp_enhanced_at(size_t i);

/* Reasons, by id; NULL for an unknown id or a NULL pointer. smtp_reason_at walks them by id. */
SMTP_CODES_API const struct smtp_reason_info *smtp_reason_lookup(const char *id);
SMTP_CODES_API size_t smtp_reason_count(void);
SMTP_CODES_API const struct smtp_reason_info *smtp_reason_at(size_t i);

/* Vendors and their entries, by id; NULL for an unknown id or a NULL pointer. smtp_vendor_at walks them by id. */
SMTP_CODES_API const struct smtp_vendor_info *smtp_vendor_lookup(const char *id);
SMTP_CODES_API const struct smtp_vendor_entry *smtp_vendor_entry_lookup(const char *vendor_id, const char *entry_id);
SMTP_CODES_API size_t smtp_vendor_count(void);
SMTP_CODES_API const struct smtp_vendor_info *smtp_vendor_at(size_t i);

/* The catalogue's spelling of each value ("standard", "transient", "hard", "documented", "mailbox_provider", ...);
 * NULL for SMTP_RETRY_NONE, SMTP_BOUNCE_NONE and values outside the enum. */
SMTP_CODES_API const char *smtp_status_str(enum smtp_status status);
SMTP_CODES_API const char *smtp_retry_str(enum smtp_retry retry);
SMTP_CODES_API const char *smtp_bounce_str(enum smtp_bounce bounce);
SMTP_CODES_API const char *smtp_confidence_str(enum smtp_confidence confidence);
SMTP_CODES_API const char *smtp_vendor_kind_str(enum smtp_vendor_kind kind);

/* ====================================================================================== reply parser and classifier */

/* Any text can be read: a raw reply (one line or multi-line, CRLF or LF), a reply flattened by a log or a DSN, a DSN
 * Diagnostic-Code value, an MTA wrapper line or prose. Input is the len bytes at text (no NUL needed; NULs, control
 * bytes and invalid UTF-8 are allowed; text may be NULL when len is 0). Every function below takes time linear in
 * len, allocates nothing, uses a fixed amount of stack and never fails. docs/parsing.md is the contract: the Rust and
 * Python bindings give the same answers. */

/* What parsing found (docs/parsing.md, sections 1 to 4). */
struct smtp_reply {
    int basic;                          /* the basic reply code (200-559); 0 when the text has none */
    struct smtp_enhanced_code enhanced; /* the enhanced status code when has_enhanced, else {0, 0, 0} */
    int has_enhanced;                   /* 1 when an enhanced code (of the basic code's class) was found */
    const char *command;                /* the SMTP command the text names ("RCPT", "DATA", ...); NULL when none */
};

/* Reads the codes and the command of a reply and fills *out (when out is not NULL). Returns 1 when a basic or an
 * enhanced code was found, else 0.
 *
 *     struct smtp_reply reply;
 *     smtp_parse(line, strlen(line), &reply);   // "550-5.7.26 ..." -> basic 550, enhanced 5.7.26 */
SMTP_CODES_API int smtp_parse(const char *text, size_t len, struct smtp_reply *out);

/* The reply text: the words after the codes, continuation prefixes ("550-5.7.26", "550") removed, joined by single
 * spaces, in their original case; invalid UTF-8 is replaced by U+FFFD as in the Rust binding, so the text is
 * always valid UTF-8. Writes at most n - 1 bytes and a NUL into buf (like snprintf; nothing when n is 0, and a
 * truncated text may end inside a character) and returns the full length without the NUL, which is at most
 * 3 * len: call it again with a larger buffer when the result is >= n. */
SMTP_CODES_API size_t smtp_parse_text(const char *text, size_t len, char *buf, size_t n);

/* The answer for one reply (docs/parsing.md, section 7). Every pointer points into the static tables. */
struct smtp_classification {
    int basic;                              /* the basic reply code; 0 when none */
    struct smtp_enhanced_code enhanced;     /* the enhanced status code when has_enhanced, else {0, 0, 0} */
    int has_enhanced;
    const char *command;                    /* the SMTP command the text names; NULL when none */
    enum smtp_retry retry;                  /* may the message be tried again? SMTP_RETRY_NONE when not said */
    enum smtp_bounce bounce;                /* should the address be suppressed? SMTP_BOUNCE_NONE when not said */
    const char *reason;                     /* the reason id (smtp_reason_lookup); NULL when none */
    const struct smtp_vendor_info *vendor;  /* the vendor that sent the reply, when known; else NULL */
    const struct smtp_vendor_entry *entry;  /* the vendor entry that matched; NULL when none */
    const char *action;                     /* what a sender should do; NULL when nothing is known */
};

/* Classifies one reply and fills *out (when out is not NULL). Returns 1 when a basic or an enhanced code was found,
 * else 0 (the other fields may still be set, from the words alone).
 *
 *     struct smtp_classification c;
 *     smtp_classify(line, strlen(line), &c);
 *     if (c.bounce == SMTP_BOUNCE_HARD) suppress(address);
 *     else if (c.retry == SMTP_RETRY_TRANSIENT) retry_later(); */
SMTP_CODES_API int smtp_classify(const char *text, size_t len, struct smtp_classification *out);

#ifdef __cplusplus
}
#endif

#endif /* SMTP_CODES_H */

/* =================================================================================================== implementation */

#if (defined(SMTP_CODES_IMPLEMENTATION) || defined(SMTP_CODES_STATIC)) && !defined(SMTP__IMPLEMENTATION_INCLUDED)
#define SMTP__IMPLEMENTATION_INCLUDED

#ifdef SMTP_CODES_STATIC
#define SMTP__DEF SMTP_CODES_API
#else
#define SMTP__DEF
#endif

#define SMTP__COUNT(array) (sizeof(array) / sizeof((array)[0]) - 1)

#ifdef __cplusplus
extern "C" {
#endif

/* ---- tables ----
 * Each table ends with a zero row that is not counted, so no table is ever empty. Lists of strings, numbers and
 * codes live in three pools; a row points at its slice (the comment on each pool line gives its offset). */

static const char *const smtp__strings[] = {
{%- for line in strings %}
    {{ line }}
{%- endfor %}
    NULL
};

static const int smtp__numbers[] = {
{%- for line in numbers %}
    {{ line }}
{%- endfor %}
    0
};

static const struct smtp_enhanced_code smtp__codes[] = {
{%- for line in codes %}
    {{ line }}
{%- endfor %}
    {0, 0, 0}
};

/* Sorted by code. */
static const struct smtp_basic_info smtp__basic[] = {
{%- for row in basic %}
    {{ row }}
{%- endfor %}
    {0, NULL, SMTP_STATUS_STANDARD, NULL, NULL, NULL, SMTP_RETRY_NONE, NULL, NULL, 0}
};

/* Sorted by subject, then detail. */
static const struct smtp_enhanced_info smtp__enhanced[] = {
{%- for row in enhanced %}
    {{ row }}
{%- endfor %}
    {0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, NULL, 0}
};

/* Sorted by id. */
static const struct smtp_reason_info smtp__reasons[] = {
{%- for row in reasons %}
    {{ row }}
{%- endfor %}
    {NULL, NULL, SMTP_BOUNCE_NONE, SMTP_RETRY_NONE}
};

/* Every vendor's entries, vendor after vendor, each vendor's in priority order. */
static const struct smtp_vendor_entry smtp__entries[] = {
{%- for row in entries %}
    {{ row }}
{%- endfor %}
    {NULL, NULL, NULL, NULL, 0, NULL, NULL, 0, 0, 0, 0, NULL, 0, NULL, 0, NULL, NULL, SMTP_RETRY_NONE,
     SMTP_BOUNCE_NONE, NULL, SMTP_CONFIDENCE_DOCUMENTED, NULL, 0, NULL, 0, NULL, NULL}
};

/* Sorted by id. */
static const struct smtp_vendor_info smtp__vendors[] = {
{%- for row in vendors %}
    {{ row }}
{%- endfor %}
    {NULL, NULL, SMTP_VENDOR_KIND_MAILBOX_PROVIDER, NULL, 0, NULL, 0, NULL, 0}
};

/* ---- helpers ---- */

/* strcmp over unsigned bytes: the order the tables are sorted in. */
static int smtp__strcmp(const char *a, const char *b) {
    const unsigned char *x = (const unsigned char *)a;
    const unsigned char *y = (const unsigned char *)b;
    while (*x != 0 && *x == *y) {
        x++;
        y++;
    }
    return (*x > *y) - (*x < *y);
}

/* Reads 1 to 3 digits without a leading zero from s[*pos] on; returns 0 when that is not what is there. */
static int smtp__number(const char *s, size_t len, size_t *pos, int *out) {
    size_t start = *pos;
    int value = 0;
    while (*pos < len && s[*pos] >= '0' && s[*pos] <= '9') {
        if (*pos - start == 3) {
            return 0;
        }
        value = value * 10 + (s[*pos] - '0');
        *pos += 1;
    }
    if (*pos == start || (*pos - start > 1 && s[start] == '0')) {
        return 0;
    }
    *out = value;
    return 1;
}

/* Appends the decimal digits of 0 <= value <= 999 to buf at len; returns the new length. */
static size_t smtp__put_number(char *buf, size_t len, int value) {
    static const char digits[] = "0123456789";
    if (value >= 100) {
        buf[len++] = digits[value / 100];
    }
    if (value >= 10) {
        buf[len++] = digits[value / 10 % 10];
    }
    buf[len++] = digits[value % 10];
    return len;
}

/* ---- basic codes ---- */

SMTP__DEF const struct smtp_basic_info *smtp_basic_lookup(int code) {
    size_t lo = 0;
    size_t hi = SMTP__COUNT(smtp__basic);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (smtp__basic[mid].code == code) {
            return &smtp__basic[mid];
        }
        if (smtp__basic[mid].code < code) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return NULL;
}

SMTP__DEF size_t smtp_basic_count(void) {
    return SMTP__COUNT(smtp__basic);
}

SMTP__DEF const struct smtp_basic_info *smtp_basic_at(size_t i) {
    return i < SMTP__COUNT(smtp__basic) ? &smtp__basic[i] : NULL;
}

SMTP__DEF enum smtp_severity smtp_reply_severity(int code) {
    if (code < 100 || code > 999) {
        return SMTP_SEVERITY_OTHER;
    }
    switch (code / 100) {
    case 2:
        return SMTP_SEVERITY_POSITIVE_COMPLETION;
    case 3:
        return SMTP_SEVERITY_POSITIVE_INTERMEDIATE;
    case 4:
        return SMTP_SEVERITY_TRANSIENT_NEGATIVE;
    case 5:
        return SMTP_SEVERITY_PERMANENT_NEGATIVE;
    default:
        return SMTP_SEVERITY_OTHER;
    }
}

SMTP__DEF enum smtp_category smtp_reply_category(int code) {
    if (code < 100 || code > 999) {
        return SMTP_CATEGORY_OTHER;
    }
    switch (code / 10 % 10) {
    case 0:
        return SMTP_CATEGORY_SYNTAX;
    case 1:
        return SMTP_CATEGORY_INFORMATION;
    case 2:
        return SMTP_CATEGORY_CONNECTIONS;
    case 3:
    case 4:
        return SMTP_CATEGORY_UNSPECIFIED;
    case 5:
        return SMTP_CATEGORY_MAIL_SYSTEM;
    default:
        return SMTP_CATEGORY_OTHER;
    }
}

/* ---- enhanced codes ---- */

SMTP__DEF int smtp_enhanced_parse(const char *s, size_t len, struct smtp_enhanced_code *out) {
    size_t pos = 2;
    int subject = 0;
    int detail = 0;
    if (s == NULL || len < 5 || (s[0] != '2' && s[0] != '4' && s[0] != '5') || s[1] != '.') {
        return 0;
    }
    if (!smtp__number(s, len, &pos, &subject) || pos >= len || s[pos] != '.') {
        return 0;
    }
    pos++;
    if (!smtp__number(s, len, &pos, &detail) || pos != len) {
        return 0;
    }
    if (out != NULL) {
        out->class_ = s[0] - '0';
        out->subject = subject;
        out->detail = detail;
    }
    return 1;
}

SMTP__DEF int smtp_enhanced_format(struct smtp_enhanced_code code, char *buf, size_t n) {
    char text[SMTP_ENHANCED_FORMAT_SIZE];
    size_t len = 0;
    size_t i;
    if (buf != NULL && n > 0) {
        buf[0] = '\0';
    }
    if (code.class_ != 0 && code.class_ != 2 && code.class_ != 4 && code.class_ != 5) {
        return 0;
    }
    if (code.subject < 0 || code.subject > 999 || code.detail < 0 || code.detail > 999) {
        return 0;
    }
    text[len++] = "X12345"[code.class_];
    text[len++] = '.';
    len = smtp__put_number(text, len, code.subject);
    text[len++] = '.';
    len = smtp__put_number(text, len, code.detail);
    if (buf == NULL || n <= len) {
        return 0;
    }
    for (i = 0; i < len; i++) {
        buf[i] = text[i];
    }
    buf[len] = '\0';
    return (int)len;
}

SMTP__DEF long smtp_enhanced_to_long(struct smtp_enhanced_code code) {
    return SMTP_ENHANCED(code.class_, code.subject, code.detail);
}

SMTP__DEF struct smtp_enhanced_code smtp_enhanced_from_long(long value) {
    struct smtp_enhanced_code code;
    code.class_ = (int)(value / 1000000L);
    code.subject = (int)(value / 1000L % 1000L);
    code.detail = (int)(value % 1000L);
    return code;
}

SMTP__DEF const struct smtp_enhanced_info *smtp_enhanced_lookup(int subject, int detail) {
    size_t lo = 0;
    size_t hi = SMTP__COUNT(smtp__enhanced);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct smtp_enhanced_info *here = &smtp__enhanced[mid];
        if (here->subject == subject && here->detail == detail) {
            return here;
        }
        if (here->subject < subject || (here->subject == subject && here->detail < detail)) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return NULL;
}

SMTP__DEF size_t smtp_enhanced_count(void) {
    return SMTP__COUNT(smtp__enhanced);
}

SMTP__DEF const struct smtp_enhanced_info *smtp_enhanced_at(size_t i) {
    return i < SMTP__COUNT(smtp__enhanced) ? &smtp__enhanced[i] : NULL;
}

/* ---- reasons ---- */

SMTP__DEF const struct smtp_reason_info *smtp_reason_lookup(const char *id) {
    size_t lo = 0;
    size_t hi = SMTP__COUNT(smtp__reasons);
    if (id == NULL) {
        return NULL;
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int order = smtp__strcmp(smtp__reasons[mid].id, id);
        if (order == 0) {
            return &smtp__reasons[mid];
        }
        if (order < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return NULL;
}

SMTP__DEF size_t smtp_reason_count(void) {
    return SMTP__COUNT(smtp__reasons);
}

SMTP__DEF const struct smtp_reason_info *smtp_reason_at(size_t i) {
    return i < SMTP__COUNT(smtp__reasons) ? &smtp__reasons[i] : NULL;
}

/* ---- vendors ---- */

SMTP__DEF const struct smtp_vendor_info *smtp_vendor_lookup(const char *id) {
    size_t lo = 0;
    size_t hi = SMTP__COUNT(smtp__vendors);
    if (id == NULL) {
        return NULL;
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int order = smtp__strcmp(smtp__vendors[mid].id, id);
        if (order == 0) {
            return &smtp__vendors[mid];
        }
        if (order < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return NULL;
}

SMTP__DEF const struct smtp_vendor_entry *smtp_vendor_entry_lookup(const char *vendor_id, const char *entry_id) {
    const struct smtp_vendor_info *vendor = smtp_vendor_lookup(vendor_id);
    size_t i;
    if (vendor == NULL || entry_id == NULL) {
        return NULL;
    }
    for (i = 0; i < vendor->entry_count; i++) {
        if (smtp__strcmp(vendor->entries[i].id, entry_id) == 0) {
            return &vendor->entries[i];
        }
    }
    return NULL;
}

SMTP__DEF size_t smtp_vendor_count(void) {
    return SMTP__COUNT(smtp__vendors);
}

SMTP__DEF const struct smtp_vendor_info *smtp_vendor_at(size_t i) {
    return i < SMTP__COUNT(smtp__vendors) ? &smtp__vendors[i] : NULL;
}

/* ---- names of enum values ---- */

SMTP__DEF const char *smtp_status_str(enum smtp_status status) {
    switch (status) {
    case SMTP_STATUS_STANDARD:
        return "standard";
    case SMTP_STATUS_EXPERIMENTAL:
        return "experimental";
    case SMTP_STATUS_REGISTRY_ONLY:
        return "registry_only";
    case SMTP_STATUS_NONSTANDARD:
        return "nonstandard";
    }
    return NULL;
}

SMTP__DEF const char *smtp_retry_str(enum smtp_retry retry) {
    switch (retry) {
    case SMTP_RETRY_NONE:
        return NULL;
    case SMTP_RETRY_TRANSIENT:
        return "transient";
    case SMTP_RETRY_PERMANENT:
        return "permanent";
    }
    return NULL;
}

SMTP__DEF const char *smtp_bounce_str(enum smtp_bounce bounce) {
    switch (bounce) {
    case SMTP_BOUNCE_NONE:
        return NULL;
    case SMTP_BOUNCE_HARD:
        return "hard";
    case SMTP_BOUNCE_SOFT:
        return "soft";
    }
    return NULL;
}

SMTP__DEF const char *smtp_confidence_str(enum smtp_confidence confidence) {
    switch (confidence) {
    case SMTP_CONFIDENCE_DOCUMENTED:
        return "documented";
    case SMTP_CONFIDENCE_OBSERVED:
        return "observed";
    case SMTP_CONFIDENCE_DERIVED:
        return "derived";
    case SMTP_CONFIDENCE_FOLKLORE:
        return "folklore";
    }
    return NULL;
}

SMTP__DEF const char *smtp_vendor_kind_str(enum smtp_vendor_kind kind) {
    switch (kind) {
    case SMTP_VENDOR_KIND_MAILBOX_PROVIDER:
        return "mailbox_provider";
    case SMTP_VENDOR_KIND_MTA:
        return "mta";
    case SMTP_VENDOR_KIND_GATEWAY:
        return "gateway";
    case SMTP_VENDOR_KIND_ESP:
        return "esp";
    case SMTP_VENDOR_KIND_BLOCKLIST:
        return "blocklist";
    }
    return NULL;
}

/* ====================================================================================== reply parser and classifier */

/* ---- the automaton ----
 * The Aho-Corasick automaton over every vendor fragment, token and marker, generic phrase and command phrase, built
 * at codegen time (docs/parsing.md, section 6). State 0 is the root. */

#define SMTP__FRAGMENT 0
#define SMTP__TOKEN 1
#define SMTP__MARKER 2
#define SMTP__PHRASE 3
#define SMTP__COMMAND 4

/* How many bytes of matching text the classifier remembers to check the byte before a match: a power of two above
 * the longest pattern, {{ automaton.longest }} bytes. */
#define SMTP__WINDOW {{ automaton.window }}

/* One pattern: what it selects, its flags (bit 0: starts with a letter or digit; bit 1: ends with one; bit 2: a
 * fragment that is also a generic phrase, which selects its entry only when its vendor's marker matched too), its
 * length in bytes of matching form, its vendor (fragments, tokens, markers), phrase or command index, and
 * its entry index within the vendor (fragments and tokens). */
struct smtp__pattern {
    uint8_t kind;
    uint8_t flags;
    uint32_t length;
    uint32_t owner;
    uint32_t entry;
};

static const struct smtp__pattern smtp__patterns[] = {
{%- for line in automaton.patterns %}
    {{ line }}
{%- endfor %}
};

/* State numbers, in the smallest unsigned type that holds them all, like every table of numbers below (so the
 * tables stay in cache). */
typedef {{ automaton.state_ty }} smtp__state;

/* The class of every byte. Bytes that lead to the same states share a class, and an ASCII capital shares its small
 * letter's class (patterns are lowercase), so the matching text need not be lowercased. Class 0: bytes no pattern
 * holds. */
static const uint8_t smtp__class[256] = {
{%- for line in automaton.class %}
    {{ line }}
{%- endfor %}
};

#define SMTP__CLASSES {{ automaton.class_count }}u

/* States 0 .. SMTP__ROW_STATES - 1, those at most {{ automaton.row_depth }} bytes below the root (numbered breadth-first), have
 * complete rows, failure links already followed: smtp__rows[state * SMTP__CLASSES + class]. Deeper states have sparse
 * edges and a failure link. */
#define SMTP__ROW_STATES {{ automaton.row_states }}u

static const smtp__state smtp__rows[] = {
{%- for line in automaton.rows %}
    {{ line }}
{%- endfor %}
};

/* For deep states: the class of the edge to the next state (their first child), else 255, which no byte has. Deep
 * subtrees are numbered depth-first, so following a pattern reads one byte of this table per step. */
static const uint8_t smtp__next_class[] = {
{%- for line in automaton.next_class %}
    {{ line }}
{%- endfor %}
};

/* The edges of state s are smtp__edge_class/smtp__edge_next[smtp__edge_start[s] .. smtp__edge_start[s + 1]]. */
static const {{ automaton.edge_start.ty }} smtp__edge_start[] = {
{%- for line in automaton.edge_start.lines %}
    {{ line }}
{%- endfor %}
};

static const uint8_t smtp__edge_class[] = {
{%- for line in automaton.edge_class %}
    {{ line }}
{%- endfor %}
};

static const smtp__state smtp__edge_next[] = {
{%- for line in automaton.edge_next %}
    {{ line }}
{%- endfor %}
};

/* The failure link of every state. */
static const smtp__state smtp__fail[] = {
{%- for line in automaton.fail %}
    {{ line }}
{%- endfor %}
};

/* Bit s % 8 of byte s / 8: state s ends a pattern, itself or along its dictionary links. Most states do not, so the
 * matching loop tests this small table before anything else. */
static const uint8_t smtp__has_output[] = {
{%- for line in automaton.has_output %}
    {{ line }}
{%- endfor %}
};

/* The patterns ending at state s are smtp__out_pattern[smtp__out_start[s] .. smtp__out_start[s + 1]]. */
static const {{ automaton.out_start.ty }} smtp__out_start[] = {
{%- for line in automaton.out_start.lines %}
    {{ line }}
{%- endfor %}
};

static const {{ automaton.out_pattern.ty }} smtp__out_pattern[] = {
{%- for line in automaton.out_pattern.lines %}
    {{ line }}
{%- endfor %}
};

/* The nearest state on the failure chain that has patterns of its own (0 = none). */
static const smtp__state smtp__dict[] = {
{%- for line in automaton.dict %}
    {{ line }}
{%- endfor %}
};

/* A phrase and what it stands for. */
struct smtp__phrase {
    const char *text;
    const char *value;
};

/* Command phrases, in priority order: (phrase, command). */
static const struct smtp__phrase smtp__commands[] = {
{%- for line in automaton.commands %}
    {{ line }}
{%- endfor %}
    {NULL, NULL}
};

/* Generic phrases: (phrase, reason). */
static const struct smtp__phrase smtp__phrases[] = {
{%- for line in automaton.phrases %}
    {{ line }}
{%- endfor %}
    {NULL, NULL}
};

/* ---- reading a reply (sections 1 to 3) ---- */

/* NUL, tab, LF, VT, FF, CR and space, as a bit mask tested without branches: word lengths are unpredictable. */
static int smtp__is_space(unsigned char c) {
    return (c <= ' ') & (int)((0x100003e01ull >> (c & 63u)) & 1u);
}

static int smtp__is_digit(unsigned char c) {
    return c >= '0' && c <= '9';
}

static int smtp__is_alnum(unsigned char c) {
    return smtp__is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int smtp__same(const unsigned char *a, const unsigned char *b, size_t n) {
    size_t i;
    for (i = 0; i < n; i++) {
        if (a[i] != b[i]) {
            return 0;
        }
    }
    return 1;
}

/* The first word at or after pos: returns its start (len when there is none) and sets *end to its end. */
static size_t smtp__word(const unsigned char *s, size_t len, size_t pos, size_t *end) {
    size_t stop;
    while (pos < len && smtp__is_space(s[pos])) {
        pos++;
    }
    stop = pos;
    while (stop < len && !smtp__is_space(s[stop])) {
        stop++;
    }
    *end = stop;
    return pos;
}

/* Whether a word starting with c may be a code: c is 2 to 5 or punctuation trimming sets aside ('"#(<[). */
static int smtp__code_start(unsigned char c) {
    return ((c < 64u) & (int)((0x103c018c00000000ull >> (c & 63u)) & 1u)) | (c == '[');
}

/* The first word at or after pos (0 or the end of a word) that may be a code: returns its start (len when there is
 * none) and sets *end to its end. Most words cannot be codes, and a test per byte that is rarely true skips them. */
static size_t smtp__candidate(const unsigned char *s, size_t len, size_t pos, size_t *end) {
    int after_space = 1;
    for (; pos < len; pos++) {
        if (after_space & smtp__code_start(s[pos])) {
            return smtp__word(s, len, pos, end);
        }
        after_space = smtp__is_space(s[pos]);
    }
    *end = len;
    return len;
}

/* The word w[0 .. len) with the leading and trailing punctuation of section 2 set aside: w[*from .. *to). Returns 1
 * when trailing punctuation was set aside. */
static int smtp__trim(const unsigned char *w, size_t len, size_t *from, size_t *to) {
    size_t a = 0;
    size_t b = len;
    while (a < len && (w[a] == '(' || w[a] == '[' || w[a] == '<' || w[a] == '#' || w[a] == '\'' || w[a] == '"')) {
        a++;
    }
    while (b > a && (w[b - 1] == ')' || w[b - 1] == ']' || w[b - 1] == '>' || w[b - 1] == ',' || w[b - 1] == ';' ||
                     w[b - 1] == ':' || w[b - 1] == '.' || w[b - 1] == '\'' || w[b - 1] == '"')) {
        b--;
    }
    *from = a;
    *to = b;
    return b < len;
}

/* The three bytes at d as an RFC 5321 reply code (first digit 2-5, second 0-5), or 0. */
static int smtp__reply_digits(const unsigned char *d) {
    if (d[0] < '2' || d[0] > '5' || d[1] < '0' || d[1] > '5' || !smtp__is_digit(d[2])) {
        return 0;
    }
    return (d[0] - '0') * 100 + (d[1] - '0') * 10 + (d[2] - '0');
}

/* Whether the word, trimmed, starts with 2 to 5, as every basic and enhanced code does: a cheap test that turns away
 * most words before trimming them. */
static int smtp__may_be_code(const unsigned char *w, size_t len) {
    size_t a = 0;
    while (a < len && (w[a] == '(' || w[a] == '[' || w[a] == '<' || w[a] == '#' || w[a] == '\'' || w[a] == '"')) {
        a++;
    }
    return a < len && w[a] >= '2' && w[a] <= '5';
}

/* A basic-code word: DDD, or DDD-rest with nothing trimmed at its end. Returns the code, or 0 when the word is not
 * one, and sets w[*rest .. *rest_end) to the rest after the '-' (empty for DDD and DDD-). */
static int smtp__basic_word(const unsigned char *w, size_t len, size_t *rest, size_t *rest_end) {
    size_t a;
    size_t b;
    int trailing;
    int code;
    *rest = 0;
    *rest_end = 0;
    if (!smtp__may_be_code(w, len)) {
        return 0;
    }
    trailing = smtp__trim(w, len, &a, &b);
    if (b - a == 3) {
        return smtp__reply_digits(w + a);
    }
    if (b - a >= 4 && w[a + 3] == '-' && !trailing) {
        code = smtp__reply_digits(w + a);
        if (code != 0) {
            *rest = a + 4;
            *rest_end = b;
        }
        return code;
    }
    return 0;
}

/* A word that, trimmed, is exactly class.subject.detail. */
static int smtp__enhanced_word(const unsigned char *w, size_t len, struct smtp_enhanced_code *out) {
    size_t a;
    size_t b;
    if (!smtp__may_be_code(w, len)) {
        return 0;
    }
    smtp__trim(w, len, &a, &b);
    return smtp_enhanced_parse((const char *)w + a, b - a, out);
}

/* The first enhanced-code word at or after pos. */
static int smtp__enhanced_after(const unsigned char *s, size_t len, size_t pos, struct smtp_enhanced_code *out) {
    size_t start;
    size_t end;
    for (;;) {
        start = smtp__candidate(s, len, pos, &end);
        if (start == len) {
            return 0;
        }
        if (smtp__enhanced_word(s + start, end - start, out)) {
            return 1;
        }
        pos = end;
    }
}

/* The codes of a reply, and the input offset where its text starts. */
struct smtp__found {
    int basic;
    struct smtp_enhanced_code enhanced;
    int has_enhanced;
    size_t text_from;
};

/* Section 2: the first basic-code word, then the enhanced code right after it or anywhere later (of the same class);
 * without a basic code, the first enhanced code anywhere. */
static void smtp__find_codes(const unsigned char *s, size_t len, struct smtp__found *found) {
    struct smtp_enhanced_code candidate = {0, 0, 0};
    size_t pos = 0;
    size_t start;
    size_t end = 0;
    size_t rest = 0;
    size_t rest_end = 0;
    size_t next;
    size_t next_end;
    int code = 0;
    int has = 0;
    found->basic = 0;
    found->enhanced = candidate;
    found->has_enhanced = 0;
    found->text_from = 0;
    /* one scan: the first enhanced code seen on the way counts when no basic code follows */
    for (;;) {
        start = smtp__candidate(s, len, pos, &end);
        if (start == len) {
            return;
        }
        code = smtp__basic_word(s + start, end - start, &rest, &rest_end);
        if (code != 0) {
            break;
        }
        if (!found->has_enhanced && smtp__enhanced_word(s + start, end - start, &candidate)) {
            found->enhanced = candidate;
            found->has_enhanced = 1;
            found->text_from = end;
        }
        pos = end;
    }
    found->enhanced.class_ = 0;
    found->enhanced.subject = 0;
    found->enhanced.detail = 0;
    found->has_enhanced = 0;
    found->basic = code;
    found->text_from = end;
    if (rest_end > rest) {
        has = smtp__enhanced_word(s + start + rest, rest_end - rest, &candidate) ||
              smtp__enhanced_after(s, len, end, &candidate);
    } else {
        next = smtp__word(s, len, end, &next_end);
        if (next < len && smtp__enhanced_word(s + next, next_end - next, &candidate)) {
            has = 1;
            found->text_from = next_end;
        } else {
            has = smtp__enhanced_after(s, len, end, &candidate);
        }
    }
    if (has && candidate.class_ == code / 100) {
        found->enhanced = candidate;
        found->has_enhanced = 1;
    }
}

/* What unfolding (section 3) drops: DDD, DDD-, DDD-E, and E right after a dropped DDD or DDD-. */
struct smtp__unfold {
    int active; /* a basic code was found: without one nothing is dropped */
    unsigned char digits[3];
    unsigned char enhanced[SMTP_ENHANCED_FORMAT_SIZE];
    size_t enhanced_len;
};

static void smtp__unfold_init(const struct smtp__found *found, struct smtp__unfold *unfold) {
    int formatted = 0;
    unfold->active = found->basic != 0;
    unfold->digits[0] = (unsigned char)('0' + found->basic / 100 % 10);
    unfold->digits[1] = (unsigned char)('0' + found->basic / 10 % 10);
    unfold->digits[2] = (unsigned char)('0' + found->basic % 10);
    if (found->has_enhanced) {
        formatted = smtp_enhanced_format(found->enhanced, (char *)unfold->enhanced, sizeof unfold->enhanced);
    }
    unfold->enhanced_len = formatted > 0 ? (size_t)formatted : 0;
}

/* Whether the word w[0 .. len) stays; *previous_bare carries whether the word before was a dropped DDD or DDD-. */
static int smtp__kept(const struct smtp__unfold *unfold, const unsigned char *w, size_t len, int *previous_bare) {
    size_t e = unfold->enhanced_len;
    int prefix;
    int bare;
    int joined;
    int follower;
    if (!unfold->active) {
        return 1;
    }
    prefix = len >= 3 && smtp__same(w, unfold->digits, 3);
    bare = prefix && (len == 3 || (len == 4 && w[3] == '-'));
    joined = e > 0 && prefix && len == 4 + e && w[3] == '-' && smtp__same(w + 4, unfold->enhanced, e);
    follower = *previous_bare && e > 0 && len == e && smtp__same(w, unfold->enhanced, e);
    *previous_bare = bare;
    return !(bare || joined || follower);
}

/* The matching text (section 5), produced a byte at a time straight from the input: the kept words joined by single
 * spaces, ASCII letters lowercased, typographic quotes folded. Copying the struct copies the position, which is how
 * the classifier looks ahead. */
struct smtp__stream {
    const unsigned char *s;
    size_t len;
    size_t pos;  /* the next input byte */
    int in_word; /* pos is inside a kept word */
    int started;
    int previous_bare;
    const struct smtp__unfold *unfold;
};

static void smtp__stream_init(struct smtp__stream *st, const unsigned char *s, size_t len,
                              const struct smtp__unfold *unfold) {
    st->s = s;
    st->len = len;
    st->pos = 0;
    st->in_word = 0;
    st->started = 0;
    st->previous_bare = 0;
    st->unfold = unfold;
}

/* Moves st->pos past white space and dropped words to the start of the next kept word; returns 0 at the end of the
 * text. Only a word that starts with the basic code's first digit can be dropped, so only such a word is measured. */
static int smtp__next_word(struct smtp__stream *st) {
    const unsigned char *s = st->s;
    size_t end;
    for (;;) {
        while (st->pos < st->len && smtp__is_space(s[st->pos])) {
            st->pos++;
        }
        if (st->pos == st->len) {
            return 0;
        }
        if (!st->unfold->active || s[st->pos] != st->unfold->digits[0]) {
            st->previous_bare = 0;
            return 1;
        }
        for (end = st->pos; end < st->len && !smtp__is_space(s[end]);) {
            end++;
        }
        if (smtp__kept(st->unfold, s + st->pos, end - st->pos, &st->previous_bare)) {
            return 1;
        }
        st->pos = end;
    }
}

/* Sets *out to the next byte of the matching text and returns 1; returns 0 at its end. */
static int smtp__next(struct smtp__stream *st, unsigned char *out) {
    const unsigned char *s = st->s;
    unsigned char c;
    if (!st->in_word || st->pos == st->len || smtp__is_space(s[st->pos])) {
        st->in_word = 0;
        if (!smtp__next_word(st)) {
            return 0;
        }
        st->in_word = 1;
        if (st->started) {
            *out = ' ';
            return 1;
        }
        st->started = 1;
    }
    /* a typographic quote: its three bytes are never white space, so they are all inside the word */
    c = s[st->pos];
    if (c == 0xe2 && st->pos + 2 < st->len && s[st->pos + 1] == 0x80) {
        unsigned char third = s[st->pos + 2];
        if (third == 0x98 || third == 0x99 || third == 0x9c || third == 0x9d) {
            *out = third <= 0x99 ? '\'' : '"';
            st->pos += 3;
            return 1;
        }
    }
    *out = (c >= 'A' && c <= 'Z') ? (unsigned char)(c + ('a' - 'A')) : c;
    st->pos++;
    return 1;
}

/* ---- matching and classifying (sections 4, 6 and 7) ---- */

#define SMTP__VENDOR_SLOTS (SMTP__COUNT(smtp__vendors) + 1)

/* The best candidate of one vendor: the entry that matched by a token rather than a fragment, then by the longer
 * pattern, then the earlier entry. Whether a candidate that needs its vendor's marker counts is only known at the
 * end, so each vendor keeps two: the best of all its candidates, and the best of those that need no marker. */
struct smtp__candidate {
    uint32_t entry;
    uint32_t length;
    int token;
    int set;
};

/* What one pass of the automaton saw. */
struct smtp__seen {
    int classify; /* 0: only the command is wanted */
    int any_marked;
    int has_command;
    uint32_t command;
    int has_phrase;
    uint32_t phrase;
    uint32_t phrase_length;
    unsigned char marked[SMTP__VENDOR_SLOTS];
    /* vendors with candidates, in the order first seen; only their best and no_marker slots are set up */
    size_t touched_count;
    unsigned char touched[SMTP__VENDOR_SLOTS];
    uint32_t touched_list[SMTP__VENDOR_SLOTS];
    struct smtp__candidate best[SMTP__VENDOR_SLOTS];
    struct smtp__candidate no_marker[SMTP__VENDOR_SLOTS];
};

/* Keeps the candidate in *best when it is better. */
static void smtp__offer(struct smtp__candidate *best, int token, uint32_t length, uint32_t entry) {
    if (!best->set || (token != best->token ? token : length != best->length ? length > best->length
                                                                               : entry < best->entry)) {
        best->set = 1;
        best->token = token;
        best->length = length;
        best->entry = entry;
    }
}

/* The right-hand boundary and range of a token match; st stands right after the match, so its next bytes are the
 * bytes that follow the token. */
static int smtp__token_holds(const struct smtp__stream *st, unsigned flags, const struct smtp_vendor_entry *e) {
    struct smtp__stream ahead = *st;
    unsigned char c = 0;
    uint32_t value = 0;
    int digits = 0;
    int more;
    if (!e->has_range) {
        return !((flags & 2u) != 0 && smtp__next(&ahead, &c) && smtp__is_alnum(c));
    }
    while ((more = smtp__next(&ahead, &c)) != 0 && smtp__is_digit(c)) {
        if (++digits > 9) {
            return 0;
        }
        value = value * 10u + (uint32_t)(c - '0');
    }
    if (digits == 0 || (more && smtp__is_alnum(c))) {
        return 0;
    }
    return value >= e->range_low && value <= e->range_high;
}

/* An entry's code lists allow the reply when empty, when the reply lacks that code, or when they list it. */
static int smtp__codes_allow(const struct smtp_vendor_entry *e, const struct smtp__found *found) {
    size_t i;
    int basic_ok = e->basic_count == 0 || found->basic == 0;
    int enhanced_ok = e->enhanced_count == 0 || !found->has_enhanced;
    for (i = 0; !basic_ok && i < e->basic_count; i++) {
        basic_ok = e->basic[i] == found->basic;
    }
    for (i = 0; !enhanced_ok && i < e->enhanced_count; i++) {
        enhanced_ok = e->enhanced[i].class_ == found->enhanced.class_ &&
                      e->enhanced[i].subject == found->enhanced.subject &&
                      e->enhanced[i].detail == found->enhanced.detail;
    }
    return basic_ok && enhanced_ok;
}

static void smtp__matched(struct smtp__seen *seen, const struct smtp__pattern *p, const struct smtp__stream *st,
                          const struct smtp__found *found) {
    const struct smtp_vendor_entry *e;
    int token;
    if (p->kind == SMTP__COMMAND) {
        if (!seen->has_command || p->owner < seen->command) {
            seen->has_command = 1;
            seen->command = p->owner;
        }
        return;
    }
    if (!seen->classify) {
        return;
    }
    switch (p->kind) {
    case SMTP__MARKER:
        seen->marked[p->owner] = 1;
        seen->any_marked = 1;
        break;
    case SMTP__PHRASE:
        if (!seen->has_phrase || p->length > seen->phrase_length ||
            (p->length == seen->phrase_length && p->owner < seen->phrase)) {
            seen->has_phrase = 1;
            seen->phrase = p->owner;
            seen->phrase_length = p->length;
        }
        break;
    default:
        e = &smtp__vendors[p->owner].entries[p->entry];
        token = p->kind == SMTP__TOKEN;
        if ((token && !smtp__token_holds(st, p->flags, e)) || !smtp__codes_allow(e, found)) {
            break;
        }
        if (!seen->touched[p->owner]) {
            seen->touched[p->owner] = 1;
            seen->touched_list[seen->touched_count++] = p->owner;
            seen->best[p->owner].set = 0;
            seen->no_marker[p->owner].set = 0;
        }
        smtp__offer(&seen->best[p->owner], token, p->length, p->entry);
        if ((p->flags & 4u) == 0) {
            smtp__offer(&seen->no_marker[p->owner], token, p->length, p->entry);
        }
        break;
    }
}

/* One automaton step from state on a byte of class c: deep states try the next state, then their other edges, and
 * fall back along failure links until a state with a complete row answers. */
static uint32_t smtp__step(uint32_t state, unsigned c) {
    uint32_t i;
    while (state >= SMTP__ROW_STATES) {
        if (smtp__next_class[state] == c) {
            return state + 1;
        }
        for (i = smtp__edge_start[state]; i < smtp__edge_start[state + 1]; i++) {
            if (smtp__edge_class[i] == c) {
                return smtp__edge_next[i];
            }
        }
        state = smtp__fail[state];
    }
    return smtp__rows[state * SMTP__CLASSES + c];
}

/* Hands every pattern that ends at state (the matching text's byte at position just went in) to smtp__matched; st
 * stands right after that byte. A pattern that starts with a letter or digit only counts where the byte before it
 * is not one (section 6): window holds the last SMTP__WINDOW bytes. */
static void smtp__report(uint32_t state, size_t position, const unsigned char *window, const struct smtp__stream *st,
                         const struct smtp__found *found, struct smtp__seen *seen) {
    uint32_t at = smtp__out_start[state] < smtp__out_start[state + 1] ? state : smtp__dict[state];
    uint32_t i;
    while (at != 0) {
        for (i = smtp__out_start[at]; i < smtp__out_start[at + 1]; i++) {
            const struct smtp__pattern *p = &smtp__patterns[smtp__out_pattern[i]];
            size_t start = position + 1 - p->length;
            if ((p->flags & 1u) == 0 || start == 0 || !smtp__is_alnum(window[(start - 1) & (SMTP__WINDOW - 1)])) {
                smtp__matched(seen, p, st, found);
            }
        }
        at = smtp__dict[at];
    }
}

/* Reads the codes, then runs the automaton over the matching text in one streaming pass. */
static void smtp__read(const char *text, size_t len, struct smtp__found *found, struct smtp__seen *seen) {
    const unsigned char *s = (const unsigned char *)text;
    struct smtp__unfold unfold;
    struct smtp__stream st;
    unsigned char window[SMTP__WINDOW];
    unsigned char c;
    size_t position = 0;
    size_t pos = 0; /* st.pos, kept in a register between calls */
    int in_word = 0;
    uint32_t state = 0;
    if (s == NULL) {
        len = 0;
    }
    smtp__find_codes(s, len, found);
    smtp__unfold_init(found, &unfold);
    smtp__stream_init(&st, s, len, &unfold);
    for (;; position++) {
        if (in_word && pos < len && s[pos] != 0xe2 && !smtp__is_space(s[pos])) {
            /* the common case, inline: a byte inside a word (capitals are left to the byte classes) */
            c = s[pos++];
        } else if (in_word && pos + 1 < len && s[pos] == ' ' && !smtp__is_space(s[pos + 1]) &&
                   (!unfold.active || s[pos + 1] != unfold.digits[0])) {
            /* the next common case, inline: one space, then a word unfolding keeps (see smtp__next_word) */
            c = ' ';
            pos++;
            st.previous_bare = 0;
        } else {
            st.pos = pos;
            if (!smtp__next(&st, &c)) {
                break;
            }
            pos = st.pos;
            in_word = 1;
        }
        window[position & (SMTP__WINDOW - 1)] = c;
        state = smtp__step(state, smtp__class[c]);
        if ((smtp__has_output[state >> 3] >> (state & 7)) & 1u) {
            st.pos = pos;
            smtp__report(state, position, window, &st, found, seen);
        }
    }
}

static void smtp__seen_init(struct smtp__seen *seen, int classify) {
    size_t v;
    seen->classify = classify;
    seen->any_marked = 0;
    seen->touched_count = 0;
    seen->has_command = 0;
    seen->command = 0;
    seen->has_phrase = 0;
    seen->phrase = 0;
    seen->phrase_length = 0;
    for (v = 0; v < (classify ? SMTP__VENDOR_SLOTS : 0); v++) {
        seen->marked[v] = 0;
        seen->touched[v] = 0;
    }
}

SMTP__DEF int smtp_parse(const char *text, size_t len, struct smtp_reply *out) {
    struct smtp__found found;
    struct smtp__seen seen;
    smtp__seen_init(&seen, 0);
    smtp__read(text, len, &found, &seen);
    if (out != NULL) {
        out->basic = found.basic;
        out->enhanced = found.enhanced;
        out->has_enhanced = found.has_enhanced;
        out->command = seen.has_command ? smtp__commands[seen.command].value : NULL;
    }
    return found.basic != 0 || found.has_enhanced;
}

/* Appends bytes to a caller's buffer of n bytes, counting what does not fit. */
struct smtp__writer {
    char *buf;
    size_t n;
    size_t len;
};

static void smtp__put(struct smtp__writer *w, unsigned char c) {
    if (w->len + 1 < w->n) {
        w->buf[w->len] = (char)c;
    }
    w->len++;
}

/* The length of the well-formed UTF-8 character at s[0 .. n), or 0 when it is not one; *bad is then the length of
 * the maximal prefix of a character there (at least 1), which one U+FFFD replaces. */
static size_t smtp__utf8(const unsigned char *s, size_t n, size_t *bad) {
    unsigned char c = s[0];
    unsigned char low = 0x80;
    unsigned char high = 0xbf;
    size_t need;
    size_t i;
    if (c < 0x80) {
        return 1;
    }
    if (c >= 0xc2 && c <= 0xdf) {
        need = 1;
    } else if (c >= 0xe0 && c <= 0xef) {
        need = 2;
        low = c == 0xe0 ? 0xa0 : 0x80;
        high = c == 0xed ? 0x9f : 0xbf;
    } else if (c >= 0xf0 && c <= 0xf4) {
        need = 3;
        low = c == 0xf0 ? 0x90 : 0x80;
        high = c == 0xf4 ? 0x8f : 0xbf;
    } else {
        *bad = 1;
        return 0;
    }
    for (i = 1; i <= need; i++) {
        if (i >= n || s[i] < low || s[i] > high) {
            *bad = i;
            return 0;
        }
        low = 0x80;
        high = 0xbf;
    }
    return need + 1;
}

SMTP__DEF size_t smtp_parse_text(const char *text, size_t len, char *buf, size_t n) {
    const unsigned char *s = (const unsigned char *)text;
    struct smtp__found found;
    struct smtp__unfold unfold;
    struct smtp__writer w;
    size_t pos = 0;
    size_t start;
    size_t end;
    int previous_bare = 0;
    int started = 0;
    if (s == NULL) {
        len = 0;
    }
    w.buf = buf;
    w.n = buf != NULL ? n : 0;
    w.len = 0;
    smtp__find_codes(s, len, &found);
    smtp__unfold_init(&found, &unfold);
    for (;; pos = end) {
        start = smtp__word(s, len, pos, &end);
        if (start == len) {
            break;
        }
        /* every word goes through unfolding, so a word knows whether the one before it was dropped */
        if (!smtp__kept(&unfold, s + start, end - start, &previous_bare) || start < found.text_from) {
            continue;
        }
        if (started) {
            smtp__put(&w, ' ');
        }
        started = 1;
        while (start < end) {
            size_t bad = 1;
            size_t good = smtp__utf8(s + start, end - start, &bad);
            if (good == 0) {
                smtp__put(&w, 0xef);
                smtp__put(&w, 0xbf);
                smtp__put(&w, 0xbd);
                start += bad;
            } else {
                while (good-- > 0) {
                    smtp__put(&w, s[start++]);
                }
            }
        }
    }
    if (w.n > 0) {
        w.buf[w.len < w.n ? w.len : w.n - 1] = '\0';
    }
    return w.len;
}

/* Hard only for a reason about the address itself, and never on a transient failure. */
static enum smtp_bounce smtp__bounce_of(const char *reason, enum smtp_retry retry) {
    const struct smtp_reason_info *info = smtp_reason_lookup(reason);
    return info != NULL && info->bounce == SMTP_BOUNCE_HARD && retry != SMTP_RETRY_TRANSIENT ? SMTP_BOUNCE_HARD
                                                                                              : SMTP_BOUNCE_SOFT;
}

/* Without an entry or a failure code, only the reason can say what retry it implies ("User unknown" alone). */
static enum smtp_retry smtp__reason_retry(const char *reason) {
    const struct smtp_reason_info *info = smtp_reason_lookup(reason);
    return info != NULL ? info->retry : SMTP_RETRY_NONE;
}

/* The best candidate of vendor v that counts: any of them when its marker matched, else those needing no marker. */
static const struct smtp__candidate *smtp__eligible(const struct smtp__seen *seen, size_t v) {
    const struct smtp__candidate *best = seen->marked[v] ? &seen->best[v] : &seen->no_marker[v];
    return best->set ? best : NULL;
}

/* Of two vendors' best candidates, is a's better than b's: marked vendor, token, longer pattern, catalogue order? */
static int smtp__better(const struct smtp__seen *seen, size_t a, size_t b) {
    const struct smtp__candidate *x = smtp__eligible(seen, a);
    const struct smtp__candidate *y = smtp__eligible(seen, b);
    if (seen->marked[a] != seen->marked[b]) {
        return seen->marked[a];
    }
    if (x->token != y->token) {
        return x->token;
    }
    if (x->length != y->length) {
        return x->length > y->length;
    }
    return a < b;
}

SMTP__DEF int smtp_classify(const char *text, size_t len, struct smtp_classification *out) {
    struct smtp__found found;
    struct smtp__seen seen;
    const struct smtp_vendor_entry *entry = NULL;
    const struct smtp_vendor_info *vendor = NULL;
    const struct smtp_enhanced_info *registry;
    const struct smtp_basic_info *basic;
    const char *reason = NULL;
    enum smtp_retry failure = SMTP_RETRY_NONE;
    int digit;
    int positive;
    size_t chosen = 0;
    size_t v;
    size_t i;
    int any = 0;
    smtp__seen_init(&seen, 1);
    smtp__read(text, len, &found, &seen);
    digit = found.has_enhanced ? found.enhanced.class_ : found.basic / 100;
    failure = digit == 4 ? SMTP_RETRY_TRANSIENT : digit == 5 ? SMTP_RETRY_PERMANENT : SMTP_RETRY_NONE;
    positive = failure == SMTP_RETRY_NONE && (found.basic != 0 || found.has_enhanced);
    for (i = 0; !positive && i < seen.touched_count; i++) {
        v = seen.touched_list[i];
        if (smtp__eligible(&seen, v) != NULL && (!any || smtp__better(&seen, v, chosen))) {
            any = 1;
            chosen = v;
        }
    }
    if (any) {
        vendor = &smtp__vendors[chosen];
        entry = &vendor->entries[smtp__eligible(&seen, chosen)->entry];
    }
    for (v = 0; vendor == NULL && seen.any_marked && v < SMTP__COUNT(smtp__vendors); v++) {
        if (seen.marked[v]) {
            vendor = &smtp__vendors[v];
        }
    }
    registry = found.has_enhanced ? smtp_enhanced_lookup(found.enhanced.subject, found.enhanced.detail) : NULL;
    basic = found.basic != 0 ? smtp_basic_lookup(found.basic) : NULL;
    if (entry != NULL) {
        reason = entry->reason;
    } else if (positive) {
        reason = NULL;
    } else if (seen.has_phrase) {
        reason = smtp__phrases[seen.phrase].value;
    } else if (registry != NULL && smtp__strcmp(registry->reason, "undefined") != 0) {
        reason = registry->reason;
    } else if (basic != NULL && basic->reason != NULL) {
        reason = basic->reason;
    } else if (failure != SMTP_RETRY_NONE) {
        reason = "undefined";
    }
    if (out != NULL) {
        out->basic = found.basic;
        out->enhanced = found.enhanced;
        out->has_enhanced = found.has_enhanced;
        out->command = seen.has_command ? smtp__commands[seen.command].value : NULL;
        out->retry = entry != NULL ? entry->retry : failure != SMTP_RETRY_NONE ? failure : smtp__reason_retry(reason);
        out->bounce = entry != NULL ? entry->bounce
                      : reason != NULL ? smtp__bounce_of(reason, out->retry)
                                       : SMTP_BOUNCE_NONE;
        out->reason = reason;
        out->vendor = vendor;
        out->entry = entry;
        out->action = entry != NULL      ? entry->action
                      : registry != NULL ? registry->action
                      : basic != NULL    ? basic->action
                                         : NULL;
    }
    return found.basic != 0 || found.has_enhanced;
}

#ifdef __cplusplus
}
#endif

#endif /* SMTP_CODES_IMPLEMENTATION */
