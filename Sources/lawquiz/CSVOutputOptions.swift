import ArgumentParser
import Foundation
import LawQuizCore

/// `--output FILE` and `--force` of `stats` and `absent`: the CSV written as
/// `export` writes files — UTF-8 with a BOM so Excel on Chinese Windows reads
/// it, through a temporary file renamed into place, never over an existing
/// file without `--force`.
struct CSVOutputOptions: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp("把 CSV（UTF-8 带 BOM）写入文件，而不是打印。", valueName: "文件"))
    var output: String?

    @Flag(help: "输出文件已存在时覆盖。")
    var force = false

    /// The two values, without the parser's property wrappers.
    var choice: CSVOutputChoice { CSVOutputChoice(output: output, force: force) }
}

/// `--output` and `--force` as plain values (see `DisplayChoice`).
struct CSVOutputChoice {
    var output: String?
    var force = false

    /// Writes `csv` to the file when `--output` was given; false when it was not.
    func write(_ csv: () throws -> String) throws -> Bool {
        guard let output else { return false }
        let target = OutputFile.target(output, force: force)
        try target.checkDestination()
        let text = try csv()
        try target.write { writer in
            try writer.write(CSVFormat.byteOrderMark)
            try writer.write(text)
        }
        Console.error("已写入 \(target.destination.path)。")
        return true
    }
}

/// An output path as given on the command line, relative to the working folder.
enum OutputFile {
    static func target(_ path: String, force: Bool) -> AtomicOutput {
        let destination = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
        return AtomicOutput(destination: destination, overwrite: force)
    }
}
