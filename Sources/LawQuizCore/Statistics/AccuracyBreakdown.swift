import Foundation

/// Accuracy per law or per question type over the counted attempts: which
/// part of the syllabus staff know least.
public struct AccuracyBreakdown: Sendable, Hashable, Codable {
    public struct Row: Sendable, Hashable, Codable {
        /// Law id or question type raw value.
        public var key: String
        /// 法律简称 or 题型, for display.
        public var title: String
        public var responses: Int = 0
        public var right: Int = 0
        public var partial: Int = 0
        public var unanswered: Int = 0
        public var earned: Double = 0
        public var possible: Double = 0

        /// 正确率 = fully right answers / questions drawn.
        public var accuracy: Rate { Rate(right, of: responses) }
        /// 得分率 = points earned / points possible (counts half marks).
        public var scoreRate: Double? { possible > 0 ? earned / possible : nil }
    }

    public var rows: [Row]

    public init(rows: [Row] = []) { self.rows = rows }
}

/// Tallies marks per law and per type while item rows stream past.
public struct AccuracyAccumulator: Sendable {
    private var byLaw: [String: AccuracyBreakdown.Row] = [:]
    private var byType: [String: AccuracyBreakdown.Row] = [:]

    public init() {}

    public mutating func add(lawID: String, type: QuestionType, earned: Double, possible: Double, answered: Bool) {
        Self.add(&byLaw, key: lawID, earned: earned, possible: possible, answered: answered)
        Self.add(&byType, key: type.rawValue, earned: earned, possible: possible, answered: answered)
    }

    private static func add(_ rows: inout [String: AccuracyBreakdown.Row], key: String, earned: Double, possible: Double, answered: Bool) {
        var row = rows[key] ?? AccuracyBreakdown.Row(key: key, title: key)
        row.responses += 1
        if possible > 0, earned >= possible - 1e-9 { row.right += 1 } else if earned > 0 { row.partial += 1 }
        if !answered { row.unanswered += 1 }
        row.earned += earned
        row.possible += possible
        rows[key] = row
    }

    /// Per law, in the order given (unknown laws last), titled by `lawTitle`.
    public func laws(order: [String], title lawTitle: (String) -> String) -> AccuracyBreakdown {
        let keys = order.filter { byLaw[$0] != nil } + byLaw.keys.filter { !order.contains($0) }.sorted()
        return AccuracyBreakdown(rows: keys.compactMap { key in
            byLaw[key].map { row in var titled = row; titled.title = lawTitle(key); return titled }
        })
    }

    /// Per question type: 单选, 多选, 判断.
    public func types() -> AccuracyBreakdown {
        AccuracyBreakdown(rows: QuestionType.allCases.compactMap { type in
            byType[type.rawValue].map { row in var titled = row; titled.title = type.title; return titled }
        })
    }
}

extension AccuracyBreakdown.Row {
    private enum CodingKeys: String, CodingKey {
        case key, title, responses, right, partial, unanswered, earned, possible, accuracy, scoreRate
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(title, forKey: .title)
        try c.encode(responses, forKey: .responses)
        try c.encode(right, forKey: .right)
        try c.encode(partial, forKey: .partial)
        try c.encode(unanswered, forKey: .unanswered)
        try c.encode(earned, forKey: .earned)
        try c.encode(possible, forKey: .possible)
        try c.encode(accuracy, forKey: .accuracy)
        try c.encodeIfPresent(scoreRate, forKey: .scoreRate)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(String.self, forKey: .key)
        title = try c.decode(String.self, forKey: .title)
        responses = try c.decode(Int.self, forKey: .responses)
        right = try c.decode(Int.self, forKey: .right)
        partial = try c.decode(Int.self, forKey: .partial)
        unanswered = try c.decode(Int.self, forKey: .unanswered)
        earned = try c.decode(Double.self, forKey: .earned)
        possible = try c.decode(Double.self, forKey: .possible)
    }
}
