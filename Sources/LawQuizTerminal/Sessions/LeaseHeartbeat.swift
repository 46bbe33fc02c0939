import Foundation
import LawQuizCore
import LawQuizStore

/// Renews a session's lease every `SessionLease.heartbeatInterval` while the
/// person sits at the prompt, so another terminal sees the attempt as open
/// here. A failed renewal (store busy, lease taken) is not acted on here: the
/// next answer's own check reports it before anything is written.
public final class LeaseHeartbeat: @unchecked Sendable {
    private let store: ResultsStore
    private let attemptID: Int64
    private let token: String
    private let lock = NSLock()
    private var last: Date

    public init(store: ResultsStore, attemptID: Int64, token: String, clock: WallClock) {
        self.store = store
        self.attemptID = attemptID
        self.token = token
        last = clock.now
    }

    /// For `LineRequest.tick`.
    public var tick: @Sendable (Date) -> Void { { [self] now in beat(now) } }

    func beat(_ now: Date) {
        lock.lock()
        guard now.timeIntervalSince(last) >= SessionLease.heartbeatInterval else {
            lock.unlock()
            return
        }
        last = now
        lock.unlock()
        _ = try? store.renewLease(attemptID: attemptID, token: token, now: now)
    }
}
