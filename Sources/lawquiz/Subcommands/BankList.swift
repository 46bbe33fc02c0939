import ArgumentParser
import Foundation
import LawQuizCore

/// `lawquiz bank list`: banks with their counts per law, type and difficulty.
struct BankList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "列出题库及各法律、题型、难度的题数。")

    @Option(help: "输出格式：table 或 json。")
    var format: OutputFormat = .table

    @OptionGroup var display: DisplayOptions

    @OptionGroup var paths: PathOptions

    func run() throws {
        let catalog = try paths.loadCatalog()
        let summary = BankSummary(catalog: catalog)
        if format == .json {
            print(try JSONOutput.string(summary))
            return
        }
        let laws = catalog.library.laws
        let headers = ["题库", "题数"] + laws.map(\.shortName) + QuestionType.allCases.map(\.shortName) + (1...5).map { "难度\($0)" }
        // Bank and count stay; laws, then types, then difficulties give way, the last of each first.
        var columns = [TableColumn("题库"), TableColumn("题数", .right)]
        for (index, header) in headers.dropFirst(2).enumerated() {
            let group = index < laws.count ? 300 : index < laws.count + QuestionType.allCases.count ? 200 : 100
            columns.append(TableColumn(header, .right, priority: group - index))
        }
        var table = TextTable(columns: columns, fullViewHint: "用 --width 或 --format json 查看全部")
        for row in summary.banks + [summary.total] {
            var cells = [row.bank, String(row.questions)]
            cells += laws.map { String(row.byLaw[$0.id] ?? 0) }
            cells += QuestionType.allCases.map { String(row.byType[$0.rawValue] ?? 0) }
            cells += (1...5).map { String(row.byDifficulty[String($0)] ?? 0) }
            table.rows.append(cells)
        }
        display.emit(table.render(width: display.tableWidth))
        if !catalog.diagnostics.isEmpty {
            Console.error("注意：有 \(catalog.diagnostics.count) 个题库问题，相关题目未计入。运行 lawquiz bank lint 查看。")
        }
    }
}

/// Pretty, key-sorted JSON for reports.
enum JSONOutput {
    static func string<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Dates as ISO 8601, as in the exports (not seconds since 2001).
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
