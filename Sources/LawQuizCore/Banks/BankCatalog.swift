import Foundation

/// What an exam or practice session draws from: the laws plus every bank
/// question that passes lint, so a broken question never reaches a paper.
public struct BankCatalog: Sendable {
    public let library: LawLibrary
    public let banks: [QuestionBank]
    /// Where each question that passed every lint check is in `banks`, by
    /// id: positions, not copies of the questions (copying 607 questions,
    /// every text and list of them retained, was 1% of a warm start).
    private let positions: [String: QuestionPosition]
    /// Problems found while loading; the affected questions are left out.
    public let diagnostics: [BankDiagnostic]

    public init(library: LawLibrary, collection: BankCollection) {
        self.library = library
        let diagnostics = BankLinter(library: library).lint(collection)
        let broken = Set(diagnostics.map { "\($0.file):\($0.line)" })
        var byID: [String: Question] = [:]
        var banks: [QuestionBank] = []
        for var bank in collection.banks {
            bank.questions = bank.questions.filter { question in
                !broken.contains(question.source.description) && byID[question.id] == nil
            }
            for question in bank.questions {
                var normalized = question
                if let law = library.law(named: question.lawID) { normalized.lawID = law.id }
                for index in normalized.furtherCitations.indices {
                    if let law = library.law(named: normalized.furtherCitations[index].lawID) {
                        normalized.furtherCitations[index].lawID = law.id
                    }
                }
                byID[question.id] = normalized
            }
            bank.questions = bank.questions.compactMap { byID[$0.id] }
            banks.append(bank)
        }
        self.banks = banks
        positions = Self.positions(of: banks)
        self.diagnostics = diagnostics
    }

    /// Restores a catalog saved by `CatalogCache`: the banks were linted when
    /// it was made, so no lint runs here.
    init(library: LawLibrary, linted banks: [QuestionBank], diagnostics: [BankDiagnostic]) {
        self.library = library
        self.banks = banks
        positions = Self.positions(of: banks)
        self.diagnostics = diagnostics
    }

    /// Every question's place, the last of a repeated id winning (ids are unique once linted).
    private static func positions(of banks: [QuestionBank]) -> [String: QuestionPosition] {
        var positions: [String: QuestionPosition] = [:]
        // Sized once: growing it rehashed every question about ten times at each start.
        positions.reserveCapacity(banks.reduce(0) { $0 + $1.questions.count })
        for (bank, questions) in banks.lazy.map(\.questions).enumerated() {
            for index in questions.indices { positions[questions[index].id] = QuestionPosition(bank: bank, index: index) }
        }
        return positions
    }

    /// Loads statutes and banks from a `QuestionBanks` folder (statutes/ and banks/ inside).
    public static func load(root: URL) throws -> BankCatalog {
        let library = try LawLibrary.load(from: root.appendingPathComponent("statutes"))
        let collection = BankLoader.load(paths: [root.appendingPathComponent("banks").path])
        return BankCatalog(library: library, collection: collection)
    }

    /// All usable questions in bank order.
    public var questions: [Question] { banks.flatMap(\.questions) }

    public func question(_ id: String) -> Question? {
        guard let position = positions[id] else { return nil }
        return banks[position.bank].questions[position.index]
    }
}

/// A question's bank and index in `BankCatalog.banks`.
private struct QuestionPosition: Sendable {
    let bank: Int
    let index: Int
}
