import Foundation
import LawQuizCore

/// Exit statuses of `lawquiz`, documented in the README; keep them stable.
enum ExitStatus: Int32 {
    case success = 0
    /// Problems were found (e.g. `bank lint` on a dirty bank).
    case problemsFound = 1
    /// Input could not be read or the request was wrong (unknown law, bad file).
    case badInput = 2
    /// An exam was left in progress (end of input, :q, hang-up); it can be resumed.
    case leftInProgress = 3
    /// The results store could not be opened or written.
    case storeFailure = 4

    /// The status for an error thrown out of a command; store errors map to
    /// `storeFailure` through their type name so this file need not know them.
    static func `for`(_ error: Error) -> ExitStatus {
        String(describing: type(of: error)).contains("Store") ? .storeFailure : .badInput
    }
}
