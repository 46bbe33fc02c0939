import Foundation
import LawQuizCore

// libFuzzer harness: roster .xlsx workbooks (zip, XML, sheet cells: RosterWorkbook).
// Built and run by scripts/fuzz (`make fuzz`); crashes are replayed by FuzzRegressionTests.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRosterXLSX(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    FuzzTarget.rosterXLSX.run(data, library: nil)
    return 0
}
