import Foundation

/// `lawquiz export --format csv`: one row per required person, UTF-8 with a
/// BOM, RFC 4180, formulas neutralised.
public struct CSVExporter: Sendable {
    public var timeFormat: ReportTimeFormat

    public init(timeFormat: ReportTimeFormat) { self.timeFormat = timeFormat }

    /// Writes the rows, calling `progress` with the number written every few thousand.
    public func write(_ report: ExamReport, to writer: ByteWriter, progress: (Int, Int) -> Void = { _, _ in }) throws {
        try write(
            outcomes: { body in for outcome in report.outcomes.people { try body(outcome) } }, expected: report.summary.required, to: writer,
            progress: progress)
    }

    /// Writes the rows of required people as `outcomes` hands them over.
    /// `byDepartment`: they come in department tree order, then 工号 (as
    /// `ExamOutcomes.people`), and each row is written as it arrives; when
    /// false they come in 工号 order (the store streams them so,
    /// `ExamReportLoader.forEachOutcome(overdue:byDepartment:)`, without
    /// sorting the roster) and are held per department (`DepartmentLines`)
    /// until the end, then written in tree order: the same file either way.
    /// `expected`: the number of rows announced to `progress`.
    public func write(
        outcomes: ((PersonOutcome) throws -> Void) throws -> Void, expected: Int, byDepartment: Bool = true, to writer: ByteWriter,
        progress: (Int, Int) -> Void = { _, _ in }
    ) throws {
        try writer.write(CSVFormat.byteOrderMark)
        try writer.write(CSVFormat.record(ResultRow.headers.map(CSVCell.text)))
        var written = 0
        var line: [UInt8] = []
        line.reserveCapacity(512)
        var groups = DepartmentLines()
        var encoder = CSVResultLine(timeFormat: timeFormat)
        try withoutActuallyEscaping(progress) { progress in
            try outcomes { outcome in
                guard outcome.isRequired else { return }
                if byDepartment {
                    line.removeAll(keepingCapacity: true)
                    encoder.append(outcome, to: &line)
                    try writer.write(line)
                } else {
                    encoder.append(outcome, to: &groups.lines[groups.group(of: outcome.person)])
                }
                written += 1
                if written % 5000 == 0 { progress(written, expected) }
            }
        }
        try groups.write(to: writer)
        progress(written, expected)
    }
}
