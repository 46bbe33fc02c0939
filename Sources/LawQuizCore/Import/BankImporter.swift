import Foundation

/// Turns a foreign question file into bank questions: reads it in its
/// format, gives every question an id, grounds the ones without law and
/// article, cuts evidence for the ones without it, and checks each result
/// with the bank linter so a written bank is one `bank lint` accepts.
public struct BankImporter {
    public let library: LawLibrary
    private let grounder: Grounder
    private let linter: BankLinter

    public init(library: LawLibrary) {
        self.library = library
        grounder = Grounder(library: library)
        linter = BankLinter(library: library)
    }

    /// Questions as read, before grounding. Throws `ImportError` for a file that cannot be read at all.
    public func read(path: String, format: ImportFormat, sheet: String? = nil) throws -> ImportedBank {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportError(file: path, reason: "无法读取文件，请检查路径和权限")
        }
        if format == .excel { return try readWorkbook(path: path, sheet: sheet) }
        if format == .moodleXML { return try MoodleXMLReader(library: library, file: path).read(data) }
        guard let text = TextDecoding.decode(data)?.text else {
            throw ImportError(file: path, reason: "文字编码无法识别，请另存为 UTF-8 或 GBK")
        }
        switch format {
        case .gift: return GIFTReader(library: library, file: path).read(text)
        case .aiken: return AikenReader(file: path).read(text)
        default:
            let records: [CSVRecord]
            do {
                records = try CSVReader.records(text, delimiter: CSVReader.guessDelimiter(text))
            } catch let error as CSVError {
                throw ImportError(file: "\(path):\(error.line)", reason: error.message)
            }
            return SpreadsheetBankReader(library: library) { row, _ in "\(path):\(row)" }.read(records)
        }
    }

    private func readWorkbook(path: String, sheet: String?) throws -> ImportedBank {
        do {
            let reader = try XLSXReader(url: URL(fileURLWithPath: path))
            let rows = try sheet.map { try reader.rows(sheetNamed: $0) } ?? reader.rows(sheet: 0)
            let name = sheet ?? reader.sheets.first?.name ?? "Sheet1"
            let records = rows.map { CSVRecord(line: $0.number, fields: $0.cells) }
            return SpreadsheetBankReader(library: library) { row, column in
                "\(path):\(name)!\(XLSXSheetWriter.column(column ?? 0))\(row)"
            }.read(records)
        } catch let error as ExportError {
            throw ImportError(file: path, reason: error.errorDescription ?? "\(error)")
        }
    }

    /// The result of completing an imported bank.
    public struct Completed: Sendable {
        public var questions: [Question] = []
        /// Comments per question id (the candidates of unclear groundings).
        public var notes: [String: [String]] = [:]
        public var issues: [ImportIssue] = []
        public var grounded = 0
        public var unclear = 0
        /// Questions whose stem or 解析 named their article.
        public var cited = 0
    }

    /// Ids, grounding, evidence and 解析 filled in; questions that still fail
    /// the bank linter (alone or against each other: duplicate stems) are
    /// left out and reported at their place in the source.
    public func complete(_ bank: ImportedBank, bankID: String, lawIDs: Set<String>? = nil) -> Completed {
        var result = Completed()
        var candidates: [Question] = []
        var places: [SourceLocation: String] = [:]
        for (imported, id) in zip(bank.questions, Self.identifiers(bank.questions.map(\.question.id), bankID: bankID)) {
            var question = imported.question
            question.id = id
            question.source = Self.location(imported.place)
            places[question.source] = imported.place
            if question.lawID.isEmpty, let (lawID, article) = CitationText.stated(in: [question.stem, question.explanation], library: library, lawIDs: lawIDs) {
                (question.lawID, question.article) = (lawID, article)
                result.cited += 1
            }
            if question.lawID.isEmpty {
                let numbers: Set<Int>? = question.article > 0 ? [question.article] : nil
                guard let (grounded, proposal) = grounder.ground(question, lawIDs: lawIDs, numbers: numbers) else {
                    result.issues.append(ImportIssue(place: imported.place, message: "与任何条文都没有相同的字词，无法定位所依据的条文"))
                    continue
                }
                question = grounded
                result.grounded += 1
                if !proposal.isConfident {
                    result.unclear += 1
                    result.notes[question.id] = BankWriter.candidateNote(proposal, library: library)
                }
            } else if question.evidence.isEmpty, let article = library.law(named: question.lawID)?.article(question.article) {
                question.evidence = EvidenceExtractor.evidence(for: Grounder.supportingTexts(of: question).map(\.text), in: article)
                question.grounding = .auto
            }
            for index in question.furtherCitations.indices where question.furtherCitations[index].evidence.isEmpty {
                let citation = question.furtherCitations[index]
                if let article = library.law(named: citation.lawID)?.article(citation.article) {
                    question.furtherCitations[index].evidence = EvidenceExtractor.evidence(
                        for: Grounder.supportingTexts(of: question).map(\.text), in: article)
                    question.grounding = .auto
                }
            }
            if question.explanation.isEmpty, let law = library.law(named: question.lawID), let article = law.article(question.article) {
                question.explanation = "依据《\(law.shortName)》\(article.heading)：\(question.evidence)"
            }
            candidates.append(question)
        }
        let collection = BankCollection(banks: [QuestionBank(id: bankID, title: bankID, file: bankID, questions: candidates)], diagnostics: [])
        let diagnostics = linter.lint(collection)
        result.issues += diagnostics.map { diagnostic in
            let location = SourceLocation(file: diagnostic.file, line: diagnostic.line)
            return ImportIssue(place: places[location] ?? location.description, message: diagnostic.message)
        }
        let flagged = Set(diagnostics.map { SourceLocation(file: $0.file, line: $0.line) })
        result.questions = candidates.filter { !flagged.contains($0.source) }
        return result
    }

    /// Ids as written when they are portable ids (see `isPortableID`), not
    /// bare numbers (a 题号 1, 2, 3 would clash with every other bank) and not
    /// taken by an earlier question; otherwise `BANK-001`, `BANK-002` …
    /// skipping any id the file uses.
    static func identifiers(_ written: [String], bankID: String) -> [String] {
        let reserved = Set(written)
        var used: Set<String> = []
        var next = 1
        let prefix = portablePrefix(bankID)
        return written.map { id in
            if isPortableID(id), !id.allSatisfy(\.isNumber), !used.contains(id) {
                used.insert(id)
                return id
            }
            var generated: String
            repeat {
                generated = String(format: "%@-%03d", prefix, next)
                next += 1
            } while reserved.contains(generated) || used.contains(generated)
            used.insert(generated)
            return generated
        }
    }

    /// Ids are stored with every answer and typed in commands, so imported
    /// ones keep to the linter's id rule (`IdentifierRule`).
    static func isPortableID(_ id: String) -> Bool { IdentifierRule.isValid(id) }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
    }

    /// The bank name as an id prefix: its portable characters, or `q` for a name in Chinese (题库.yaml).
    static func portablePrefix(_ bankID: String) -> String {
        let kept = String(String.UnicodeScalarView(bankID.unicodeScalars.filter { isASCIIAlphanumeric($0) || "._-".unicodeScalars.contains($0) }))
        let trimmed = kept.drop { !isASCIIAlphanumeric($0.unicodeScalars.first ?? "-") }
        return trimmed.isEmpty ? "q" : String(trimmed.prefix(50))
    }

    /// A place such as `file:12` (or `file:题库!A12`) split into file and line, so lint messages name it.
    static func location(_ place: String) -> SourceLocation {
        let digits = place.reversed().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let line = Int(String(digits.reversed())) else { return SourceLocation(file: place, line: 0) }
        var file = String(place.dropLast(digits.count))
        if file.hasSuffix(":") { file.removeLast() }
        return SourceLocation(file: file, line: line)
    }
}
