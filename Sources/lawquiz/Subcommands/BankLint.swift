import ArgumentParser
import Foundation
import LawQuizCore

/// `lawquiz bank lint [path…]`: every problem in the banks as `file:line: message`.
struct BankLint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint", abstract: "检查题库文件，逐条报告问题（文件:行: 说明）。",
        discussion: """
            检查：YAML 语法；必填字段及类型；编号格式与全局唯一（只检查单个文件时也与同目录的其他题库比较）；单选恰一个答案、多选两个以上、判断为 true/false；
            2–6 个选项且内容不重复；法律与条文存在；evidence 为所引条文原文（忽略空白与全半角标点差异）；
            题干重复；控制字符与终端转义序列。
            提示（不影响退出状态）：判断题题干与条文仅差一处情态词（应当/可以/必须/不得…，或多出“可以”）或一处否定词。
            警告（不影响退出状态）：自动定位（grounding: auto）的题目，核对后改为 grounding: reviewed。
            退出状态：0 无问题（可有提示和警告）；1 发现问题；2 文件无法读取。
            """)

    @Argument(help: "题库文件或目录；默认检查全部题库。")
    var files: [String] = []

    @OptionGroup var paths: PathOptions

    func run() throws {
        // Reads any path it is given, with the program's group: not for examinees.
        try Deployment.current.requireAdministrator("bank lint")
        let library = try paths.loadLibrary()
        let targets = files.isEmpty ? [paths.resolved.banks.path] : files
        let collection = BankLoader.load(paths: targets)
        let linter = BankLinter(library: library)
        var diagnostics = linter.lint(collection)
        // A single file is also checked against the other banks of its folder.
        let singleFiles = files.filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
        let folders = Set(singleFiles.map { ($0 as NSString).deletingLastPathComponent }).map { $0.isEmpty ? "." : $0 }.sorted()
        if !folders.isEmpty {
            diagnostics += linter.duplicateIDs(in: collection, against: BankLoader.load(paths: folders))
        }
        let warnings = TrickWordingRule(library: library).warnings(collection.questions)
        let unreviewed = GroundingReview.warnings(collection.questions, library: library)
        for diagnostic in (diagnostics + warnings + unreviewed).sorted(by: { ($0.file, $0.line) < ($1.file, $1.line) }) {
            print(diagnostic)
        }
        let questionCount = collection.questions.count
        let notes = (warnings.isEmpty ? "" : "，另有 \(warnings.count) 条提示")
            + (unreviewed.isEmpty ? "" : "，\(unreviewed.count) 道自动定位的题目待核对（警告）")
        if diagnostics.isEmpty {
            print("检查通过：\(collection.banks.count) 个题库文件，\(questionCount) 道题，未发现问题\(notes)。")
            return
        }
        print("发现 \(diagnostics.count) 个问题（\(collection.banks.count) 个题库文件，\(questionCount) 道题可读）\(notes)。")
        throw ExitCode(diagnostics.contains { $0.severity == .unreadable } ? 2 : 1)
    }
}
