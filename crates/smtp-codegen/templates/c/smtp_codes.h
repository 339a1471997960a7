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

/* Reserved: the reply parser (multi-line replies, DSN Diagnostic-Code) and the classifier of docs/parsing.md are
 * declared here. */

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
    {NULL, NULL, SMTP_BOUNCE_NONE}
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

/* Reserved: the implementation of the reply parser and the classifier (docs/parsing.md) goes here, after the
 * tables and helpers above, which it uses. */

#ifdef __cplusplus
}
#endif

#endif /* SMTP_CODES_IMPLEMENTATION */
