// Temporary until the exam-data branch (which defines WallClock in Core) is merged.
import Foundation
public protocol WallClock: Sendable { var now: Date { get } }
public struct SystemWallClock: WallClock { public init() {}; public var now: Date { Date() } }
public final class ManualWallClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    public init(_ start: Date = Date(timeIntervalSince1970: 1_700_000_000)) { current = start }
    public var now: Date { lock.lock(); defer { lock.unlock() }; return current }
    public func advance(by seconds: TimeInterval) { lock.lock(); current += seconds; lock.unlock() }
    public func set(_ date: Date) { lock.lock(); current = date; lock.unlock() }
}
