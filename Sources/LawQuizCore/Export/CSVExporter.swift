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

    /// Writes the rows of required people as `outcomes` hands them over, in
    /// its order: the store streams them (`ExamReportLoader.forEachOutcome`),
    /// so the export holds one row at a time whatever the roster's size.
    /// `expected`: the number of rows announced to `progress`.
    public func write(
        outcomes: ((PersonOutcome) throws -> Void) throws -> Void, expected: Int, to writer: ByteWriter,
        progress: (Int, Int) -> Void = { _, _ in }
    ) throws {
        try writer.write(CSVFormat.byteOrderMark)
        try writer.write(CSVFormat.record(ResultRow.headers.map(CSVCell.text)))
        var written = 0
        var line: [UInt8] = []
        line.reserveCapacity(512)
        var encoder = CSVResultLine(timeFormat: timeFormat)
        try withoutActuallyEscaping(progress) { progress in
            try outcomes { outcome in
                guard outcome.isRequired else { return }
                line.removeAll(keepingCapacity: true)
                encoder.append(outcome, to: &line)
                try writer.write(line)
                written += 1
                if written % 5000 == 0 { progress(written, expected) }
            }
        }
        progress(written, expected)
    }
}
