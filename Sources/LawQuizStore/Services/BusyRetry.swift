import Foundation
import LawQuizCore

/// Keeps a session alive through a busy store: a write that found the lock
/// held by another process (a large roster import, a backup, the sqlite3
/// shell) is tried again with growing pauses until it goes through, instead
/// of ending the sitting. Only `StoreError.locked` is retried; a corrupt,
/// read-only or full store still fails at once. The exam rules still apply
/// on every try: an answer whose commit comes after the deadline plus grace
/// is refused when the lock frees, and the attempt is submitted.
public struct BusyRetry {
    /// Longest pause between two tries.
    public static let maximumPause: TimeInterval = 2

    let pause: (TimeInterval) -> Void

    public init(pause: @escaping (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }) {
        self.pause = pause
    }

    /// Runs `body` until it does not fail with `StoreError.locked`;
    /// `waiting` is called once, before the first pause (to show 正在保存…).
    public func run<T>(waiting: () -> Void, _ body: () throws -> T) throws -> T {
        var delay: TimeInterval = 0.05
        var told = false
        while true {
            do {
                return try body()
            } catch StoreError.locked {
                if !told {
                    waiting()
                    told = true
                }
                pause(delay)
                delay = min(delay * 2, Self.maximumPause)
            }
        }
    }
}
