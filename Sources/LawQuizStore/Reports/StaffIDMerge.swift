import Foundation

/// Two statements' rows stepped together in 工号 byte order (column 0 of
/// each): the roster (one row per person) and their attempts (any number per
/// person). One pass of each index instead of an index search per person,
/// for the exports' outcomes and the reports' counts alike.
struct StaffIDMerge {
    /// What the current row of a cursor is to the merge.
    enum Row {
        /// The roster's next person (the roster cursor's row).
        case person
        /// An attempt of the current person (the attempts cursor's row).
        case attempt
        /// An attempt by a 工号 not on the roster.
        case stray
    }

    /// The current person's 工号 as bytes, compared with the attempts'.
    private var staffID: [UInt8] = []
    private var started = false

    /// Hands each row to `each` in merged order: a person, then their
    /// attempts; attempts of 工号 not on the roster as `stray`, where they
    /// fall in the order (the ones after the roster's last person at the end).
    mutating func run(roster: any SQLRowCursor, attempts: any SQLRowCursor, _ each: (Row, any SQLRowCursor) throws -> Void) throws {
        var more = try attempts.step()
        while try roster.step() {
            begin(roster)
            try each(.person, roster)
            while more, compare(attempts) < 0 {
                try each(.stray, attempts)
                more = try attempts.step()
            }
            while more, compare(attempts) == 0 {
                try each(.attempt, attempts)
                more = try attempts.step()
            }
        }
        while more {
            try each(.stray, attempts)
            more = try attempts.step()
        }
    }

    /// Makes the 工号 in column 0 of `rows` the current person's.
    mutating func begin(_ rows: any SQLRowCursor) {
        rows.withBytes(0) { staffID.replaceSubrange(staffID.indices, with: $0) }
        started = true
    }

    /// The 工号 in column 0 of `rows` against the current person's, in byte
    /// order as the store sorts them: negative when it comes first, 0 when
    /// it is theirs, positive after (or when nobody has started yet).
    func compare(_ rows: any SQLRowCursor) -> Int {
        guard started else { return 1 }
        return rows.withBytes(0) { row in staffID.withUnsafeBufferPointer { Self.order(row, $0) } }
    }

    /// `memcmp` order of two byte strings, a prefix first: SQLite's BINARY
    /// collation and PostgreSQL's "C" (`SortedBytes` walks in it too).
    static func order(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(lhs.count, rhs.count)
        guard common > 0, let left = lhs.baseAddress, let right = rhs.baseAddress else { return lhs.count - rhs.count }
        let order = Int(memcmp(left, right, common))
        return order != 0 ? order : lhs.count - rhs.count
    }
}
