import Foundation

/// A wall clock that never runs slower than the monotonic clock since the
/// session began: setting the system clock back (or a faked `time()`) during
/// a sitting cannot add time to it, because "now" is at least the start plus
/// the monotonic time elapsed. A clock moved forward still counts (it only
/// shortens the sitting).
public struct MonotonicBoundClock: WallClock {
    private let base: any WallClock
    private let ticks: @Sendable () -> UInt64
    private let startWall: Date
    private let startTicks: UInt64

    /// `ticks` reads a monotonic clock in nanoseconds (tests pass a fake).
    public init(base: any WallClock = SystemWallClock(), ticks: @escaping @Sendable () -> UInt64 = MonotonicBoundClock.monotonicNanoseconds) {
        self.base = base
        self.ticks = ticks
        startWall = base.now
        startTicks = ticks()
    }

    public var now: Date {
        let elapsed = Double(ticks() &- startTicks) / 1_000_000_000
        return max(base.now, startWall.addingTimeInterval(elapsed))
    }

    /// CLOCK_MONOTONIC, which no user can set.
    public static func monotonicNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}
