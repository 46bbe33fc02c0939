import Crypto
import CryptoExtras
import Foundation
import LawQuizCore

/// PINs for shared consoles, where several people use one login: set by an
/// administrator, stored as a salted scrypt hash (swift-crypto, never
/// hand-written), checked in constant time. Five wrong PINs lock the 工号 for
/// 15 minutes; every failure is logged with the login it came from.
public struct PINService: Sendable {
    public static let maxFailures = 5
    public static let lockMinutes = 15
    /// scrypt N, r, p: about 16 MB and a few tens of milliseconds per check,
    /// so an offline guess of a 6-digit PIN costs hours, not seconds.
    static let rounds = 1 << 14, blockSize = 8, parallelism = 1, outputBytes = 32
    static let params = "scrypt:N=16384,r=8,p=1,len=32"

    public let store: ResultsStore
    public let clock: any WallClock

    public init(store: ResultsStore, clock: any WallClock = SystemWallClock()) {
        self.store = store
        self.clock = clock
    }

    /// Sets (or replaces) a person's PIN and clears any lock; the audit chain
    /// records who changed it (`login`), never the PIN.
    public func setPIN(_ pin: String, staffID: String, changedBy login: String) throws {
        guard Self.isWellFormed(pin) else { throw PINError.badFormat }
        guard try store.staffMember(staffID) != nil else { throw PINError.unknownStaff(staffID: staffID) }
        let salt = SymmetricKey(size: .bits128).withUnsafeBytes { Data($0) }
        let hash = try Self.derive(pin, salt: salt).withUnsafeBytes { Data($0) }
        try store.savePIN(staffID: staffID, salt: salt, hash: hash, params: Self.params, changedBy: login, at: clock.now)
    }

    /// Accepts the right PIN (clearing the failure count); otherwise logs the
    /// failure, locks after the fifth and throws `PINError`.
    public func verify(_ pin: String, staffID: String, login: String) throws {
        let now = clock.now
        guard let stored = try store.storedPIN(staffID: staffID) else { throw PINError.notSet(staffID: staffID) }
        if let until = stored.lockedUntil, until > now { throw PINError.locked(staffID: staffID, until: until) }
        let derived = try Self.derive(pin, salt: stored.salt)
        // SymmetricKey's == compares in constant time.
        if Self.isWellFormed(pin), stored.params == Self.params, derived == SymmetricKey(data: stored.hash) {
            try store.clearPINFailures(staffID: staffID)
            return
        }
        let failure = try store.recordPINFailure(
            staffID: staffID, login: login, at: now, maxFailures: Self.maxFailures,
            lockUntil: now.addingTimeInterval(TimeInterval(Self.lockMinutes * 60)))
        if let until = failure.lockedUntil { throw PINError.locked(staffID: staffID, until: until) }
        throw PINError.wrong(staffID: staffID, remaining: Self.maxFailures - failure.failedCount)
    }

    static func isWellFormed(_ pin: String) -> Bool {
        (4...12).contains(pin.count) && pin.allSatisfy { $0.isASCII && $0.isNumber }
    }

    static func derive(_ pin: String, salt: Data) throws -> SymmetricKey {
        try KDF.Scrypt.deriveKey(
            from: Data(pin.utf8), salt: salt, outputByteCount: outputBytes, rounds: rounds, blockSize: blockSize,
            parallelism: parallelism)
    }
}
