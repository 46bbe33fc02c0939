import Foundation
import LawQuizCore
@testable import LawQuizStore
import XCTest

/// Prints how long committing one answer takes (issue target: median under
/// 5 ms). A figure, not a timed assertion: only correctness is asserted.
final class AnswerCommitTimingTests: StoreTestCase {
    func testAnswerCommitTimes() throws {
        let store = try openStore()
        let service = AttemptService(store: store, catalog: try StoreTestCatalog.get(), makeSeed: { 3 })
        let exam = try ExamDefinitionLoader.load(
            file: StoreTestCatalog.root.appendingPathComponent("exams/2023-annual.yaml").path, library: try StoreTestCatalog.get().library)
        guard case .session(let sitting) = try service.begin(exam: exam, staffID: "bench") else { return XCTFail() }
        var samples: [Double] = []
        for round in 0..<4 {
            for item in sitting.items {
                let answer = round.isMultiple(of: 2) ? item.question.answer : Self.wrongAnswer(item)
                let start = DispatchTime.now().uptimeNanoseconds
                try service.recordAnswer(answer, attemptID: sitting.attempt.id, itemIndex: item.item.index)
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            }
        }
        samples.sort()
        let median = samples[samples.count / 2]
        let p99 = samples[min(samples.count - 1, Int(Double(samples.count) * 0.99))]
        print(String(format: "answer commit (synchronous=FULL, %d answers): median %.2f ms, p99 %.2f ms", samples.count, median, p99))
        let saved = try store.responses(attemptID: sitting.attempt.id)
        XCTAssertEqual(saved.count, sitting.items.count)
        XCTAssertTrue(sitting.items.allSatisfy { saved[$0.item.index]?.answer == Self.wrongAnswer($0) }, "the last round's answers are stored")
    }
}
