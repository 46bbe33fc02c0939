import ArgumentParser
import LawQuizCore

/// `lawquiz law search <word>…`: articles that contain every word.
struct LawSearch: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "检索包含全部关键词的条文。")

    @Argument(help: "关键词，可多个（须全部出现）。")
    var words: [String]

    @Option(help: "只检索这部法律（编号或简称）。")
    var law: String?

    @OptionGroup var display: DisplayOptions

    @OptionGroup var paths: PathOptions

    func validate() throws {
        guard !words.isEmpty, words.allSatisfy({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw ValidationError("请至少给出一个关键词。")
        }
    }

    func run() throws {
        let library = try paths.loadLibrary()
        let laws = try law.map { [try library.requireLaw(named: $0)] } ?? library.laws
        let hits = StatuteSearch.search(words, in: laws)
        var lines: [String] = []
        for hit in hits {
            let heading = "《\(hit.law.shortName)》\(hit.article.heading)"
            lines.append(Console.bold(heading) + "  " + (hit.law.chapter(of: hit.article)?.heading ?? ""))
            for paragraph in hit.article.paragraphs {
                guard Console.standardOutputIsTerminal || display.width != nil else {
                    // Off a terminal one line per paragraph, for grep and scripts.
                    lines.append("  " + StatuteSearch.mark(words, in: paragraph, with: Console.highlight))
                    continue
                }
                lines += StatuteSearch.markedLines(words, in: paragraph, firstPrefix: "  ", width: display.textWidth, style: Console.highlight)
            }
            lines.append("")
        }
        lines.append("共 \(hits.count) 条")
        display.emit(lines.joined(separator: "\n") + "\n")
    }
}

import Foundation
