import Foundation
import LawQuizCore

// libFuzzer harness: roster CSV / tab-separated text in UTF-8, UTF-16 or GBK (RosterFile).
// Built and run by scripts/fuzz (`make fuzz`); crashes are replayed by FuzzRegressionTests.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRosterCSV(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    FuzzTarget.rosterCSV.run(data, library: nil)
    return 0
}
