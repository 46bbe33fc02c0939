import Foundation

/// Finds the `QuestionBanks` and `Results` folders so `lawquiz` works from the
/// project folder, from any sub-folder, and when started by path from elsewhere.
public struct ProjectPaths: Sendable {
    /// Folder holding statutes/, banks/ and exams/.
    public var questionBanks: URL
    /// The results database file (SQLite); unused when `resultsServer` is set.
    public var resultsDatabase: URL
    /// A `postgres://` / `postgresql://` URL when results live in a
    /// PostgreSQL server shared by several exam hosts (never with a password).
    public var resultsServer: String?
    /// The audit chain's key for a server store (every host needs the same
    /// file); an SQLite store keeps its key beside the file.
    public var serverAuditKey: URL?
    /// A file holding the server password (the installed config's
    /// `store_password_file`); otherwise PGPASSWORD or ~/.pgpass.
    public var serverPasswordFile: URL?

    public init(questionBanks: URL, resultsDatabase: URL, resultsServer: String? = nil) {
        self.questionBanks = questionBanks
        self.resultsDatabase = resultsDatabase
        self.resultsServer = resultsServer
    }

    /// Whether a `--results` value names a PostgreSQL server rather than a file.
    public static func isServerURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// Where the results are, for messages: the server URL or the file path.
    public var resultsDescription: String { resultsServer ?? resultsDatabase.path }

    /// Applies a `--results` / `LAWQUIZ_RESULTS` / config value: a server URL,
    /// or a file path relative to `base`. A server store's audit key defaults
    /// to `Results/postgres-HOST-PORT-DB.key` beside the banks
    /// (`LAWQUIZ_AUDIT_KEY` names another file).
    public mutating func setResults(_ text: String, relativeTo base: URL, auditKey: String? = nil) {
        // The configured password file belongs to the configured server: an
        // administrator's `--results` elsewhere must not send it there.
        if text != resultsServer { serverPasswordFile = nil }
        guard Self.isServerURL(text) else {
            resultsDatabase = URL(fileURLWithPath: text, relativeTo: base).standardizedFileURL
            resultsServer = nil
            serverAuditKey = nil
            return
        }
        // The same server again (store copy naming the configured store) keeps its key.
        if text == resultsServer, auditKey == nil, serverAuditKey != nil { return }
        resultsServer = text
        if let auditKey, !auditKey.isEmpty {
            serverAuditKey = URL(fileURLWithPath: auditKey, relativeTo: base).standardizedFileURL
        } else {
            let name = text.split(separator: "?", maxSplits: 1).first.map(String.init) ?? text
            let safe = String(name.drop { $0 != "/" }.dropFirst(2).map { $0.isLetter || $0.isNumber || $0 == "." ? $0 : "-" })
            serverAuditKey = questionBanks.deletingLastPathComponent().appendingPathComponent("Results/postgres-\(safe).key")
        }
    }

    /// Resolution order for the banks: explicit option, `LAWQUIZ_BANKS`, a
    /// `QuestionBanks` folder in the working directory or a parent, then one
    /// beside the executable's project. Results: option, `LAWQUIZ_RESULTS`,
    /// then `Results/lawquiz.sqlite` beside the banks folder.
    public static func resolve(
        banks: String?, results: String?, environment: [String: String], workingDirectory: String,
        executablePath: String
    ) -> ProjectPaths {
        let banksURL: URL
        if let banks {
            banksURL = URL(fileURLWithPath: banks, relativeTo: URL(fileURLWithPath: workingDirectory)).standardizedFileURL
        } else if let fromEnvironment = environment["LAWQUIZ_BANKS"], !fromEnvironment.isEmpty {
            banksURL = URL(fileURLWithPath: fromEnvironment).standardizedFileURL
        } else {
            let starts = [workingDirectory, (executablePath as NSString).deletingLastPathComponent]
            banksURL = starts.lazy.compactMap(findUpwards).first
                ?? URL(fileURLWithPath: workingDirectory).appendingPathComponent("QuestionBanks")
        }
        var paths = ProjectPaths(
            questionBanks: banksURL, resultsDatabase: banksURL.deletingLastPathComponent().appendingPathComponent("Results/lawquiz.sqlite"))
        if let given = results ?? environment["LAWQUIZ_RESULTS"].flatMap({ $0.isEmpty ? nil : $0 }) {
            paths.setResults(given, relativeTo: URL(fileURLWithPath: workingDirectory), auditKey: environment["LAWQUIZ_AUDIT_KEY"])
        }
        return paths
    }

    private static func findUpwards(from start: String) -> URL? {
        var directory = URL(fileURLWithPath: start).standardizedFileURL
        for _ in 0..<8 {
            let candidate = directory.appendingPathComponent("QuestionBanks")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("statutes").path, isDirectory: &isDirectory),
                isDirectory.boolValue
            {
                return candidate
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        return nil
    }

    public var statutes: URL { questionBanks.appendingPathComponent("statutes") }
    public var banks: URL { questionBanks.appendingPathComponent("banks") }
    public var exams: URL { questionBanks.appendingPathComponent("exams") }
}
