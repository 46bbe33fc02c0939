import Foundation

extension ResultsStore {
    /// Who started an attempt for someone else (an administrator's `--staff`).
    public func recordProctor(attemptID: Int64, login: String) throws {
        _ = try write { db in
            try db.execute("UPDATE attempt SET proctor_login = ? WHERE id = ?", login, attemptID)
        }
    }
}
