import Foundation

/// One question on a drawn paper, as stored with the attempt: enough to show
/// it again exactly (option order) and to notice a later bank edit (hash).
public struct PaperItem: Sendable, Hashable, Codable {
    /// 0-based position on the paper.
    public var index: Int
    public var questionID: String
    /// `Question.contentHash` when the paper was drawn.
    public var contentHash: String
    /// Bank letters in display order: `["C","A","D","B"]` shows bank option C
    /// as A. Empty for 判断题.
    public var optionOrder: [String]
    public var points: Double
    /// Index of the blueprint section the question was drawn for.
    public var sectionIndex: Int
    public var type: QuestionType
    public var lawID: String

    public init(
        index: Int, questionID: String, contentHash: String, optionOrder: [String], points: Double,
        sectionIndex: Int, type: QuestionType, lawID: String
    ) {
        self.index = index
        self.questionID = questionID
        self.contentHash = contentHash
        self.optionOrder = optionOrder
        self.points = points
        self.sectionIndex = sectionIndex
        self.type = type
        self.lawID = lawID
    }

    /// Display letter (A, B, …) of a bank letter, or nil when not on the paper.
    public func displayLetter(forBank letter: String) -> String? {
        optionOrder.firstIndex(of: letter).map(OptionLetters.letter(at:))
    }

    /// Bank letter shown under a display letter.
    public func bankLetter(forDisplay letter: String) -> String? {
        guard let position = OptionLetters.position(of: letter), position < optionOrder.count else { return nil }
        return optionOrder[position]
    }

    /// An answer in bank letters rewritten in display letters (`对`/`错` for judgements).
    public func displayText(of answer: AnswerKey) -> String {
        switch answer {
        case .judgement(let value): return value ? "对" : "错"
        case .options(let letters):
            return letters.compactMap(displayLetter(forBank:)).sorted().joined()
        }
    }
}

/// A paper: the questions one attempt answers, in order.
public struct Paper: Sendable, Hashable {
    public var examID: String
    public var seed: UInt64
    public var items: [PaperItem]

    public init(examID: String, seed: UInt64, items: [PaperItem]) {
        self.examID = examID
        self.seed = seed
        self.items = items
    }

    public var totalPoints: Double { items.reduce(0) { $0 + $1.points } }
}

/// Display lettering A–F.
public enum OptionLetters {
    public static let all = ["A", "B", "C", "D", "E", "F"]

    public static func letter(at position: Int) -> String {
        position < all.count ? all[position] : "?"
    }

    public static func position(of letter: String) -> Int? {
        all.firstIndex(of: letter.uppercased())
    }
}
