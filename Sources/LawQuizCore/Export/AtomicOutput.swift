import Foundation

/// Writes an output file the safe way: refuse an existing file unless forced,
/// write to a temporary name in the same folder, flush to disk, then rename
/// over the destination — so a failed or interrupted export never leaves a
/// half file, and a reader never sees one.
public struct AtomicOutput: Sendable {
    public var destination: URL
    public var overwrite: Bool

    public init(destination: URL, overwrite: Bool) {
        self.destination = destination
        self.overwrite = overwrite
    }

    /// Fails early (before any work) when the destination exists and may not be replaced.
    public func checkDestination() throws {
        if !overwrite, FileManager.default.fileExists(atPath: destination.path) {
            throw ExportError.outputExists(path: destination.path)
        }
        var isDirectory: ObjCBool = false
        let folder = destination.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ExportError.cannotCreate(path: destination.path, reason: "目录 \(folder.path) 不存在")
        }
    }

    /// A temporary path beside the destination (same file system, so the rename is atomic).
    public func temporaryURL() -> URL {
        let name = "." + destination.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        return destination.deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Streams the content through a `ByteWriter` into a temporary file, then renames it into place.
    public func write(_ body: (ByteWriter) throws -> Void) throws {
        try produce { temporary in
            let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw ExportError.cannotCreate(path: destination.path, reason: String(cString: strerror(errno)))
            }
            defer { close(descriptor) }
            let writer = ByteWriter(descriptor: descriptor, path: destination.path)
            try body(writer)
            try writer.flush()
            if fsync(descriptor) != 0 {
                throw ExportError.writeFailed(path: destination.path, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// Lets `body` create the file at a temporary URL (e.g. a zip archive), then renames it into place.
    public func produce(_ body: (URL) throws -> Void) throws {
        try checkDestination()
        let temporary = temporaryURL()
        do {
            try body(temporary)
            if rename(temporary.path, destination.path) != 0 {
                throw ExportError.writeFailed(path: destination.path, reason: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
