import Foundation
import LawQuizCore
import LawQuizStore

/// Exit statuses of `lawquiz`, documented in the README; keep them stable.
enum ExitStatus: Int32 {
    case success = 0
    /// Problems were found (e.g. `bank lint` on a dirty bank).
    case problemsFound = 1
    /// Input could not be read or the request was wrong (unknown law, bad
    /// file, a `store copy` onto a target that holds data without `--replace`).
    case badInput = 2
    /// An exam was left in progress (end of input, :q, hang-up); it can be resumed.
    case leftInProgress = 3
    /// The results store could not be opened or written.
    case storeFailure = 4
    /// Installed mode refused: an administrator's command, option or variable
    /// used by someone else (EX_NOPERM from sysexits.h).
    case notPermitted = 77

    /// The status for an error thrown out of a command; store errors map to
    /// `storeFailure` through their type name so this file need not know them.
    static func `for`(_ error: Error) -> ExitStatus {
        if let refusal = error as? DeploymentError, refusal.isPermissionRefusal { return .notPermitted }
        if let pin = error as? PINError, pin.isRefusal { return .notPermitted }
        if let copy = error as? StoreCopyError, copy.isRefusal { return .badInput }
        return String(describing: type(of: error)).contains("Store") ? .storeFailure : .badInput
    }
}
