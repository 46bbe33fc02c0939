import Foundation

/// Rows of one table in the source and in the target after a copy.
public struct TableCount: Sendable, Hashable {
    public var table: String
    public var source: Int
    public var target: Int
}

/// Why a copy did not happen (nothing was written to the target).
public enum StoreCopyError: LocalizedError, Sendable, Equatable {
    case sameStore(location: String)
    case targetNotEmpty(location: String, tables: [String])
    case countMismatch(table: String, source: Int, target: Int)
    /// The target's audit key file holds another key than the source's.
    case auditKeyDiffers(target: String, source: String)

    /// A request the user can correct (another target, `--replace`, the
    /// stale key file removed), as opposed to a store that failed: the
    /// executable exits with its usage/input status, not "store failure".
    public var isRefusal: Bool {
        if case .countMismatch = self { return false }
        return true
    }

    public var errorDescription: String? {
        switch self {
        case .sameStore(let location):
            return "源和目标是同一个结果存储（\(location)），未复制。"
        case .targetNotEmpty(let location, let tables):
            return "目标 \(location) 已有数据（表 \(tables.joined(separator: "、"))），未复制。确认要用源数据替换目标的全部数据时，加 --replace。"
        case .countMismatch(let table, let source, let target):
            return "复制后表 \(table) 的行数不符（源 \(source) 行，目标 \(target) 行），已撤销，目标未改动。"
        case .auditKeyDiffers(let target, let source):
            return "目标的审计校验密钥 \(target) 与源 \(source) 的密钥不同，复制来的审计链无法用它核对，未复制。目标是新库时请先删除该密钥文件。"
        }
    }
}

/// Copies everything a results store holds into another, possibly of the
/// other engine (moving an office from its SQLite file to PostgreSQL): all
/// in one write transaction of the target, from one consistent read of the
/// source, with the row counts of every table compared before committing —
/// so the target gets all of it or nothing. The audit chain is copied as it
/// is; it verifies on the target with the source's key.
public struct StoreCopier {
    /// Rows per INSERT statement.
    public static let batchRows = 500

    public let source: ResultsStore
    public let target: ResultsStore

    public init(source: ResultsStore, target: ResultsStore) {
        self.source = source
        self.target = target
    }

    /// `replace`: delete what the target holds first (otherwise a target with
    /// any data is refused). `progress` gets the table and its rows copied so far.
    public func copy(replace: Bool, progress: (String, Int) -> Void = { _, _ in }) throws -> [TableCount] {
        guard source.location != target.location else { throw StoreCopyError.sameStore(location: source.location) }
        return try source.read { from in
            try target.write { to in
                let occupied = try Self.occupiedTables(to)
                if !occupied.isEmpty, !replace { throw StoreCopyError.targetNotEmpty(location: target.location, tables: occupied) }
                for table in (StoreSchema.tables.map(\.name) + StoreSchema.notCopied).reversed() {
                    try to.execute("DELETE FROM \(table)", [])
                }
                var counts: [TableCount] = []
                for table in StoreSchema.tables {
                    let copied = try Self.copyTable(table, from: from, to: to) { progress(table.name, $0) }
                    if let identity = table.identity, let reset = to.dialect.resetIdentity(table: table.name, column: identity) {
                        _ = try to.rows(reset, [])
                    }
                    let count = TableCount(
                        table: table.name, source: try Self.count(table.name, from),
                        target: try Self.count(table.name, to))
                    guard count.source == count.target, count.source == copied else {
                        throw StoreCopyError.countMismatch(table: table.name, source: count.source, target: count.target)
                    }
                    counts.append(count)
                }
                return counts
            }
        }
    }

    /// Tables with rows; a chain holding only its genesis entry (every
    /// newly created store has one) counts as empty.
    static func occupiedTables(_ db: any StoreConnection) throws -> [String] {
        try StoreSchema.tables.map(\.name).filter { table in
            let sql = table == "audit_entry"
                ? "SELECT COUNT(*) FROM audit_entry WHERE kind <> 'genesis'" : "SELECT COUNT(*) FROM \(table)"
            return try (db.value(Int.self, sql, []) ?? 0) > 0
        }
    }

    static func count(_ table: String, _ db: any StoreConnection) throws -> Int {
        try db.value(Int.self, "SELECT COUNT(*) FROM \(table)", []) ?? 0
    }

    /// Streams the table in key order into multi-row INSERTs; returns the rows copied.
    private static func copyTable(
        _ table: StoreSchema.Table, from: any StoreConnection, to: any StoreConnection, progress: (Int) -> Void
    ) throws -> Int {
        let columns = table.columns.joined(separator: ", ")
        let row = "(" + table.columns.map { _ in "?" }.joined(separator: ", ") + ")"
        let dates = table.columns.indices.map { table.dates.contains(table.columns[$0]) }
        var batch: [SQLValue] = []
        var pending = 0
        var copied = 0
        func flush() throws {
            guard pending > 0 else { return }
            try to.execute(
                "INSERT INTO \(table.name) (\(columns)) VALUES " + Array(repeating: row, count: pending).joined(separator: ", "), batch)
            copied += pending
            batch.removeAll(keepingCapacity: true)
            pending = 0
            progress(copied)
        }
        try from.scan("SELECT \(columns) FROM \(table.name) ORDER BY \(table.order)", []) { rows in
            while try rows.step() {
                for column in table.columns.indices {
                    let value = rows.value(Int32(column))
                    if dates[column], case .text(let text) = value, let date = SQLTimestamp.date(text) {
                        batch.append(.date(date))
                    } else {
                        batch.append(value)
                    }
                }
                pending += 1
                if pending == batchRows { try flush() }
            }
        }
        try flush()
        return copied
    }
}
