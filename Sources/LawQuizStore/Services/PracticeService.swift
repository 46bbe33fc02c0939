import Foundation
import LawQuizCore

/// Which questions to practise.
public struct PracticeFilter: Sendable, Hashable {
    /// Law id or short name; nil for all laws.
    public var law: String?
    public var type: QuestionType?
    /// A question qualifies when it carries this tag (e.g. 案例 for the case questions); nil for any.
    public var tag: String?
    public var count: Int

    public init(law: String? = nil, type: QuestionType? = nil, tag: String? = nil, count: Int = 10) {
        self.law = law
        self.type = type
        self.tag = tag
        self.count = count
    }
}

/// A practice question with its (shuffled) option lettering.
public struct PracticeItem: Sendable, Hashable {
    public var question: Question
    /// Bank letters in display order; empty for 判断题.
    public var optionOrder: [String]
    /// True when drawn from the 错题本.
    public var fromWrongBook: Bool

    /// The lettering as a paper item, to reuse display and input helpers.
    public var paperItem: PaperItem {
        PaperItem(
            index: 0, questionID: question.id, contentHash: question.contentHash, optionOrder: optionOrder, points: 1,
            sectionIndex: 0, type: question.type, lawID: question.lawID)
    }

    /// Options as shown: display letter and text.
    public var displayOptions: [(letter: String, text: String)] {
        SessionItem(item: paperItem, question: question, answer: nil, marked: false).displayOptions
    }

    /// Parses typed input into bank letters.
    public func parse(_ input: String) throws(AnswerInputError) -> AnswerKey {
        try AnswerInput.parse(input, type: question.type, optionOrder: optionOrder)
    }
}

/// The feedback after one practice answer.
public struct PracticeOutcome: Sendable, Hashable {
    public var correct: Bool
    /// The right answer in this item's display letters (or 对/错).
    public var rightDisplay: String
    /// The 错题本 entry after the answer (nil when the question is not in it).
    public var wrongBookEntry: WrongBookEntry?
    /// This answer cleared the question from the 错题本.
    public var clearedFromWrongBook: Bool
    /// Days until the memory model brings the question back (at least 1).
    public var nextReviewDays: Int = 1
}

/// Why practice could not start.
public enum PracticeError: LocalizedError, Sendable, Hashable {
    case unknownLaw(String, known: [String])
    case noQuestions
    case wrongBookEmpty
    case badCount(Int)
    case badBudget(Int)
    case nothingDue(nextDue: Date?)

    public var errorDescription: String? {
        switch self {
        case .unknownLaw(let name, let known): return "未知的法律 “\(name)”，可用：\(known.joined(separator: "、"))"
        case .noQuestions: return "没有符合条件的题目，请放宽 --law / --type 条件"
        case .wrongBookEmpty: return "错题本是空的：没有需要巩固的题目。先做练习吧（lawquiz practice）。"
        case .badCount(let count): return "题数应为 1 到 500，收到 \(count)"
        case .badBudget(let count): return "每日题量应为 0 到 500，收到 \(count)"
        case .nothingDue(let next):
            let when = next.map { "，下一道在 \(ReportTimeFormat(timeZone: .current).dateTime($0)) 到期" } ?? ""
            return "今天没有到期的题，也没有新题了\(when)。明天再来吧。"
        }
    }
}

/// Practice: never an exam attempt, never in exam statistics. Answers and
/// the 错题本 are stored per person; each answer commits before returning.
public struct PracticeService: Sendable {
    public let store: ResultsStore
    public let catalog: BankCatalog
    public let clock: any WallClock
    let makeSeed: @Sendable () -> UInt64
    /// The memory model that schedules reviews.
    public var scheduler = FSRS()
    /// Local days, for "due today".
    public var calendar = StudyCalendar()

    public init(
        store: ResultsStore, catalog: BankCatalog, clock: any WallClock = SystemWallClock(),
        makeSeed: @escaping @Sendable () -> UInt64 = { UInt64.random(in: UInt64.min...UInt64.max) }
    ) {
        self.store = store
        self.catalog = catalog
        self.clock = clock
        self.makeSeed = makeSeed
    }

    /// Draws up to `filter.count` random questions matching the filter, with
    /// shuffled options. Fewer are returned when fewer match.
    public func draw(_ filter: PracticeFilter) throws -> [PracticeItem] {
        guard (1...500).contains(filter.count) else { throw PracticeError.badCount(filter.count) }
        var pool = try matching(filter)
        guard !pool.isEmpty else { throw PracticeError.noQuestions }
        var generator = SeededGenerator(seed: makeSeed())
        generator.shuffle(&pool)
        return pool.prefix(filter.count).map { item(for: $0, fromWrongBook: false, generator: &generator) }
    }

    /// The questions matching the filter's law, type and tag, by id.
    func matching(_ filter: PracticeFilter) throws -> [Question] {
        var lawID: String?
        if let name = filter.law {
            guard let law = catalog.library.law(named: name) else {
                throw PracticeError.unknownLaw(name, known: catalog.library.laws.map { "\($0.id)（\($0.shortName)）" })
            }
            lawID = law.id
        }
        return catalog.questions.filter { question in
            (lawID == nil || question.lawID == lawID) && (filter.type == nil || question.type == filter.type)
                && (filter.tag.map(question.tags.contains) ?? true)
        }.sorted { $0.id < $1.id }
    }

    /// The open 错题本 questions of a person, in the order they were added,
    /// each to be drilled until answered right twice in a row.
    public func wrongBookDrill(staffID: String) throws -> [PracticeItem] {
        var generator = SeededGenerator(seed: makeSeed())
        let items = try store.wrongBook(staffID: staffID).compactMap { entry in
            catalog.question(entry.questionID).map { item(for: $0, fromWrongBook: true, generator: &generator) }
        }
        guard !items.isEmpty else { throw PracticeError.wrongBookEmpty }
        return items
    }

    /// Marks and stores one practice answer (bank letters), updating the 错题本
    /// and the memory model (rated from correctness and `answerSeconds`, see `ReviewRating`).
    public func record(
        _ answer: AnswerKey, for item: PracticeItem, staffID: String, answerSeconds: TimeInterval? = nil
    ) throws -> PracticeOutcome {
        let correct = answer == item.question.answer
        let now = clock.now
        let before = try store.wrongBook(staffID: staffID).first { $0.questionID == item.question.id }
        let entry = try store.savePracticeAnswer(
            staffID: staffID, question: item.question, answer: answer, correct: correct, fromWrongBook: item.fromWrongBook,
            at: now, rating: ReviewRating(correct: correct, answerSeconds: answerSeconds), scheduler: scheduler)
        let memory = try store.memoryState(staffID: staffID, questionID: item.question.id)
        return PracticeOutcome(
            correct: correct, rightDisplay: item.paperItem.displayText(of: item.question.answer), wrongBookEntry: entry,
            clearedFromWrongBook: before != nil && entry?.clearedAt != nil,
            nextReviewDays: memory.map { scheduler.scheduledDays(stability: $0.memory.stability) } ?? 1)
    }

    func item(for question: Question, fromWrongBook: Bool, generator: inout SeededGenerator) -> PracticeItem {
        var order = question.options.map(\.letter)
        generator.shuffle(&order)
        return PracticeItem(question: question, optionOrder: order, fromWrongBook: fromWrongBook)
    }
}
