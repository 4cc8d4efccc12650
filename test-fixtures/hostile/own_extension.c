/* Native code for test-fixtures/hostile/load_own_extension.py: one line on fd 1 when a loader maps it (dlopen runs the
   constructor), whichever loader it is: Python's extension loader or SQLite's load_extension. */
#include <unistd.h>

__attribute__((constructor)) static void announce(void) {
    static const char line[] = "native code ran\n";
    (void)!write(1, line, sizeof line - 1);
}

void *PyInit_own_extension(void) {
    return 0;
}
