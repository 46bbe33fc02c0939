import Foundation

/// Printable HTML of paper exams (`lawquiz exam print`): one self-contained
/// file, A4, every paper starting on a new page and followed by its answer
/// sheet on a page of its own, black on white so it photocopies well, 宋体
/// body and 黑体 headings with fallbacks for Windows, macOS and Linux fonts.
/// The papers file never carries keys, 解析 or evidence: only `key` writes
/// the marking key, into a separate file.
public struct PaperSheetHTML: Sendable {
    public let exam: ExamDefinition
    public let catalog: BankCatalog

    public init(exam: ExamDefinition, catalog: BankCatalog) {
        self.exam = exam
        self.catalog = catalog
    }

    /// Answer-sheet boxes per row.
    static let gridColumns = 5

    static let style = """
        @page { size: A4; margin: 16mm 15mm; }
        body { font-family: "SimSun", "宋体", "Songti SC", "STSong", "Noto Serif CJK SC", "Source Han Serif SC", serif;
          font-size: 11pt; line-height: 1.55; color: #000; background: #fff; margin: 0; }
        h1, h2, .label, .grid th { font-family: "SimHei", "黑体", "Heiti SC", "STHeiti", "Noto Sans CJK SC",
          "Source Han Sans SC", sans-serif; font-weight: bold; }
        h1 { font-size: 17pt; text-align: center; margin: 0 0 2mm; }
        h2 { font-size: 12.5pt; margin: 5mm 0 2mm; }
        .paper, .key { break-after: page; page-break-after: always; }
        .sheet { break-before: page; page-break-before: always; }
        .meta { display: flex; justify-content: space-between; border-bottom: 1.5pt solid #000; padding-bottom: 1mm; }
        .who { margin: 3mm 0; }
        .who span { display: inline-block; min-width: 44mm; border-bottom: 0.8pt solid #000; margin-right: 4mm; }
        .rules { border: 0.8pt solid #000; padding: 2mm 3mm; font-size: 10pt; }
        .q { break-inside: avoid; page-break-inside: avoid; margin: 1.5mm 0; }
        .q ol { list-style: none; margin: 0.5mm 0 0 6mm; padding: 0; }
        .grid { border-collapse: collapse; width: 100%; margin-bottom: 3mm; }
        .grid td { border: 0.8pt solid #000; height: 9mm; width: 20%; padding: 0 2mm; vertical-align: middle; }
        .grid .n { display: inline-block; min-width: 8mm; }
        .grid .box { display: inline-block; width: 20mm; height: 6mm; border: 0.8pt solid #000; vertical-align: middle; }
        """

    /// The papers, without keys.
    public func papers(_ printed: [PrintedPaper]) -> String {
        var html = Self.head(title: exam.title)
        for paper in printed { html += page(paper) + answerSheet(paper) }
        return html + "</body>\n</html>\n"
    }

    /// The marking key of the same papers: per paper its number, check code
    /// and the answers in the notation `exam enter` takes.
    public func key(_ printed: [PrintedPaper]) -> String {
        var html = Self.head(title: exam.title + " 评分标准答案")
        for paper in printed {
            let keys = Dictionary(uniqueKeysWithValues: paper.paper.items.compactMap { item in
                catalog.question(item.questionID).map { (item.index, $0.answer) }
            })
            html += "<section class=\"key\">\n<h1>\(Self.escape(exam.title)) 标准答案（内部资料）</h1>\n"
            html += "<div class=\"meta\"><span class=\"label\">试卷号 \(paper.number)</span><span>校验码 \(paper.checkCode)</span></div>\n"
            for part in paper.parts {
                html += "<h2>\(Self.escape(part.type.title))</h2>\n<p>"
                html += part.items.map { item in
                    "\(item.index + 1). \(Self.escape(AnswerSheetLine.format(keys.filter { $0.key == item.index }, items: [item])))"
                }.joined(separator: "　")
                html += "</p>\n"
            }
            html += "<p>键入格式：\(Self.escape(AnswerSheetLine.format(keys, items: paper.paper.items)))</p>\n</section>\n"
        }
        return html + "</body>\n</html>\n"
    }

    static func head(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <title>\(escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>

        """
    }

    private func page(_ printed: PrintedPaper) -> String {
        var html = "<section class=\"paper\">\n<h1>\(Self.escape(exam.title))</h1>\n"
        html += "<div class=\"meta\"><span class=\"label\">试卷号 \(printed.number)</span><span>校验码 \(printed.checkCode)</span>"
        html += "<span>满分 \(ExamDefinition.number(exam.fullMarks)) 分　时间 \(exam.timeLimitMinutes) 分钟</span></div>\n"
        html += whoLine(printed.staff)
        html += "<div class=\"rules\">须知：请先在答题卡上填写工号、姓名、部门；答案一律写在答题卡对应题号的方框内，写在试卷上无效。"
        html += "单选题填一个字母；多选题填全部正确选项的字母（如 ABD）；判断题填 √ 或 ×。交卷时试卷与答题卡一并交回。</div>\n"
        for (offset, part) in printed.parts.enumerated() {
            let points = exam.sections[part.items[0].sectionIndex].points
            html += "<h2>\(ChineseNumeral.string(from: offset + 1) ?? String(offset + 1))、\(Self.escape(part.type.title))"
            html += "（共 \(part.items.count) 题，每题 \(ExamDefinition.number(points)) 分）</h2>\n"
            for item in part.items {
                guard let question = catalog.question(item.questionID) else { continue }
                html += "<div class=\"q\">\(item.index + 1). \(Self.escape(question.stem))"
                if item.type != .judge {
                    html += "<ol>" + item.optionOrder.enumerated().map { position, bank in
                        "<li>\(OptionLetters.letter(at: position)). \(Self.escape(question.option(bank)?.text ?? ""))</li>"
                    }.joined() + "</ol>"
                }
                html += "</div>\n"
            }
        }
        return html + "</section>\n"
    }

    private func answerSheet(_ printed: PrintedPaper) -> String {
        var html = "<section class=\"paper sheet\">\n<h1>\(Self.escape(exam.title)) 答题卡</h1>\n"
        html += "<div class=\"meta\"><span class=\"label\">试卷号 \(printed.number)</span><span>校验码 \(printed.checkCode)</span></div>\n"
        html += whoLine(printed.staff)
        for part in printed.parts {
            html += "<h2>\(Self.escape(part.type.title))\(part.type == .judge ? "（填 √ 或 ×）" : "")</h2>\n<table class=\"grid\">\n"
            for start in stride(from: 0, to: part.items.count, by: Self.gridColumns) {
                let row = part.items[start..<min(part.items.count, start + Self.gridColumns)]
                html += "<tr>" + row.map { "<td><span class=\"n\">\($0.index + 1)</span><span class=\"box\"></span></td>" }.joined()
                html += String(repeating: "<td></td>", count: Self.gridColumns - row.count) + "</tr>\n"
            }
            html += "</table>\n"
        }
        return html + "</section>\n"
    }

    private func whoLine(_ staff: RosterEntry?) -> String {
        let field = { (label: String, value: String?) in
            "<span class=\"label\">\(label)</span><span>\(Self.escape(value ?? ""))</span>"
        }
        return "<div class=\"who\">" + field("工号", staff?.staffID) + field("姓名", staff?.name) + field("部门", staff?.department) + "</div>\n"
    }

    static func escape(_ text: String) -> String { XMLText.escaped(text) }
}
