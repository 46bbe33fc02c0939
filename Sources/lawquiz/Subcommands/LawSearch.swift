import ArgumentParser
import LawQuizCore

/// `lawquiz law search <word>…`: articles that contain every word.
struct LawSearch: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "检索包含全部关键词的条文。")

    @Argument(help: "关键词，可多个（须全部出现）。")
    var words: [String]

    @Option(help: "只检索这部法律（编号或简称）。")
    var law: String?

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
        for hit in hits {
            let heading = "《\(hit.law.shortName)》\(hit.article.heading)"
            print(Console.bold(heading) + "  " + (hit.law.chapter(of: hit.article)?.heading ?? ""))
            for paragraph in hit.article.paragraphs {
                guard Console.standardOutputIsTerminal else {
                    // Off a terminal one line per paragraph, for grep and scripts.
                    print("  " + StatuteSearch.mark(words, in: paragraph, with: Console.highlight))
                    continue
                }
                let lines = StatuteSearch.markedLines(
                    words, in: paragraph, firstPrefix: "  ", width: Console.terminalWidth, style: Console.highlight)
                print(lines.joined(separator: "\n"))
            }
            print("")
        }
        print("共 \(hits.count) 条")
    }
}

import Foundation
