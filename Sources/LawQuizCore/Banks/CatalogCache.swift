import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A parsed and linted catalog saved in a compact binary form, so starting an exam does not
/// re-parse every bank's YAML and re-run the linter (most of the start-up
/// time), with the parsed exam definitions. The file name carries a
/// fingerprint of every statute, bank and exam file's path and contents plus
/// a caller-supplied salt (the program's build) and the time zone exam times
/// are read in, so any edit or a new program version simply misses the cache.
/// Content is read only when the files' stamps (size, times, inode) differ
/// from those recorded with the last fingerprint.
/// A missing, unreadable or unwritable cache only costs the full load.
public enum CatalogCache {
    /// The catalog under `root` (a `QuestionBanks` folder), from the cache in
    /// `folder` when it matches, else loaded and saved there for next time.
    public static func load(root: URL, folder: URL?, salt: String) throws -> BankCatalog {
        try load(root: root, folder: folder, salt: salt, timeZone: .current).catalog
    }

    /// The catalog and the exam definitions of `root/exams` read in
    /// `timeZone` (times without a zone), both from one snapshot. `exams` is
    /// nil when there is no cache or the exams folder could not be loaded:
    /// the caller then loads it itself and reports why.
    public static func load(root: URL, folder: URL?, salt: String, timeZone: TimeZone) throws -> (catalog: BankCatalog, exams: ExamCatalog?) {
        try load(root: root, folder: folder, salt: salt, zone: ExamZone(timeZone), now: Date.init)
    }

    /// As `load(root:folder:salt:timeZone:)`, the zone made only when exam files are parsed.
    public static func load(root: URL, folder: URL?, salt: String, zone: ExamZone) throws -> (catalog: BankCatalog, exams: ExamCatalog?) {
        try load(root: root, folder: folder, salt: salt, zone: zone, now: Date.init)
    }

    /// `now` is the clock that decides which file stamps are too recent to record (tests move it).
    static func load(
        root: URL, folder: URL?, salt: String, zone: ExamZone = ExamZone(.current), now: () -> Date
    ) throws -> (catalog: BankCatalog, exams: ExamCatalog?) {
        let salt = saltWithZone(salt, zone)
        guard let folder, let fingerprint = fingerprint(root: root, salt: salt, folder: folder, now: now) else {
            return (try BankCatalog.load(root: root), nil)
        }
        let name = "catalog-\(fingerprint).bin"
        if let cached = read(folder.appendingPathComponent(name)) { return cached }
        if let shipped = read(root.appendingPathComponent(shippedFolderName).appendingPathComponent(name)) { return shipped }
        let (catalog, exams) = try loadFully(root: root, timeZone: zone.timeZone)
        save(CatalogSnapshot.encode(catalog, exams: exams), to: folder.appendingPathComponent(name))
        return (catalog, exams)
    }

    /// The exam definitions of a snapshot that holds the files as they are
    /// now — the user's cache, else the banks' own — with the statutes they
    /// were checked against when `laws`, the questions between them never
    /// decoded: the administration reports need no question, and parsing the
    /// exam files took a tenth of an `absent`'s CPU time at 15,000 attempts.
    /// nil when the cache is off, no snapshot is fresh or it holds no exams:
    /// the caller parses the exam files then. Never parses the banks nor
    /// writes a snapshot (a report must not cost a full load after an edit);
    /// the freshness check is `load`'s, so it may record the files' stamps.
    public static func exams(
        root: URL, folder: URL?, salt: String, zone: ExamZone, laws: Bool
    ) -> (library: LawLibrary?, exams: ExamCatalog)? {
        guard let folder, let fingerprint = fingerprint(root: root, salt: saltWithZone(salt, zone), folder: folder) else { return nil }
        let name = "catalog-\(fingerprint).bin"
        for file in [folder.appendingPathComponent(name), root.appendingPathComponent(shippedFolderName).appendingPathComponent(name)] {
            guard let snapshot = SnapshotBytes(mappingFileAt: file.path),
                  let found = try? CatalogSnapshot.decodeExams(snapshot, laws: laws), let exams = found.exams
            else { continue }
            return (found.library, exams)
        }
        return nil
    }

    /// The folder beside `statutes/`, `banks/` and `exams/` where `lawquiz
    /// bank snapshot` (run by `make build` and at installation) leaves the
    /// snapshot for one program: a start that misses its own cache (a new
    /// user, a removed cache) reads it instead of parsing every bank. Read,
    /// never written, by a start; it is as trusted as the banks beside it
    /// (whoever may write it may edit them), and its name carries the same
    /// fingerprint, so an edited bank or another program simply misses it.
    public static let shippedFolderName = ".catalog"

    /// Parses and lints the banks under `root` and saves the snapshot in
    /// `root/.catalog` for the program `salt` names (see `shippedFolderName`),
    /// removing older ones there. Returns the file and the catalog.
    public static func writeShipped(root: URL, salt: String, timeZone: TimeZone) throws -> (file: URL, catalog: BankCatalog) {
        try writeShipped(root: root, salt: salt, zone: ExamZone(timeZone))
    }

    /// As `writeShipped(root:salt:timeZone:)`, keyed as `load(root:folder:salt:zone:)` reads it.
    public static func writeShipped(root: URL, salt: String, zone: ExamZone) throws -> (file: URL, catalog: BankCatalog) {
        let (catalog, exams) = try loadFully(root: root, timeZone: zone.timeZone)
        let shipped = root.appendingPathComponent(shippedFolderName)
        guard let fingerprint = fingerprint(root: root, salt: saltWithZone(salt, zone)) else {
            throw CatalogSnapshotError.unwritable(path: shipped.path, reason: "题库目录无法读取")
        }
        let file = shipped.appendingPathComponent("catalog-\(fingerprint).bin")
        // The snapshot holds every answer key: readable by exactly those who may
        // read the banks. The folder is closed before the file is written.
        let access = ShippedAccess(banks: root.appendingPathComponent("banks").path)
        try? FileManager.default.createDirectory(at: shipped, withIntermediateDirectories: true)
        access?.apply(to: shipped.path, isFolder: true)
        if let problem = save(CatalogSnapshot.encode(catalog, exams: exams), to: file) {
            throw CatalogSnapshotError.unwritable(path: file.path, reason: problem)
        }
        access?.apply(to: file.path, isFolder: false)
        return (file, catalog)
    }

    /// Mode and group of the `banks/` folder, given to the shipped snapshot's
    /// folder (and, without execute bits, to its file): installed banks are
    /// `root:lawquiz` 0750, so the snapshot is never readable by others.
    private struct ShippedAccess {
        let mode: mode_t
        let group: gid_t

        init?(banks: String) {
            var info = stat()
            guard stat(banks, &info) == 0 else { return nil }
            mode = info.st_mode & 0o777
            group = info.st_gid
        }

        func apply(to path: String, isFolder: Bool) {
            _ = chown(path, uid_t.max, group)
            _ = chmod(path, isFolder ? mode : mode & 0o666)
        }
    }

    /// Exam times without a zone are read in `zone`: part of the key.
    private static func saltWithZone(_ salt: String, _ zone: ExamZone) -> String {
        salt + "\u{1F}" + zone.key
    }

    /// A snapshot file, nil when missing or damaged.
    private static func read(_ file: URL) -> (catalog: BankCatalog, exams: ExamCatalog?)? {
        guard let snapshot = SnapshotBytes(mappingFileAt: file.path) else { return nil }
        return try? CatalogSnapshot.decodeWithExams(snapshot)
    }

    /// Everything parsed from the files; exams nil when their folder could not be loaded.
    private static func loadFully(root: URL, timeZone: TimeZone) throws -> (catalog: BankCatalog, exams: ExamCatalog?) {
        let catalog = try BankCatalog.load(root: root)
        let exams = try? ExamCatalog.load(folder: root.appendingPathComponent("exams"), library: catalog.library, timeZone: timeZone)
        return (catalog, exams)
    }

    /// Writes atomically (several processes may start at once) and removes
    /// snapshots of older bank versions. Returns why it failed, which a
    /// start ignores: it is a cache.
    @discardableResult
    private static func save(_ snapshot: Data, to file: URL) -> String? {
        let manager = FileManager.default
        let folder = file.deletingLastPathComponent()
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            try snapshot.write(to: file, options: .atomic)
        } catch {
            return error.localizedDescription
        }
        for name in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        where name.hasPrefix("catalog-") && name != file.lastPathComponent {
            try? manager.removeItem(at: folder.appendingPathComponent(name))
        }
        return nil
    }

    /// Where the stamps of the last fingerprinted folder are kept, beside the snapshots.
    static let stampIndexName = "catalog.stamps"

    /// FNV-1a over the relative path and bytes of every file under
    /// `statutes/`, `banks/` and `exams/`, in path order; nil when a folder
    /// is unreadable (a missing `exams/` counts as empty).
    /// With a cache `folder`, the files' stamps (size, times, inode) are
    /// checked first: when they equal the stamps recorded with the last
    /// fingerprint, that fingerprint is reused without reading any content.
    /// Stamps of files written in the last seconds are never recorded (see
    /// `FileStamp.isRecent`), so content stays the key whenever stamps could lie.
    static func fingerprint(root: URL, salt: String, folder: URL? = nil, now: () -> Date = Date.init) -> String? {
        guard let files = bankFiles(root: root) else { return nil }
        var stampHash = FNV1a.Accumulator()
        stampHash.add("\(CatalogSnapshot.formatVersion)\u{1F}\(salt)")
        var stamps: [FileStamp] = []
        for file in files {
            guard let stamp = FileStamp(path: file.path) else { return nil }
            stampHash.add("\u{1E}\(file.name)\u{1F}\(stamp.text)")
            stamps.append(stamp)
        }
        let stampKey = FNV1a.hex(stampHash.value)
        let index = folder?.appendingPathComponent(stampIndexName)
        if let index, let recorded = try? String(contentsOf: index, encoding: .utf8) {
            let lines = recorded.split(separator: "\n").map(String.init)
            if lines.count == 2, lines[0] == stampKey, lines[1].count == 16, lines[1].allSatisfy(\.isHexDigit) { return lines[1] }
        }
        var hash = FNV1a.Accumulator()
        hash.add("\(CatalogSnapshot.formatVersion)\u{1F}\(salt)")
        for file in files {
            guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
            hash.add("\u{1E}\(file.name)\u{1F}\(data.count)\u{1F}")
            hash.add(data)
        }
        let fingerprint = FNV1a.hex(hash.value)
        let moment = now()
        if let index, let folder, !stamps.contains(where: { $0.isRecent(now: moment) }) {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? Data("\(stampKey)\n\(fingerprint)\n".utf8).write(to: index, options: .atomic)
        }
        return fingerprint
    }

    /// Regular files under `statutes/`, `banks/` and `exams/` as (`statutes/…`
    /// name, full path), in name order; nil when a bank folder is unreadable.
    private static func bankFiles(root: URL) -> [(name: String, path: String)]? {
        var files: [(name: String, path: String)] = []
        for folder in ["statutes", "banks", "exams"] {
            let base = root.path + "/" + folder
            guard let names = RegularFiles.below(base) else {
                if folder == "exams" { continue }
                return nil
            }
            files += names.map { ("\(folder)/\($0)", base + "/" + $0) }
        }
        return files
    }
}

extension FNV1a {
    /// Incremental FNV-1a over several pieces.
    struct Accumulator {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ text: String) {
            for byte in text.utf8 {
                value ^= UInt64(byte)
                value = value &* 0x0000_0100_0000_01b3
            }
        }

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
