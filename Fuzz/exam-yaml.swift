import Foundation
import LawQuizCore

// libFuzzer harness: exam definition YAML (ExamDefinitionLoader and what listings compute).
// Built and run by scripts/fuzz (`make fuzz`); crashes are replayed by FuzzRegressionTests.

/// The shipped statutes (scripts/fuzz sets LAWQUIZ_STATUTES), so inputs reach the law checks.
private let library = ProcessInfo.processInfo.environment["LAWQUIZ_STATUTES"]
    .flatMap { try? LawLibrary.load(from: URL(fileURLWithPath: $0)) }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExamYAML(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    FuzzTarget.examYAML.run(data, library: library)
    return 0
}
