/* Driver over generated/c/smtp_codes.h, used by `cargo xtask test` and `cargo xtask drive --lang c`.
 *
 * `dump` prints every fact the header knows as JSON Lines, in catalogue order (see docs/bindings.md): keys in the
 * documented order, strings escaped as serde_json escapes them, so the lines match the Rust driver's byte for byte.
 *
 * Each mode is a function from (stdin, stdout) to an exit status, listed in `modes` below. */
#define SMTP_CODES_IMPLEMENTATION
#include "smtp_codes.h"

#include <stdio.h>
#include <string.h>

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

static int dump(FILE *in, FILE *out) {
    size_t i;
    size_t j;
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

struct mode {
    const char *name;
    int (*run)(FILE *in, FILE *out);
};

/* The classifier's `classify` mode joins this list when the header gains the classifier. */
static const struct mode modes[] = {
    {"dump", dump},
};

int main(int argc, char **argv) {
    size_t i;
    for (i = 0; argc >= 2 && i < sizeof modes / sizeof modes[0]; i++) {
        if (strcmp(argv[1], modes[i].name) == 0) {
            int status = modes[i].run(stdin, stdout);
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
    fputc('\n', stderr);
    return 2;
}
