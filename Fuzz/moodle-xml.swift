import Foundation
import LawQuizCore

// libFuzzer harness: Moodle XML question files (XMLEventReader, XMLTree, MoodleXMLReader),
// read against the shipped statutes. Built and run by scripts/fuzz (`make fuzz`);
// crashes are replayed by FuzzRegressionTests.

/// The shipped statutes (scripts/fuzz sets LAWQUIZ_STATUTES), so questions reach the article look-ups.
private let library = ProcessInfo.processInfo.environment["LAWQUIZ_STATUTES"]
    .flatMap { try? LawLibrary.load(from: URL(fileURLWithPath: $0)) }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMoodleXML(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    FuzzTarget.moodleXML.run(data, library: library)
    return 0
}
