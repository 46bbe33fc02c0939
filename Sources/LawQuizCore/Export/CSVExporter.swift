import Foundation

/// `lawquiz export --format csv`: one row per required person, UTF-8 with a
/// BOM, RFC 4180, formulas neutralised.
public struct CSVExporter: Sendable {
    public var timeFormat: ReportTimeFormat

    public init(timeFormat: ReportTimeFormat) { self.timeFormat = timeFormat }

    /// Writes the rows, calling `progress` with the number written every few thousand.
    public func write(_ report: ExamReport, to writer: ByteWriter, progress: (Int, Int) -> Void = { _, _ in }) throws {
        try writer.write(CSVFormat.byteOrderMark)
        try writer.write(CSVFormat.record(ResultRow.headers.map(CSVCell.text)))
        let total = report.summary.required
        var written = 0
        var line: [UInt8] = []
        line.reserveCapacity(512)
        for outcome in report.outcomes.people where outcome.isRequired {
            line.removeAll(keepingCapacity: true)
            CSVFormat.append(ResultRow(outcome: outcome).csvCells(format: timeFormat), to: &line)
            try writer.write(line)
            written += 1
            if written % 5000 == 0 { progress(written, total) }
        }
        progress(written, total)
    }
}
