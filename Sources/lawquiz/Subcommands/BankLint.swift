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
            退出状态：0 无问题；1 发现问题；2 文件无法读取。
            """)

    @Argument(help: "题库文件或目录；默认检查全部题库。")
    var files: [String] = []

    @OptionGroup var paths: PathOptions

    func run() throws {
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
        for diagnostic in diagnostics { print(diagnostic) }
        let questionCount = collection.questions.count
        if diagnostics.isEmpty {
            print("检查通过：\(collection.banks.count) 个题库文件，\(questionCount) 道题，未发现问题。")
            return
        }
        print("发现 \(diagnostics.count) 个问题（\(collection.banks.count) 个题库文件，\(questionCount) 道题可读）。")
        throw ExitCode(diagnostics.contains { $0.severity == .unreadable } ? 2 : 1)
    }
}
