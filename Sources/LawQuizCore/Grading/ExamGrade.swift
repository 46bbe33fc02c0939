import Foundation

/// Score and counts for one group of questions (a law or a type).
public struct GradeBreakdown: Sendable, Hashable, Codable {
    /// Law id or question type raw value.
    public var key: String
    public var questions: Int
    public var right: Int
    public var earned: Double
    public var possible: Double

    public init(key: String, questions: Int = 0, right: Int = 0, earned: Double = 0, possible: Double = 0) {
        self.key = key
        self.questions = questions
        self.right = right
        self.earned = earned
        self.possible = possible
    }
}

/// One graded question of a paper.
public struct GradedItem: Sendable, Hashable {
    public var item: PaperItem
    public var key: AnswerKey
    public var given: AnswerKey?
    public var mark: ItemMark

    public init(item: PaperItem, key: AnswerKey, given: AnswerKey?, mark: ItemMark) {
        self.item = item
        self.key = key
        self.given = given
        self.mark = mark
    }
}

/// The graded paper: total, 合格 / 优秀 (inclusive cut-offs) and breakdowns.
public struct ExamGrade: Sendable, Hashable {
    public var items: [GradedItem]
    public var score: Double
    public var fullMarks: Double
    public var passed: Bool
    public var excellent: Bool
    /// By law id, in order of first appearance on the paper.
    public var byLaw: [GradeBreakdown]
    /// By question type, in order of first appearance on the paper.
    public var byType: [GradeBreakdown]

    /// Grades a paper. `keys[i]` is the answer key of item i; `answers[i]` the
    /// answer given (bank letters) or nil.
    public init(exam: ExamDefinition, items: [PaperItem], keys: [AnswerKey], answers: [Int: AnswerKey]) {
        let grader = Grader(multipleScoring: exam.multipleScoring)
        var graded: [GradedItem] = []
        var laws: [GradeBreakdown] = []
        var types: [GradeBreakdown] = []
        for (item, key) in zip(items, keys) {
            let given = answers[item.index]
            let mark = grader.mark(given, key: key, type: item.type, points: item.points)
            graded.append(GradedItem(item: item, key: key, given: given, mark: mark))
            Self.add(mark, to: &laws, key: item.lawID)
            Self.add(mark, to: &types, key: item.type.rawValue)
        }
        self.items = graded
        // Round to avoid 59.99999 from halves; scores are multiples of 0.5 points at worst.
        self.score = (graded.reduce(0) { $0 + $1.mark.earned } * 1000).rounded() / 1000
        self.fullMarks = exam.fullMarks
        self.passed = exam.passes(score)
        self.excellent = exam.isExcellent(score)
        self.byLaw = laws
        self.byType = types
    }

    /// Items not fully right (wrong, partial or unanswered), for the review.
    public var wrongItems: [GradedItem] { items.filter { $0.mark.verdict != .right } }

    private static func add(_ mark: ItemMark, to groups: inout [GradeBreakdown], key: String) {
        var index = groups.firstIndex { $0.key == key } ?? groups.count
        if index == groups.count {
            groups.append(GradeBreakdown(key: key))
            index = groups.count - 1
        }
        groups[index].questions += 1
        groups[index].right += mark.verdict == .right ? 1 : 0
        groups[index].earned += mark.earned
        groups[index].possible += mark.possible
    }
}
