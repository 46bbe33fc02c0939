import Foundation

/// The figures an office reports upward, each rate with both its numerator
/// and denominator. 合格率 and 优秀率 are given over 参考人数 and over
/// 应考人数, because offices use both and mixing them is the usual mistake.
public struct ParticipationSummary: Sendable, Hashable, Codable {
    /// 应考人数: active roster members the exam applies to, less exemptions.
    public var required: Int
    /// 参考人数: required people with at least one submitted attempt.
    public var sat: Int
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
        var sat = 0, passed = 0, excellent = 0, exempt = 0, required = 0, uncounted = 0, makeup = 0
        var scores: [Double] = []
        var unitsRequired = Set<Int>(), unitsSat = Set<Int>()
        for outcome in outcomes.people {
            if case .exempt = outcome.status { exempt += 1 }
            guard outcome.isRequired else {
                if outcome.counted != nil { uncounted += 1 }
                continue
            }
            required += 1
            unitsRequired.insert(outcome.person.departmentKey)
            guard let counted = outcome.counted else { continue }
            sat += 1
            unitsSat.insert(outcome.person.departmentKey)
            scores.append(counted.attempt.score)
            if counted.attempt.passed { passed += 1 }
            if counted.attempt.excellent { excellent += 1 }
            if counted.isMakeup { makeup += 1 }
        }
        self.required = required
        self.sat = sat
        self.passed = passed
        self.excellent = excellent
        self.exempt = exempt
        self.uncountedSitters = uncounted + outcomes.unknownStaff.count
        self.countedFromMakeup = makeup
        self.unitsRequired = unitsRequired.count
        self.unitsSat = unitsSat.count
        self.scores = ScoreSummary(scores: scores)
        self.histogram = ScoreHistogram(scores: scores, fullMarks: fullMarks)
    }

    private enum CodingKeys: String, CodingKey {
        case required, sat, absent, passed, excellent, exempt, uncountedSitters, countedFromMakeup, unitsRequired, unitsSat
        case participationRate, passRateOfSat, passRateOfRequired, excellenceRateOfSat, excellenceRateOfRequired, unitRate
        case scores, histogram
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(required, forKey: .required)
        try c.encode(sat, forKey: .sat)
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
