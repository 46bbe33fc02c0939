import Foundation
import LawQuizCore

// libFuzzer harness: a line typed at a question (AnswerInput).
// Built and run by scripts/fuzz (`make fuzz`); crashes are replayed by FuzzRegressionTests.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnswerInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    FuzzTarget.answerInput.run(data, library: nil)
    return 0
}
