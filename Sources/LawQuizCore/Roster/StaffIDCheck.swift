import Foundation

/// A 工号 given on the command line or typed at a prompt is refused when it
/// holds control or invisible format characters: it would be stored with the
/// attempt and later printed to administrators' terminals, and two 工号 that
/// look the same must not be two people.
public struct StaffIDError: LocalizedError, Sendable, Equatable {
    public var problem: String

    public var errorDescription: String? {
        "工号含有\(problem)，已拒绝。请输入花名册上的工号（只含可见字符）。"
    }
}

public enum StaffIDCheck {
    /// Throws `StaffIDError` when `staffID` holds a character no 工号 may have.
    public static func validate(_ staffID: String) throws {
        if let problem = TerminalText.invisibleCharacterDescription(inIdentifier: staffID) {
            throw StaffIDError(problem: problem)
        }
    }
}
