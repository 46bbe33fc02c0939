import Foundation

/// Writes one person's CSV result line straight into a byte buffer: the bytes
/// of `CSVFormat.record(ResultRow(outcome:).csvCells(format:))`, without a
/// `ResultRow`, a cell array or a String per cell. An export writes 100,000
/// lines over a few hundred departments and a handful of 计分方式 texts, so
/// the department path and the 计分方式 text are encoded once and their bytes
/// reused, numbers and times are formatted digit by digit, and the zone's
/// offset is looked up once per hour of submission times.
public struct CSVResultLine {
    public let timeFormat: ReportTimeFormat
    /// Department key → the path it was encoded for and its CSV cell bytes.
    private var departments: [(path: DepartmentPath, bytes: [UInt8])?] = []
    /// 计分方式 cell bytes when no other side's score is named (the usual case).
    private var countingTexts: [CountingKey: [UInt8]] = [:]
    /// The hour (seconds since 1970 / 3600) whose zone offset is cached, and the offset.
    private var offsetHour = Int.min
    private var offset = 0

    private struct CountingKey: Hashable {
        var makeup: Bool
        var rule: AttemptCounting
        var ordinal: Int
        var count: Int
    }

    private static let yes = Array("是".utf8), no = Array("否".utf8), absent = Array("未参考".utf8)

    public init(timeFormat: ReportTimeFormat) { self.timeFormat = timeFormat }

    /// Appends the line of `outcome` (CRLF included) to `bytes`.
    public mutating func append(_ outcome: PersonOutcome, to bytes: inout [UInt8]) {
        let comma = UInt8(ascii: ",")
        let person = outcome.person
        CSVFormat.appendText(person.staffID, to: &bytes)
        bytes.append(comma)
        CSVFormat.appendText(person.name, to: &bytes)
        bytes.append(comma)
        appendDepartment(person, to: &bytes)
        bytes.append(comma)
        guard let counted = outcome.counted else {
            bytes.append(contentsOf: Self.no)
            // 得分 … 提交时间 empty, 0 attempts, 未参考, no attempt id.
            bytes.append(contentsOf: [comma, comma, comma, comma, comma, comma, UInt8(ascii: "0"), comma])
            bytes.append(contentsOf: Self.absent)
            bytes.append(contentsOf: [comma, 13, 10])
            return
        }
        let attempt = counted.attempt
        bytes.append(contentsOf: Self.yes)
        bytes.append(comma)
        ScoreFormat.append(attempt.score, to: &bytes)
        bytes.append(comma)
        bytes.append(contentsOf: attempt.passed ? Self.yes : Self.no)
        bytes.append(comma)
        bytes.append(contentsOf: attempt.excellent ? Self.yes : Self.no)
        bytes.append(comma)
        if let duration = attempt.duration { ReportTimeFormat.appendDuration(duration, to: &bytes) }
        bytes.append(comma)
        if let submitted = attempt.submittedAt {
            let start = bytes.count
            ReportTimeFormat.appendDateTime(submitted, offset: offset(at: submitted), to: &bytes)
            // A year before 1 BC starts with `-`: neutralised as the text cell it is.
            if bytes[start] == UInt8(ascii: "-") { bytes.insert(UInt8(ascii: "'"), at: start) }
        }
        bytes.append(comma)
        JSONText.append(integer: Int64(counted.totalAttempts), to: &bytes)
        bytes.append(comma)
        appendCounting(counted, to: &bytes)
        bytes.append(comma)
        JSONText.append(integer: attempt.id, to: &bytes)
        bytes.append(13)
        bytes.append(10)
    }

    /// The department cell, encoded once per department key (checked against
    /// the path, which shares its storage when the key is the same department).
    private mutating func appendDepartment(_ person: ReportPerson, to bytes: inout [UInt8]) {
        let key = person.departmentKey
        guard key >= 0 else { return CSVFormat.appendText(person.department.components.joined(separator: "/"), to: &bytes) }
        if key < departments.count, let cached = departments[key], cached.path == person.department {
            return bytes.append(contentsOf: cached.bytes)
        }
        var cell: [UInt8] = []
        CSVFormat.appendText(person.department.components.joined(separator: "/"), to: &cell)
        if key >= departments.count { departments += Array(repeating: nil, count: key + 1 - departments.count) }
        departments[key] = (person.department, cell)
        bytes.append(contentsOf: cell)
    }

    /// 计分方式: encoded once per rule, place and count; a merged make-up's
    /// text names the other side's score and is built each time (rare).
    private mutating func appendCounting(_ counted: CountedAttempt, to bytes: inout [UInt8]) {
        guard counted.otherScore == nil else { return CSVFormat.appendText(counted.explanation, to: &bytes) }
        let key = CountingKey(
            makeup: counted.isMakeup, rule: counted.isMakeup ? counted.makeupCounting : counted.counting, ordinal: counted.ordinal,
            count: counted.isMakeup ? counted.makeupAttempts : counted.mainAttempts)
        if let cached = countingTexts[key] { return bytes.append(contentsOf: cached) }
        var cell: [UInt8] = []
        CSVFormat.appendText(counted.explanation, to: &cell)
        countingTexts[key] = cell
        bytes.append(contentsOf: cell)
    }

    /// The zone's offset at `date`, cached per hour: when the offsets at the
    /// hour's first and last second agree, no transition lies between them.
    private mutating func offset(at date: Date) -> Int {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, abs(seconds) < 1e15 else { return timeFormat.timeZone.secondsFromGMT(for: date) }
        let hour = Int((seconds / 3600).rounded(.down))
        if hour == offsetHour { return offset }
        let first = timeFormat.timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(hour * 3600)))
        let last = timeFormat.timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(hour * 3600 + 3599)))
        guard first == last else { return timeFormat.timeZone.secondsFromGMT(for: date) }
        (offsetHour, offset) = (hour, first)
        return first
    }
}
