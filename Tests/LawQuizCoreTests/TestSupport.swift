import Foundation
import LawQuizCore

/// Locations of the repository's data for tests.
enum TestPaths {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let questionBanks = repositoryRoot.appendingPathComponent("QuestionBanks")
    static let statutes = questionBanks.appendingPathComponent("statutes")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func library() throws -> LawLibrary {
        try LawLibrary.load(from: statutes)
    }
}
