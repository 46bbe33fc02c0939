#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of one catalog snapshot, kept alive for the texts read from it
/// lazily (`DeferredText`): a read-only mapping of the file, unmapped when the
/// last question read from it goes, or a private copy. The snapshot is read at
/// every start; mapped, its bytes stay in the page cache instead of being
/// copied into freshly zeroed heap pages (`Data(contentsOf:)` of the 0.7 MB
/// file was about 3.5% of a warm start). A mapped file must not shrink while
/// mapped (a read past its end would fault): snapshots are only ever replaced
/// whole by a rename, never rewritten in place, and the installed ones are
/// root's or written only by the program itself.
final class SnapshotBytes: @unchecked Sendable {
    /// Never written after `init`; valid until `deinit`.
    let bytes: UnsafeRawBufferPointer
    /// The copy this object allocated; nil for a mapping.
    private let copy: UnsafeMutableRawBufferPointer?

    /// The regular, non-empty file at `path` mapped; nil when it cannot be opened or mapped.
    init?(mappingFileAt path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else { return nil }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
        copy = nil
    }

    /// A copy of `source` (snapshots decoded from memory).
    init(copying source: UnsafeRawBufferPointer) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: source.count, alignment: 1)
        copy.copyMemory(from: source)
        bytes = UnsafeRawBufferPointer(copy)
        self.copy = copy
    }

    deinit {
        if let copy {
            copy.deallocate()
        } else {
            munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
        }
    }

    /// The text of `range` (checked against the bytes when the snapshot was read).
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
