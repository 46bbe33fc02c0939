import Foundation
import Yams

/// Turns the top-level mapping of an exam file into an `ExamDefinition`,
/// throwing at the first problem with its line.
struct ExamNodeReader {
    let file: String
    let mapping: Node.Mapping
    let rootLine: Int
    let library: LawLibrary?
    let timeZone: TimeZone

    private func fail(_ message: String, at node: Node? = nil) -> ExamDefinitionError {
        ExamDefinitionError(file: file, line: node?.mark?.line ?? rootLine, message: message)
    }

    mutating func read() throws -> ExamDefinition {
        for (key, _) in mapping {
            if let name = key.string, !ExamDefinitionLoader.knownKeys.contains(name) {
                throw fail("未知字段 “\(name)”（是否拼写错误？可用字段：\(ExamDefinitionLoader.knownKeys.sorted().joined(separator: ", "))）", at: key)
            }
        }
        let id = try requiredText("id", label: "考试编号")
        guard IdentifierRule.isValid(id) else {
            throw fail("id（考试编号）无效：\(IdentifierRule.summary)，如 2023-annual", at: mapping["id"])
        }
        let title = try requiredText("title", label: "考试名称")
        let sections = try readSections()
        let questionCount = sections.reduce(0) { $0 + $1.count }
        guard questionCount <= ExamDefinition.maxQuestions else {
            throw fail("试卷共 \(questionCount) 题，超过上限 \(ExamDefinition.maxQuestions) 题", at: mapping["sections"])
        }
        let limitSeconds = try optionalInt("time_limit_seconds", label: "考试时长（秒）", range: 1...86400)
        if limitSeconds != nil, mapping["time_limit_minutes"] != nil {
            throw fail("time_limit_minutes 与 time_limit_seconds 只能写一个", at: mapping["time_limit_seconds"])
        }
        let limit = try limitSeconds.map { ($0 + 59) / 60 }
            ?? requiredInt("time_limit_minutes", label: "考试时长（分钟）", range: 1...1440)
        let sum = sections.reduce(0) { $0 + $1.totalPoints }
        let fullMarks = try number("full_marks", label: "满分") ?? sum
        if abs(fullMarks - sum) > 1e-9 {
            throw fail("full_marks（满分）为 \(ExamDefinition.number(fullMarks))，但各部分分值合计为 \(ExamDefinition.number(sum))", at: mapping["full_marks"])
        }
        let passMark = try number("pass_mark", label: "合格分") ?? fullMarks * 0.6
        let excellentMark = try number("excellent_mark", label: "优秀分") ?? fullMarks * 0.9
        guard passMark > 0, passMark <= fullMarks else { throw fail("pass_mark（合格分）应大于 0 且不超过满分 \(ExamDefinition.number(fullMarks))", at: mapping["pass_mark"]) }
        guard excellentMark >= passMark, excellentMark <= fullMarks else {
            throw fail("excellent_mark（优秀分）应不低于合格分 \(ExamDefinition.number(passMark)) 且不超过满分", at: mapping["excellent_mark"])
        }
        let makeupOf = try optionalText("makeup_of", label: "补考对应的考试编号")
        if makeupOf == id { throw fail("makeup_of（补考对应的考试）不能是本考试 \(id)", at: mapping["makeup_of"]) }
        let opensAt = try time("opens_at", label: "开始时间")
        let closesAt = try time("closes_at", label: "截止时间")
        if let opensAt, let closesAt, closesAt <= opensAt {
            throw fail("closes_at（截止时间）应晚于 opens_at（开始时间）", at: mapping["closes_at"])
        }
        return ExamDefinition(
            id: id, title: title, sections: sections, timeLimitMinutes: limit, timeLimitSeconds: limitSeconds, fullMarks: fullMarks,
            passMark: passMark, excellentMark: excellentMark,
            attemptsAllowed: try optionalInt("attempts_allowed", label: "可参加次数", range: 1...100) ?? 1,
            counting: try choice("counting", label: "计分方式", default: AttemptCounting.highest),
            multipleScoring: try choice("multiple_scoring", label: "多选题计分", default: MultipleScoring.allOrNothing),
            shuffleQuestions: try flag("shuffle_questions", default: true),
            shuffleOptions: try flag("shuffle_options", default: true),
            opensAt: opensAt, closesAt: closesAt, formal: try flag("formal", default: true),
            makeupOf: makeupOf,
            requiredDepartments: try textList("required_departments", label: "应参考部门"),
            exemptions: try readExemptions(),
            review: mapping["review"] == nil ? nil : try choice("review", label: "答案与解析的显示", default: ReviewPolicy.afterClose),
            source: SourceLocation(file: file, line: rootLine))
    }

    // MARK: Sections

    private func readSections() throws -> [ExamSection] {
        guard let node = mapping["sections"] else { throw fail("缺少必填字段 sections（试卷结构）") }
        guard let list = node.sequence, !list.isEmpty else {
            throw fail("sections（试卷结构）应为非空列表，每项含 type、count、points", at: node)
        }
        return try list.map(readSection)
    }

    private func readSection(_ node: Node) throws -> ExamSection {
        guard let section = node.mapping else { throw fail("sections 的每一项应为映射（type、count、points 等）", at: node) }
        for (key, _) in section {
            if let name = key.string, !ExamDefinitionLoader.sectionKeys.contains(name) {
                throw fail("sections 中的未知字段 “\(name)”（可用：law, tags, type, count, points）", at: key)
            }
        }
        guard let typeNode = section["type"], let typeName = typeNode.string else { throw fail("该部分缺少 type（题型）", at: node) }
        guard let type = QuestionType(name: typeName) else {
            throw fail("题型 “\(typeName)” 无效，应为 single（单选）、multiple（多选）或 judge（判断）", at: typeNode)
        }
        guard let countNode = section["count"], let count = countNode.int, (1...ExamDefinition.maxQuestions).contains(count) else {
            throw fail("该部分的 count（题数）应为 1 到 \(ExamDefinition.maxQuestions) 的整数", at: section["count"] ?? node)
        }
        guard let pointsNode = section["points"], let points = pointsNode.float, points > 0, points <= ExamDefinition.maxPoints else {
            throw fail("该部分的 points（每题分值）应为大于 0、不超过 \(Int(ExamDefinition.maxPoints)) 的数", at: section["points"] ?? node)
        }
        var lawID: String?
        if let lawNode = section["law"] {
            guard let name = lawNode.string, !name.isEmpty else { throw fail("law（法律）应为法律编号或简称", at: lawNode) }
            if let library {
                guard let law = library.law(named: name) else {
                    let known = library.laws.map { "\($0.id)（\($0.shortName)）" }.joined(separator: "、")
                    throw fail("未知的法律 “\(name)”，可用：\(known)", at: lawNode)
                }
                lawID = law.id
            } else {
                lawID = name
            }
        }
        var tags: [String] = []
        if let tagNode = section["tags"] {
            guard let sequence = tagNode.sequence, sequence.allSatisfy({ $0.scalar != nil }) else {
                throw fail("tags（标签）应为文字列表，如 [应急救援, 培训]", at: tagNode)
            }
            tags = sequence.compactMap(\.string)
        }
        return ExamSection(lawID: lawID, tags: tags, type: type, count: count, points: points, line: node.mark?.line ?? 0)
    }

    private func readExemptions() throws -> [ExamExemption] {
        guard let node = mapping["exemptions"] else { return [] }
        guard let list = node.sequence else { throw fail("exemptions（免考）应为列表，每项含 staff 和 reason", at: node) }
        return try list.map { item in
            guard let entry = item.mapping, let staff = entry["staff"]?.string, !staff.isEmpty else {
                throw fail("免考的每一项应含 staff（工号）和 reason（原因）", at: item)
            }
            guard let reason = entry["reason"]?.string, !reason.isEmpty else {
                throw fail("免考人员 \(staff) 缺少 reason（原因）", at: item)
            }
            return ExamExemption(staffID: staff, reason: reason)
        }
    }

    // MARK: Scalars

    private func requiredText(_ key: String, label: String) throws -> String {
        guard let value = try optionalText(key, label: label) else { throw fail("缺少必填字段 \(key)（\(label)）") }
        return value
    }

    private func optionalText(_ key: String, label: String) throws -> String? {
        guard let node = mapping[key] else { return nil }
        guard let scalar = node.scalar, node.null == nil else { throw fail("\(key)（\(label)）应为文字", at: node) }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw fail("\(key)（\(label)）不能为空", at: node) }
        return text
    }

    private func requiredInt(_ key: String, label: String, range: ClosedRange<Int>) throws -> Int {
        guard let value = try optionalInt(key, label: label, range: range) else { throw fail("缺少必填字段 \(key)（\(label)）") }
        return value
    }

    private func optionalInt(_ key: String, label: String, range: ClosedRange<Int>) throws -> Int? {
        guard let node = mapping[key] else { return nil }
        guard let value = node.int, range.contains(value) else {
            throw fail("\(key)（\(label)）应为 \(range.lowerBound) 到 \(range.upperBound) 的整数", at: node)
        }
        return value
    }

    private func number(_ key: String, label: String) throws -> Double? {
        guard let node = mapping[key] else { return nil }
        // Marks are bounded by the sections' points; the bound keeps `.inf` or
        // `1e308` from reaching arithmetic and integer conversions.
        let limit = ExamDefinition.maxPoints * Double(ExamDefinition.maxQuestions)
        guard let value = node.float, value.isFinite, value >= 0, value <= limit else {
            throw fail("\(key)（\(label)）应为 0 到 \(Int(limit)) 的数字", at: node)
        }
        return value
    }

    private func flag(_ key: String, default value: Bool) throws -> Bool {
        guard let node = mapping[key] else { return value }
        guard let bool = node.plainBoolean else { throw fail("\(key) 应为 true 或 false", at: node) }
        return bool
    }

    private func choice<T: RawRepresentable & CaseIterable>(_ key: String, label: String, default value: T) throws -> T
    where T.RawValue == String {
        guard let node = mapping[key] else { return value }
        guard let name = node.string, let parsed = T(rawValue: name) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: "、")
            throw fail("\(key)（\(label)）应为 \(allowed) 之一", at: node)
        }
        return parsed
    }

    private func textList(_ key: String, label: String) throws -> [String] {
        guard let node = mapping[key] else { return [] }
        guard let list = node.sequence, list.allSatisfy({ ($0.string ?? "").isEmpty == false }) else {
            throw fail("\(key)（\(label)）应为文字列表", at: node)
        }
        return list.compactMap(\.string)
    }

    private func time(_ key: String, label: String) throws -> Date? {
        guard let node = mapping[key] else { return nil }
        guard let text = node.string, let date = ExamTimeFormat.parse(text, timeZone: timeZone) else {
            throw fail("\(key)（\(label)）应为时间，如 2023-12-01 09:00 或 2023-12-01T09:00:00+08:00", at: node)
        }
        // Deadlines and countdowns are computed from these: a year like 999999999
        // must not reach integer conversions of seconds.
        guard ExamTimeFormat.acceptedRange.contains(date) else {
            throw fail("\(key)（\(label)）应在 2000 年到 2199 年之间", at: node)
        }
        return date
    }
}
