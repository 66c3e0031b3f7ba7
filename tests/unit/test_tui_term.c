/* test_tui_term.c: the UI in a real pseudo-terminal (forkpty), the bytes it sends read back:
 * --color=never (tui_opts.color 2) sends no colour escape sequence while auto does, the mouse
 * is left to the terminal with no_mouse, a locale that is not UTF-8 gets only ASCII, and a
 * terminal that cannot place the cursor (TERM=dumb) is refused with a message naming
 * `polcmp compare`. The screen grid's ASCII drawing is checked without a terminal. */
#include "tui.h"
#include "tui_fixture.h"

#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

/* Run the UI on the fixture in a pseudo-terminal of 100x30 with TERM and LC_ALL as given, press
 * Q once it has drawn, and return every byte it sent (malloc'd) and its exit status. */
static char *run_in_pty(const tui_opts *opts, const char *term, const char *locale, int *status)
{
    struct winsize ws = {.ws_row = 30, .ws_col = 100};
    int master;
    pid_t pid = forkpty(&master, NULL, NULL, &ws);
    assert_true(pid >= 0);
    if (pid == 0) {
        tuif f;
        setenv("TERM", term, 1);
        setenv("LC_ALL", locale, 1);
        unsetenv("NO_COLOR");
        if (tuif_open_fixture(&f, PC_REGIME_GDPR) < 0)
            _exit(3);
        pc_error err = {{0}};
        int rc = tui_run(&f.app, opts, &err);
        if (rc < 0)
            fprintf(stderr, "%s\n", err.msg);
        tuif_close(&f);
        _exit(rc < 0 ? 2 : 0);
    }
    pc_buf out = {0};
    int quiet = 0, sent = 0;
    for (int rounds = 0; rounds < 200; rounds++) {
        struct pollfd p = {.fd = master, .events = POLLIN};
        if (poll(&p, 1, 100) > 0) {
            char buf[4096];
            ssize_t n = read(master, buf, sizeof buf);
            if (n <= 0)
                break; /* EIO: the child is gone */
            pc_buf_add(&out, buf, (size_t)n);
            quiet = 0;
        } else if (++quiet >= 3 && !sent) {
            sent = write(master, "Q", 1) == 1; /* drawn and waiting for a key */
        }
    }
    close(master);
    waitpid(pid, status, 0);
    pc_buf_adds(&out, "");
    return pc_buf_steal(&out);
}

/* Whether text holds an SGR sequence (ESC [ digits and semicolons m) that sets a colour: a
 * parameter from 30 to 49 (38;5;N and 48;5;N included) or 90 to 107. */
static int has_colour(const char *text)
{
    for (const char *p = strstr(text, "\x1b["); p; p = strstr(p + 1, "\x1b[")) {
        const char *q = p + 2;
        while ((*q >= '0' && *q <= '9') || *q == ';')
            q++;
        if (*q != 'm')
            continue;
        for (const char *n = p + 2; n < q;) {
            long v = strtol(n, (char **)&n, 10);
            if ((v >= 30 && v <= 49) || (v >= 90 && v <= 107))
                return 1;
            n += *n == ';';
        }
    }
    return 0;
}

static void test_color_never_and_auto(void **state)
{
    (void)state;
    int status;
    tui_opts never = {.color = 2};
    char *out = run_in_pty(&never, "xterm-256color", "C.UTF-8", &status);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    assert_non_null(strstr(out, "Category"));
    assert_false(has_colour(out));
    free(out);
    tui_opts automatic = {0};
    out = run_in_pty(&automatic, "xterm-256color", "C.UTF-8", &status);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    assert_true(has_colour(out)); /* so the check above can fail */
    free(out);
}

static void test_no_mouse(void **state)
{
    (void)state;
    int status;
    tui_opts mouse = {0}, none = {.no_mouse = 1};
    char *out = run_in_pty(&mouse, "xterm-256color", "C.UTF-8", &status);
    assert_non_null(strstr(out, "1000h")); /* mouse reporting on: ESC [ ? (1006;)1000 h */
    free(out);
    out = run_in_pty(&none, "xterm-256color", "C.UTF-8", &status);
    assert_null(strstr(out, "1000h"));
    free(out);
}

static void test_ascii_locale(void **state)
{
    (void)state;
    int status;
    char *out = run_in_pty(NULL, "xterm-256color", "C", &status);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    for (const char *p = out; *p; p++)
        if ((unsigned char)*p >= 0x80)
            fail_msg("a byte that is not ASCII in a C locale: 0x%02x", (unsigned char)*p);
    assert_non_null(strstr(out, "+ covered"));
    free(out);
}

static void test_dumb_refused(void **state)
{
    (void)state;
    int status;
    char *out = run_in_pty(NULL, "dumb", "C.UTF-8", &status);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 2);
    assert_non_null(strstr(out, "cannot place the cursor"));
    assert_non_null(strstr(out, "polcmp compare"));
    free(out);
}

/* The grid drawn in ASCII: the matrix's legend reads "+ covered", "o gap"... */
static void test_screen_ascii(void **state)
{
    (void)state;
    tuif f;
    assert_int_equal(tuif_open_fixture(&f, PC_REGIME_GDPR), 0);
    tui_screen *s = tui_screen_new(100, 30);
    tui_app_render(&f.app, s);
    tui_screen_ascii(s);
    pc_buf b = {0};
    assert_int_equal(tui_screen_dump(s, 0, &b), 0);
    for (size_t i = 0; i < b.len; i++)
        assert_true((unsigned char)b.data[i] < 0x80);
    static const char *const legend[] = {"+ covered", "o gap", "x missing required",
                                         "! contradiction", "# disagreement",
                                         "~ covered, with a warning"};
    for (size_t i = 0; i < sizeof legend / sizeof legend[0]; i++)
        if (!strstr(b.data, legend[i]))
            fail_msg("no \"%s\" in\n%s", legend[i], b.data);
    assert_non_null(strstr(b.data, "v First Party Collection/Use"));
    assert_non_null(strstr(b.data, "! 2 "));     /* the contradiction's cell */
    assert_string_equal(tui_ascii_of("é"), "e");
    assert_string_equal(tui_ascii_of("≠"), "#");
    assert_string_equal(tui_ascii_of("·"), ".");
    assert_string_equal(tui_ascii_of("隐"), "?");
    pc_buf_free(&b);
    tui_screen_free(s);
    tuif_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_screen_ascii),   cmocka_unit_test(test_color_never_and_auto),
        cmocka_unit_test(test_no_mouse),       cmocka_unit_test(test_ascii_locale),
        cmocka_unit_test(test_dumb_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
