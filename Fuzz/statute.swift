import Foundation
import LawQuizCore

// libFuzzer harness: statute Markdown (StatuteParser, article rendering, search).
// Built and run by scripts/fuzz (`make fuzz`); crashes are replayed by FuzzRegressionTests.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStatute(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    FuzzTarget.statute.run(data, library: nil)
    return 0
}
