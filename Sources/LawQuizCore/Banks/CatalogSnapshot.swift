import Foundation

/// The compact binary form of a catalog kept by `CatalogCache`: strings
/// length-prefixed, integers as varints, in a fixed order. Hand-written
/// because decoding it must take a few milliseconds at every start (a JSON
/// decode of the same catalog took about 25 ms). The header gives where the
/// exam definitions start, so the administration reports read the statutes
/// and the exams without decoding the questions (`decodeExams`).
enum CatalogSnapshot {
    static let magic: [UInt8] = Array("LQCAT".utf8)
    static let formatVersion = 4

    struct Malformed: Error {}

    /// `exams`: the definitions parsed with this catalog (nil: not cached).
    static func encode(_ catalog: BankCatalog, exams: ExamCatalog? = nil) -> Data {
        var writer = Writer()
        writer.bytes(magic)
        writer.int(formatVersion)
        let examsOffset = writer.placeholder()
        writer.list(catalog.library.laws) { writer, law in writer.law(law) }
        writer.list(catalog.banks) { writer, bank in
            writer.strings([bank.id, bank.title, bank.file])
            writer.list(bank.questions) { writer, question in
                writer.question(question)
                writer.grounding(question)
            }
        }
        writer.list(catalog.diagnostics) { writer, diagnostic in
            writer.strings([diagnostic.file, diagnostic.message])
            writer.int(diagnostic.line)
            writer.int(diagnostic.severity == .unreadable ? 1 : 0)
        }
        writer.fill(examsOffset)
        writer.exams(exams)
        return Data(writer.buffer)
    }

    static func decode(_ data: Data) throws -> BankCatalog {
        try decodeWithExams(data).catalog
    }

    /// Every text copied out of `data` (nothing is deferred).
    static func decodeWithExams(_ data: Data) throws -> (catalog: BankCatalog, exams: ExamCatalog?) {
        try data.withUnsafeBytes { try decodeWithExams(bytes: $0, snapshot: nil) }
    }

    /// The questions' stems, options, evidence and 解析 and the statutes' paragraphs stay in `snapshot` until read (see `DeferredText`).
    static func decodeWithExams(_ snapshot: SnapshotBytes) throws -> (catalog: BankCatalog, exams: ExamCatalog?) {
        try decodeWithExams(bytes: snapshot.bytes, snapshot: snapshot)
    }

    private static func decodeWithExams(bytes raw: UnsafeRawBufferPointer, snapshot: SnapshotBytes?) throws -> (
        catalog: BankCatalog, exams: ExamCatalog?
    ) {
        var reader = Reader(bytes: raw, snapshot: snapshot)
        let examsOffset = try reader.header()
        let laws = try reader.list { try $0.law() }
        let banks = try reader.list { reader in
            QuestionBank(
                id: try reader.string(), title: try reader.string(), file: try reader.string(),
                questions: try reader.list { try $0.groundedQuestion() })
        }
        let diagnostics = try reader.list { reader in
            let file = try reader.string(), message = try reader.string(), line = try reader.int()
            return BankDiagnostic(file: file, line: line, message: message, severity: try reader.int() == 1 ? .unreadable : .problem)
        }
        guard reader.offset == examsOffset else { throw Malformed() }
        let exams = try reader.exams()
        guard reader.atEnd else { throw Malformed() }
        return (BankCatalog(library: LawLibrary(laws: laws), linted: banks, diagnostics: diagnostics), exams)
    }

    /// The statutes (when `laws`) and the exam definitions of a snapshot,
    /// the banks between them skipped: what the administration reports need.
    /// `exams` is nil when the snapshot holds none (see `CatalogCache.load`).
    static func decodeExams(_ snapshot: SnapshotBytes, laws: Bool) throws -> (library: LawLibrary?, exams: ExamCatalog?) {
        var reader = Reader(bytes: snapshot.bytes, snapshot: snapshot)
        let examsOffset = try reader.header()
        let library = laws ? LawLibrary(laws: try reader.list { try $0.law() }) : nil
        guard examsOffset >= reader.offset, examsOffset <= reader.bytes.count else { throw Malformed() }
        reader.offset = examsOffset
        let exams = try reader.exams()
        guard reader.atEnd else { throw Malformed() }
        return (library, exams)
    }

    struct Writer {
        var buffer: [UInt8] = []

        mutating func bytes(_ bytes: [UInt8]) { buffer += bytes }

        /// Room for an offset `fill` writes later (8 bytes, little-endian); returns where.
        mutating func placeholder() -> Int {
            buffer += [UInt8](repeating: 0, count: 8)
            return buffer.count - 8
        }

        /// The current length written into the room `placeholder` made at `position`.
        mutating func fill(_ position: Int) {
            let value = UInt64(buffer.count)
            for index in 0..<8 { buffer[position + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(index))) }
        }

        /// LEB128 of the zigzag form, so negative numbers stay short too.
        mutating func int(_ value: Int) {
            var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
            repeat {
                let low = UInt8(rest & 0x7F)
                rest >>= 7
                buffer.append(rest == 0 ? low : low | 0x80)
            } while rest != 0
        }

        mutating func optionalInt(_ value: Int?) {
            int(value == nil ? 0 : 1)
            if let value { int(value) }
        }

        mutating func string(_ text: String) {
            var text = text
            text.withUTF8 { utf8 in
                int(utf8.count)
                buffer.append(contentsOf: utf8)
            }
        }

        mutating func strings(_ texts: [String]) { texts.forEach { string($0) } }

        mutating func list<T>(_ items: [T], _ body: (inout Writer, T) -> Void) {
            int(items.count)
            for item in items { body(&self, item) }
        }

        mutating func law(_ law: Law) {
            strings([law.id, law.shortName, law.title, law.version, law.date])
            list(law.history) { $0.string($1) }
            list(law.chapters) { writer, chapter in
                writer.int(chapter.number)
                writer.string(chapter.heading)
                writer.list(chapter.sections) { writer, section in
                    writer.int(section.number)
                    writer.string(section.heading)
                }
            }
            list(law.articles) { writer, article in
                writer.int(article.number)
                writer.int(article.chapterNumber)
                writer.optionalInt(article.sectionNumber)
                writer.list(article.paragraphs) { $0.string($1) }
            }
        }

        mutating func question(_ question: Question) {
            strings([question.id, question.type.rawValue, question.lawID])
            int(question.article)
            string(question.stem)
            list(question.options) { writer, option in writer.strings([option.letter, option.text]) }
            strings([question.answer.code, question.evidence, question.explanation])
            optionalInt(question.difficulty)
            list(question.tags) { $0.string($1) }
            list(question.furtherCitations) { writer, citation in
                writer.string(citation.lawID)
                writer.int(citation.article)
                writer.string(citation.evidence)
            }
            string(question.source.file)
            int(question.source.line)
        }
    }

    struct Reader {
        let bytes: UnsafeRawBufferPointer
        /// Owner of `bytes` when texts may stay in them; nil: copy every text.
        var snapshot: SnapshotBytes? = nil
        var offset = 0

        var atEnd: Bool { offset == bytes.count }

        /// Checks the magic and the format version; returns where the exam definitions start.
        mutating func header() throws -> Int {
            guard try bytes(magic.count) == magic, try int() == formatVersion else { throw Malformed() }
            let raw = try bytes(8)
            let value = raw.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            guard value <= UInt64(bytes.count) else { throw Malformed() }
            return Int(value)
        }

        mutating func bytes(_ count: Int) throws -> [UInt8] {
            guard count >= 0, offset + count <= bytes.count else { throw Malformed() }
            defer { offset += count }
            return Array(bytes[offset..<offset + count])
        }

        mutating func int() throws -> Int {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard offset < bytes.count, shift < 64 else { throw Malformed() }
                let byte = bytes[offset]
                offset += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { break }
                shift += 7
            }
            // Logical shift of the unsigned value: an arithmetic one garbles values of 2^62 and more.
            return Int(Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1))
        }

        mutating func optionalInt() throws -> Int? {
            try int() == 0 ? nil : try int()
        }

        mutating func string() throws -> String {
            let count = try int()
            guard count >= 0, offset + count <= bytes.count else { throw Malformed() }
            defer { offset += count }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
        }

        /// A text written by `Writer.string`, left in the snapshot when there is one.
        mutating func deferredString() throws -> DeferredText {
            guard let snapshot else { return DeferredText(try string()) }
            let count = try int()
            guard count >= 0, offset + count <= bytes.count else { throw Malformed() }
            defer { offset += count }
            return DeferredText(offset..<offset + count, of: snapshot)
        }

        mutating func list<T>(_ body: (inout Reader) throws -> T) throws -> [T] {
            let count = try int()
            guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
            var items: [T] = []
            items.reserveCapacity(count)
            for _ in 0..<count { items.append(try body(&self)) }
            return items
        }

        mutating func law() throws -> Law {
            let id = try string(), shortName = try string(), title = try string(), version = try string(), date = try string()
            let history = try list { try $0.string() }
            let chapters = try list { reader in
                Chapter(
                    number: try reader.int(), heading: try reader.string(),
                    sections: try reader.list { Section(number: try $0.int(), heading: try $0.string()) })
            }
            let articles = try list { reader in
                Article(
                    number: try reader.int(), chapterNumber: try reader.int(), sectionNumber: try reader.optionalInt(),
                    paragraphs: try reader.list { try $0.deferredString() })
            }
            return Law(
                id: id, shortName: shortName, title: title, version: version, date: date, history: history,
                chapters: chapters, articles: articles)
        }

        mutating func question() throws -> Question {
            let id = try string()
            guard let type = QuestionType(rawValue: try string()) else { throw Malformed() }
            let lawID = try string(), article = try int(), stem = try deferredString()
            let options = try list { QuestionOption(letter: try $0.string(), text: try $0.deferredString()) }
            guard let answer = AnswerKey(code: try string(), type: type) else { throw Malformed() }
            let evidence = try deferredString(), explanation = try deferredString(), difficulty = try optionalInt()
            let tags = try list { try $0.string() }
            let further = try list { Citation(lawID: try $0.string(), article: try $0.int(), evidence: try $0.string()) }
            let source = SourceLocation(file: try string(), line: try int())
            return Question(
                id: id, type: type, lawID: lawID, article: article, stem: stem, options: options, answer: answer,
                evidence: evidence, explanation: explanation, difficulty: difficulty, tags: tags,
                furtherCitations: further, source: source)
        }
    }
}
