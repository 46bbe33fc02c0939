import Foundation

/// The three question forms used in 学法 exams.
public enum QuestionType: String, Sendable, Hashable, CaseIterable, Codable {
    case single
    case multiple
    case judge

    /// Label shown to staff: 单选题 / 多选题 / 判断题.
    public var title: String {
        switch self {
        case .single: return "单选题"
        case .multiple: return "多选题"
        case .judge: return "判断题"
        }
    }

    /// Short label: 单选 / 多选 / 判断.
    public var shortName: String { String(title.dropLast()) }

    /// Accepts the English name or the Chinese label.
    public init?(name: String) {
        switch name.trimmingBlanks() {
        case "single", "单选", "单选题": self = .single
        case "multiple", "多选", "多选题": self = .multiple
        case "judge", "判断", "判断题", "true-false": self = .judge
        default: return nil
        }
    }
}

/// How a question's law, article and evidence were chosen: proposed by the
/// grounding ranker (to be checked by a person) or confirmed by one.
public enum GroundingStatus: String, Sendable, Hashable, CaseIterable {
    case auto
    case reviewed
}

/// One lettered option of a choice question, in the bank's own lettering.
public struct QuestionOption: Sendable, Hashable, Codable {
    /// A–F as written in the bank.
    public var letter: String
    public var text: String {
        get { body.string }
        set { body = DeferredText(newValue) }
    }
    /// Read from the catalog snapshot only when asked (see `DeferredText`):
    /// a start shows the options of one question.
    private var body: DeferredText

    public init(letter: String, text: String) {
        self.init(letter: letter, text: DeferredText(text))
    }

    /// With the text as read from a catalog snapshot.
    init(letter: String, text: DeferredText) {
        self.letter = letter
        body = text
    }

    private enum CodingKeys: String, CodingKey {
        case letter, text
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(letter: try container.decode(String.self, forKey: .letter), text: try container.decode(String.self, forKey: .text))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(letter, forKey: .letter)
        try container.encode(text, forKey: .text)
    }
}

/// The key of a question: the set of right option letters, or true/false.
public enum AnswerKey: Sendable, Hashable {
    case options(Set<String>)
    case judgement(Bool)

    /// Canonical text: sorted letters (ABD) or 对 / 错.
    public var display: String {
        switch self {
        case .options(let letters): return letters.sorted().joined()
        case .judgement(let value): return value ? "对" : "错"
        }
    }

    /// Storage form: sorted letters, or `T` / `F`.
    public var code: String {
        switch self {
        case .options(let letters): return letters.sorted().joined()
        case .judgement(let value): return value ? "T" : "F"
        }
    }

    /// Parses the storage form written by `code`.
    public init?(code: String, type: QuestionType) {
        if type == .judge {
            switch code {
            case "T": self = .judgement(true)
            case "F": self = .judgement(false)
            default: return nil
            }
        } else {
            // Byte by byte: every start decodes 607 keys from the catalog
            // snapshot, and Foundation's `contains` per letter was 2% of it.
            var letters = Set<String>()
            for byte in code.utf8 {
                guard (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte) else { return nil }
                letters.insert(String(UnicodeScalar(byte)))
            }
            guard !letters.isEmpty else { return nil }
            self = .options(letters)
        }
    }
}

/// Where a question was read from, for `file:line` messages.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}

/// A bank question, always tied to the article that supports its answer.
public struct Question: Sendable, Hashable {
    public var id: String
    public var type: QuestionType
    /// Law id, e.g. `work-safety`.
    public var lawID: String
    public var article: Int
    public var stem: String {
        get { stemText.string }
        set { stemText = DeferredText(newValue) }
    }
    /// Options in bank order; empty for judge questions.
    public var options: [QuestionOption]
    public var answer: AnswerKey
    /// `auto` when law, article and evidence were proposed by grounding and not yet reviewed; nil when written by hand.
    public var grounding: GroundingStatus? = nil
    /// The grounding ranker's confidence (0–1) in the proposed article.
    public var confidence: Double? = nil
    /// Verbatim excerpt of the article supporting the answer.
    public var evidence: String {
        get { evidenceText.string }
        set { evidenceText = DeferredText(newValue) }
    }
    /// 解析 shown after answering.
    public var explanation: String {
        get { explanationText.string }
        set { explanationText = DeferredText(newValue) }
    }
    /// Read from the catalog snapshot only when asked (see `DeferredText`):
    /// a start shows the stem of one question of the 607.
    private var stemText: DeferredText
    private var evidenceText: DeferredText
    private var explanationText: DeferredText
    public var difficulty: Int?
    public var tags: [String]
    /// Articles cited after the first (`lawID`, `article`, `evidence`); empty
    /// for the single-article form.
    public var furtherCitations: [Citation]
    public var source: SourceLocation

    public init(
        id: String, type: QuestionType, lawID: String, article: Int, stem: String,
        options: [QuestionOption], answer: AnswerKey, evidence: String, explanation: String,
        difficulty: Int? = nil, tags: [String] = [], furtherCitations: [Citation] = [], source: SourceLocation
    ) {
        self.init(
            id: id, type: type, lawID: lawID, article: article, stem: DeferredText(stem), options: options, answer: answer,
            evidence: DeferredText(evidence), explanation: DeferredText(explanation), difficulty: difficulty, tags: tags,
            furtherCitations: furtherCitations, source: source)
    }

    /// With the stem, evidence and 解析 as read from a catalog snapshot.
    init(
        id: String, type: QuestionType, lawID: String, article: Int, stem: DeferredText,
        options: [QuestionOption], answer: AnswerKey, evidence: DeferredText, explanation: DeferredText,
        difficulty: Int?, tags: [String], furtherCitations: [Citation], source: SourceLocation
    ) {
        self.id = id
        self.type = type
        self.lawID = lawID
        self.article = article
        stemText = stem
        self.options = options
        self.answer = answer
        self.evidenceText = evidence
        self.explanationText = explanation
        self.difficulty = difficulty
        self.tags = tags
        self.furtherCitations = furtherCitations
        self.source = source
    }

    /// Every cited article, the first one (`lawID`, `article`, `evidence`) leading.
    public var citations: [Citation] {
        [Citation(lawID: lawID, article: article, evidence: evidence)] + furtherCitations
    }

    /// The option with a given bank letter.
    public func option(_ letter: String) -> QuestionOption? {
        options.first { $0.letter == letter }
    }

    /// A stable hash of everything that decides how the question is marked, so
    /// a stored paper can tell when a bank question was edited after the exam.
    public var contentHash: String {
        var parts = [id, type.rawValue, lawID, String(article), stem, answer.code]
        parts += options.map { "\($0.letter)=\($0.text)" }
        return FNV1a.hex(parts.joined(separator: "\u{1F}"))
    }
}

/// 64-bit FNV-1a, a small stable hash (not for security) for content fingerprints.
public enum FNV1a {
    public static func hash(_ text: String) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        return value
    }

    public static func hex(_ text: String) -> String {
        hex(hash(text))
    }

    /// 16 lower-case hex digits, as `%016llx` (without `String(format:)`,
    /// whose first use costs a start-up Foundation's C-varargs machinery).
    public static func hex(_ value: UInt64) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 16) { buffer in
            for position in 0..<16 {
                buffer[position] = digits[Int((value >> UInt64(60 - 4 * position)) & 0xF)]
            }
            return 16
        }
    }
}
