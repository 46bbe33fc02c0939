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
        /// 得分率 as an exact fraction of hundredths of a point, for display
        /// with the one rounding rule of `Rate`.
        public var scoreShare: Rate { Rate(DecimalRounding.hundredths(earned), of: DecimalRounding.hundredths(possible)) }
    }

    public var rows: [Row]

    public init(rows: [Row] = []) { self.rows = rows }
}

/// Tallies marks per law and per type (fed per question by the item analysis).
public struct AccuracyAccumulator: Sendable {
    private var byLaw: [String: AccuracyBreakdown.Row] = [:]
    private var byType: [String: AccuracyBreakdown.Row] = [:]

    public init() {}

    public mutating func add(
        lawID: String, type: QuestionType, responses: Int, right: Int, partial: Int, unanswered: Int, earned: Double, possible: Double
    ) {
        for (key, isLaw) in [(lawID, true), (type.rawValue, false)] {
            var row = (isLaw ? byLaw[key] : byType[key]) ?? AccuracyBreakdown.Row(key: key, title: key)
            row.responses += responses
            row.right += right
            row.partial += partial
            row.unanswered += unanswered
            row.earned += earned
            row.possible += possible
            if isLaw { byLaw[key] = row } else { byType[key] = row }
        }
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
