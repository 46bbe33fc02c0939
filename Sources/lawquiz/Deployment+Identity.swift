import Foundation
import LawQuizCore
import LawQuizStore
import LawQuizTerminal

/// Whose sitting, practice or history this run is.
enum StaffChoice: Equatable {
    /// Known without asking: the login's roster entry, or an administrator's
    /// `--staff` (then `proctor` is the administrator's login).
    case fixed(staffID: String, proctor: String?)
    /// Asked for at the prompt and confirmed (a clone; an administrator with
    /// no roster entry of their own).
    case asked
    /// A shared console's login: 工号 asked, then that person's PIN.
    case askedWithPIN
}

extension Deployment {
    /// Installed, the real user's login decides who sits: their roster entry
    /// (登录名), or 工号 + PIN on a shared-console login; `--staff` is for
    /// administrators only. In a clone, `--staff` or the prompt as before.
    func staffChoice(requested: String?, command: String, store: ResultsStore) throws -> StaffChoice {
        guard installed else { return requested.map { .fixed(staffID: $0, proctor: nil) } ?? .asked }
        if let requested {
            try requireAdministrator("\(command) --staff")
            return .fixed(staffID: requested.trimmingCharacters(in: .whitespaces), proctor: identity.login)
        }
        if let member = try store.staffMember(loginName: identity.login) {
            return .fixed(staffID: member.staffID, proctor: nil)
        }
        if config?.sharedLogins.contains(identity.login) == true { return .askedWithPIN }
        if isAdministrator { return .asked }
        throw DeploymentError.loginNotOnRoster(login: identity.login)
    }

    /// Whose records a person-scoped listing (history, progress, law show
    /// --staff) shows: installed staff see only their own (`--staff` is for
    /// administrators); in a clone, or for an administrator, what was asked
    /// (nil: everyone, or nobody in particular).
    func ownStaffID(requested: String?, command: String, store: ResultsStore) throws -> String? {
        guard installed, !isAdministrator else { return requested }
        switch try staffChoice(requested: requested, command: command, store: store) {
        case .fixed(let staffID, _): return staffID
        case .asked, .askedWithPIN: throw DeploymentError.loginNotOnRoster(login: identity.login)
        }
    }

    /// The PIN step for `.askedWithPIN`: read without echo on a terminal
    /// (through `reader` when input is a pipe), checked by `PINService`.
    func pinPrompt(choice: StaffChoice, store: ResultsStore, reader: LineReader) -> PINPrompt? {
        guard choice == .askedWithPIN else { return nil }
        let login = identity.login
        return PINPrompt(
            read: { prompt in SecretInput.readLine(prompt: prompt, fallback: reader) },
            verify: { staffID, pin in try PINService(store: store).verify(pin, staffID: staffID, login: login) })
    }
}
