#ifndef LAWQUIZ_CREADLINE_SHIM_H
#define LAWQUIZ_CREADLINE_SHIM_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <readline/readline.h>
#include <readline/history.h>

/* Swift 6 strict concurrency rejects direct use of readline's mutable
   globals, so each one used from Swift goes through a small accessor. */

static inline void lq_rl_set_catch_signals(int value) { rl_catch_signals = value; }
static inline void lq_rl_set_catch_sigwinch(int value) { rl_catch_sigwinch = value; }
static inline void lq_rl_set_done(int value) { rl_done = value; }
static inline void lq_rl_set_attempted_completion_over(int value) { rl_attempted_completion_over = value; }
static inline void lq_rl_set_readline_name(const char *name) { rl_readline_name = name; }
static inline void lq_rl_set_completion_function(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
}
static inline void lq_rl_set_completion_append_character(int value) { rl_completion_append_character = value; }
static inline const char *lq_rl_line_buffer(void) { return rl_line_buffer; }
static inline int lq_rl_point(void) { return rl_point; }
static inline int lq_rl_end(void) { return rl_end; }
static inline void lq_rl_set_instream(FILE *stream) { rl_instream = stream; }
static inline void lq_rl_set_outstream(FILE *stream) { rl_outstream = stream; }
static inline void lq_rl_clear_line(void) {
    rl_replace_line("", 0);
    rl_point = 0;
    rl_end = 0;
}

/* Which session commands Tab may complete at the current prompt (bit i =
   the i-th command); set before each line, read by the completion hook. */
static unsigned int lq_completion_mask = 0;
static inline void lq_set_completion_mask(unsigned int mask) { lq_completion_mask = mask; }
static inline unsigned int lq_completion_mask_value(void) { return lq_completion_mask; }

/* Signal flags: the handlers only set a flag; the session loop polls them. */
static volatile sig_atomic_t lq_interrupt_flag = 0;
static volatile sig_atomic_t lq_hangup_flag = 0;
static volatile sig_atomic_t lq_resize_flag = 0;

static inline void lq_on_interrupt(int signal_number) { (void)signal_number; lq_interrupt_flag = 1; }
static inline void lq_on_hangup(int signal_number) { (void)signal_number; lq_hangup_flag = 1; }
static inline void lq_on_resize(int signal_number) { (void)signal_number; lq_resize_flag = 1; }

/* Installs the flag-setting handlers (without SA_RESTART so poll() wakes up). */
static inline void lq_install_signal_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = lq_on_interrupt;
    sigaction(SIGINT, &action, NULL);
    action.sa_handler = lq_on_hangup;
    sigaction(SIGHUP, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    action.sa_handler = lq_on_resize;
    sigaction(SIGWINCH, &action, NULL);
}

static inline int lq_take_interrupt(void) { int v = lq_interrupt_flag; lq_interrupt_flag = 0; return v; }
static inline int lq_take_hangup(void) { int v = lq_hangup_flag; lq_hangup_flag = 0; return v; }
static inline int lq_take_resize(void) { int v = lq_resize_flag; lq_resize_flag = 0; return v; }

/* Callback-interface line handler: readline calls it with the finished line
   (or NULL at end of input). It removes itself so readline does not print the
   prompt again, and leaves the line for the Swift poll loop to take. */
static char *lq_pending_line = NULL;
static int lq_line_status = 0; /* 0 waiting, 1 line ready, 2 end of input */

static inline void lq_line_handler(char *line) {
    rl_callback_handler_remove();
    lq_pending_line = line;
    lq_line_status = line ? 1 : 2;
}

static inline void lq_install_line_handler(const char *prompt) {
    lq_pending_line = NULL;
    lq_line_status = 0;
    rl_callback_handler_install(prompt, lq_line_handler);
}

static inline int lq_line_status_value(void) { return lq_line_status; }

/* Hands the finished line to the caller, who frees it. */
static inline char *lq_take_line(void) {
    char *line = lq_pending_line;
    lq_pending_line = NULL;
    lq_line_status = 0;
    return line;
}

/* Abandons a half-typed line (Ctrl-C, deadline, hang-up) and gives the
   terminal back its normal settings. */
static inline void lq_abandon_line(void) {
    rl_free_line_state();
    rl_callback_sigcleanup();
    rl_callback_handler_remove();
}

/* Writes to C stdout, the stream readline draws on, and flushes, so screens
   and prompts appear in order. (Swift 6 rejects direct use of `stdout`.) */
static inline void lq_write_stdout(const char *text) {
    fputs(text, stdout);
    fflush(stdout);
}

/* Above this many candidates readline asks before listing them. */
static inline void lq_rl_set_completion_query_items(int value) { rl_completion_query_items = value; }

#endif
