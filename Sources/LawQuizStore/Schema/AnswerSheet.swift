import Foundation

/// The answer sheet of a submitted attempt (`answer_sheet.sheet`, migration
/// `v7-answer-sheet`): what the item analysis needs of every paper item, in
/// one text value per attempt, so a report reads one row per attempt instead
/// of one `paper_item` and one `response` row per item (6.75 million each at
/// 150,000 attempts). The rows stay the record; the sheet is derived from
/// them by the engine itself (`insertSQL`) in the transaction that submits
/// the attempt, and `lawquiz verify` reports a sheet that no longer matches.
///
/// Format: the version byte `1`, then per paper item, in any order,
/// RS index US question id US key US points US answer (RS = 0x1E, US = 0x1F;
/// an empty answer is unanswered). Each record names its position, so the
/// engine may concatenate them in any order (SQLite 3.40's `group_concat`
/// has no ORDER BY). Bank ids, keys and answer codes hold no control
/// characters; a sheet that does not parse is ignored and its attempt read
/// from the rows.
enum AnswerSheet {
    static let version: UInt8 = 0x31
    static let recordSeparator: UInt8 = 0x1E
    static let unitSeparator: UInt8 = 0x1F

    /// The table, in either engine's integer type.
    static func createSQL(integer: String) -> String {
        """
        CREATE TABLE answer_sheet (
            attempt_id \(integer) PRIMARY KEY NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,
            sheet TEXT NOT NULL
        )
        """
    }

    /// Writes (or rewrites) the sheets of the submitted attempts from their
    /// rows: all of them (the migration's backfill), or only the attempt
    /// bound as the one argument (`oneAttempt`, at submission).
    static func insertSQL(_ dialect: any SQLDialect, oneAttempt: Bool) -> String {
        let postgres = dialect.name == PostgresDialect().name
        let char = postgres ? "chr" : "char"
        let record = "\(char)(30) || p.item_index || \(char)(31) || p.question_id || \(char)(31) || p.answer_key || \(char)(31) || "
            + pointsText(dialect, "p.points") + " || \(char)(31) || coalesce(r.answer, '')"
        let records = postgres ? "string_agg(\(record), '' ORDER BY p.item_index)" : "group_concat(\(record), '')"
        return """
            INSERT INTO answer_sheet (attempt_id, sheet)
            SELECT a.id, '1' || coalesce((
                SELECT \(records) FROM paper_item p
                LEFT JOIN response r ON r.attempt_id = p.attempt_id AND r.item_index = p.item_index
                WHERE p.attempt_id = a.id), '')
            FROM attempt a WHERE a.status = 'submitted'\(oneAttempt ? " AND a.id = ?" : "")
            ON CONFLICT (attempt_id) DO UPDATE SET sheet = excluded.sheet
            """
    }

    /// The SQL text of a points value that reads back to the same double.
    /// PostgreSQL prints the shortest exact form. SQLite's `quote()` is not
    /// enough: it keeps 15 digits whenever SQLite's own text-to-number
    /// conversion (not correctly rounded) reads them back to the value, so a
    /// correct parse can land one bit off (seen: −686203.6905568161 quoted as
    /// −686203.690556816); 17 significant digits identify every double.
    static func pointsText(_ dialect: any SQLDialect, _ column: String) -> String {
        dialect.name == PostgresDialect().name ? "\(column)::text" : "printf('%!.17g', \(column))"
    }

    /// One paper item of a sheet; the byte ranges point into the sheet.
    struct Record {
        var index: Int
        var question: UnsafeBufferPointer<UInt8>
        var key: UnsafeBufferPointer<UInt8>
        var points: Double
        var answer: UnsafeBufferPointer<UInt8>
    }

    /// Parses a whole sheet into `records` (emptied first); false, with
    /// `records` unspecified, when the sheet is not a well-formed version-1
    /// sheet or names a position twice. Nothing is handed on before the whole sheet parsed, so a bad
    /// sheet can fall back to the rows without counting an item twice.
    static func parse(_ sheet: UnsafeBufferPointer<UInt8>, into records: inout [Record]) -> Bool {
        records.removeAll(keepingCapacity: true)
        guard let base = sheet.baseAddress, sheet.first == version else { return false }
        let end = sheet.count
        var position = 1
        while position < end {
            guard base[position] == recordSeparator else { return false }
            // The four unit separators of a record, found in one pass (no field array per record).
            var cuts: (Int, Int, Int, Int) = (0, 0, 0, 0)
            var separators = 0
            var cursor = position + 1
            while cursor < end {
                let byte = base[cursor]
                if byte == recordSeparator { break }
                if byte == unitSeparator {
                    switch separators {
                    case 0: cuts.0 = cursor
                    case 1: cuts.1 = cursor
                    case 2: cuts.2 = cursor
                    case 3: cuts.3 = cursor
                    default: return false
                    }
                    separators += 1
                }
                cursor += 1
            }
            func field(_ from: Int, _ to: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base + from, count: to - from) }
            guard separators == 4, let index = integer(field(position + 1, cuts.0)), let points = number(field(cuts.2 + 1, cuts.3)) else {
                return false
            }
            records.append(Record(
                index: index, question: field(cuts.0 + 1, cuts.1), key: field(cuts.1 + 1, cuts.2), points: points, answer: field(cuts.3 + 1, cursor)))
            position = cursor
        }
        return hasDistinctPositions(records)
    }

    /// Whether no position appears twice: the engine writes each paper item
    /// once, so a repeated position is an edited sheet, which must not count
    /// an item twice (the attempt's rows are read instead, and `verify`
    /// reports the sheet). Sheets come in position order, checked in one pass.
    private static func hasDistinctPositions(_ records: [Record]) -> Bool {
        var increasing = true
        for next in records.indices.dropFirst() where records[next].index <= records[next - 1].index {
            increasing = false
            break
        }
        if increasing { return true }
        let positions = records.map(\.index).sorted()
        return !positions.indices.dropFirst().contains { positions[$0] == positions[$0 - 1] }
    }

    /// A non-negative decimal integer of at most 6 digits (a paper position).
    @inline(__always) static func integer(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !text.isEmpty, text.count <= 6 else { return nil }
        var value = 0
        for byte in text {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    private static let powersOfTen: [Double] = (0...15).map { pow(10, Double($0)) }

    /// A number as the engines print it. Plain decimals of up to 15 digits
    /// are an exact integer divided by an exact power of ten, which IEEE
    /// division rounds correctly, so the result equals a full parse; other
    /// forms (exponents, signs, 20-digit fallbacks) take the full parse.
    @inline(__always) static func number(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        var mantissa = 0, digits = 0, decimals = 0, dot = false
        for byte in text {
            if byte >= 48, byte <= 57 {
                mantissa = mantissa * 10 + Int(byte - 48)
                digits += 1
                if dot { decimals += 1 }
            } else if byte == 46, !dot {
                dot = true
            } else {
                digits = 16
                break
            }
            if digits > 15 { break }
        }
        if digits > 0, digits <= 15 { return Double(mantissa) / powersOfTen[decimals] }
        return Double(String(decoding: text, as: UTF8.self))
    }
}
