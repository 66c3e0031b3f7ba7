/* encoding.h: turning a file's bytes into UTF-8 before anything else reads them.
 *
 * The decision, in order (pc_decode_bom, then pc_decode_charset):
 * 1. a byte-order mark: UTF-8 (dropped), UTF-16 LE or BE (converted);
 * 2. an encoding the user forced (--encoding NAME);
 * 3. valid UTF-8 (ASCII included) is taken as it is and never converted; UTF-8 with a few
 *    broken bytes among valid multi-byte sequences stays UTF-8 (the normalizer replaces the
 *    bad bytes with U+FFFD);
 * 4. for HTML, the page's own declaration (<meta charset>, http-equiv Content-Type, an XML
 *    declaration); ISO-8859-1 and US-ASCII mean windows-1252, as in browsers. A declaration
 *    is not followed for bytes that are valid UTF-8: a browser that saved a page re-encodes
 *    it as UTF-8 and often leaves the old declaration in place;
 * 5. detection with uchardet (ISO-8859-1 read as windows-1252);
 * 6. windows-1252, the last resort (every byte means something).
 * Conversion goes through iconv; a byte the encoding does not define becomes U+FFFD and is
 * counted in `invalid`.
 */
#ifndef POLCMP_ENCODING_H
#define POLCMP_ENCODING_H

#include "util/util.h"

#include <stddef.h>

/* How the encoding was decided. */
typedef enum pc_enc_source {
    PC_ENC_UTF8 = 0,  /* valid UTF-8 (or ASCII): nothing to decide */
    PC_ENC_BOM,       /* a byte-order mark */
    PC_ENC_FORCED,    /* --encoding */
    PC_ENC_DECLARED,  /* the page says so */
    PC_ENC_DETECTED,  /* uchardet's guess */
    PC_ENC_FALLBACK,  /* windows-1252: nothing better */
} pc_enc_source;

#define PC_ENC_NAME_MAX 48

/* pc_text_in: the input as UTF-8. `data` points into the caller's bytes or into `owned`,
 * which this struct owns (free with pc_text_in_free). */
typedef struct pc_text_in {
    const char *data;
    size_t n;
    char *owned;
    char encoding[PC_ENC_NAME_MAX]; /* what it was read as: "UTF-8", "UTF-16LE", "windows-1252" */
    pc_enc_source source;
    size_t invalid; /* bytes or units the conversion replaced with U+FFFD */
} pc_text_in;

/* Step 1: set in to the bytes after a byte-order mark, converting UTF-16. Errors name path:
 * a NUL character in UTF-16 (binary), out of memory. */
int pc_decode_bom(pc_text_in *in, const char *path, const char *data, size_t n, pc_error *err);

/* Steps 2-6 on what pc_decode_bom left (nothing happens after a BOM). forced: an encoding
 * name or NULL; html: look for the page's declaration. */
int pc_decode_charset(pc_text_in *in, const char *path, const char *forced, int html,
                      pc_error *err);

void pc_text_in_free(pc_text_in *in);

/* Whether iconv can read `name`; 0, or -1 with "unknown encoding 'NAME'". */
int pc_encoding_check(const char *name, pc_error *err);

/* The encoding a page declares in its first 4 KiB (meta charset, http-equiv, XML
 * declaration), into out (empty when none). Exposed for tests. */
void pc_html_declared_charset(const char *data, size_t n, char *out, size_t cap);

#endif
