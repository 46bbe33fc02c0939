import Foundation
import LawQuizCore

/// Locations of the repository's exam data for the exam, paper and grading tests.
enum ExamTestPaths {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let questionBanks = repositoryRoot.appendingPathComponent("QuestionBanks")
}
