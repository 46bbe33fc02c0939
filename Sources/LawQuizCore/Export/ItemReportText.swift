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

    /// The test statistics; `width` as for `TextTable` (nil: unlimited).
    public func test(width: Int? = nil) -> String {
        let t = analysis.test
        var table = TextTable(columns: [TableColumn("试卷统计", fit: .wrap), TableColumn("数值", .right)])
        table.rows = [
            ["分析的作答份数", String(t.attempts)], ["试卷题位数 P", String(t.positions)],
            ["平均分", t.meanScore.map(ScoreFormat.oneDecimal) ?? "—"], ["标准差 SD(T)", Self.decimal(t.standardDeviation)],
            ["内部一致性系数 CIC（Cronbach α）", Self.percent(t.internalConsistency)], ["误差比 ER", Self.percent(t.errorRatio)],
            ["测量标准误 SE（分）", Self.decimal(t.standardError)],
        ]
        return table.render(width: width)
    }

    /// Every question's figures; id, F, D and the flags stay when narrow.
    public func items(width: Int? = nil) -> String {
        var table = TextTable(
            columns: [
                TableColumn("题目"), TableColumn("法律", fit: .shorten, priority: 60, minimumWidth: 6), TableColumn("条", .right, priority: 70),
                TableColumn("题型", priority: 40), TableColumn("答案", priority: 50), TableColumn("抽到", .right, priority: 45),
                TableColumn("难度系数F", .right), TableColumn("区分度D", .right), TableColumn("区分效率E", .right, priority: 35),
                TableColumn("各选项被选次数", fit: .wrap, priority: 30), TableColumn("未答", .right, priority: 20),
                TableColumn("提示", fit: .wrap, minimumWidth: 8),
            ], fullViewHint: "用 --width 或 --format json 查看全部")
        for item in analysis.items {
            let options = item.optionSummary
            table.rows.append([
                item.questionID, lawName(item.lawID), item.articleText ?? "?", item.type.shortName, item.answer,
                String(item.drawn), Self.percent(item.facility), Self.decimal(item.discrimination), Self.percent(item.discriminativeEfficiency),
                options, String(item.unanswered), item.flags.map(\.title).joined(separator: "、"),
            ])
        }
        return table.render(width: width)
    }

    /// The flagged questions, one per entry; wrapped (continuation lines
    /// indented) when a `width` is given.
    public func flagged(width: Int? = nil) -> String {
        let flagged = analysis.flagged
        guard !flagged.isEmpty else { return "没有需要注意的题目。\n" }
        var lines = ["需要注意的题目（\(flagged.count) 道）："]
        for item in flagged {
            let article = item.articleText ?? "条文未知"
            lines.append("  \(item.questionID)  \(lawName(item.lawID)) \(article)  \(item.flags.map(\.title).joined(separator: "、"))"
                + "  F=\(Self.percent(item.facility)) D=\(Self.decimal(item.discrimination)) 抽到 \(item.drawn) 次")
        }
        guard let width else { return lines.joined(separator: "\n") + "\n" }
        return lines.flatMap { DisplayWidth.wrap($0, width: width, indent: "    ") }.joined(separator: "\n") + "\n"
    }
}
