import ArgumentParser
import Foundation
import LawQuizCore

/// `lawquiz exam check [id…]`: whether the banks can fill every section.
struct ExamCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "检查题库能否组出考试的每一部分。",
        discussion: """
            按最坏情况检查：前面的部分尽可能多地占用后面部分可用的题目时，后面的部分仍够用才算通过，
            此时任何种子都能组卷。只计入通过题库检查（bank lint）的题目。
            退出状态：0 可以组卷；1 有部分题目不足；2 考试不存在或定义有误。
            """)

    @Argument(help: "考试编号；省略时检查全部考试。")
    var ids: [String] = []

    @OptionGroup var display: DisplayOptions

    @OptionGroup var paths: PathOptions

    func run() throws {
        let catalog = try paths.loadCatalog()
        let exams = try paths.loadExams(library: catalog.library)
        let selected = try ids.isEmpty ? exams.definitions : ids.map(exams.definition)
        let drawer = PaperDrawer(catalog: catalog)
        var insufficient = 0
        for (position, exam) in selected.enumerated() {
            if position > 0 { print() }
            insufficient += report(exam, drawer: drawer)
        }
        if !catalog.diagnostics.isEmpty {
            Console.error("注意：有 \(catalog.diagnostics.count) 个题库问题，相关题目未计入。运行 lawquiz bank lint 查看。")
        }
        if ids.isEmpty, !exams.problems.isEmpty {
            for problem in exams.problems { Console.error(problem.errorDescription ?? "\(problem)") }
            throw ExitCode(ExitStatus.badInput.rawValue)
        }
        if insufficient > 0 { throw ExitCode(ExitStatus.problemsFound.rawValue) }
    }

    /// Prints one exam's table; returns the number of insufficient sections.
    private func report(_ exam: ExamDefinition, drawer: PaperDrawer) -> Int {
        print(TerminalText.visible("\(exam.title)（\(exam.id)）：\(exam.questionCount) 题，满分 \(ListingFormat.score(exam.fullMarks))", newlines: .space))
        var table = TextTable(columns: [
            TableColumn("部分", .right), TableColumn("题型"), TableColumn("条件", fit: .wrap), TableColumn("需要", .right),
            TableColumn("符合", .right, priority: 50), TableColumn("可用", .right), TableColumn("结果"),
        ])
        let supply = drawer.supply(for: exam)
        for row in supply {
            var filters: [String] = []
            if let law = row.section.lawID { filters.append(drawer.catalog.library.law(named: law)?.shortName ?? law) }
            if !row.section.tags.isEmpty { filters.append("标签 " + row.section.tags.joined(separator: "、")) }
            table.rows.append([
                String(row.number), row.section.type.title, filters.isEmpty ? "不限" : filters.joined(separator: "，"),
                String(row.section.count), String(row.matching), String(row.available),
                row.isSufficient ? "足够" : "缺 \(row.section.count - row.available) 题",
            ])
        }
        print(table.render(width: display.tableWidth), terminator: "")
        let missing = supply.filter { !$0.isSufficient }.count
        print(missing == 0 ? "结论：可以组卷。" : "结论：有 \(missing) 个部分题目不足，无法保证组卷。")
        return missing
    }
}
