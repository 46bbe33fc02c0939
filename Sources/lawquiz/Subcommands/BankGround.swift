import ArgumentParser
import Foundation
import LawQuizCore

/// `lawquiz bank ground FILE`: proposes law, article and evidence for the
/// questions of a bank that lack them or were grounded automatically before;
/// `--evaluate` measures the proposals against the reviewed banks instead.
struct BankGround: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ground", abstract: "自动为题目定位所依据的条文（法律、条号、依据原文）。",
        discussion: """
            对没有 law/article/evidence 的题目，以及标为 grounding: auto 的题目，按题干与正确选项的字词
            （BM25，汉字二元、三元组）为全部条文排名，取第一名，并摘取该条与题目相同的最长原文片段作 evidence；
            写入 grounding: auto 与置信度，置信度低的题目附注前三名候选条文。grounding: reviewed 的题目不改动。
            文件整体改写（先写临时文件再改名）；有题目无法读取时不写入，退出状态 1。
            --evaluate：去掉题库（默认全部）中每道题的法律、条号和依据后重新定位，报告第一名、前三名命中率
            以及依据能通过 bank lint 的比例。
            """)

    @Argument(help: "题库文件；--evaluate 时可为题库文件或目录（默认全部题库）。")
    var files: [String] = []

    @Option(help: "只在这部法律中定位（编号或简称）。")
    var law: String?

    @Flag(name: .customLong("all"), help: "也重新定位手写的题目（grounding: reviewed 的除外）。")
    var all = false

    @Flag(help: "评测：对已核对的题目重新定位并报告准确率，不写任何文件。")
    var evaluate = false

    @OptionGroup var paths: PathOptions

    func validate() throws {
        if !evaluate, files.count != 1 { throw ValidationError("请给出一个题库文件。") }
    }

    func run() throws {
        let library = try paths.loadLibrary()
        let lawIDs = try law.map { Set([try library.requireLaw(named: $0).id]) }
        if evaluate { return try runEvaluation(library: library) }
        let file = files[0]
        let (bank, problems) = BankLoader.load(file: file, allowsUngrounded: true)
        for problem in problems { print(TerminalText.visible(problem.description)) }
        guard let bank, problems.isEmpty else {
            print("文件有 \(problems.count) 个问题，未改动。")
            throw ExitCode(problems.contains { $0.severity == .unreadable } ? 2 : 1)
        }
        let grounder = Grounder(library: library)
        var notes: [String: [String]] = [:]
        var grounded = 0, unclear = 0
        var questions: [Question] = []
        for question in bank.questions {
            // A question citing several articles was grounded by a person article by article.
            let needs = question.lawID.isEmpty
                || question.furtherCitations.isEmpty && (question.grounding == .auto || all && question.grounding != .reviewed)
            guard needs, let (result, proposal) = grounder.ground(question, lawIDs: lawIDs) else {
                if question.lawID.isEmpty { print(TerminalText.visible("\(question.source): \(question.id) 与任何条文都没有相同的字词，无法定位")) }
                questions.append(question)
                continue
            }
            grounded += 1
            if !proposal.isConfident {
                unclear += 1
                notes[question.id] = BankWriter.candidateNote(proposal, library: library)
            }
            questions.append(result)
        }
        if questions.contains(where: { $0.lawID.isEmpty }) {
            print("有题目无法定位，文件未改动。")
            throw ExitCode(1)
        }
        let text = BankWriter.yaml(bankID: bank.id, title: bank.title, questions: questions, notes: notes)
        try AtomicOutput(destination: URL(fileURLWithPath: file), overwrite: true).write { try $0.write(text) }
        print(TerminalText.visible("已定位 \(grounded) 道题（其中 \(unclear) 道置信度低，已附候选条文），写入 \(file)。请核对后改为 grounding: reviewed。"))
    }

    private func runEvaluation(library: LawLibrary) throws {
        let targets = files.isEmpty ? [paths.resolved.banks.path] : files
        let collection = BankLoader.load(paths: targets)
        let reviewed = collection.questions.filter { $0.grounding != .auto }
        let started = Date()
        let result = GroundingBenchmark(library: library).run(reviewed)
        let elapsed = Date().timeIntervalSince(started)
        for miss in result.misses { print(TerminalText.visible("  未命中  \(miss.id)  应为 \(miss.expected)，定位为 \(miss.proposed)")) }
        print("题目 \(result.questions) 道")
        print(String(format: "第一名命中 %d（%.1f%%）", result.top1, 100 * result.share(result.top1)))
        print(String(format: "前三名命中 %d（%.1f%%）", result.top3, 100 * result.share(result.top3)))
        print(String(format: "依据通过检查 %d（%.1f%%）", result.evidencePasses, 100 * result.share(result.evidencePasses)))
        let confidentShare = result.confident == 0 ? 0 : 100 * Double(result.confidentCorrect) / Double(result.confident)
        print(String(format: "置信度达标 %d 道，其中第一名命中 %.1f%%", result.confident, confidentShare))
        print(String(format: "用时 %.2f 秒（每题 %.1f 毫秒，含摘取依据和检查）", elapsed, 1000 * elapsed / Double(max(1, result.questions))))
    }
}
