import ArgumentParser
import Foundation
import LawQuizCore

/// `--width` and `--no-pager` for commands that print listings: tables fit
/// the terminal they are shown on (unlimited through pipes, so scripts get
/// whole rows), and long output goes through a pager on a terminal.
struct DisplayOptions: ParsableArguments {
    @Option(help: ArgumentHelp("表格宽度（列数）；默认在终端上为终端宽度，输出到管道或文件时不限。", valueName: "N"))
    var width: Int?

    @Flag(name: .customLong("no-pager"), help: "在终端上也不使用分页器（$LAWQUIZ_PAGER、$PAGER 或 less）。")
    var noPager = false

    func validate() throws {
        if let width, !DisplayChoice.widths.contains(width) { throw ValidationError("--width 须在 20 到 1000 之间") }
    }

    /// The two values, without the parser's property wrappers.
    var choice: DisplayChoice { DisplayChoice(width: width, noPager: noPager) }

    var tableWidth: Int? { choice.tableWidth }
    var textWidth: Int { choice.textWidth }
    func emit(_ text: String) { choice.emit(text) }
}

/// `--width` and `--no-pager` as plain values: what `DisplayOptions` holds,
/// and what the reports read without the parser (`ReportArguments`) use.
struct DisplayChoice {
    /// The widths `--width` accepts.
    static let widths = 20...1000

    var width: Int?
    var noPager = false

    /// Cells a table may take: `--width`, else the terminal's, else unlimited (nil).
    var tableWidth: Int? {
        width ?? (Console.standardOutputIsTerminal ? Console.terminalWidth : nil)
    }

    /// Cells for wrapped text (articles, charts): `--width` or the terminal's.
    var textWidth: Int { width ?? Console.terminalWidth }

    /// Prints `text`, through the pager when it is taller than the terminal.
    func emit(_ text: String) {
        Pager.show(text, allowed: !noPager)
    }
}
