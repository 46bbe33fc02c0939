import Foundation

/// Which of a person's submitted attempts counts for statistics when an exam
/// allows more than one.
public enum AttemptCounting: String, Sendable, Hashable, CaseIterable, Codable {
    /// The best score counts (default): a retake can only help.
    case highest
    /// The first submitted attempt counts; later ones are for practice.
    case first
    /// The most recent submitted attempt counts.
    case last

    /// Chooses the counted attempt among submitted ones. Generic so the store's
    /// records and report rows can both use it without Core knowing them.
    public func select<T>(_ attempts: [T], startedAt: (T) -> Date, score: (T) -> Double) -> T? {
        switch self {
        case .first: return attempts.min { startedAt($0) < startedAt($1) }
        case .last: return attempts.max { startedAt($0) < startedAt($1) }
        case .highest:
            // Ties go to the earlier attempt, so the choice is stable.
            return attempts.max { lhs, rhs in
                score(lhs) != score(rhs) ? score(lhs) < score(rhs) : startedAt(lhs) > startedAt(rhs)
            }
        }
    }
}

/// How a 多选题 is marked.
public enum MultipleScoring: String, Sendable, Hashable, CaseIterable, Codable {
    /// Full points only for exactly the right set (default).
    case allOrNothing = "all_or_nothing"
    /// Full points for the right set; half for a non-empty subset of the right
    /// options with no wrong one; nothing otherwise.
    case partial
}

/// A person excused from a formal exam (issue 5 leaves them out of 参考率).
public struct ExamExemption: Sendable, Hashable, Codable {
    /// 工号 of the exempted person.
    public var staffID: String
    public var reason: String

    public init(staffID: String, reason: String) {
        self.staffID = staffID
        self.reason = reason
    }
}

/// One part of an exam blueprint: how many questions of one type, from which
/// law and/or tags, worth how many points each.
public struct ExamSection: Sendable, Hashable {
    /// Law id (normalised through the library when loaded with one), or nil for any law.
    public var lawID: String?
    /// A question qualifies when it carries at least one of these tags; empty means any.
    public var tags: [String]
    public var type: QuestionType
    public var count: Int
    /// Points per question.
    public var points: Double
    /// Line of the section in its file, for messages.
    public var line: Int

    public init(lawID: String?, tags: [String] = [], type: QuestionType, count: Int, points: Double, line: Int = 0) {
        self.lawID = lawID
        self.tags = tags
        self.type = type
        self.count = count
        self.points = points
        self.line = line
    }

    /// Whether a bank question may be drawn for this section.
    public func admits(_ question: Question) -> Bool {
        admits(type: question.type, lawID: question.lawID, tags: question.tags)
    }

    /// The same from a question's fields, which a caller can read in place
    /// from the bank's array: the paper draw copied every question of the
    /// catalog to ask (about 0.25 ms of the start of `exam take`; README, "Launch").
    func admits(type questionType: QuestionType, lawID questionLaw: String, tags questionTags: [String]) -> Bool {
        questionType == type && (lawID == nil || questionLaw == lawID)
            && (tags.isEmpty || questionTags.contains(where: tags.contains))
    }

    /// Points the section is worth in total.
    public var totalPoints: Double { Double(count) * points }

    /// Human description used in messages, e.g. `单选题 × 7（安全生产法，标签 培训）`.
    public func describe(lawName: String? = nil) -> String {
        var filters: [String] = []
        if let lawID { filters.append(lawName ?? lawID) }
        if !tags.isEmpty { filters.append("标签 " + tags.joined(separator: "、")) }
        let suffix = filters.isEmpty ? "" : "（" + filters.joined(separator: "，") + "）"
        return "\(type.title) × \(count)\(suffix)"
    }
}

/// An exam as defined in `QuestionBanks/exams/<id>.yaml` (format in
/// QuestionBanks/EXAMS.md). Values are validated on load, so code using a
/// definition can rely on them.
public struct ExamDefinition: Sendable, Hashable {
    /// Most questions on one paper (and in one section).
    public static let maxQuestions = 1000
    /// Most points for one question.
    public static let maxPoints = 1000.0

    public var id: String
    public var title: String
    public var sections: [ExamSection]
    public var timeLimitMinutes: Int
    /// A limit in seconds (`time_limit_seconds`), replacing the minutes when
    /// set: for short drills, and for tests that watch a deadline pass.
    public var timeLimitSeconds: Int?
    /// Sum of the sections' points (the file may state it; it must agree).
    public var fullMarks: Double
    /// Inclusive: a score equal to the pass mark passes (合格).
    public var passMark: Double
    /// Inclusive: a score equal to the excellence mark is 优秀.
    public var excellentMark: Double
    public var attemptsAllowed: Int
    public var counting: AttemptCounting
    public var multipleScoring: MultipleScoring
    public var shuffleQuestions: Bool
    public var shuffleOptions: Bool
    public var opensAt: Date?
    public var closesAt: Date?
    /// Formal exams count in statistics; a non-formal one (a 模拟考试) does not.
    public var formal: Bool
    /// Id of the exam this one is a 补考 for (issue 5).
    public var makeupOf: String?
    /// 部门 path prefixes whose active staff are expected to sit (empty: everyone).
    public var requiredDepartments: [String]
    public var exemptions: [ExamExemption]
    /// `review:` when the file sets it; nil means the default (see `reviewPolicy`).
    public var review: ReviewPolicy?
    /// The installation's policy for formal exams without `review:` (set by
    /// `ExamCatalog.withFormalReview`; not part of the file or its hash).
    public var formalReviewDefault: ReviewPolicy = .afterClose
    /// Where the definition was read from.
    public var source: SourceLocation

    public init(
        id: String, title: String, sections: [ExamSection], timeLimitMinutes: Int, timeLimitSeconds: Int? = nil, fullMarks: Double? = nil,
        passMark: Double? = nil, excellentMark: Double? = nil, attemptsAllowed: Int = 1,
        counting: AttemptCounting = .highest, multipleScoring: MultipleScoring = .allOrNothing,
        shuffleQuestions: Bool = true, shuffleOptions: Bool = true, opensAt: Date? = nil, closesAt: Date? = nil,
        formal: Bool = true, makeupOf: String? = nil, requiredDepartments: [String] = [],
        exemptions: [ExamExemption] = [], review: ReviewPolicy? = nil, source: SourceLocation = SourceLocation(file: "", line: 0)
    ) {
        let total = fullMarks ?? sections.reduce(0) { $0 + $1.totalPoints }
        self.id = id
        self.title = title
        self.sections = sections
        self.timeLimitMinutes = timeLimitMinutes
        self.timeLimitSeconds = timeLimitSeconds
        self.fullMarks = total
        self.passMark = passMark ?? total * 0.6
        self.excellentMark = excellentMark ?? total * 0.9
        self.attemptsAllowed = attemptsAllowed
        self.counting = counting
        self.multipleScoring = multipleScoring
        self.shuffleQuestions = shuffleQuestions
        self.shuffleOptions = shuffleOptions
        self.opensAt = opensAt
        self.closesAt = closesAt
        self.formal = formal
        self.makeupOf = makeupOf
        self.requiredDepartments = requiredDepartments
        self.exemptions = exemptions
        self.review = review
        self.source = source
    }

    /// Number of questions on every paper.
    public var questionCount: Int { sections.reduce(0) { $0 + $1.count } }

    /// Seconds allowed for one attempt.
    public var timeLimit: TimeInterval { TimeInterval(timeLimitSeconds ?? timeLimitMinutes * 60) }

    /// The limit for lists and menus: `60分钟`, or `25秒` / `1分30秒` when
    /// `time_limit_seconds` is not whole minutes (never rounded to a wrong figure).
    public var timeLimitText: String {
        let seconds = Int(timeLimit)
        if seconds % 60 == 0 { return "\(seconds / 60)分钟" }
        return seconds < 60 ? "\(seconds)秒" : "\(seconds / 60)分\(seconds % 60)秒"
    }

    /// A fingerprint of everything that decides how a paper is drawn and
    /// marked, stored with each attempt so a later edit of the file is visible.
    /// Comments and key order do not change it.
    public var definitionHash: String {
        var parts: [String] = [id, title, String(timeLimitMinutes), Self.number(fullMarks), Self.number(passMark)]
        parts += [Self.number(excellentMark), String(attemptsAllowed), counting.rawValue, multipleScoring.rawValue]
        parts += [String(shuffleQuestions), String(shuffleOptions)]
        // Only when set, so hashes of definitions without it stay as they were.
        if let timeLimitSeconds { parts.append("seconds=\(timeLimitSeconds)") }
        parts += [opensAt.map { String($0.timeIntervalSince1970) } ?? "-", closesAt.map { String($0.timeIntervalSince1970) } ?? "-"]
        parts += [String(formal), makeupOf ?? "-", requiredDepartments.joined(separator: ","),]
        parts += exemptions.map { "\($0.staffID):\($0.reason)" }
        if let review { parts.append("review=\(review.rawValue)") }
        for section in sections {
            parts.append([section.lawID ?? "*", section.tags.joined(separator: ","), section.type.rawValue, String(section.count), Self.number(section.points)].joined(separator: "/"))
        }
        return FNV1a.hex(parts.joined(separator: "\u{1F}"))
    }

    /// Whether a score reaches the pass mark (inclusive, tolerant of float rounding).
    public func passes(_ score: Double) -> Bool { score + 1e-9 >= passMark }

    /// Whether a score reaches the excellence mark (inclusive).
    public func isExcellent(_ score: Double) -> Bool { score + 1e-9 >= excellentMark }

    /// Exemption for a person, if any.
    public func exemption(for staffID: String) -> ExamExemption? {
        exemptions.first { $0.staffID == staffID }
    }

    /// Whether a department path falls under `required_departments` (a prefix
    /// match on whole path segments; an empty list requires everyone).
    public func requires(department: String) -> Bool {
        requiredDepartments.isEmpty
            || requiredDepartments.contains { prefix in
                department == prefix || department.hasPrefix(prefix.hasSuffix("/") ? prefix : prefix + "/")
            }
    }

    /// Formats a score without a trailing `.0` (e.g. 92, 91.5).
    public static func number(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%g", value)
    }
}
