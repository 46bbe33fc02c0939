#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif
import Foundation

/// An exclusive `flock` of the folder that holds an SQLite store, held while
/// one process migrates it, so that processes opening a new or older store at
/// the same moment migrate one after another instead of racing through GRDB's
/// read-then-migrate steps. The folder, not the store file: closing any
/// descriptor of the store file would drop the POSIX locks SQLite holds on it.
/// The kernel releases the lock when its holder dies, so a killed migration
/// never blocks the next one. Best effort: a folder that cannot be opened
/// (no read permission) gives no lock, and the migrator's own transactions
/// still keep the store consistent.
struct MigrationLock {
    private let descriptor: Int32

    init(folder: URL) {
        let opened = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if opened >= 0 {
            while flock(opened, LOCK_EX) != 0, errno == EINTR {}
        }
        descriptor = opened
    }

    /// Unlocks by closing the folder's descriptor.
    func release() {
        if descriptor >= 0 { close(descriptor) }
    }
}
