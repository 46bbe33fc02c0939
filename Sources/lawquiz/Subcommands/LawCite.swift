import ArgumentParser
import LawQuizCore

/// `lawquiz law cite "text…"`: the articles that best support a sentence,
/// ranked by the same scorer that grounds imported questions.
struct LawCite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cite", abstract: "为一句话找出最相符的条文（按字词重合度 BM25 排名）。",
        discussion: "例：lawquiz law cite \"生产经营单位的主要负责人是本单位安全生产第一责任人\"")

    @Argument(help: "要查找出处的文字。")
    var text: [String]

    @Option(help: "只在这部法律中查找（编号或简称）。")
    var law: String?

    @Option(help: "列出的条文数（1–20）。")
    var limit = 5

    @OptionGroup var paths: PathOptions

    func validate() throws {
        guard !text.joined().trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("请给出要查找出处的文字。") }
        guard (1...20).contains(limit) else { throw ValidationError("--limit 应为 1 到 20。") }
    }

    func run() throws {
        let library = try paths.loadLibrary()
        let lawIDs = try law.map { Set([try library.requireLaw(named: $0).id]) }
        let sentence = text.joined(separator: " ")
        let grounder = Grounder(library: library)
        let candidates = grounder.cite(sentence, lawIDs: lawIDs, limit: limit)
        guard !candidates.isEmpty else {
            print("没有找到与这段文字相符的条文。")
            throw ExitCode(1)
        }
        for candidate in candidates {
            guard let law = library.law(named: candidate.lawID), let article = law.article(candidate.article) else { continue }
            print(Console.bold(GroundingText.citation(candidate, library: library)) + String(format: "  得分 %.1f", candidate.score))
            let excerpt = EvidenceExtractor.evidence(for: [sentence], in: article)
            print("  " + TerminalText.visible(excerpt, newlines: .space))
        }
    }
}
