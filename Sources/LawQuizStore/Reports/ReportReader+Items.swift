import Foundation
import LawQuizCore

/// A question met for the first time during an item scan.
public struct ScannedQuestion: Sendable {
    /// Dense index (0, 1, 2…) used by the item rows that follow.
    public var index: Int
    public var id: String
    public var type: QuestionType
    public var lawID: String
    public var key: OptionBits
}

/// One paper item of an analysed attempt with the answer given. Answers are
/// bit sets (see `OptionBits`); the question is an index into the questions
/// reported before it.
public struct ScannedItem: Sendable {
    /// Position of the attempt in the `AttemptLookup`.
    public var attempt: Int
    public var itemIndex: Int
    public var question: Int
    public var type: QuestionType
    public var key: OptionBits
    public var given: OptionBits
    public var points: Double
}

/// Which attempts a scan covers: a dense table from attempt id to position,
/// because millions of item rows look their attempt up.
public struct AttemptLookup: Sendable {
    let lowest: Int64
    let slots: [Int32]
    /// The attempt ids by position.
    let ids: [Int64]
    public let count: Int

    public init(_ ids: [Int64]) {
        self.ids = ids
        let lowest = ids.min() ?? 0
        let highest = ids.max() ?? -1
        var slots = [Int32](repeating: -1, count: Int(max(0, highest - lowest + 1)))
        for (position, id) in ids.enumerated() { slots[Int(id - lowest)] = Int32(position) }
        self.lowest = lowest
        self.slots = slots
        count = ids.count
    }

    /// Position of an attempt in the list given, or nil when it is not covered.
    @inline(__always) public func position(of id: Int64) -> Int? {
        let offset = id - lowest
        guard offset >= 0, offset < slots.count else { return nil }
        let slot = slots[Int(offset)]
        return slot < 0 ? nil : Int(slot)
    }
}

/// Receives the rows of one partition of an item scan (each partition runs
/// on its own thread with its own sink, so sinks need no locking).
public protocol ItemScanSink: AnyObject {
    func question(_ question: ScannedQuestion)
    func item(_ item: ScannedItem)
}

extension ReportReader {
    /// Streams every paper item of the covered attempts with the answer given,
    /// from their answer sheets when the store has them and `sheets` is set
    /// (`scanSheets`); otherwise from the rows, in
    /// two sequential table scans (answers first, into a compact byte table;
    /// then the paper items) instead of a join that would visit the response
    /// index once per item: millions of rows, bounded memory (one byte per
    /// item), columns read as bytes without building strings. The tables are
    /// split into `partitions` rowid ranges read in parallel on separate
    /// read-only connections; each partition feeds its own sink, returned in order.
    public func scanItems(
        of attempts: AttemptLookup, itemsPerPaper: Int, partitions: Int = 2, sheets: Bool = true, makeSink: (Int) -> any ItemScanSink
    ) throws {
        // Partitions are rowid ranges, each on its own read-only SQLite
        // connection; a server store is scanned in one pass.
        let sqlite = engine as? SQLiteReadEngine
        let count = sqlite == nil ? 1 : max(1, partitions)
        let engines: [any StoreEngine] = try [engine] + (1..<count).compactMap { _ in
            try sqlite.map { try SQLiteReadEngine(path: $0.path, busyTimeout: ResultsStore.busyTimeout) }
        }
        let sinks = UncheckedBox((0..<count).map(makeSink))
        if sheets, hasSheets { return try scanSheets(of: attempts, engines: engines, sinks: sinks.value) }
        let answers = AnswerTable(attempts: attempts.count, itemsPerPaper: itemsPerPaper)
        defer { answers.deallocate() }
        let responseRanges = try rowidRanges("response", count)
        try Self.parallel(count) { part in
            try engines[part].read { db in
                try Self.loadAnswers(db, attempts: attempts, into: answers, rowids: responseRanges[part])
            }
        }
        let itemRanges = try rowidRanges("paper_item", count)
        try Self.parallel(count) { part in
            try engines[part].read { db in
                try Self.scanPaperItems(db, attempts: attempts, answers: answers, rowids: itemRanges[part], sink: sinks.value[part])
            }
        }
    }

    /// Type and law are turned into values only for a question met for the
    /// first time. On SQLite they are not even selected: decoding the table's
    /// two last columns for every row cost about a fifth of the scan, so they
    /// are read by rowid for each new question instead (a second statement
    /// beside the scan; a server engine streams one statement at a time and
    /// reads them with every row).
    private static func scanPaperItems(
        _ db: any StoreConnection, attempts: AttemptLookup, answers: AnswerTable, rowids: Range<Int64>?, sink: any ItemScanSink
    ) throws {
        let byRowID = db.dialect.hasRowIDs
        let sql = "SELECT attempt_id, item_index, question_id, answer_key, points, " + (byRowID ? "rowid" : "type, law_id")
            + " FROM paper_item" + rowidFilter(rowids)
        try db.scan(sql, rowidArguments(rowids)) { rows in
            let describe = { (rows: any SQLRowCursor) throws -> (type: String, lawID: String) in
                guard byRowID else { return (rows.string(5), rows.string(6)) }
                let row = try db.row("SELECT type, law_id FROM paper_item WHERE rowid = ?", [.integer(rows.int(5))])
                return (try row?[0] ?? "", try row?[1] ?? "")
            }
            // One dynamic cast per scan, so the loop over millions of rows is
            // compiled for SQLite's cursor rather than dispatching each column read.
            if let raw = rows as? RawRows {
                try streamPaperItems(raw, attempts: attempts, answers: answers, sink: sink, describe: describe)
            } else {
                try streamPaperItems(rows, attempts: attempts, answers: answers, sink: sink, describe: describe)
            }
        }
    }

    private static func streamPaperItems<Rows: SQLRowCursor>(
        _ rows: Rows, attempts: AttemptLookup, answers: AnswerTable, sink: any ItemScanSink,
        describe: (any SQLRowCursor) throws -> (type: String, lawID: String)
    ) throws {
        let feed = ItemFeed(sink: sink)
        while try rows.step() {
            guard let position = attempts.position(of: rows.int(0)) else { continue }
            let index = Int(rows.int(1))
            try rows.withBytes(2) { question in
                try feed.item(
                    attempt: position, index: index, question: question, key: rows.withBytes(3) { AnswerCode.raw($0) },
                    given: answers.raw(position: position, item: index), points: rows.double(4), describe: { try describe(rows) })
            }
        }
    }

    static func loadAnswers(_ db: any StoreConnection, attempts: AttemptLookup, into table: AnswerTable, rowids: Range<Int64>?) throws {
        try loadAnswers(db, attempts: attempts, into: table, filter: rowids == nil ? "" : "rowid >= ? AND rowid < ? AND ", rowidArguments(rowids))
    }

    /// The answers of one batch of attempts (ids in `attemptIDs`), by the primary key.
    static func loadAnswers(_ db: any StoreConnection, attempts: AttemptLookup, into table: AnswerTable, attemptIDs: ClosedRange<Int64>) throws {
        try loadAnswers(
            db, attempts: attempts, into: table, filter: "attempt_id BETWEEN ? AND ? AND ",
            [.integer(attemptIDs.lowerBound), .integer(attemptIDs.upperBound)])
    }

    private static func loadAnswers(
        _ db: any StoreConnection, attempts: AttemptLookup, into table: AnswerTable, filter: String, _ arguments: [SQLValue]
    ) throws {
        try db.scan("SELECT attempt_id, item_index, answer FROM response WHERE " + filter + "answer IS NOT NULL", arguments) { rows in
            if let raw = rows as? RawRows {
                try streamAnswers(raw, attempts: attempts, into: table)
            } else {
                try streamAnswers(rows, attempts: attempts, into: table)
            }
        }
    }

    private static func streamAnswers<Rows: SQLRowCursor>(_ rows: Rows, attempts: AttemptLookup, into table: AnswerTable) throws {
        while try rows.step() {
            guard let position = attempts.position(of: rows.int(0)) else { continue }
            table.set(position: position, item: Int(rows.int(1)), raw: rows.withBytes(2) { AnswerCode.raw($0) })
        }
    }

    /// ` WHERE rowid >= ? AND rowid < ?` for a partition, nothing for a whole table.
    private static func rowidFilter(_ rowids: Range<Int64>?) -> String { rowids == nil ? "" : " WHERE rowid >= ? AND rowid < ?" }

    private static func rowidArguments(_ rowids: Range<Int64>?) -> [SQLValue] {
        rowids.map { [.integer($0.lowerBound), .integer($0.upperBound)] } ?? []
    }

    /// The table's rowids cut into `count` contiguous half-open ranges of
    /// about equal width; some are empty when the table is empty or has fewer
    /// rows than ranges (a closed range cannot be empty: `1...0` traps).
    /// MIN and MAX as two scalar subqueries: each is then one seek to an end of
    /// the rowid b-tree, where `SELECT MIN(rowid), MAX(rowid)` scans it all.
    /// Nil ranges (whole tables) on an engine without rowids.
    func rowidRanges(_ table: String, _ count: Int) throws -> [Range<Int64>?] {
        guard engine.dialect.hasRowIDs else { return Array(repeating: nil, count: count) }
        let (low, high) = try read { db -> (Int64, Int64) in
            let row = try db.row("SELECT (SELECT MIN(rowid) FROM \(table)), (SELECT MAX(rowid) FROM \(table))")
            return (try row?[0] ?? 0, try row?[1] ?? -1)
        }
        return Self.partition(low: low, high: high, count: count)
    }

    /// `low...high` (empty when high < low) cut into `count` half-open ranges.
    static func partition(low: Int64, high: Int64, count: Int) -> [Range<Int64>] {
        guard high >= low else { return Array(repeating: 0..<0, count: count) }
        let end = high + 1
        let width = (end - low + Int64(count) - 1) / Int64(count)
        return (0..<count).map { part in
            let start = min(end, low + Int64(part) * width)
            return start..<min(end, start + width)
        }
    }

    /// Runs `body(0..<count)` on parallel threads, rethrowing the first error.
    static func parallel(_ count: Int, _ body: (Int) throws -> Void) throws {
        let failures = FailureBox()
        withoutActuallyEscaping(body) { body in
            let box = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: count) { part in
                do { try box.value(part) } catch { failures.record(error) }
            }
        }
        if let error = failures.first { throw error }
    }
}

/// The first error thrown by any thread of a parallel scan.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var first: Error?

    func record(_ error: Error) {
        lock.lock()
        if first == nil { first = error }
        lock.unlock()
    }
}

/// Carries a non-Sendable value into `concurrentPerform`, whose threads the
/// caller keeps apart (each works on its own partition).
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// The answers of the covered attempts, one byte per paper item, in memory
/// shared by the scan threads (each writes its own rows' bytes). Items past
/// `itemsPerPaper` — a paper from a changed definition — go to a locked side table.
final class AnswerTable: @unchecked Sendable {
    let itemsPerPaper: Int
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private var overflow: [Int64: UInt8] = [:]
    private let lock = NSLock()

    init(attempts: Int, itemsPerPaper: Int) {
        self.itemsPerPaper = max(1, itemsPerPaper)
        bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, attempts * self.itemsPerPaper))
        bytes.initialize(repeating: 0)
    }

    func deallocate() { bytes.deallocate() }

    @inline(__always) func set(position: Int, item: Int, raw: UInt8) {
        if item >= 0, item < itemsPerPaper {
            bytes[position * itemsPerPaper + item] = raw
        } else {
            lock.lock()
            overflow[Int64(position) << 20 | Int64(item & 0xFFFFF)] = raw
            lock.unlock()
        }
    }

    @inline(__always) func raw(position: Int, item: Int) -> UInt8 {
        if item >= 0, item < itemsPerPaper { return bytes[position * itemsPerPaper + item] }
        lock.lock()
        defer { lock.unlock() }
        return overflow[Int64(position) << 20 | Int64(item & 0xFFFFF)] ?? 0
    }
}

/// The store's answer codes (`ABD`, `T`, `F`) as bits without knowing the
/// type first: letters A–F are bits 0–5 and `T` bit 6; a judgement's `F`
/// therefore arrives as bit 5 and is turned into 错 once the type is known.
enum AnswerCode {
    static func raw(_ code: String) -> UInt8 {
        var code = code
        return code.withUTF8 { raw($0) }
    }

    @inline(__always) static func raw(_ code: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var raw: UInt8 = 0
        for byte in code {
            if byte >= 65, byte <= 70 { raw |= 1 << (byte - 65) } else if byte == 84 { raw |= 1 << 6 }
        }
        return raw
    }

    static func bits(raw: UInt8, type: QuestionType) -> OptionBits {
        guard type == .judge else { return OptionBits(raw: raw & 0x3F) }
        return OptionBits(raw: (raw & 0x40 != 0 ? 1 : 0) | (raw & 0x20 != 0 ? 2 : 0))
    }

    static func bits(code: String, type: QuestionType) -> OptionBits {
        bits(raw: raw(code), type: type)
    }
}
