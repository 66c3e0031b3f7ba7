#!/usr/bin/env bash
# core/ must build and work without curses: no curses header or call anywhere in it.
set -u
src=${POLCMP_SRC:?}
hits=$(grep -nE '#include *[<"](n?curses|ncursesw/|term\.h)|\b(initscr|newterm|wrefresh|mvwaddnstr|wattr_on)\b' -r "$src"/core --include="*.c" --include="*.h")
if [ -n "$hits" ]; then
  echo "curses in core/:"; echo "$hits"; exit 1
fi
echo "core/ is free of curses"
