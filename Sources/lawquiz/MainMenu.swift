import Foundation
import LawQuizCore

/// The menu shown when `lawquiz` starts on a terminal with no subcommand.
struct MainMenu {
    let paths: PathOptions

    func run() throws {
        print("学法考试系统 LawQuiz \(LawQuiz.version)")
        let entries = ["学习法律条文（lawquiz law show / law search）", "练习（lawquiz practice）", "参加考试（lawquiz exam take）", "我的成绩（lawquiz history）"]
        for (index, entry) in entries.enumerated() { print("  \(index + 1). \(entry)") }
        print("  q. 退出")
        print("请选择：", terminator: "")
        guard let choice = readLine() else { return }
        switch choice.trimmingCharacters(in: .whitespaces) {
        case "1":
            let library = try paths.loadLibrary()
            print(TextTable(headers: ["编号", "简称", "条数"], rows: library.laws.map { [$0.id, $0.shortName, String($0.articles.count)] }).render())
            print("用 lawquiz law show <法律> <条> 阅读条文。")
        case "2", "3", "4":
            print("该功能尚未完成。")
        default:
            return
        }
    }
}
