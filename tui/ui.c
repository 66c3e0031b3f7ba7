/* ui.c: the terminal loop: draw, read a key, hand it to the app (see tui.h). */
#include "tui.h"
#include "keys.h"
#include "term.h"

int tui_run(tui_app *app, const tui_opts *opts, pc_error *err)
{
    static const tui_opts defaults = {0};
    if (tui_term_start(opts ? opts : &defaults, err) < 0)
        return -1;
    int w, h;
    tui_term_size(&w, &h);
    tui_screen *s = tui_screen_new(w, h);
    if (!s) {
        tui_term_end();
        pc_error_set(err, "out of memory");
        return -1;
    }
    while (!tui_term_interrupted()) {
        tui_term_size(&w, &h);
        if ((w != s->w || h != s->h) && tui_screen_resize(s, w, h) < 0)
            break;
        tui_app_render(app, s);
        if (tui_term_ascii())
            tui_screen_ascii(s);
        tui_term_draw(s);
        int key = tui_term_key(&app->mouse_y, &app->mouse_x);
        if (tui_app_key(app, key))
            break;
        if (app->redraw)
            tui_term_redraw();
        app->redraw = 0;
    }
    tui_term_end();
    tui_screen_free(s);
    return 0;
}
