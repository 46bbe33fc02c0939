import Foundation

/// Keeps a checked copy of the catalog so starting an exam does not re-parse
/// and re-lint every YAML bank (about 200 ms for 600 questions): the copy is
/// used only while every statute and bank file has the size and modification
/// time it had when the copy was written.
public enum BankCatalogCache {
    struct Snapshot: Codable {
        var fingerprint: String
        var laws: [Law]
        var banks: [QuestionBank]
        var diagnostics: [BankDiagnostic]
    }

    /// Loads the catalog from `root`, through the cache file when it is current.
    /// A missing, stale or unreadable cache is rebuilt; failing to write it is
    /// not an error (the cache is only a speed-up).
    public static func load(root: URL, cacheFile: URL) throws -> BankCatalog {
        let fingerprint = try self.fingerprint(root: root)
        if let data = try? Data(contentsOf: cacheFile),
            let snapshot = try? JSONDecoder().decode(Snapshot.self, from: data),
            snapshot.fingerprint == fingerprint
        {
            return BankCatalog(
                library: LawLibrary(laws: snapshot.laws), banks: snapshot.banks, diagnostics: snapshot.diagnostics)
        }
        let catalog = try BankCatalog.load(root: root)
        let snapshot = Snapshot(
            fingerprint: fingerprint, laws: catalog.library.laws, banks: catalog.banks, diagnostics: catalog.diagnostics)
        if let data = try? JSONEncoder().encode(snapshot) {
            try? FileManager.default.createDirectory(
                at: cacheFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? data.write(to: cacheFile, options: .atomic)
        }
        return catalog
    }

    /// Names, sizes and modification times of every statute and bank file.
    static func fingerprint(root: URL) throws -> String {
        var parts: [String] = []
        for folder in ["statutes", "banks"] {
            let directory = root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in names.sorted() {
                let attributes = try? FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(name).path)
                let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
                let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                parts.append("\(folder)/\(name):\(size):\(modified)")
            }
        }
        return FNV1a.hex(root.standardizedFileURL.path + "\n" + parts.joined(separator: "\n"))
    }
}
