import Foundation

/// What a report says about the exam itself, so every export states the
/// rules its figures follow.
public struct ExamReportHeader: Sendable, Hashable, Codable {
    public var examID: String
    public var title: String
    public var fullMarks: Double
    public var passMark: Double
    public var excellentMark: Double
    public var counting: AttemptCounting
    /// Make-up exams merged into these figures, and how.
    public var makeupExamIDs: [String]
    public var makeupRule: MakeupRule
    /// Department subtrees the exam applies to (empty: everyone) and exemptions, as text.
    public var requiredDepartments: [String]
    public var exemptions: Int
    public var generatedAt: Date
    /// The results store's audit chain head (校验码) when the report was made:
    /// `lawquiz verify` shows it, so a published report can be matched to the store.
    public var auditHead: String?

    /// What the 校验码 is, beside it in every report.
    public static let auditHeadNote = "结果数据库审计链的最新哈希，可用 lawquiz verify 核对"

    /// `校验码：…` for the report's header or footer (none without a chain).
    public var auditHeadLines: [String] { auditHead.map { ["校验码：\($0)（\(Self.auditHeadNote)）"] } ?? [] }

    public init(
        examID: String, title: String, fullMarks: Double, passMark: Double, excellentMark: Double, counting: AttemptCounting,
        makeupExamIDs: [String] = [], makeupRule: MakeupRule = .higher, requiredDepartments: [String] = [], exemptions: Int = 0,
        generatedAt: Date, auditHead: String? = nil
    ) {
        self.examID = examID
        self.title = title
        self.fullMarks = fullMarks
        self.passMark = passMark
        self.excellentMark = excellentMark
        self.counting = counting
        self.makeupExamIDs = makeupExamIDs
        self.makeupRule = makeupRule
        self.requiredDepartments = requiredDepartments
        self.exemptions = exemptions
        self.generatedAt = generatedAt
        self.auditHead = auditHead
    }

    /// 计分方式 in words, e.g. `多次作答取最高分；补考：取正考与补考中较高分（2023-annual-makeup）`.
    public var countingText: String {
        var text = "多次作答取\(counting.reportTitle)"
        if !makeupExamIDs.isEmpty { text += "；补考：\(makeupRule.title)（\(makeupExamIDs.joined(separator: "、"))）" }
        return text
    }

    /// 应考范围 in words.
    public var scopeText: String {
        let scope = requiredDepartments.isEmpty ? "全体在册人员" : requiredDepartments.joined(separator: "、") + " 及其下属部门的在册人员"
        return exemptions > 0 ? scope + "，免考 \(exemptions) 人除外" : scope
    }

    /// `合格 ≥ 60 分，优秀 ≥ 90 分（满分 100）`.
    public var cutOffText: String {
        "合格 ≥ \(ScoreFormat.text(passMark)) 分，优秀 ≥ \(ScoreFormat.text(excellentMark)) 分（满分 \(ScoreFormat.text(fullMarks))）"
    }
}

/// Everything the exports draw on, computed once.
public struct ExamReport: Sendable {
    public var header: ExamReportHeader
    public var outcomes: ExamOutcomes
    public var summary: ParticipationSummary
    public var departments: DepartmentRollup
    /// Present when the responses were analysed (xlsx, html, json, items).
    public var items: ItemAnalysis?
    public var byLaw: AccuracyBreakdown?
    public var byType: AccuracyBreakdown?
    /// Law id → short name (安全生产法), for item and accuracy tables.
    public var lawNames: [String: String]

    public init(
        header: ExamReportHeader, outcomes: ExamOutcomes, items: ItemAnalysis? = nil, byLaw: AccuracyBreakdown? = nil,
        byType: AccuracyBreakdown? = nil, lawNames: [String: String] = [:]
    ) {
        self.header = header
        self.lawNames = lawNames
        self.outcomes = outcomes
        self.summary = ParticipationSummary(outcomes: outcomes, fullMarks: header.fullMarks)
        self.departments = DepartmentRollup(outcomes: outcomes)
        self.items = items
        self.byLaw = byLaw
        self.byType = byType
    }

    /// A report whose figures were aggregated by the store; `outcomes` then
    /// holds only the people the command prints (none for `stats`, the absent for `absent`).
    public init(header: ExamReportHeader, summary: ParticipationSummary, departments: DepartmentRollup, outcomes: ExamOutcomes, lawNames: [String: String] = [:]) {
        self.header = header
        self.lawNames = lawNames
        self.outcomes = outcomes
        self.summary = summary
        self.departments = departments
    }
}

extension ExamReport {
    /// Short name of a law, or its id when unknown.
    public func lawName(_ id: String) -> String { lawNames[id] ?? id }

    /// Label/value lines of the summary shared by the table, HTML and workbook:
    /// (项目, fraction text or value, definition).
    public var summaryLines: [(label: String, value: String, note: String)] {
        let s = summary
        var lines: [(String, String, String)] = [
            ("应考人数", String(s.required), header.scopeText),
            ("参考人数", String(s.sat), "应考人员中至少提交过一次的人数"),
            ("其中 线上 / 线下", "\(s.sat - s.satOnPaper) / \(s.satOnPaper)", "按计入成绩的作答：线上作答 / 纸质试卷录入"),
            ("未参考人数", String(s.absent), "应考人数 − 参考人数"),
            ("参考率", s.participationRate.text, "参考人数 / 应考人数"),
            ("合格人数", String(s.passed), "按计入成绩，" + "≥ \(ScoreFormat.text(header.passMark)) 分"),
            ("合格率（按参考人数）", s.passRateOfSat.text, "合格人数 / 参考人数"),
            ("合格率（按应考人数）", s.passRateOfRequired.text, "合格人数 / 应考人数"),
            ("优秀人数", String(s.excellent), "按计入成绩，" + "≥ \(ScoreFormat.text(header.excellentMark)) 分"),
            ("优秀率（按参考人数）", s.excellenceRateOfSat.text, "优秀人数 / 参考人数"),
            ("优秀率（按应考人数）", s.excellenceRateOfRequired.text, "优秀人数 / 应考人数"),
            ("应参考单位数", String(s.unitsRequired), "名下直接有应考人员的部门数"),
            ("实际参考单位数", String(s.unitsSat), "其中至少一名应考人员参考的部门数"),
        ]
        if let scores = s.scores {
            lines += [
                ("平均分", ScoreFormat.oneDecimal(scores.mean), "参考人员计入成绩的平均"),
                ("中位数", ScoreFormat.text(scores.median), ""),
                ("标准差", ScoreFormat.oneDecimal(scores.standardDeviation), "总体标准差（除以 n）"),
                ("最低分", ScoreFormat.text(scores.minimum), ""),
                ("最高分", ScoreFormat.text(scores.maximum), ""),
            ]
        }
        if s.exempt > 0 { lines.append(("免考人数", String(s.exempt), "考试定义中列出的免考人员，不计入应考")) }
        if s.uncountedSitters > 0 {
            lines.append(("不计入统计的作答人数", String(s.uncountedSitters), "已离开名单、免考、不在考试范围或不在名单中的作答人员"))
        }
        if s.countedFromMakeup > 0 { lines.append(("以补考成绩计入人数", String(s.countedFromMakeup), header.makeupRule.title)) }
        return lines
    }
}
