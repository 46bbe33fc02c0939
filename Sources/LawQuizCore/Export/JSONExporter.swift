import Foundation

/// `lawquiz export --format json`: the summary, the department roll-up, the
/// item analysis, everyone's counted result, and every submitted attempt with
/// its paper (question ids, option order, seed) and each response (answer
/// given and right answer in bank letters, points) — enough to re-mark the
/// exam independently. Attempts are streamed, one at a time.
public struct JSONExporter: Sendable {
    /// Exam id → whether 多选题 earn half for a correct subset (`multiple_scoring: partial`).
    public var partialScoring: [String: Bool]

    public init(partialScoring: [String: Bool]) { self.partialScoring = partialScoring }

    public static let formatName = "lawquiz-exam-results"

    /// Each paper item is written as an array in this order (a 150,000-attempt
    /// export would be twice the size with the names repeated on every item):
    /// position, question id, content hash, option order (bank letters in the
    /// order shown), type, law, section, points, key and answer given (bank
    /// letters, `T`/`F` for 判断题, null when unanswered), points earned.
    public static let itemFields = [
        "index", "questionID", "contentHash", "optionOrder", "type", "lawID", "section", "points", "key", "given", "earned",
    ]

    /// `attempts` calls its argument once per attempt, in any order.
    public func write(
        _ report: ExamReport, attempts: ((AttemptDetail) throws -> Void) throws -> Void, to writer: ByteWriter,
        progress: @escaping (Int) -> Void = { _ in }
    ) throws {
        var counted = Set<Int64>()
        for outcome in report.outcomes.people where outcome.isRequired {
            if let id = outcome.counted?.attempt.id { counted.insert(id) }
        }
        try write(
            report, people: { body in try report.outcomes.people.forEach(body) }, counted: counted, attempts: attempts, to: writer,
            progress: progress)
    }

    /// Writes the people `people` hands over (everyone's outcome, in report
    /// order) rather than `report.outcomes`, so an export of any size holds
    /// no outcome table; `counted`: the counted attempts of required people.
    public func write(
        _ report: ExamReport, people: ((PersonOutcome) throws -> Void) throws -> Void, counted: Set<Int64>,
        attempts: ((AttemptDetail) throws -> Void) throws -> Void, to writer: ByteWriter, progress: @escaping (Int) -> Void = { _ in }
    ) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        func encoded<T: Encodable>(_ value: T) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        try writer.write("{\n\"format\":\"\(Self.formatName)\",\n\"version\":1,\n")
        try writer.write("\"exam\":" + (try encoded(report.header)) + ",\n")
        try writer.write("\"summary\":" + (try encoded(report.summary)) + ",\n")
        try writer.write("\"departments\":" + (try encoded(report.departments.nodes)) + ",\n")
        if let items = report.items { try writer.write("\"itemAnalysis\":" + (try encoded(items)) + ",\n") }
        if let byLaw = report.byLaw { try writer.write("\"byLaw\":" + (try encoded(byLaw.rows)) + ",\n") }
        if let byType = report.byType { try writer.write("\"byType\":" + (try encoded(byType.rows)) + ",\n") }
        try writePeople(people, to: writer)
        try writer.write("\"itemFields\":" + (try encoded(Self.itemFields)) + ",\n\"attempts\":[")
        var written = 0
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 14)
        try attempts { attempt in
            buffer.removeAll(keepingCapacity: true)
            buffer += (written == 0 ? "\n" : ",\n").utf8
            append(attempt, mainExam: report.header.examID, counted: counted.contains(attempt.id), to: &buffer)
            try writer.write(buffer)
            written += 1
            if written % 2000 == 0 { progress(written) }
        }
        progress(written)
        try writer.write("\n]\n}\n")
    }

    private func writePeople(_ people: ((PersonOutcome) throws -> Void) throws -> Void, to writer: ByteWriter) throws {
        try writer.write("\"people\":[")
        var first = true
        try people { outcome in
            guard outcome.isRequired || outcome.counted != nil else { return }
            // Only a required person's attempt counts: others show their score with no counted attempt.
            let c = outcome.counted
            let countedID = outcome.isRequired ? c.map { String($0.attempt.id) } : nil
            var line = first ? "\n{" : ",\n{"
            first = false
            line += "\"staffID\":" + JSONText.string(outcome.person.staffID) + ",\"name\":" + JSONText.string(outcome.person.name)
            line += ",\"department\":" + JSONText.string(outcome.person.department.components.joined(separator: "/"))
            line += ",\"required\":" + JSONText.bool(outcome.isRequired) + ",\"status\":" + JSONText.string(outcome.status.label)
            line += ",\"sat\":" + JSONText.bool(outcome.sat) + ",\"countedAttemptID\":" + (countedID ?? "null")
            line += ",\"score\":" + (c.map { JSONText.number($0.attempt.score) } ?? "null")
            line += ",\"passed\":" + (c.map { JSONText.bool($0.attempt.passed) } ?? "null")
            line += ",\"excellent\":" + (c.map { JSONText.bool($0.attempt.excellent) } ?? "null")
            line += ",\"attempts\":" + String(c?.totalAttempts ?? 0) + ",\"counting\":" + JSONText.string(c?.explanation) + "}"
            try writer.write(line)
        }
        try writer.write("\n],\n")
    }

    /// One attempt's JSON object, appended byte by byte to a buffer the
    /// caller reuses: 45 items per paper and millions of items per export.
    func append(_ a: AttemptDetail, mainExam: String, counted: Bool, to json: inout [UInt8]) {
        let partial = partialScoring[a.examID] ?? false
        json += "{\"id\":".utf8
        JSONText.append(integer: a.id, to: &json)
        json += ",\"examID\":".utf8
        JSONText.append(string: a.examID, to: &json)
        json += ",\"examTitle\":".utf8
        JSONText.append(string: a.examTitle, to: &json)
        json += (",\"source\":\"" + (a.examID == mainExam ? "main" : "makeup") + "\",\"counted\":" + JSONText.bool(counted)).utf8
        json += ",\"staffID\":".utf8
        JSONText.append(string: a.staffID, to: &json)
        json += ",\"seed\":\"\(a.seed)\",\"definitionHash\":".utf8
        JSONText.append(string: a.definitionHash, to: &json)
        json += (",\"startedAt\":" + JSONText.date(a.startedAt) + ",\"deadline\":" + JSONText.date(a.deadline)).utf8
        json += (",\"submittedAt\":" + JSONText.date(a.submittedAt) + ",\"submitReason\":").utf8
        JSONText.append(string: a.submitReason, to: &json)
        json += ",\"score\":".utf8
        JSONText.append(number: a.score, to: &json)
        json += ",\"fullMarks\":".utf8
        JSONText.append(number: a.fullMarks, to: &json)
        json += (",\"passed\":" + JSONText.bool(a.passed) + ",\"excellent\":" + JSONText.bool(a.excellent)).utf8
        json += (",\"multipleScoring\":\"" + (partial ? "partial" : "all_or_nothing") + "\",\"items\":[").utf8
        for (offset, item) in a.items.enumerated() {
            let key = OptionBits(code: item.keyCode, type: item.type)
            let earned = OptionBits.mark(given: item.given, key: key, type: item.type, points: item.points, partial: partial)
            if offset > 0 { json.append(UInt8(ascii: ",")) }
            json.append(UInt8(ascii: "["))
            JSONText.append(integer: Int64(item.index), to: &json)
            for text in [item.questionID, item.contentHash, item.optionOrder] {
                json.append(UInt8(ascii: ","))
                JSONText.append(string: text, to: &json)
            }
            json += ",\"".utf8
            json += item.type.rawValue.utf8
            json += "\",".utf8
            JSONText.append(string: item.lawID, to: &json)
            json.append(UInt8(ascii: ","))
            JSONText.append(integer: Int64(item.sectionIndex), to: &json)
            json.append(UInt8(ascii: ","))
            JSONText.append(number: item.points, to: &json)
            json.append(UInt8(ascii: ","))
            JSONText.append(string: item.keyCode, to: &json)
            json.append(UInt8(ascii: ","))
            item.appendGivenCode(to: &json)
            json.append(UInt8(ascii: ","))
            JSONText.append(number: earned, to: &json)
            json.append(UInt8(ascii: "]"))
        }
        json += "]}".utf8
    }
}
