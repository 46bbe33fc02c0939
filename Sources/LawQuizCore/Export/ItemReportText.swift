import Foundation

/// `lawquiz items`: the test statistics, every question's figures and the
/// flagged questions with law and article, so a bank author can fix them.
public struct ItemReportText: Sendable {
    public var analysis: ItemAnalysis
    public var lawName: @Sendable (String) -> String

    public init(analysis: ItemAnalysis, lawName: @escaping @Sendable (String) -> String) {
        self.analysis = analysis
        self.lawName = lawName
    }

    static func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }
    static func decimal(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "—" }

    public func test() -> String {
        let t = analysis.test
        var table = TextTable(headers: ["试卷统计", "数值"], rightAligned: [1])
        table.rows = [
            ["分析的作答份数", String(t.attempts)], ["试卷题位数 P", String(t.positions)],
            ["平均分", t.meanScore.map(ScoreFormat.oneDecimal) ?? "—"], ["标准差 SD(T)", Self.decimal(t.standardDeviation)],
            ["内部一致性系数 CIC（Cronbach α）", Self.percent(t.internalConsistency)], ["误差比 ER", Self.percent(t.errorRatio)],
            ["测量标准误 SE（分）", Self.decimal(t.standardError)],
        ]
        return table.render()
    }

    public func items() -> String {
        var table = TextTable(
            headers: ["题目", "法律", "条", "题型", "答案", "抽到", "难度系数F", "区分度D", "区分效率E", "各选项被选次数", "未答", "提示"],
            rightAligned: [2, 5, 6, 7, 8, 10])
        for item in analysis.items {
            let options = item.optionSummary
            table.rows.append([
                item.questionID, lawName(item.lawID), item.articleText ?? "?", item.type.shortName, item.answer,
                String(item.drawn), Self.percent(item.facility), Self.decimal(item.discrimination), Self.percent(item.discriminativeEfficiency),
                options, String(item.unanswered), item.flags.map(\.title).joined(separator: "、"),
            ])
        }
        return table.render()
    }

    public func flagged() -> String {
        let flagged = analysis.flagged
        guard !flagged.isEmpty else { return "没有需要注意的题目。\n" }
        var lines = ["需要注意的题目（\(flagged.count) 道）："]
        for item in flagged {
            let article = item.articleText ?? "条文未知"
            lines.append("  \(item.questionID)  \(lawName(item.lawID)) \(article)  \(item.flags.map(\.title).joined(separator: "、"))"
                + "  F=\(Self.percent(item.facility)) D=\(Self.decimal(item.discrimination)) 抽到 \(item.drawn) 次")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
