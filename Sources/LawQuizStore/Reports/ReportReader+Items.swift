import Foundation
import GRDB
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
    public let count: Int

    public init(_ ids: [Int64]) {
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

extension ReportReader {
    /// Streams every paper item of the covered attempts with the answer given.
    /// Two sequential table scans (answers first, into a compact byte table;
    /// then the paper items) instead of a join that would visit the response
    /// index once per item: millions of rows, bounded memory (one byte per
    /// item), columns read as bytes without building strings.
    public func scanItems(
        of attempts: AttemptLookup, itemsPerPaper: Int, question newQuestion: (ScannedQuestion) throws -> Void,
        item body: (ScannedItem) throws -> Void
    ) throws {
        try read { db in
            let answers = try Self.loadAnswers(db, attempts: attempts, itemsPerPaper: itemsPerPaper)
            var questions = ByteInterner()
            var types: [QuestionType] = []
            let rows = try RawRows(db, sql: "SELECT attempt_id, item_index, question_id, answer_key, points, type, law_id FROM paper_item")
            while try rows.step() {
                guard let position = attempts.position(of: rows.int(0)) else { continue }
                let index = Int(rows.int(1))
                let (question, isNew) = questions.index(of: rows.bytes(2))
                if isNew {
                    let type = QuestionType(rawValue: rows.string(5)) ?? .single
                    types.append(type)
                    try newQuestion(ScannedQuestion(
                        index: question, id: questions.values[question], type: type, lawID: rows.string(6),
                        key: AnswerCode.bits(raw: AnswerCode.raw(rows.bytes(3)), type: type)))
                }
                let type = types[question]
                try body(ScannedItem(
                    attempt: position, itemIndex: index, question: question, type: type,
                    key: AnswerCode.bits(raw: AnswerCode.raw(rows.bytes(3)), type: type),
                    given: AnswerCode.bits(raw: answers.raw(position: position, item: index), type: type), points: rows.double(4)))
            }
        }
    }

    static func loadAnswers(_ db: Database, attempts: AttemptLookup, itemsPerPaper: Int) throws -> AnswerTable {
        var table = AnswerTable(attempts: attempts.count, itemsPerPaper: itemsPerPaper)
        let rows = try RawRows(db, sql: "SELECT attempt_id, item_index, answer FROM response WHERE answer IS NOT NULL")
        while try rows.step() {
            guard let position = attempts.position(of: rows.int(0)) else { continue }
            table.set(position: position, item: Int(rows.int(1)), raw: AnswerCode.raw(rows.bytes(2)))
        }
        return table
    }
}

/// The answers of the covered attempts, one byte per paper item (items past
/// `itemsPerPaper` — a paper from a changed definition — go to a side table).
struct AnswerTable {
    let itemsPerPaper: Int
    var bytes: [UInt8]
    var overflow: [Int64: UInt8] = [:]

    init(attempts: Int, itemsPerPaper: Int) {
        self.itemsPerPaper = max(1, itemsPerPaper)
        bytes = [UInt8](repeating: 0, count: attempts * self.itemsPerPaper)
    }

    mutating func set(position: Int, item: Int, raw: UInt8) {
        if item >= 0, item < itemsPerPaper {
            bytes[position * itemsPerPaper + item] = raw
        } else {
            overflow[Int64(position) << 20 | Int64(item & 0xFFFFF)] = raw
        }
    }

    func raw(position: Int, item: Int) -> UInt8 {
        if item >= 0, item < itemsPerPaper { return bytes[position * itemsPerPaper + item] }
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
