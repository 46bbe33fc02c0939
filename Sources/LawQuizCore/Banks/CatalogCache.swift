import Foundation

/// A parsed and linted catalog saved in a compact binary form, so starting an exam does not
/// re-parse every bank's YAML and re-run the linter (most of the start-up
/// time). The file name carries a fingerprint of every statute and bank
/// file's path and contents plus a caller-supplied salt (the program's
/// build), so any edit or a new program version simply misses the cache.
/// A missing, unreadable or unwritable cache only costs the full load.
public enum CatalogCache {
    /// The catalog under `root` (a `QuestionBanks` folder), from the cache in
    /// `folder` when it matches, else loaded and saved there for next time.
    public static func load(root: URL, folder: URL?, salt: String) throws -> BankCatalog {
        guard let folder, let fingerprint = fingerprint(root: root, salt: salt) else {
            return try BankCatalog.load(root: root)
        }
        let file = folder.appendingPathComponent("catalog-\(fingerprint).bin")
        if let data = try? Data(contentsOf: file), let catalog = try? CatalogSnapshot.decode(data) {
            return catalog
        }
        let catalog = try BankCatalog.load(root: root)
        save(catalog, to: file)
        return catalog
    }

    /// Writes atomically (several processes may start at once) and removes
    /// snapshots of older bank versions. Failures are ignored: it is a cache.
    private static func save(_ catalog: BankCatalog, to file: URL) {
        let manager = FileManager.default
        let folder = file.deletingLastPathComponent()
        guard (try? manager.createDirectory(at: folder, withIntermediateDirectories: true)) != nil,
            (try? CatalogSnapshot.encode(catalog).write(to: file, options: .atomic)) != nil
        else { return }
        for name in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        where name.hasPrefix("catalog-") && name != file.lastPathComponent {
            try? manager.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// FNV-1a over the relative path and bytes of every file under
    /// `statutes/` and `banks/`, in path order; nil when a folder is unreadable.
    static func fingerprint(root: URL, salt: String) -> String? {
        var hash = FNV1a.Accumulator()
        hash.add("\(CatalogSnapshot.formatVersion)\u{1F}\(salt)")
        for folder in ["statutes", "banks"] {
            let base = root.appendingPathComponent(folder)
            guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return nil }
            let paths = enumerator.compactMap { $0 as? String }.sorted()
            for path in paths {
                let full = base.appendingPathComponent(path)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: full.path, isDirectory: &isDirectory), !isDirectory.boolValue
                else { continue }
                guard let data = FileManager.default.contents(atPath: full.path) else { return nil }
                hash.add("\u{1E}\(folder)/\(path)\u{1F}\(data.count)\u{1F}")
                hash.add(data)
            }
        }
        return String(format: "%016llx", hash.value)
    }
}

extension FNV1a {
    /// Incremental FNV-1a over several pieces.
    struct Accumulator {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ text: String) { add(Data(text.utf8)) }

        mutating func add(_ data: Data) {
            data.withUnsafeBytes { bytes in
                for byte in bytes {
                    value ^= UInt64(byte)
                    value = value &* 0x0000_0100_0000_01b3
                }
            }
        }
    }
}
