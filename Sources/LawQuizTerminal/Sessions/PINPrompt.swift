import Foundation

/// The second step at a shared console, after the 工号: the person's PIN,
/// read without echo by `read` (given the prompt; nil when input ends) and
/// checked by `verify` (工号, PIN), which throws when it is refused.
public struct PINPrompt {
    public let read: (String) -> String?
    public let verify: (String, String) throws -> Void

    public init(read: @escaping (String) -> String?, verify: @escaping (String, String) throws -> Void) {
        self.read = read
        self.verify = verify
    }
}
