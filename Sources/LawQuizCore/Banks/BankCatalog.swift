import Foundation

/// What an exam or practice session draws from: the laws plus every bank
/// question that passes lint, so a broken question never reaches a paper.
public struct BankCatalog: Sendable {
    public let library: LawLibrary
    public let banks: [QuestionBank]
    /// Questions that passed every lint check, keyed by id.
    public let questionsByID: [String: Question]
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
        self.questionsByID = byID
        self.diagnostics = diagnostics
    }

    /// Restores a catalog saved by `CatalogCache`: the banks were linted when
    /// it was made, so no lint runs here.
    init(library: LawLibrary, linted banks: [QuestionBank], diagnostics: [BankDiagnostic]) {
        self.library = library
        self.banks = banks
        var byID: [String: Question] = [:]
        // Sized once: growing it rehashed every question about ten times at each start.
        byID.reserveCapacity(banks.reduce(0) { $0 + $1.questions.count })
        for bank in banks {
            for question in bank.questions { byID[question.id] = question }
        }
        self.questionsByID = byID
        self.diagnostics = diagnostics
    }

    /// Loads statutes and banks from a `QuestionBanks` folder (statutes/ and banks/ inside).
    public static func load(root: URL) throws -> BankCatalog {
        let library = try LawLibrary.load(from: root.appendingPathComponent("statutes"))
        let collection = BankLoader.load(paths: [root.appendingPathComponent("banks").path])
        return BankCatalog(library: library, collection: collection)
    }

    /// All usable questions in bank order.
    public var questions: [Question] { banks.flatMap(\.questions) }

    public func question(_ id: String) -> Question? { questionsByID[id] }
}
