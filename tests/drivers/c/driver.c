/* Driver over generated/c/smtp_codes.h, used by `cargo xtask test`, `cargo xtask drive --lang c` and
 * `cargo xtask bench`.
 *
 * `dump` prints every fact the header knows as JSON Lines, in catalogue order (see docs/bindings.md): keys in the
 * documented order, strings escaped as serde_json escapes them, so the lines match the Rust driver's byte for byte.
 *
 * `classify` reads `{"id": ..., "text": "..."}` lines on stdin and writes one answer line per input line, byte for byte
 * what the Rust driver (serde_json) writes: the id comes back as serde_json re-serializes it (compact, duplicate keys
 * merged in place, numbers as serde_json parses and prints them), a line that is not JSON gets
 * `{"id":null,"error":"invalid JSON"}`. The JSON reader below accepts exactly what serde_json accepts (RFC 8259,
 * UTF-8 only, paired surrogates only, nesting below 128).
 *
 * `bench N` classifies the texts of the lines on stdin over and over until N lines, then prints
 * `{"lines":N,"seconds":S,"checksum":C}`.
 *
 * Each mode is a function from (arguments, stdin, stdout) to an exit status, listed in `modes` below. The header
 * allocates nothing; this driver does (lines and JSON trees). */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#define SMTP_CODES_IMPLEMENTATION
#include "smtp_codes.h"

#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- JSON output ---- */

/* One JSON object being written on one line. */
struct json_line {
    FILE *out;
    int fields;
};

static void json_string(FILE *out, const char *s) {
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    if (s == NULL) {
        fputs("null", out);
        return;
    }
    fputc('"', out);
    for (; *p != 0; p++) {
        switch (*p) {
        case '"':
            fputs("\\\"", out);
            break;
        case '\\':
            fputs("\\\\", out);
            break;
        case '\b':
            fputs("\\b", out);
            break;
        case '\f':
            fputs("\\f", out);
            break;
        case '\n':
            fputs("\\n", out);
            break;
        case '\r':
            fputs("\\r", out);
            break;
        case '\t':
            fputs("\\t", out);
            break;
        default:
            if (*p < 0x20) {
                fputs("\\u00", out);
                fputc(hex[*p >> 4], out);
                fputc(hex[*p & 0xf], out);
            } else {
                fputc(*p, out); /* ASCII and UTF-8 bytes pass through */
            }
        }
    }
    fputc('"', out);
}

static void json_key(struct json_line *line, const char *key) {
    fputc(line->fields++ == 0 ? '{' : ',', line->out);
    json_string(line->out, key);
    fputc(':', line->out);
}

static void json_str(struct json_line *line, const char *key, const char *value) {
    json_key(line, key);
    json_string(line->out, value);
}

static void json_int(struct json_line *line, const char *key, int value) {
    json_key(line, key);
    fprintf(line->out, "%d", value);
}

static void json_ints(struct json_line *line, const char *key, const int *values, size_t count) {
    size_t i;
    json_key(line, key);
    fputc('[', line->out);
    for (i = 0; i < count; i++) {
        fprintf(line->out, i == 0 ? "%d" : ",%d", values[i]);
    }
    fputc(']', line->out);
}

static void json_end(struct json_line *line) {
    fputs(line->fields == 0 ? "{}\n" : "}\n", line->out);
}

/* ---- modes ---- */

static int dump(int argc, char **argv, FILE *in, FILE *out) {
    size_t i;
    size_t j;
    (void)argc;
    (void)argv;
    (void)in;
    for (i = 0; i < smtp_basic_count(); i++) {
        const struct smtp_basic_info *b = smtp_basic_at(i);
        struct json_line line = {out, 0};
        json_str(&line, "kind", "basic");
        json_int(&line, "code", b->code);
        json_str(&line, "name", b->name);
        json_str(&line, "status", smtp_status_str(b->status));
        json_str(&line, "retry", smtp_retry_str(b->retry));
        json_str(&line, "reason", b->reason);
        json_str(&line, "meaning", b->meaning);
        json_end(&line);
    }
    for (i = 0; i < smtp_enhanced_count(); i++) {
        const struct smtp_enhanced_info *e = smtp_enhanced_at(i);
        struct smtp_enhanced_code registry;
        char code[SMTP_ENHANCED_FORMAT_SIZE];
        struct json_line line = {out, 0};
        registry.class_ = 0; /* formats as "X" */
        registry.subject = e->subject;
        registry.detail = e->detail;
        smtp_enhanced_format(registry, code, sizeof code);
        json_str(&line, "kind", "enhanced");
        json_str(&line, "code", code);
        json_str(&line, "name", e->name);
        json_ints(&line, "classes", e->classes, e->class_count);
        json_str(&line, "reason", e->reason);
        json_str(&line, "meaning", e->meaning);
        json_end(&line);
    }
    for (i = 0; i < smtp_vendor_count(); i++) {
        const struct smtp_vendor_info *vendor = smtp_vendor_at(i);
        for (j = 0; j < vendor->entry_count; j++) {
            const struct smtp_vendor_entry *e = &vendor->entries[j];
            struct json_line line = {out, 0};
            json_str(&line, "kind", "entry");
            json_str(&line, "vendor", e->vendor);
            json_str(&line, "id", e->id);
            json_str(&line, "retry", smtp_retry_str(e->retry));
            json_str(&line, "bounce", smtp_bounce_str(e->bounce));
            json_str(&line, "reason", e->reason);
            json_str(&line, "meaning", e->meaning);
            json_end(&line);
        }
    }
    return 0;
}

/* ---- growable buffers ---- */

static void *grow(void *data, size_t *cap, size_t need, size_t item) {
    size_t cap2 = *cap == 0 ? 64 : *cap;
    void *bigger;
    if (need <= *cap) {
        return data;
    }
    while (cap2 < need) {
        cap2 *= 2;
    }
    bigger = realloc(data, cap2 * item);
    if (bigger == NULL) {
        fputs("smtp-codes-driver: out of memory\n", stderr);
        exit(1);
    }
    *cap = cap2;
    return bigger;
}

struct bytes {
    char *data;
    size_t len;
    size_t cap;
};

static void put_bytes(struct bytes *b, const void *p, size_t n) {
    b->data = (char *)grow(b->data, &b->cap, b->len + n, 1);
    if (n > 0) {
        memcpy(b->data + b->len, p, n);
    }
    b->len += n;
}

static void put_byte(struct bytes *b, unsigned char c) {
    if (b->len == b->cap) {
        b->data = (char *)grow(b->data, &b->cap, b->len + 1, 1);
    }
    b->data[b->len++] = (char)c;
}

static void put_str(struct bytes *b, const char *s) {
    put_bytes(b, s, strlen(s));
}

/* A JSON string of n bytes, escaped as serde_json escapes: \" \\ \b \f \n \r \t, other controls as \u00XX. */
static void put_json_string(struct bytes *b, const char *s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    size_t i;
    put_byte(b, '"');
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"':
            put_str(b, "\\\"");
            break;
        case '\\':
            put_str(b, "\\\\");
            break;
        case '\b':
            put_str(b, "\\b");
            break;
        case '\f':
            put_str(b, "\\f");
            break;
        case '\n':
            put_str(b, "\\n");
            break;
        case '\r':
            put_str(b, "\\r");
            break;
        case '\t':
            put_str(b, "\\t");
            break;
        default:
            if (c < 0x20) {
                put_str(b, "\\u00");
                put_byte(b, (unsigned char)hex[c >> 4]);
                put_byte(b, (unsigned char)hex[c & 0xf]);
            } else {
                put_byte(b, c);
            }
        }
    }
    put_byte(b, '"');
}

static void put_optional(struct bytes *b, const char *s) {
    if (s == NULL) {
        put_str(b, "null");
    } else {
        put_json_string(b, s, strlen(s));
    }
}

/* ---- lines ---- */

/* Reads stdin in blocks and hands out its lines, split at '\n' like Rust's BufRead::split: a last line without '\n'
 * counts, an empty rest after the last '\n' does not. */
struct reader {
    FILE *in;
    char *buf;
    size_t len;
    size_t cap;
    size_t start;
    int eof;
};

/* Sets [*line, *line + *n) to the next line (valid until the next call) and returns 1; returns 0 at the end, -1 on a
 * read error. */
static int read_line(struct reader *r, const char **line, size_t *n) {
    size_t scan = r->start;
    for (;;) {
        const char *nl = scan < r->len ? (const char *)memchr(r->buf + scan, '\n', r->len - scan) : NULL;
        size_t got;
        if (nl != NULL) {
            *line = r->buf + r->start;
            *n = (size_t)(nl - *line);
            r->start = (size_t)(nl - r->buf) + 1;
            return 1;
        }
        scan = r->len;
        if (r->eof) {
            if (r->start < r->len) {
                *line = r->buf + r->start;
                *n = r->len - r->start;
                r->start = r->len;
                return 1;
            }
            return 0;
        }
        if (r->start > 0) {
            memmove(r->buf, r->buf + r->start, r->len - r->start);
            r->len -= r->start;
            scan -= r->start;
            r->start = 0;
        }
        r->buf = (char *)grow(r->buf, &r->cap, r->len + 65536, 1);
        got = fread(r->buf + r->len, 1, r->cap - r->len, r->in);
        r->len += got;
        if (got == 0) {
            if (ferror(r->in)) {
                return -1;
            }
            r->eof = 1;
        }
    }
}

/* ---- JSON input, as serde_json reads it ---- */

enum json_kind { J_NULL, J_FALSE, J_TRUE, J_NUMBER, J_STRING, J_ARRAY, J_OBJECT };

/* A value. Strings, keys and numbers (already in serde_json's output form) live in the parser's text buffer;
 * children of arrays and objects form a list through next. */
struct node {
    enum json_kind kind;
    size_t text;
    size_t text_len;
    size_t key;
    size_t key_len;
    long first;
    long next;
    int gone; /* a duplicate key merged into its first occurrence */
};

struct parser {
    const unsigned char *s;
    size_t len;
    size_t pos;
    struct node *nodes;
    size_t count;
    size_t cap;
    struct bytes text;
};

/* serde_json's recursion limit: 128 levels of arrays and objects fail, 127 pass. */
#define MAX_DEPTH 128

static int peek(const struct parser *p) {
    return p->pos < p->len ? p->s[p->pos] : -1;
}

static void skip_space(struct parser *p) {
    while (p->pos < p->len &&
           (p->s[p->pos] == ' ' || p->s[p->pos] == '\n' || p->s[p->pos] == '\t' || p->s[p->pos] == '\r')) {
        p->pos++;
    }
}

static int is_digit(int c) {
    return c >= '0' && c <= '9';
}

static long new_node(struct parser *p, enum json_kind kind) {
    struct node *n;
    p->nodes = (struct node *)grow(p->nodes, &p->cap, p->count + 1, sizeof *p->nodes);
    n = &p->nodes[p->count];
    n->kind = kind;
    n->text = p->text.len;
    n->text_len = 0;
    n->key = 0;
    n->key_len = 0;
    n->first = -1;
    n->next = -1;
    n->gone = 0;
    return (long)p->count++;
}

static int expect_word(struct parser *p, const char *word) {
    size_t n = strlen(word);
    if (p->len - p->pos < n || memcmp(p->s + p->pos, word, n) != 0) {
        return 0;
    }
    p->pos += n;
    return 1;
}

/* Well-formed UTF-8, as Rust's str::from_utf8 checks it. */
static int valid_utf8(const unsigned char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        unsigned char low = 0x80;
        unsigned char high = 0xbf;
        size_t need;
        size_t j;
        if (c < 0x80) {
            i++;
            continue;
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
            return 0;
        }
        for (j = 1; j <= need; j++) {
            if (i + j >= n || s[i + j] < low || s[i + j] > high) {
                return 0;
            }
            low = 0x80;
            high = 0xbf;
        }
        i += need + 1;
    }
    return 1;
}

static void put_utf8(struct bytes *b, unsigned long cp) {
    if (cp < 0x80) {
        put_byte(b, (unsigned char)cp);
    } else if (cp < 0x800) {
        put_byte(b, (unsigned char)(0xc0 | (cp >> 6)));
        put_byte(b, (unsigned char)(0x80 | (cp & 0x3f)));
    } else if (cp < 0x10000) {
        put_byte(b, (unsigned char)(0xe0 | (cp >> 12)));
        put_byte(b, (unsigned char)(0x80 | ((cp >> 6) & 0x3f)));
        put_byte(b, (unsigned char)(0x80 | (cp & 0x3f)));
    } else {
        put_byte(b, (unsigned char)(0xf0 | (cp >> 18)));
        put_byte(b, (unsigned char)(0x80 | ((cp >> 12) & 0x3f)));
        put_byte(b, (unsigned char)(0x80 | ((cp >> 6) & 0x3f)));
        put_byte(b, (unsigned char)(0x80 | (cp & 0x3f)));
    }
}

static int hex4(struct parser *p, unsigned long *out) {
    unsigned long value = 0;
    int i;
    for (i = 0; i < 4; i++) {
        int c = peek(p);
        int digit;
        if (c >= '0' && c <= '9') {
            digit = c - '0';
        } else if (c >= 'a' && c <= 'f') {
            digit = c - 'a' + 10;
        } else if (c >= 'A' && c <= 'F') {
            digit = c - 'A' + 10;
        } else {
            return 0;
        }
        value = value * 16 + (unsigned long)digit;
        p->pos++;
    }
    *out = value;
    return 1;
}

/* A string at p->pos (the opening quote), decoded into the text buffer: sets its offset and length. */
static int parse_string(struct parser *p, size_t *at, size_t *n) {
    *at = p->text.len;
    p->pos++;
    for (;;) {
        int c = peek(p);
        unsigned long cp;
        unsigned long low;
        if (c < 0) {
            return 0;
        }
        p->pos++;
        if (c == '"') {
            break;
        }
        if (c < 0x20) {
            return 0;
        }
        if (c != '\\') {
            put_byte(&p->text, (unsigned char)c);
            continue;
        }
        c = peek(p);
        p->pos++;
        switch (c) {
        case '"':
        case '\\':
        case '/':
            put_byte(&p->text, (unsigned char)c);
            break;
        case 'b':
            put_byte(&p->text, '\b');
            break;
        case 'f':
            put_byte(&p->text, '\f');
            break;
        case 'n':
            put_byte(&p->text, '\n');
            break;
        case 'r':
            put_byte(&p->text, '\r');
            break;
        case 't':
            put_byte(&p->text, '\t');
            break;
        case 'u':
            if (!hex4(p, &cp) || (cp >= 0xdc00 && cp <= 0xdfff)) {
                return 0;
            }
            if (cp >= 0xd800 && cp <= 0xdbff) {
                if (peek(p) != '\\') {
                    return 0;
                }
                p->pos++;
                if (peek(p) != 'u') {
                    return 0;
                }
                p->pos++;
                if (!hex4(p, &low) || low < 0xdc00 || low > 0xdfff) {
                    return 0;
                }
                cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
            }
            put_utf8(&p->text, cp);
            break;
        default:
            return 0;
        }
    }
    *n = p->text.len - *at;
    return valid_utf8((const unsigned char *)p->text.data + *at, *n);
}

/* ---- numbers, as serde_json (without float_roundtrip) parses and prints them ---- */

static const double pow10_table[309] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
    1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
    1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29,
    1e30, 1e31, 1e32, 1e33, 1e34, 1e35, 1e36, 1e37, 1e38, 1e39,
    1e40, 1e41, 1e42, 1e43, 1e44, 1e45, 1e46, 1e47, 1e48, 1e49,
    1e50, 1e51, 1e52, 1e53, 1e54, 1e55, 1e56, 1e57, 1e58, 1e59,
    1e60, 1e61, 1e62, 1e63, 1e64, 1e65, 1e66, 1e67, 1e68, 1e69,
    1e70, 1e71, 1e72, 1e73, 1e74, 1e75, 1e76, 1e77, 1e78, 1e79,
    1e80, 1e81, 1e82, 1e83, 1e84, 1e85, 1e86, 1e87, 1e88, 1e89,
    1e90, 1e91, 1e92, 1e93, 1e94, 1e95, 1e96, 1e97, 1e98, 1e99,
    1e100, 1e101, 1e102, 1e103, 1e104, 1e105, 1e106, 1e107, 1e108, 1e109,
    1e110, 1e111, 1e112, 1e113, 1e114, 1e115, 1e116, 1e117, 1e118, 1e119,
    1e120, 1e121, 1e122, 1e123, 1e124, 1e125, 1e126, 1e127, 1e128, 1e129,
    1e130, 1e131, 1e132, 1e133, 1e134, 1e135, 1e136, 1e137, 1e138, 1e139,
    1e140, 1e141, 1e142, 1e143, 1e144, 1e145, 1e146, 1e147, 1e148, 1e149,
    1e150, 1e151, 1e152, 1e153, 1e154, 1e155, 1e156, 1e157, 1e158, 1e159,
    1e160, 1e161, 1e162, 1e163, 1e164, 1e165, 1e166, 1e167, 1e168, 1e169,
    1e170, 1e171, 1e172, 1e173, 1e174, 1e175, 1e176, 1e177, 1e178, 1e179,
    1e180, 1e181, 1e182, 1e183, 1e184, 1e185, 1e186, 1e187, 1e188, 1e189,
    1e190, 1e191, 1e192, 1e193, 1e194, 1e195, 1e196, 1e197, 1e198, 1e199,
    1e200, 1e201, 1e202, 1e203, 1e204, 1e205, 1e206, 1e207, 1e208, 1e209,
    1e210, 1e211, 1e212, 1e213, 1e214, 1e215, 1e216, 1e217, 1e218, 1e219,
    1e220, 1e221, 1e222, 1e223, 1e224, 1e225, 1e226, 1e227, 1e228, 1e229,
    1e230, 1e231, 1e232, 1e233, 1e234, 1e235, 1e236, 1e237, 1e238, 1e239,
    1e240, 1e241, 1e242, 1e243, 1e244, 1e245, 1e246, 1e247, 1e248, 1e249,
    1e250, 1e251, 1e252, 1e253, 1e254, 1e255, 1e256, 1e257, 1e258, 1e259,
    1e260, 1e261, 1e262, 1e263, 1e264, 1e265, 1e266, 1e267, 1e268, 1e269,
    1e270, 1e271, 1e272, 1e273, 1e274, 1e275, 1e276, 1e277, 1e278, 1e279,
    1e280, 1e281, 1e282, 1e283, 1e284, 1e285, 1e286, 1e287, 1e288, 1e289,
    1e290, 1e291, 1e292, 1e293, 1e294, 1e295, 1e296, 1e297, 1e298, 1e299,
    1e300, 1e301, 1e302, 1e303, 1e304, 1e305, 1e306, 1e307, 1e308,
};

/* significand * 10 + digit would not fit in a u64 */
static int u64_overflows(uint64_t significand, int digit) {
    return significand >= UINT64_MAX / 10 && (significand > UINT64_MAX / 10 || (uint64_t)digit > UINT64_MAX % 10);
}

/* f64_from_parts: the significand scaled by 10^exponent with serde_json's arithmetic. */
static int from_parts(int positive, uint64_t significand, int32_t exponent, double *out) {
    double f = (double)significand;
    for (;;) {
        uint32_t magnitude = exponent == INT32_MIN ? 0xffffffffu : (uint32_t)(exponent < 0 ? -exponent : exponent);
        if (magnitude <= 308) {
            if (exponent >= 0) {
                f *= pow10_table[magnitude];
                if (f > DBL_MAX) {
                    return 0;
                }
            } else {
                f /= pow10_table[magnitude];
            }
            break;
        }
        if (f == 0.0) {
            break;
        }
        if (exponent >= 0) {
            return 0;
        }
        f /= 1e308;
        exponent += 308;
    }
    *out = positive ? f : -f;
    return 1;
}

static int32_t saturate(int64_t value) {
    return value > INT32_MAX ? INT32_MAX : value < INT32_MIN ? INT32_MIN : (int32_t)value;
}

static int parse_exponent(struct parser *p, int positive, uint64_t significand, int32_t starting, double *out) {
    int positive_exp = 1;
    int32_t exp;
    int c;
    p->pos++;
    if (peek(p) == '+') {
        p->pos++;
    } else if (peek(p) == '-') {
        p->pos++;
        positive_exp = 0;
    }
    c = peek(p);
    if (!is_digit(c)) {
        return 0;
    }
    p->pos++;
    exp = c - '0';
    while (is_digit(peek(p))) {
        int digit = peek(p) - '0';
        p->pos++;
        if (exp >= INT32_MAX / 10 && (exp > INT32_MAX / 10 || digit > INT32_MAX % 10)) {
            if (significand != 0 && positive_exp) {
                return 0;
            }
            while (is_digit(peek(p))) {
                p->pos++;
            }
            *out = positive ? 0.0 : -0.0;
            return 1;
        }
        exp = exp * 10 + digit;
    }
    return from_parts(positive, significand,
                      positive_exp ? saturate((int64_t)starting + exp) : saturate((int64_t)starting - exp), out);
}

static int parse_decimal(struct parser *p, int positive, uint64_t significand, int32_t before, double *out) {
    int32_t after = 0;
    p->pos++;
    while (is_digit(peek(p))) {
        int digit = peek(p) - '0';
        if (u64_overflows(significand, digit)) {
            while (is_digit(peek(p))) {
                p->pos++;
            }
            if (peek(p) == 'e' || peek(p) == 'E') {
                return parse_exponent(p, positive, significand, before + after, out);
            }
            return from_parts(positive, significand, before + after, out);
        }
        p->pos++;
        significand = significand * 10 + (uint64_t)digit;
        after--;
    }
    if (after == 0) {
        return 0;
    }
    if (peek(p) == 'e' || peek(p) == 'E') {
        return parse_exponent(p, positive, significand, before + after, out);
    }
    return from_parts(positive, significand, before + after, out);
}

/* zmij's format_finite, the way serde_json prints an f64: the shortest digits that read back as the same double,
 * as 1234.5, 0.00012 or 1.2e+16 (exponent form outside 1e-5 .. 1e16). */
static void put_f64(struct bytes *b, double v) {
    char buf[40];
    char digits[24];
    int length = 0;
    int e;
    int kk;
    int i;
    int precision;
    uint64_t bits;
    const char *p;
    memcpy(&bits, &v, sizeof bits);
    if (bits >> 63) {
        put_byte(b, '-');
        v = -v;
    }
    if (v == 0.0) {
        put_str(b, "0.0");
        return;
    }
    for (precision = 1; precision <= 17; precision++) {
        snprintf(buf, sizeof buf, "%.*e", precision - 1, v);
        if (strtod(buf, NULL) == v) {
            break;
        }
    }
    for (p = buf; *p != 'e'; p++) {
        if (is_digit(*p)) {
            digits[length++] = *p;
        }
    }
    e = atoi(p + 1);
    while (length > 1 && digits[length - 1] == '0') {
        length--;
    }
    kk = e + 1;
    if (kk - length >= 0 && kk <= 16) {
        put_bytes(b, digits, (size_t)length);
        for (i = length; i < kk; i++) {
            put_byte(b, '0');
        }
        put_str(b, ".0");
    } else if (0 < kk && kk <= 16) {
        put_bytes(b, digits, (size_t)kk);
        put_byte(b, '.');
        put_bytes(b, digits + kk, (size_t)(length - kk));
    } else if (-5 < kk && kk <= 0) {
        put_str(b, "0.");
        for (i = kk; i < 0; i++) {
            put_byte(b, '0');
        }
        put_bytes(b, digits, (size_t)length);
    } else {
        put_byte(b, (unsigned char)digits[0]);
        if (length > 1) {
            put_byte(b, '.');
            put_bytes(b, digits + 1, (size_t)(length - 1));
        }
        snprintf(buf, sizeof buf, "e%+d", kk - 1);
        put_str(b, buf);
    }
}

static void put_u64(struct bytes *b, uint64_t value) {
    char buf[24];
    int n = 0;
    do {
        buf[n++] = (char)('0' + value % 10);
        value /= 10;
    } while (value != 0);
    while (n > 0) {
        put_byte(b, (unsigned char)buf[--n]);
    }
}

/* A number at p->pos, stored as serde_json prints it: u64 and i64 as integers, anything else as an f64. */
static int parse_number(struct parser *p, long node) {
    int positive = 1;
    uint64_t significand = 0;
    int32_t exponent = 0;
    double f = 0.0;
    int ok;
    int c;
    if (peek(p) == '-') {
        p->pos++;
        positive = 0;
    }
    c = peek(p);
    if (!is_digit(c)) {
        return 0;
    }
    p->pos++;
    if (c == '0') {
        if (is_digit(peek(p))) {
            return 0;
        }
    } else {
        significand = (uint64_t)(c - '0');
        while (is_digit(peek(p))) {
            int digit = peek(p) - '0';
            if (u64_overflows(significand, digit)) {
                /* parse_long_integer: further digits only scale */
                while (is_digit(peek(p))) {
                    p->pos++;
                    exponent++;
                }
                if (peek(p) == '.') {
                    ok = parse_decimal(p, positive, significand, exponent, &f);
                } else if (peek(p) == 'e' || peek(p) == 'E') {
                    ok = parse_exponent(p, positive, significand, exponent, &f);
                } else {
                    ok = from_parts(positive, significand, exponent, &f);
                }
                goto as_float;
            }
            p->pos++;
            significand = significand * 10 + (uint64_t)digit;
        }
    }
    if (peek(p) == '.') {
        ok = parse_decimal(p, positive, significand, 0, &f);
    } else if (peek(p) == 'e' || peek(p) == 'E') {
        ok = parse_exponent(p, positive, significand, 0, &f);
    } else if (positive) {
        put_u64(&p->text, significand);
        p->nodes[node].text_len = p->text.len - p->nodes[node].text;
        return 1;
    } else if (significand != 0 && significand <= (uint64_t)1 << 63) {
        put_byte(&p->text, '-');
        put_u64(&p->text, significand);
        p->nodes[node].text_len = p->text.len - p->nodes[node].text;
        return 1;
    } else {
        f = -(double)significand;
        ok = 1;
    }
as_float:
    if (!ok) {
        return 0;
    }
    put_f64(&p->text, f);
    p->nodes[node].text_len = p->text.len - p->nodes[node].text;
    return 1;
}

/* ---- values ---- */

static const struct parser *sorting; /* qsort has no context argument */

static int by_key_then_position(const void *a, const void *b) {
    const struct node *x = &sorting->nodes[*(const long *)a];
    const struct node *y = &sorting->nodes[*(const long *)b];
    size_t n = x->key_len < y->key_len ? x->key_len : y->key_len;
    int order = n == 0 ? 0 : memcmp(sorting->text.data + x->key, sorting->text.data + y->key, n);
    if (order != 0) {
        return order;
    }
    if (x->key_len != y->key_len) {
        return x->key_len < y->key_len ? -1 : 1;
    }
    return *(const long *)a < *(const long *)b ? -1 : *(const long *)a > *(const long *)b;
}

static int same_key(const struct parser *p, long a, long b) {
    const struct node *x = &p->nodes[a];
    const struct node *y = &p->nodes[b];
    return x->key_len == y->key_len &&
           (x->key_len == 0 || memcmp(p->text.data + x->key, p->text.data + y->key, x->key_len) == 0);
}

/* serde_json's map keeps a repeated key where it first appeared, with the value it was given last. */
static void merge_duplicates(struct parser *p, long object) {
    long *members = NULL;
    size_t count = 0;
    size_t cap = 0;
    size_t i;
    size_t j;
    long m;
    for (m = p->nodes[object].first; m >= 0; m = p->nodes[m].next) {
        members = (long *)grow(members, &cap, count + 1, sizeof *members);
        members[count++] = m;
    }
    if (count > 1) {
        sorting = p;
        qsort(members, count, sizeof *members, by_key_then_position);
        for (i = 0; i < count; i = j) {
            for (j = i + 1; j < count && same_key(p, members[i], members[j]); j++) {
            }
            if (j - i > 1) {
                struct node *keep = &p->nodes[members[i]];
                const struct node *last = &p->nodes[members[j - 1]];
                keep->kind = last->kind;
                keep->text = last->text;
                keep->text_len = last->text_len;
                keep->first = last->first;
                for (m = (long)i + 1; m < (long)j; m++) {
                    p->nodes[members[m]].gone = 1;
                }
            }
        }
    }
    free(members);
}

static long parse_value(struct parser *p, int depth);

static int parse_container(struct parser *p, long node, int depth, int object) {
    long last = -1;
    int close = object ? '}' : ']';
    if (depth + 1 >= MAX_DEPTH) {
        return 0;
    }
    p->pos++;
    skip_space(p);
    if (peek(p) == close) {
        p->pos++;
        return 1;
    }
    for (;;) {
        size_t key = 0;
        size_t key_len = 0;
        long child;
        if (object) {
            if (peek(p) != '"' || !parse_string(p, &key, &key_len)) {
                return 0;
            }
            skip_space(p);
            if (peek(p) != ':') {
                return 0;
            }
            p->pos++;
            skip_space(p);
        }
        child = parse_value(p, depth + 1);
        if (child < 0) {
            return 0;
        }
        p->nodes[child].key = key;
        p->nodes[child].key_len = key_len;
        if (last < 0) {
            p->nodes[node].first = child;
        } else {
            p->nodes[last].next = child;
        }
        last = child;
        skip_space(p);
        if (peek(p) == ',') {
            p->pos++;
            skip_space(p);
            continue;
        }
        if (peek(p) != close) {
            return 0;
        }
        p->pos++;
        if (object) {
            merge_duplicates(p, node);
        }
        return 1;
    }
}

/* The value at p->pos (no white space before it); returns its node, or -1 when the text is not JSON. */
static long parse_value(struct parser *p, int depth) {
    long node;
    int c = peek(p);
    switch (c) {
    case 'n':
        return expect_word(p, "null") ? new_node(p, J_NULL) : -1;
    case 't':
        return expect_word(p, "true") ? new_node(p, J_TRUE) : -1;
    case 'f':
        return expect_word(p, "false") ? new_node(p, J_FALSE) : -1;
    case '"':
        node = new_node(p, J_STRING);
        return parse_string(p, &p->nodes[node].text, &p->nodes[node].text_len) ? node : -1;
    case '[':
    case '{':
        node = new_node(p, c == '[' ? J_ARRAY : J_OBJECT);
        return parse_container(p, node, depth, c == '{') ? node : -1;
    default:
        if (c == '-' || is_digit(c)) {
            node = new_node(p, J_NUMBER);
            return parse_number(p, node) ? node : -1;
        }
        return -1;
    }
}

/* The whole line as one JSON value with only white space around it. */
static long parse_document(struct parser *p, const char *line, size_t n) {
    long root;
    p->s = (const unsigned char *)line;
    p->len = n;
    p->pos = 0;
    p->count = 0;
    p->text.len = 0;
    skip_space(p);
    root = parse_value(p, 0);
    skip_space(p);
    return root >= 0 && p->pos == p->len ? root : -1;
}

/* The member of an object with this key; -1 when there is none or the value is not an object. */
static long member(const struct parser *p, long object, const char *key) {
    size_t n = strlen(key);
    long m;
    if (p->nodes[object].kind != J_OBJECT) {
        return -1;
    }
    for (m = p->nodes[object].first; m >= 0; m = p->nodes[m].next) {
        const struct node *x = &p->nodes[m];
        if (!x->gone && x->key_len == n && memcmp(p->text.data + x->key, key, n) == 0) {
            return m;
        }
    }
    return -1;
}

/* A value as serde_json writes it, compact. */
static void put_value(struct bytes *b, const struct parser *p, long node) {
    const struct node *x = &p->nodes[node];
    long m;
    int first = 1;
    switch (x->kind) {
    case J_NULL:
        put_str(b, "null");
        break;
    case J_FALSE:
        put_str(b, "false");
        break;
    case J_TRUE:
        put_str(b, "true");
        break;
    case J_NUMBER:
        put_bytes(b, p->text.data + x->text, x->text_len);
        break;
    case J_STRING:
        put_json_string(b, p->text.data + x->text, x->text_len);
        break;
    case J_ARRAY:
    case J_OBJECT:
        put_byte(b, x->kind == J_ARRAY ? '[' : '{');
        for (m = x->first; m >= 0; m = p->nodes[m].next) {
            if (p->nodes[m].gone) {
                continue;
            }
            if (!first) {
                put_byte(b, ',');
            }
            first = 0;
            if (x->kind == J_OBJECT) {
                put_json_string(b, p->text.data + p->nodes[m].key, p->nodes[m].key_len);
                put_byte(b, ':');
            }
            put_value(b, p, m);
        }
        put_byte(b, x->kind == J_ARRAY ? ']' : '}');
        break;
    }
}

/* ---- classify and bench ---- */

/* One answer line for one input line. */
static void answer(struct bytes *out, struct parser *p, const char *line, size_t n) {
    struct smtp_classification c;
    char enhanced[SMTP_ENHANCED_FORMAT_SIZE];
    char number[16];
    long root = parse_document(p, line, n);
    long id;
    long text;
    if (root < 0) {
        put_str(out, "{\"id\":null,\"error\":\"invalid JSON\"}\n");
        return;
    }
    id = member(p, root, "id");
    text = member(p, root, "text");
    put_str(out, "{\"id\":");
    if (id < 0) {
        put_str(out, "null");
    } else {
        put_value(out, p, id);
    }
    if (text < 0 || p->nodes[text].kind != J_STRING) {
        put_str(out, ",\"error\":\"missing \\\"text\\\" string\"}\n");
        return;
    }
    smtp_classify(p->text.data + p->nodes[text].text, p->nodes[text].text_len, &c);
    put_str(out, ",\"basic\":");
    if (c.basic != 0) {
        snprintf(number, sizeof number, "%d", c.basic);
        put_str(out, number);
    } else {
        put_str(out, "null");
    }
    put_str(out, ",\"enhanced\":");
    put_optional(out, c.has_enhanced && smtp_enhanced_format(c.enhanced, enhanced, sizeof enhanced) > 0 ? enhanced
                                                                                                        : NULL);
    put_str(out, ",\"retry\":");
    put_optional(out, smtp_retry_str(c.retry));
    put_str(out, ",\"bounce\":");
    put_optional(out, smtp_bounce_str(c.bounce));
    put_str(out, ",\"reason\":");
    put_optional(out, c.reason);
    put_str(out, ",\"vendor\":");
    put_optional(out, c.vendor != NULL ? c.vendor->id : NULL);
    put_str(out, ",\"entry\":");
    put_optional(out, c.entry != NULL ? c.entry->id : NULL);
    put_str(out, "}\n");
}

static void free_parser(struct parser *p) {
    free(p->nodes);
    free(p->text.data);
}

static int classify(int argc, char **argv, FILE *in, FILE *out) {
    struct reader r = {NULL, NULL, 0, 0, 0, 0};
    struct parser p;
    struct bytes answers = {NULL, 0, 0};
    const char *line;
    size_t n;
    int status;
    (void)argc;
    (void)argv;
    memset(&p, 0, sizeof p);
    r.in = in;
    while ((status = read_line(&r, &line, &n)) > 0) {
        answer(&answers, &p, line, n);
        if (answers.len >= 65536) {
            fwrite(answers.data, 1, answers.len, out);
            answers.len = 0;
        }
    }
    if (answers.len > 0) {
        fwrite(answers.data, 1, answers.len, out);
    }
    free(answers.data);
    free(r.buf);
    free_parser(&p);
    if (status < 0) {
        fputs("smtp-codes-driver: cannot read the input\n", stderr);
        return 1;
    }
    return 0;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int bench(int argc, char **argv, FILE *in, FILE *out) {
    struct reader r = {NULL, NULL, 0, 0, 0, 0};
    struct parser p;
    struct bytes texts = {NULL, 0, 0};
    struct bytes report = {NULL, 0, 0};
    size_t *bounds = NULL; /* text i is texts.data[bounds[i] .. bounds[i + 1]) */
    size_t count = 0;
    size_t cap = 0;
    unsigned long long lines = 1000000ULL;
    unsigned long long i;
    unsigned long long checksum = 0;
    const char *line;
    size_t n;
    double started;
    double seconds;
    memset(&p, 0, sizeof p);
    if (argc >= 3) {
        char *end = NULL;
        unsigned long long parsed = strtoull(argv[2], &end, 10);
        if (end != argv[2] && *end == '\0' && argv[2][0] != '-') {
            lines = parsed;
        }
    }
    r.in = in;
    bounds = (size_t *)grow(bounds, &cap, 1, sizeof *bounds);
    bounds[0] = 0;
    while (read_line(&r, &line, &n) > 0) {
        long root = parse_document(&p, line, n);
        long text = root >= 0 ? member(&p, root, "text") : -1;
        if (text >= 0 && p.nodes[text].kind == J_STRING) {
            put_bytes(&texts, p.text.data + p.nodes[text].text, p.nodes[text].text_len);
            bounds = (size_t *)grow(bounds, &cap, count + 2, sizeof *bounds);
            bounds[++count] = texts.len;
        }
    }
    free(r.buf);
    free_parser(&p);
    if (count == 0) {
        fputs("smtp-codes-driver: bench needs JSON Lines with a \"text\" on stdin\n", stderr);
        free(texts.data);
        free(bounds);
        return 1;
    }
    started = now();
    for (i = 0; i < lines; i++) {
        size_t k = (size_t)(i % count);
        struct smtp_classification c;
        smtp_classify(texts.data + bounds[k], bounds[k + 1] - bounds[k], &c);
        checksum += c.reason != NULL ? strlen(c.reason) : 0;
    }
    seconds = now() - started;
    put_str(&report, "{\"lines\":");
    put_u64(&report, lines);
    put_str(&report, ",\"seconds\":");
    put_f64(&report, seconds);
    put_str(&report, ",\"checksum\":");
    put_u64(&report, checksum);
    put_str(&report, "}\n");
    fwrite(report.data, 1, report.len, out);
    free(report.data);
    free(texts.data);
    free(bounds);
    return 0;
}

struct mode {
    const char *name;
    int (*run)(int argc, char **argv, FILE *in, FILE *out);
};

static const struct mode modes[] = {
    {"dump", dump},
    {"classify", classify},
    {"bench", bench},
};

int main(int argc, char **argv) {
    size_t i;
    for (i = 0; argc >= 2 && i < sizeof modes / sizeof modes[0]; i++) {
        if (strcmp(argv[1], modes[i].name) == 0) {
            int status = modes[i].run(argc, argv, stdin, stdout);
            if (fflush(stdout) != 0 || ferror(stdout)) {
                fprintf(stderr, "smtp-codes-driver: cannot write the output\n");
                return 1;
            }
            return status;
        }
    }
    fputs("usage: driver", stderr);
    for (i = 0; i < sizeof modes / sizeof modes[0]; i++) {
        fprintf(stderr, "%s%s", i == 0 ? " " : "|", modes[i].name);
    }
    fputs(" [LINES]\n", stderr);
    return 2;
}
