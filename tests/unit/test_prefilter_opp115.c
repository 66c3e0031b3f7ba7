/* test_prefilter_opp115.c: the prefilter engine gives exactly the reference engine's results
 * on every segment of the OPP-115 train and validation splits. Skipped (77) when ../shared is
 * absent. */
#include "prefilter_equal.h"
#include "testutil.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t check_split(const pc_taxonomy *tax, const char *path)
{
    json_error_t je;
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char *line = NULL;
    size_t cap = 0, n = 0;
    while (getline(&line, &cap, f) > 0) {
        json_t *o = json_loads(line, 0, &je);
        assert_non_null(o);
        const char *text = json_string_value(json_object_get(o, "text"));
        assert_non_null(text);
        check_text(tax, text, strlen(text), NULL);
        json_decref(o);
        n++;
    }
    free(line);
    fclose(f);
    return n;
}

static void test_opp115(void **state)
{
    (void)state;
    char train[512], val[512];
    snprintf(train, sizeof train, "%s/opp115/train.jsonl", test_shared_dir());
    snprintf(val, sizeof val, "%s/opp115/validation.jsonl", test_shared_dir());
    pc_taxonomy *tax = load_default();
    assert_true(check_split(tax, val) > 100);
    assert_true(check_split(tax, train) > 100);
    pc_tax_free(tax);
}

int main(void)
{
    char probe[512];
    snprintf(probe, sizeof probe, "%s/opp115/validation.jsonl", test_shared_dir());
    FILE *f = test_shared_dir() ? fopen(probe, "r") : NULL;
    if (!f)
        return TEST_SKIP_EXIT;
    fclose(f);
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_opp115)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
