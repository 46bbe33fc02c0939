import Foundation

/// The exam definitions in the catalog snapshot, after the banks, so `exam
/// take` does not parse the exam YAML at every start either. Numbers and
/// instants are kept as their exact bit patterns: a cached definition must
/// give the same `definitionHash` as the file.
extension CatalogSnapshot.Writer {
    mutating func double(_ value: Double) { int(Int(bitPattern: UInt(value.bitPattern))) }

    mutating func optionalDouble(_ value: Double?) {
        int(value == nil ? 0 : 1)
        if let value { double(value) }
    }

    mutating func exams(_ exams: ExamCatalog?) {
        int(exams == nil ? 0 : 1)
        guard let exams else { return }
        list(exams.definitions) { writer, exam in writer.exam(exam) }
        list(exams.problems) { writer, problem in
            writer.strings([problem.file, problem.message, problem.examID ?? ""])
            writer.int(problem.line)
            writer.int(problem.examID == nil ? 0 : 1)
        }
    }

    mutating func exam(_ exam: ExamDefinition) {
        strings([exam.id, exam.title])
        list(exam.sections) { writer, section in
            writer.string(section.lawID ?? "")
            writer.int(section.lawID == nil ? 0 : 1)
            writer.list(section.tags) { $0.string($1) }
            writer.string(section.type.rawValue)
            writer.int(section.count)
            writer.double(section.points)
            writer.int(section.line)
        }
        int(exam.timeLimitMinutes)
        optionalInt(exam.timeLimitSeconds)
        [exam.fullMarks, exam.passMark, exam.excellentMark].forEach { double($0) }
        int(exam.attemptsAllowed)
        strings([exam.counting.rawValue, exam.multipleScoring.rawValue])
        int((exam.shuffleQuestions ? 1 : 0) | (exam.shuffleOptions ? 2 : 0) | (exam.formal ? 4 : 0))
        optionalDouble(exam.opensAt?.timeIntervalSince1970)
        optionalDouble(exam.closesAt?.timeIntervalSince1970)
        string(exam.makeupOf ?? "")
        int(exam.makeupOf == nil ? 0 : 1)
        list(exam.requiredDepartments) { $0.string($1) }
        list(exam.exemptions) { writer, exemption in writer.strings([exemption.staffID, exemption.reason]) }
        string(exam.review?.rawValue ?? "")
        string(exam.source.file)
        int(exam.source.line)
    }
}

extension CatalogSnapshot.Reader {
    mutating func double() throws -> Double { Double(bitPattern: UInt64(UInt(bitPattern: try int()))) }

    mutating func optionalDouble() throws -> Double? {
        try int() == 0 ? nil : try double()
    }

    /// A string kept with a presence flag after it (nil when the flag is 0).
    private mutating func flaggedString() throws -> String? {
        let text = try string()
        return try int() == 0 ? nil : text
    }

    mutating func exams() throws -> ExamCatalog? {
        guard try int() == 1 else { return nil }
        let definitions = try list { try $0.exam() }
        let problems = try list { reader in
            let file = try reader.string(), message = try reader.string(), examID = try reader.string()
            let line = try reader.int()
            return ExamDefinitionError(file: file, line: line, message: message, examID: try reader.int() == 0 ? nil : examID)
        }
        return ExamCatalog(definitions: definitions, problems: problems)
    }

    mutating func exam() throws -> ExamDefinition {
        let id = try string(), title = try string()
        let sections = try list { reader in
            let lawID = try reader.flaggedString()
            let tags = try reader.list { try $0.string() }
            guard let type = QuestionType(rawValue: try reader.string()) else { throw CatalogSnapshot.Malformed() }
            return ExamSection(
                lawID: lawID, tags: tags, type: type, count: try reader.int(), points: try reader.double(), line: try reader.int())
        }
        let minutes = try int(), seconds = try optionalInt()
        let fullMarks = try double(), passMark = try double(), excellentMark = try double()
        let attempts = try int()
        guard let counting = AttemptCounting(rawValue: try string()), let scoring = MultipleScoring(rawValue: try string())
        else { throw CatalogSnapshot.Malformed() }
        let flags = try int()
        let opensAt = try optionalDouble().map(Date.init(timeIntervalSince1970:))
        let closesAt = try optionalDouble().map(Date.init(timeIntervalSince1970:))
        let makeupOf = try flaggedString()
        let departments = try list { try $0.string() }
        let exemptions = try list { ExamExemption(staffID: try $0.string(), reason: try $0.string()) }
        let reviewText = try string()
        let review = ReviewPolicy(rawValue: reviewText)
        guard reviewText.isEmpty || review != nil else { throw CatalogSnapshot.Malformed() }
        let source = SourceLocation(file: try string(), line: try int())
        return ExamDefinition(
            id: id, title: title, sections: sections, timeLimitMinutes: minutes, timeLimitSeconds: seconds,
            fullMarks: fullMarks, passMark: passMark, excellentMark: excellentMark, attemptsAllowed: attempts,
            counting: counting, multipleScoring: scoring, shuffleQuestions: flags & 1 != 0, shuffleOptions: flags & 2 != 0,
            opensAt: opensAt, closesAt: closesAt, formal: flags & 4 != 0, makeupOf: makeupOf,
            requiredDepartments: departments, exemptions: exemptions, review: review, source: source)
    }
}
