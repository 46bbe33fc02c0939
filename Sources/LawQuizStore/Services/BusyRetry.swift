import Foundation
import LawQuizCore

/// Keeps a session alive through a busy store: a write that found the lock
/// held by another process (a large roster import, a backup, the sqlite3
/// shell) is tried again with growing pauses until it goes through, instead
/// of ending the sitting. So is a server store that cannot be reached (a
/// restart, a network cut): the engine reconnects on the next try. Only
/// `StoreError.locked` and `.unreachable` are retried. An `.unreachable`
/// write may have committed with only its reply lost, so every write a
/// session retries finds its own effect and then changes nothing: an answer
/// equal to the stored one is not logged again, a submitted attempt is not
/// submitted again, and `begin` takes up the attempt its lease already holds
/// (`RetriedWriteTests`). A corrupt,
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

    /// Why a write is waiting.
    public enum Reason: Sendable, Equatable {
        /// Another process holds the store.
        case locked
        /// The database server cannot be reached.
        case unreachable
    }

    /// Runs `body` until it does not fail with `StoreError.locked` or
    /// `.unreachable`; `waiting` is called before the first pause and again
    /// whenever the reason changes (to show 正在保存… and why). With
    /// `giveUpAfter`, the last error is thrown once the pauses add up to that
    /// many seconds (a session that has not started yet has nothing on screen
    /// to keep, so it should not wait for ever on a server that is gone).
    public func run<T>(waiting: (Reason) -> Void, giveUpAfter limit: TimeInterval? = nil, _ body: () throws -> T) throws -> T {
        var delay: TimeInterval = 0.05
        var waited: TimeInterval = 0
        var told: Reason?
        while true {
            let reason: Reason
            do {
                return try body()
            } catch let error as StoreError {
                switch error {
                case .locked: reason = .locked
                case .unreachable: reason = .unreachable
                default: throw error
                }
                if let limit, waited >= limit { throw error }
            }
            if told != reason {
                waiting(reason)
                told = reason
            }
            pause(delay)
            waited += delay
            delay = min(delay * 2, Self.maximumPause)
        }
    }

    /// What a session shows while a write waits.
    public static func savingNotice(_ reason: Reason) -> String {
        switch reason {
        case .locked: return "正在保存…（数据库正被其他程序占用，答案仍在本屏，占用结束后自动保存）"
        case .unreachable: return "正在保存…（暂时连不上数据库服务器，答案仍在本屏，连接恢复后自动保存）"
        }
    }
}
