import Foundation
import Crypto
import LawQuizCore

/// Opening the store a command's paths name: the SQLite file, or the
/// PostgreSQL server of `--results postgres://…` / `LAWQUIZ_RESULTS` / the
/// installed config's `store:`. The only place that picks an engine.
extension ResultsStore {
    /// Opens and migrates the store. `environment` supplies PGPASSWORD,
    /// PGPASSFILE and HOME for a server store (installed mode passes none:
    /// only its root-owned password file counts).
    public static func open(
        _ paths: ProjectPaths, environment: [String: String] = ProcessInfo.processInfo.environment,
        busyTimeout: TimeInterval = ResultsStore.busyTimeout
    ) throws -> ResultsStore {
        guard let server = paths.resultsServer else { return try ResultsStore(path: paths.resultsDatabase, busyTimeout: busyTimeout) }
        let keyPath = AuditKeyTransfer.keyPath(paths)
        do {
            try FileManager.default.createDirectory(at: keyPath.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw StoreError.cannotCreateFolder(path: keyPath.deletingLastPathComponent().path, reason: error.localizedDescription)
        }
        let engine = try PostgresEngine(
            url: server, password: try serverPassword(paths), environment: environment)
        let key = try AuditKeyFile.loadOrCreate(keyPath: keyPath, store: engine.location) { try chainEntries(engine) }
        try engine.migrate { identifier, db in
            if identifier == "v3-audit-chain" { try AuditChain.start(db, key: key) }
        }
        return ResultsStore(engine: engine, auditKey: key)
    }

    /// How many audit entries the store holds (0 before its first migration):
    /// whether a missing key file may be created (see `AuditKeyFile`).
    static func chainEntries(_ engine: any StoreEngine) throws -> Int {
        try engine.read { db in
            try db.tableExists("audit_entry") ? db.value(Int.self, "SELECT COUNT(*) FROM audit_entry") ?? 0 : 0
        }
    }

    /// The password in the installed config's `store_password_file` (first line).
    static func serverPassword(_ paths: ProjectPaths) throws -> String? {
        guard let file = paths.serverPasswordFile else { return nil }
        guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
            throw StoreError.authentication(path: paths.resultsDescription, reason: "无法读取密码文件 \(file.path)")
        }
        return text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
    }
}

extension ReportReader {
    /// Opens the store a report reads: an SQLite file read-only, or the
    /// server store (every read a READ ONLY transaction); neither is
    /// created or migrated by a report.
    public static func open(
        _ paths: ProjectPaths, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> ReportReader {
        guard let server = paths.resultsServer else { return try ReportReader(path: paths.resultsDatabase) }
        // Never migrates: a database without the results tables is refused.
        return try ReportReader(
            engine: PostgresEngine(url: server, password: try ResultsStore.serverPassword(paths), environment: environment))
    }
}

/// The audit key of a store being copied: the target's chain is the
/// source's, so it must verify with the source's key.
public enum AuditKeyTransfer {
    /// The key file of the store `paths` name.
    public static func keyPath(_ paths: ProjectPaths) -> URL {
        paths.resultsServer == nil ? AuditKeyFile.url(forStore: paths.resultsDatabase)
            : paths.serverAuditKey ?? paths.resultsDatabase.deletingLastPathComponent().appendingPathComponent("postgres.key")
    }

    /// Puts the source's key where the target will look for it, before the
    /// target is opened; a target with a different key of its own is refused.
    public static func prepare(from source: ProjectPaths, to target: ProjectPaths) throws {
        let sourcePath = keyPath(source).path
        let targetPath = keyPath(target)
        let key = try AuditKeyFile.load(sourcePath)
        if FileManager.default.fileExists(atPath: targetPath.path) {
            let existing = try AuditKeyFile.load(targetPath.path)
            guard existing.withUnsafeBytes({ Data($0) }) == key.withUnsafeBytes({ Data($0) }) else {
                throw StoreCopyError.auditKeyDiffers(target: targetPath.path, source: sourcePath)
            }
            return
        }
        try FileManager.default.createDirectory(at: targetPath.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AuditKeyFile.create(targetPath.path, key: key)
    }
}
