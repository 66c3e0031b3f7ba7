/* fuzz_jsonl.c: the JSON Lines reader on arbitrary bytes, read the way `classify --segments`
 * does (next object until the end or a read error), with a small line limit so the
 * over-long-line path is reached too; also the raw line reader. */
#include "util/jsonl.h"
#include "util/util.h"

#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_objects(const uint8_t *data, size_t size, size_t max_line)
{
    FILE *f = fmemopen((void *)data, size, "r");
    if (!f)
        return;
    pc_error err = {{0}};
    pc_jsonl *r = pc_jsonl_new(f, "fuzz.jsonl", max_line, &err);
    if (r) {
        pc_jsonl_starts_with_object(r);
        json_t *obj = NULL;
        int rc;
        size_t last = 0;
        while ((rc = pc_jsonl_next(r, &obj, &err)) != 0 && rc != -2) {
            if (rc == 1) {
                if (!json_is_object(obj))
                    __builtin_trap();
                json_decref(obj);
            } else if (err.msg[0] == '\0' || obj != NULL) {
                __builtin_trap();
            }
            if (pc_jsonl_line(r) <= last && rc == 1)
                __builtin_trap(); /* line numbers move forward */
            last = pc_jsonl_line(r);
            pc_error_clear(&err);
        }
        pc_jsonl_free(r);
    }
    fclose(f);
}

static void fuzz_lines(const uint8_t *data, size_t size)
{
    FILE *f = fmemopen((void *)data, size, "r");
    if (!f)
        return;
    pc_error err = {{0}};
    pc_jsonl *r = pc_jsonl_new(f, "fuzz.txt", 64, &err);
    if (r) {
        const char *line;
        size_t len;
        int rc;
        while ((rc = pc_jsonl_read_line(r, &line, &len, &err)) != 0 && rc != -2)
            /* An empty line is checked by its length only: the reader leaves the previous
             * line's bytes in its buffer (tests/data/fuzz-regressions/fuzz_jsonl/). */
            if (rc == 1 && (len > 64 || (len > 0 && line[len] != '\0')))
                __builtin_trap();
        pc_jsonl_free(r);
    }
    fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0; /* fmemopen refuses an empty buffer */
    fuzz_objects(data, size, 0);
    fuzz_objects(data, size, 32);
    fuzz_lines(data, size);
    return 0;
}
