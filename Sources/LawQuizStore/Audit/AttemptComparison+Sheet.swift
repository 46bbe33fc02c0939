import LawQuizCore

extension AttemptComparison {
    /// Compares the answer sheet (v7) with the attempt's rows. Reports read
    /// the sheet, `verify` and the regrade read the rows: someone editing one
    /// but not the other would change the item analysis unseen, so every
    /// difference is a finding. `sheet` is nil when the attempt has none.
    mutating func checkSheet(_ sheet: String?, paper: [StoredPaperItem], answers: [Int: String]) {
        switch (attempt.status, sheet) {
        case (.inProgress, nil):
            return
        case (.inProgress, .some):
            report(.sheetMismatch, "作答尚未交卷，却已有答卷摘要（answer_sheet）。")
        case (.submitted, nil):
            report(.sheetMismatch, "已交卷，却没有答卷摘要（answer_sheet 中该行被删除）；统计报表将改读试卷与答案记录。")
        case (.submitted, .some(let sheet)):
            guard let difference = Self.sheetDifference(sheet, paper: paper, answers: answers) else { return }
            report(.sheetMismatch, "答卷摘要（answer_sheet）与试卷、答案记录不符：\(difference)。统计报表读取的是答卷摘要。")
        }
    }

    /// The first difference between a sheet and the rows, in Chinese; nil when equal.
    static func sheetDifference(_ sheet: String, paper: [StoredPaperItem], answers: [Int: String]) -> String? {
        var text = sheet
        return text.withUTF8 { bytes -> String? in
            var records: [AnswerSheet.Record] = []
            guard AnswerSheet.parse(bytes, into: &records) else { return "格式无法识别" }
            var byIndex: [Int: AnswerSheet.Record] = [:]
            for record in records where byIndex.updateValue(record, forKey: record.index) != nil {
                return "第 \(record.index + 1) 题出现两次"
            }
            for stored in paper {
                let item = stored.item
                guard let record = byIndex.removeValue(forKey: item.index) else { return "缺少第 \(item.index + 1) 题" }
                let key = AnswerKey(code: String(decoding: record.key, as: UTF8.self), type: item.type) ?? .options([])
                if String(decoding: record.question, as: UTF8.self) != item.questionID || key != stored.key || record.points != item.points {
                    return "第 \(item.index + 1) 题的题目、标准答案或分值不同"
                }
                let given = String(decoding: record.answer, as: UTF8.self)
                let recorded = answers[item.index] ?? ""
                if given != recorded {
                    return "第 \(item.index + 1) 题答案为 \(given.isEmpty ? "未答" : given)，答案记录为 \(recorded.isEmpty ? "未答" : recorded)"
                }
            }
            if let extra = byIndex.keys.min() { return "多出第 \(extra + 1) 题" }
            return nil
        }
    }
}
