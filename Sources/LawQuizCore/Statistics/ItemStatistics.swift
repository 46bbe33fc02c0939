import Foundation

/// Statistics of one question over the analysed attempts, as defined for
/// Moodle's quiz statistics report (x = mark on this question, X = mark on the
/// rest of the paper, T = total; variances and covariances divide by n − 1).
public struct ItemStatistics: Sendable, Hashable, Codable {
    public var questionID: String
    public var lawID: String
    public var article: Int?
    /// Further articles a case question cites (duty and penalty), after `article`.
    public var furtherArticles: [Int] = []
    public var type: QuestionType
    /// Times the question was drawn in the analysed attempts.
    public var drawn: Int
    /// Fully right answers.
    public var right: Int
    /// Facility index F = mean(x) / max mark (0…1): the share of the marks
    /// available that candidates earned. High means easy.
    public var facility: Double?
    /// Standard deviation of x as a fraction of the max mark.
    public var standardDeviation: Double?
    /// Discrimination index D = r(x, X): the correlation between the mark on
    /// this question and the mark on the rest of the paper (−1…1). Negative
    /// means weaker candidates did better on it than strong ones.
    public var discrimination: Double?
    /// Discriminative efficiency E = cov(x, X) / cov_max(x, X), where cov_max
    /// pairs the sorted marks of x with the sorted marks of X: how close D comes
    /// to the best this question's spread of marks allows (0…1).
    public var discriminativeEfficiency: Double?
    /// How many times each option was chosen (A–F, or 对/错), in bank letters.
    public var optionCounts: [Int]
    public var unanswered: Int
    /// Bank key as letters (or 对/错), for the report.
    public var answer: String
    public var flags: [ItemFlag]

    /// 第21条、第94条: every cited article, for the reports; nil when the article is unknown.
    public var articleText: String? {
        article.map { ([$0] + furtherArticles).map { "第\($0)条" }.joined(separator: "、") }
    }

    /// Option labels matching `optionCounts`.
    public var optionLabels: [String] { OptionBits.labels(for: type) }

    /// `A12 B300 C5 D8`: A–D always, E and F only when chosen.
    public var optionSummary: String {
        zip(optionLabels, optionCounts).enumerated().filter { $0.offset < 4 || $0.element.1 > 0 }
            .map { "\($0.element.0)\($0.element.1)" }.joined(separator: " ")
    }
}

/// Why a question deserves a bank author's attention.
public enum ItemFlag: String, Sendable, Hashable, Codable, CaseIterable {
    /// Facility at or above the easy threshold: it does not test anything.
    case almostAlwaysRight = "almost_always_right"
    /// Facility at or below the hard threshold: likely misleading or mis-keyed.
    case almostAlwaysWrong = "almost_always_wrong"
    /// Discrimination index below zero: the stronger candidates got it wrong more often.
    case negativelyDiscriminating = "negatively_discriminating"

    public var title: String {
        switch self {
        case .almostAlwaysRight: return "几乎全对"
        case .almostAlwaysWrong: return "几乎全错"
        case .negativelyDiscriminating: return "区分度为负"
        }
    }
}

/// Thresholds for the flags; the defaults follow the bands of Moodle's
/// documentation (facility ≥ 95% extremely easy, ≤ 5% extremely difficult or
/// something wrong with the question).
public struct ItemFlagThresholds: Sendable, Hashable, Codable {
    public var easy: Double
    public var hard: Double

    public init(easy: Double = 0.95, hard: Double = 0.05) {
        self.easy = easy
        self.hard = hard
    }

    public func flags(facility: Double?, discrimination: Double?) -> [ItemFlag] {
        var flags: [ItemFlag] = []
        if let facility, facility >= easy - 1e-12 { flags.append(.almostAlwaysRight) }
        if let facility, facility <= hard + 1e-12 { flags.append(.almostAlwaysWrong) }
        if let discrimination, discrimination < 0 { flags.append(.negativelyDiscriminating) }
        return flags
    }
}

/// Statistics of the whole paper, over the analysed attempts.
public struct TestStatistics: Sendable, Hashable, Codable {
    public var attempts: Int
    /// Positions on the paper (P in the formula below).
    public var positions: Int
    public var meanScore: Double?
    /// Sample standard deviation of the totals, SD(T).
    public var standardDeviation: Double?
    /// Coefficient of internal consistency (Cronbach's alpha):
    /// CIC = P/(P−1) · (1 − Σ V(x_p) / V(T)), over paper positions p, since
    /// each candidate gets a different random selection of questions.
    public var internalConsistency: Double?
    /// Error ratio ER = √(1 − CIC): the share of the spread that is noise.
    public var errorRatio: Double?
    /// Standard error SE = ER · SD(T): how far a score may be off, in points.
    public var standardError: Double?
}

/// The item analysis of one exam.
public struct ItemAnalysis: Sendable, Hashable, Codable {
    public var test: TestStatistics
    /// By question id.
    public var items: [ItemStatistics]
    public var thresholds: ItemFlagThresholds

    public var flagged: [ItemStatistics] { items.filter { !$0.flags.isEmpty } }
}
