/// Counts per bank, law, type and difficulty: what `bank list` reports so an
/// author can see the mix at a glance.
public struct BankSummary: Sendable, Codable, Equatable {
    public struct Row: Sendable, Codable, Equatable {
        public var bank: String
        public var title: String
        public var questions: Int
        public var byLaw: [String: Int]
        public var byType: [String: Int]
        public var byDifficulty: [String: Int]
    }

    public var banks: [Row]
    public var total: Row

    public init(catalog: BankCatalog) {
        banks = catalog.banks.map { Self.row(bank: $0.id, title: $0.title, questions: $0.questions) }
        total = Self.row(bank: "合计", title: "", questions: catalog.questions)
    }

    static func row(bank: String, title: String, questions: [Question]) -> Row {
        var byLaw: [String: Int] = [:]
        var byType: [String: Int] = [:]
        var byDifficulty: [String: Int] = [:]
        for question in questions {
            byLaw[question.lawID, default: 0] += 1
            byType[question.type.rawValue, default: 0] += 1
            byDifficulty[question.difficulty.map(String.init) ?? "unset", default: 0] += 1
        }
        return Row(bank: bank, title: title, questions: questions.count, byLaw: byLaw, byType: byType, byDifficulty: byDifficulty)
    }
}

/// Which articles of each law have at least one question: the measure of how
/// much of the law a bank can teach.
public struct BankCoverage: Sendable, Codable, Equatable {
    public struct LawCoverage: Sendable, Codable, Equatable {
        public var law: String
        public var shortName: String
        public var questions: Int
        public var articles: Int
        public var coveredArticles: Int
        public var coverage: Double
        public var uncovered: [Int]
    }

    public var laws: [LawCoverage]

    public init(catalog: BankCatalog) {
        laws = catalog.library.laws.map { law in
            let questions = catalog.questions.filter { $0.lawID == law.id }
            // Every cited article counts, so a case resting on a duty and a penalty covers both.
            let covered = Set(catalog.questions.flatMap(\.citations).filter { $0.lawID == law.id }.map(\.article))
            let uncovered = law.articles.map(\.number).filter { !covered.contains($0) }
            let coveredCount = law.articles.count - uncovered.count
            return LawCoverage(
                law: law.id, shortName: law.shortName, questions: questions.count, articles: law.articles.count,
                coveredArticles: coveredCount,
                coverage: law.articles.isEmpty ? 0 : Double(coveredCount) / Double(law.articles.count),
                uncovered: uncovered)
        }
    }
}
