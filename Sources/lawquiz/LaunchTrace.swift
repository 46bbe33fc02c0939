#if canImport(Glibc)
    import Glibc
#endif

/// Timestamps of the start-up steps, for `scripts/bench-session --trace`:
/// with `LAWQUIZ_TRACE_LAUNCH` set to the CLOCK_MONOTONIC nanoseconds at
/// which the launcher spawned us, each `mark` writes
/// `launch-trace <step> <ms since spawn>` to standard error, so the time
/// before `main` (exec, dynamic loading) shows in the first mark. Unset
/// (the normal case) a mark costs one comparison; an installed program
/// refuses the variable from non-administrators like every `LAWQUIZ_*`.
enum LaunchTrace {
    /// The spawn instant, nil when tracing is off.
    private static let spawned: Int64? = {
        guard let text = getenv("LAWQUIZ_TRACE_LAUNCH") else { return nil }
        return Int64(String(cString: text))
    }()

    static func mark(_ step: StaticString) {
        guard let spawned else { return }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let elapsed = Double(Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec) - spawned) / 1_000_000
        let line = "launch-trace \(step) \((elapsed * 100).rounded() / 100)\n"
        _ = line.withCString { write(STDERR_FILENO, $0, strlen($0)) }
    }
}
