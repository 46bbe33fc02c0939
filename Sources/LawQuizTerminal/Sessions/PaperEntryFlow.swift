import Foundation
import LawQuizCore
import LawQuizStore

/// Keying in answer sheets one after another (`lawquiz exam enter <exam>`):
/// paper number, 工号, then each part's answers as one string with its count
/// checked, a read-back, a correction step and the score. Each sheet is
/// stored only after the administrator confirms it; end of input (or an
/// empty paper number) ends the session.
public struct PaperEntryFlow {
    let exam: ExamDefinition
    let service: AttemptService
    let reader: LineReader
    let output: TextOutput
    let login: String

    public init(exam: ExamDefinition, service: AttemptService, reader: LineReader, output: TextOutput, login: String) {
        self.exam = exam
        self.service = service
        self.reader = reader
        self.output = output
        self.login = login
    }

    /// Runs until the end; returns how many sheets were stored.
    public func run() -> Int {
        output.line("录入 \(exam.title) 的答题卡。试卷号可带校验码（如 12 a1b2c3）；空行结束。")
        output.line("答案格式：单选 A，判断 √ × 或 对 错，多选 ABD/（每个多选答案后加 /），未答 -，空格忽略。")
        var stored = 0
        while let sheet = nextSheet() {
            guard var answers = readParts(sheet) else { break }
            guard confirm(sheet, answers: &answers) else { continue }
            var filled = sheet
            filled.answers = answers
            do {
                let result = try service.enterPaper(filled, exam: exam, enteredBy: login)
                stored += 1
                let grade = result.grade
                output.line("已保存：试卷号 \(sheet.issued.number) \(sheet.staff.staffID) \(sheet.staff.name)，得分 \(ExamDefinition.number(grade.score)) / \(ExamDefinition.number(grade.fullMarks))，\(grade.passed ? (grade.excellent ? "优秀" : "合格") : "不合格")。")
            } catch {
                output.line("未保存：\(error.localizedDescription)")
            }
        }
        output.line("共录入 \(stored) 份答题卡。")
        return stored
    }

    /// Asks for a paper number and 工号 until they fit an issued, unentered paper.
    private func nextSheet() -> PaperSheet? {
        while true {
            guard let text = ask("试卷号："), !text.isEmpty else { return nil }
            let parts = text.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
            guard let number = parts.first.flatMap({ Int($0) }), number > 0 else {
                output.line("试卷号应为正整数。")
                continue
            }
            guard let staffID = ask("工号："), !staffID.isEmpty else { return nil }
            do {
                let sheet = try service.paperSheet(exam: exam, number: number, checkCode: parts.dropFirst().first, staffID: staffID)
                output.line("\(sheet.staff.name)  \(sheet.staff.department)")
                return sheet
            } catch {
                output.line(error.localizedDescription)
            }
        }
    }

    /// Reads each part's answers; nil at end of input.
    private func readParts(_ sheet: PaperSheet) -> [Int: AnswerKey]? {
        var answers: [Int: AnswerKey] = [:]
        let printed = PrintedPaper(number: sheet.issued.number, paper: sheet.paper, checkCode: sheet.issued.checkCode)
        for part in printed.parts {
            let first = part.items[0].index + 1
            while true {
                guard let text = ask("\(part.type.title) 第 \(first)–\(first + part.items.count - 1) 题（\(part.items.count) 个）：") else { return nil }
                do {
                    answers.merge(try AnswerSheetLine.parse(text, items: part.items)) { $1 }
                    break
                } catch {
                    output.line(error.localizedDescription)
                }
            }
        }
        return answers
    }

    /// Read-back and corrections; false when the sheet is dropped.
    private func confirm(_ sheet: PaperSheet, answers: inout [Int: AnswerKey]) -> Bool {
        let items = sheet.paper.items
        while true {
            output.line("核对：\(AnswerSheetLine.format(answers, items: items))")
            guard let text = ask("回车保存；输入题号修改该题；n 放弃本卷：") else { return false }
            if text.isEmpty { return true }
            if text.lowercased() == "n" {
                output.line("已放弃试卷号 \(sheet.issued.number)，未保存。")
                return false
            }
            guard let number = Int(text), (1...items.count).contains(number) else {
                output.line("题号应在 1 到 \(items.count) 之间。")
                continue
            }
            let item = items[number - 1]
            guard let fix = ask("第 \(number) 题（\(item.type.title)）答案：") else { return false }
            do {
                let parsed = try AnswerSheetLine.parse(fix, items: [item])
                answers[item.index] = parsed[item.index]
            } catch {
                output.line(error.localizedDescription)
            }
        }
    }

    private func ask(_ prompt: String) -> String? {
        guard case .line(let text) = reader.readLine(.fixed(prompt)) else { return nil }
        return text.trimmingCharacters(in: .whitespaces)
    }
}
