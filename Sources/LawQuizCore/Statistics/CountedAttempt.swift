import Foundation

/// How a make-up exam (补考) merges with the exam it makes up for.
public enum MakeupRule: String, Sendable, Hashable, CaseIterable, Codable {
    /// The better of the two counted results (default): a make-up can only help.
    case higher
    /// A make-up result, when there is one, replaces the main exam's.
    case replace

    /// 取较高分 / 补考成绩替代.
    public var title: String {
        switch self {
        case .higher: return "取正考与补考中较高分"
        case .replace: return "有补考成绩时以补考成绩为准"
        }
    }
}

/// The attempt that counts for one person, with what is needed to say why
/// it was chosen, so every report and export can say which attempt counted.
public struct CountedAttempt: Sendable, Hashable {
    public var attempt: ReportAttempt
    /// 1-based position of the counted attempt among the person's attempts at its exam, oldest first.
    public var ordinal: Int
    /// Submitted attempts at the main exam.
    public var mainAttempts: Int
    /// Submitted attempts at make-up exams.
    public var makeupAttempts: Int
    /// The rules that chose it, and the other side's score when a make-up was merged.
    public var counting: AttemptCounting
    public var makeupCounting: AttemptCounting
    public var makeupRule: MakeupRule
    /// When both the main exam and a make-up were sat: the counted result of the other one.
    public var otherScore: Double?
    public var otherOrdinal: Int?

    public var totalAttempts: Int { mainAttempts + makeupAttempts }
    public var isMakeup: Bool { attempt.source == .makeup }

    /// 计分方式 as shown in exports, e.g. `最高分：第2次（共3次）`, built on
    /// demand (100,000 of them are rarely all needed).
    public var explanation: String {
        let own = isMakeup ? makeupAttempts : mainAttempts
        let text = AttemptSelector.describe(isMakeup ? makeupCounting : counting, ordinal, own, prefix: "")
        guard let otherScore else { return isMakeup ? "补考" + text + "（未参加正考）" : text }
        let ruleText = makeupRule == .higher ? "取较高分" : "补考替代"
        return isMakeup
            ? "补考\(text)（\(ruleText)，正考 \(ScoreFormat.text(otherScore)) 分）"
            : "正考\(text)（\(ruleText)，补考 \(ScoreFormat.text(otherScore)) 分）"
    }
}

/// Chooses each person's counted attempt: the exam's counting rule within the
/// main exam and within its make-ups, then the make-up rule between the two.
public struct AttemptSelector: Sendable {
    public var counting: AttemptCounting
    public var makeupCounting: AttemptCounting
    public var makeupRule: MakeupRule

    public init(counting: AttemptCounting = .highest, makeupCounting: AttemptCounting = .highest, makeupRule: MakeupRule = .higher) {
        self.counting = counting
        self.makeupCounting = makeupCounting
        self.makeupRule = makeupRule
    }

    /// The attempt one side (the main exam, or its make-ups) chose by its
    /// counting rule: its 1-based place among the side's attempts by start,
    /// and how many the side has. The store's window query yields these directly.
    public struct SidePick: Sendable, Hashable {
        public var attempt: ReportAttempt
        public var ordinal: Int
        public var count: Int

        public init(attempt: ReportAttempt, ordinal: Int, count: Int) {
            self.attempt = attempt
            self.ordinal = ordinal
            self.count = count
        }
    }

    /// The counted attempt of one person, or nil when they submitted none.
    public func select(main: [ReportAttempt], makeup: [ReportAttempt]) -> CountedAttempt? {
        merge(main: pick(main, rule: counting), makeup: pick(makeup, rule: makeupCounting))
    }

    /// Chooses between the two sides' picks by the make-up rule.
    public func merge(main mainPick: SidePick?, makeup makeupPick: SidePick?) -> CountedAttempt? {
        var chosen: SidePick
        var other: SidePick?
        switch (mainPick, makeupPick) {
        case (nil, nil):
            return nil
        case (let only?, nil), (nil, let only?):
            chosen = only
        case (let first?, let second?):
            let useMakeup = makeupRule == .replace || second.attempt.score > first.attempt.score
            chosen = useMakeup ? second : first
            other = useMakeup ? first : second
        }
        return CountedAttempt(
            attempt: chosen.attempt, ordinal: chosen.ordinal, mainAttempts: mainPick?.count ?? 0, makeupAttempts: makeupPick?.count ?? 0,
            counting: counting, makeupCounting: makeupCounting, makeupRule: makeupRule, otherScore: other?.attempt.score,
            otherOrdinal: other?.ordinal)
    }

    private func pick(_ attempts: [ReportAttempt], rule: AttemptCounting) -> SidePick? {
        if attempts.count == 1 { return SidePick(attempt: attempts[0], ordinal: 1, count: 1) }
        guard !attempts.isEmpty else { return nil }
        let ordered = attempts.sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
        guard let chosen = rule.select(ordered, startedAt: \.startedAt, score: \.score),
            let index = ordered.firstIndex(where: { $0.id == chosen.id })
        else { return nil }
        return SidePick(attempt: chosen, ordinal: index + 1, count: attempts.count)
    }

    /// `最高分：第2次（共3次）`; `第1次（共1次）` when there was one attempt.
    static func describe(_ rule: AttemptCounting, _ ordinal: Int, _ count: Int, prefix: String) -> String {
        if count == 1 { return prefix + "第1次（共1次）" }
        return prefix + "\(rule.reportTitle)：第\(ordinal)次（共\(count)次）"
    }
}

extension AttemptCounting {
    /// 最高分 / 首次 / 末次, as reports name the rule.
    public var reportTitle: String {
        switch self {
        case .highest: return "最高分"
        case .first: return "首次"
        case .last: return "末次"
        }
    }
}

/// Scores printed without a trailing `.0` and with at most two decimals,
/// rounded half up (`DecimalRounding`).
public enum ScoreFormat {
    public static func text(_ value: Double) -> String {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text(value)`'s bytes from the hundredths, digit by digit (an
    /// export prints one score per row): `92.5`, `60`, `-0.05`.
    public static func append(_ value: Double, to bytes: inout [UInt8]) {
        let scaled = DecimalRounding.scaled(value, places: 2)
        if scaled < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = scaled.magnitude
        JSONText.append(integer: Int64(magnitude / 100), to: &bytes)
        let fraction = UInt8(magnitude % 100)
        guard fraction != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(ascii: "0") + fraction / 10)
        if fraction % 10 != 0 { bytes.append(UInt8(ascii: "0") + fraction % 10) }
    }

    /// One decimal, rounded half up, for means and standard deviations.
    public static func oneDecimal(_ value: Double) -> String { DecimalRounding.text(DecimalRounding.scaled(value, places: 1), places: 1) }
}
