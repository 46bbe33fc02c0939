import Crypto
import Foundation

/// The HMAC key of the audit chain: 32 random bytes in a file beside the
/// store (`lawquiz.sqlite.key`). Whoever can edit the store but not read this
/// file cannot forge chain entries, so it is created group-readable only
/// (0640, never world-readable), atomically (written to a private temporary
/// file, then hard-linked into place, so no process ever reads half a key)
/// and reused ever after. In an installed deployment `make install` creates it
/// root:lawquiz so no examinee owns it.
public enum AuditKeyFile {
    /// Key length in bytes (HMAC-SHA256).
    public static let byteCount = 32

    /// `<store>.key`.
    public static func url(forStore store: URL) -> URL {
        store.deletingLastPathComponent().appendingPathComponent(store.lastPathComponent + ".key")
    }

    /// Reads the key at `keyPath`, creating it when the file does not exist
    /// and the store has no chain yet. `chainEntries` counts the store's
    /// audit entries (0 for a new store); it runs only when the key is
    /// missing. A missing key of a store that has entries is refused, never
    /// replaced: a new key would make `verify` report every entry as forged,
    /// and the entries signed from then on could not be told from forgeries
    /// made with the new key.
    public static func loadOrCreate(keyPath: URL, store: String, chainEntries: () throws -> Int) throws -> SymmetricKey {
        let path = keyPath.path
        if !FileManager.default.fileExists(atPath: path) {
            let entries = try chainEntries()
            if entries > 0 {
                throw StoreError.auditKey(
                    path: path,
                    reason: "不存在，但结果存储 \(store) 已有 \(entries) 条用原密钥签名的审计记录；新建密钥会使这些记录全部无法核对，"
                        + "因此未新建。请从备份把原密钥文件恢复到 \(path)（安装时属 root:lawquiz，权限 0640）后重试")
            }
            try create(path)
        }
        return try load(path)
    }

    /// Reads an existing key; a missing or malformed file is an error.
    public static func load(_ path: String) throws -> SymmetricKey {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError.auditKey(path: path, reason: "无法读取（文件不存在或无权限）")
        }
        guard data.count == byteCount else {
            throw StoreError.auditKey(path: path, reason: "长度 \(data.count) 字节，应为 \(byteCount) 字节")
        }
        return SymmetricKey(data: data)
    }

    /// Writes `key` to a new file at `path` (0640, atomically); an existing
    /// file is kept (another process created it first) and must then be read.
    static func create(_ path: String, key: SymmetricKey = SymmetricKey(size: .bits256)) throws {
        // A set-group-id lawquiz run by someone other than root would leave a
        // key file owned by that user, who could then read it and forge entries.
        if getegid() != getgid(), getuid() != 0 {
            throw StoreError.auditKey(
                path: path, reason: "不存在；安装模式下只有 root 可以创建它（否则文件会归运行者所有）。请 root 运行一次 lawquiz roster list，或从备份恢复该文件")
        }
        let bytes = key.withUnsafeBytes { Data($0) }
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw StoreError.auditKey(path: path, reason: "无法创建：\(String(cString: strerror(errno)))") }
        defer { unlink(temporary) }
        // The umask may narrow the mode further; never widen it beyond 0640.
        fchmod(descriptor, 0o640)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == byteCount, synced else { throw StoreError.auditKey(path: path, reason: "写入失败") }
        // link() fails with EEXIST when another process created the key first: use theirs.
        if link(temporary, path) != 0, errno != EEXIST {
            throw StoreError.auditKey(path: path, reason: "无法创建：\(String(cString: strerror(errno)))")
        }
    }
}
