// Process hardening calls Swift cannot make directly (prctl is variadic).
#ifndef LAWQUIZ_CPROCESS_SHIM_H
#define LAWQUIZ_CPROCESS_SHIM_H
#include <sys/prctl.h>
#include <unistd.h>

/// Marks the process not dumpable: no core file, no ptrace by the same user,
/// /proc/self owned by root — the keys and PIN hashes in memory stay there.
static inline int lawquiz_disable_dumping(void) { return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0); }

/// The process's environment block (`environ`, which Swift 6 may not read
/// as a global variable): the start-up reads it once, without Foundation.
static inline char *const *lawquiz_environment(void) {
    extern char **environ;
    return environ;
}

#endif
