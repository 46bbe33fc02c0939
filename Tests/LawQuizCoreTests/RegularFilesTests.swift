import Foundation
import XCTest

@testable import LawQuizCore

/// The folder listing behind the catalog fingerprint: every regular file
/// below the folder, sorted, with links to files but never into folders.
final class RegularFilesTests: XCTestCase {
    func testListsNestedAndHiddenFilesAndFollowsLinksOnlyToFiles() throws {
        let manager = FileManager.default
        let folder = manager.temporaryDirectory.appendingPathComponent("lawquiz-files-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: folder) }
        let outside = folder.appendingPathComponent("outside")
        let listed = folder.appendingPathComponent("banks")
        try manager.createDirectory(at: outside, withIntermediateDirectories: true)
        try manager.createDirectory(at: listed.appendingPathComponent("sub/deeper"), withIntermediateDirectories: true)
        for name in ["b.yaml", "a.yaml", ".hidden", "sub/c.yaml", "sub/deeper/d.yaml"] {
            try Data("x".utf8).write(to: listed.appendingPathComponent(name))
        }
        try Data("y".utf8).write(to: outside.appendingPathComponent("linked.yaml"))
        try manager.createSymbolicLink(
            atPath: listed.appendingPathComponent("link.yaml").path, withDestinationPath: outside.appendingPathComponent("linked.yaml").path)
        try manager.createSymbolicLink(atPath: listed.appendingPathComponent("folder-link").path, withDestinationPath: outside.path)
        try manager.createSymbolicLink(atPath: listed.appendingPathComponent("dangling").path, withDestinationPath: "/nonexistent/x")

        XCTAssertEqual(
            RegularFiles.below(listed.path), [".hidden", "a.yaml", "b.yaml", "link.yaml", "sub/c.yaml", "sub/deeper/d.yaml"])
        XCTAssertNil(RegularFiles.below(folder.appendingPathComponent("missing").path))
    }
}
