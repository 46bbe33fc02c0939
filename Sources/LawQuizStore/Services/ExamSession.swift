import Foundation
import LawQuizCore

/// One question of an open attempt, ready to show: the bank question, how its
/// options are lettered on this paper, and what is saved for it.
public struct SessionItem: Sendable, Hashable {
    public var item: PaperItem
    public var question: Question
    /// Answer saved so far, in bank letters.
    public var answer: AnswerKey?
    public var marked: Bool
    /// The bank question was edited since the paper was drawn (content hash differs).
    public var questionChanged: Bool

    public init(item: PaperItem, question: Question, answer: AnswerKey?, marked: Bool, questionChanged: Bool = false) {
        self.item = item
        self.question = question
        self.answer = answer
        self.marked = marked
        self.questionChanged = questionChanged
    }

    /// Options as shown on this paper: display letter and text, in display order.
    public var displayOptions: [(letter: String, text: String)] {
        item.optionOrder.enumerated().compactMap { position, bankLetter in
            question.option(bankLetter).map { (OptionLetters.letter(at: position), $0.text) }
        }
    }

    /// The saved answer as the person typed it (display letters, or 对/错).
    public var answerDisplay: String? { answer.map(item.displayText(of:)) }

    /// Parses typed input into bank letters for this item.
    public func parse(_ input: String) throws(AnswerInputError) -> AnswerKey {
        try AnswerInput.parse(input, type: item.type, optionOrder: item.optionOrder)
    }
}

/// An attempt ready to be sat: the record, the definition, the paper with
/// saved answers, and where to continue.
public struct ExamSession: Sendable {
    public var attempt: AttemptRecord
    public var exam: ExamDefinition
    public var items: [SessionItem]
    /// True when an attempt in progress was taken up rather than started.
    public var resumed: Bool
    /// The exam file changed since the attempt started (hash differs); the
    /// stored paper and points still apply.
    public var definitionChanged: Bool
    /// This terminal's lease on the attempt (`AttemptService.claim`); every
    /// write passes it so a session taken over elsewhere cannot write.
    public var leaseToken: String?

    public init(attempt: AttemptRecord, exam: ExamDefinition, items: [SessionItem], resumed: Bool, definitionChanged: Bool) {
        self.attempt = attempt
        self.exam = exam
        self.items = items
        self.resumed = resumed
        self.definitionChanged = definitionChanged
    }

    /// The first question without an answer, or nil when all are answered.
    public var firstUnansweredIndex: Int? { items.firstIndex { $0.answer == nil } }

    /// Where to show first: the first unanswered question, else the first.
    public var startIndex: Int { firstUnansweredIndex ?? 0 }

    public var answeredCount: Int { items.filter { $0.answer != nil }.count }
    public var unansweredCount: Int { items.count - answeredCount }
    public var markedIndices: [Int] { items.indices.filter { items[$0].marked } }
}

/// What `AttemptService.begin` found.
public enum AttemptOpening: Sendable {
    /// A new or resumed attempt to sit.
    case session(ExamSession)
    /// An attempt in progress whose deadline had passed: it has now been
    /// submitted with its saved answers; show the result.
    case expired(AttemptResult)
}

/// One question in the post-exam review.
public struct ReviewItem: Sendable, Hashable {
    /// 1-based number on the paper.
    public var number: Int
    public var graded: GradedItem
    /// The bank question, or nil if it has since been removed from the banks.
    public var question: Question?
    /// The answer given, in this paper's display letters (or 对/错); nil when unanswered.
    public var givenDisplay: String?
    /// The right answer in display letters (or 对/错).
    public var rightDisplay: String
}

/// A submitted attempt, graded: score, 合格/优秀, breakdowns and review.
public struct AttemptResult: Sendable {
    public var attempt: AttemptRecord
    public var exam: ExamDefinition
    public var grade: ExamGrade
    /// Every item, in paper order.
    public var review: [ReviewItem]
    public var timeUsed: TimeInterval

    /// Items not fully right (wrong, partial, unanswered), for the review screen.
    public var wrongItems: [ReviewItem] { review.filter { $0.graded.mark.verdict != .right } }
}
