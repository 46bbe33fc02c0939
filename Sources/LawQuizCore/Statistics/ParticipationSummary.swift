import Foundation

/// The figures an office reports upward, each rate with both its numerator
/// and denominator. 合格率 and 优秀率 are given over 参考人数 and over
/// 应考人数, because offices use both and mixing them is the usual mistake.
public struct ParticipationSummary: Sendable, Hashable, Codable {
    /// 应考人数: active roster members the exam applies to, less exemptions.
    public var required: Int
    /// 参考人数: required people with at least one submitted attempt.
    public var sat: Int
    /// Of 参考人数, those whose counted attempt was a paper one (线下); the
    /// rest sat online (线上).
    public var satOnPaper: Int
    /// 合格人数 / 优秀人数 from each person's counted attempt (cut-offs inclusive).
    public var passed: Int
    public var excellent: Int
    /// 免考人数 (listed in the exam's exemptions and otherwise required).
    public var exempt: Int
    /// Submitted attempts by people who were not required (left the roster,
    /// exempt, outside the exam's departments, or not on the roster): shown, never counted.
    public var uncountedSitters: Int
    /// People whose counted attempt is a make-up.
    public var countedFromMakeup: Int
    /// 应参考单位数 / 实际参考单位数: departments with required staff of their own, and those where one of them sat.
    public var unitsRequired: Int
    public var unitsSat: Int
    public var scores: ScoreSummary?
    public var histogram: ScoreHistogram

    public var absent: Int { required - sat }
    /// 参考率 = 参考人数 / 应考人数.
    public var participationRate: Rate { Rate(sat, of: required) }
    public var passRateOfSat: Rate { Rate(passed, of: sat) }
    public var passRateOfRequired: Rate { Rate(passed, of: required) }
    public var excellenceRateOfSat: Rate { Rate(excellent, of: sat) }
    public var excellenceRateOfRequired: Rate { Rate(excellent, of: required) }
    public var unitRate: Rate { Rate(unitsSat, of: unitsRequired) }

    public init(outcomes: ExamOutcomes, fullMarks: Double) {
        var distribution = ScoreDistribution()
        for outcome in outcomes.people where outcome.isRequired {
            if let counted = outcome.counted { distribution.add(hundredths: DecimalRounding.hundredths(counted.attempt.score)) }
        }
        self.init(
            counts: DepartmentCounts.byDepartment(outcomes), distribution: distribution, unknownSitters: outcomes.unknownStaff.count,
            fullMarks: fullMarks)
    }

    /// The figures from each department's own counts and the distribution of
    /// counted scores (of required people); `unknownSitters` are people with a
    /// counted attempt who are not on the roster at all.
    public init(counts: [DepartmentPath: DepartmentCounts], distribution: ScoreDistribution, unknownSitters: Int, fullMarks: Double) {
        var total = DepartmentCounts()
        var unitsRequired = 0, unitsSat = 0
        for entry in counts.values {
            total.merge(entry)
            if entry.required > 0 { unitsRequired += 1 }
            if entry.sat > 0 { unitsSat += 1 }
        }
        required = total.required
        sat = total.sat
        satOnPaper = total.satOnPaper
        passed = total.passed
        excellent = total.excellent
        exempt = total.exempt
        uncountedSitters = total.uncountedSitters + unknownSitters
        countedFromMakeup = total.countedFromMakeup
        self.unitsRequired = unitsRequired
        self.unitsSat = unitsSat
        scores = ScoreSummary(distribution: distribution)
        histogram = ScoreHistogram(distribution: distribution, fullMarks: fullMarks)
    }

    private enum CodingKeys: String, CodingKey {
        case required, sat, satOnPaper, absent, passed, excellent, exempt, uncountedSitters, countedFromMakeup, unitsRequired, unitsSat
        case participationRate, passRateOfSat, passRateOfRequired, excellenceRateOfSat, excellenceRateOfRequired, unitRate
        case scores, histogram
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(required, forKey: .required)
        try c.encode(sat, forKey: .sat)
        try c.encode(satOnPaper, forKey: .satOnPaper)
        try c.encode(absent, forKey: .absent)
        try c.encode(passed, forKey: .passed)
        try c.encode(excellent, forKey: .excellent)
        try c.encode(exempt, forKey: .exempt)
        try c.encode(uncountedSitters, forKey: .uncountedSitters)
        try c.encode(countedFromMakeup, forKey: .countedFromMakeup)
        try c.encode(unitsRequired, forKey: .unitsRequired)
        try c.encode(unitsSat, forKey: .unitsSat)
        try c.encode(participationRate, forKey: .participationRate)
        try c.encode(passRateOfSat, forKey: .passRateOfSat)
        try c.encode(passRateOfRequired, forKey: .passRateOfRequired)
        try c.encode(excellenceRateOfSat, forKey: .excellenceRateOfSat)
        try c.encode(excellenceRateOfRequired, forKey: .excellenceRateOfRequired)
        try c.encode(unitRate, forKey: .unitRate)
        try c.encodeIfPresent(scores, forKey: .scores)
        try c.encode(histogram, forKey: .histogram)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        required = try c.decode(Int.self, forKey: .required)
        sat = try c.decode(Int.self, forKey: .sat)
        satOnPaper = try c.decodeIfPresent(Int.self, forKey: .satOnPaper) ?? 0
        passed = try c.decode(Int.self, forKey: .passed)
        excellent = try c.decode(Int.self, forKey: .excellent)
        exempt = try c.decode(Int.self, forKey: .exempt)
        uncountedSitters = try c.decode(Int.self, forKey: .uncountedSitters)
        countedFromMakeup = try c.decode(Int.self, forKey: .countedFromMakeup)
        unitsRequired = try c.decode(Int.self, forKey: .unitsRequired)
        unitsSat = try c.decode(Int.self, forKey: .unitsSat)
        scores = try c.decodeIfPresent(ScoreSummary.self, forKey: .scores)
        histogram = try c.decode(ScoreHistogram.self, forKey: .histogram)
    }
}
