import Foundation

/// A department as a path from the top of the organisation, e.g.
/// `综合办公室/秘书科`: reports roll figures up the tree, and exam
/// definitions name whole subtrees, so the path is kept in components.
public struct DepartmentPath: Sendable, Hashable, Comparable, Codable {
    public var components: [String]

    public init(components: [String]) {
        self.components = components
    }

    /// Splits on `/` (also full-width `／` and `\`), trimming spaces and dropping empty parts.
    /// (Reports parse every department text they meet: the characters are
    /// compared, not hashed into a set, and the parts trimmed without
    /// Foundation, by `trimmingBlanks`.)
    public init(parsing text: String) {
        components = text.split(whereSeparator: { $0 == "/" || $0 == "／" || $0 == "\\" })
            .map { $0.trimmingBlanks() }
            .filter { !$0.isEmpty }
    }

    /// The whole organisation: the root every department rolls up into.
    public static let organisation = DepartmentPath(components: [])

    public var isOrganisation: Bool { components.isEmpty }

    /// `综合办公室/秘书科`, or `（全单位）` for the root.
    public var text: String { components.isEmpty ? "（全单位）" : components.joined(separator: "/") }

    /// The last component, for indented tree displays.
    public var name: String { components.last ?? "（全单位）" }

    public var depth: Int { components.count }

    public var parent: DepartmentPath? {
        components.isEmpty ? nil : DepartmentPath(components: Array(components.dropLast()))
    }

    /// The root, then each ancestor down to this path itself.
    public var selfAndAncestors: [DepartmentPath] {
        (0...components.count).map { DepartmentPath(components: Array(components.prefix($0))) }
    }

    /// True when this path is `other` or lies below it.
    public func isWithin(_ other: DepartmentPath) -> Bool {
        components.count >= other.components.count && Array(components.prefix(other.components.count)) == other.components
    }

    /// Tree order: a parent before its children, siblings by name.
    public static func < (lhs: DepartmentPath, rhs: DepartmentPath) -> Bool {
        lhs.components.lexicographicallyPrecedes(rhs.components)
    }

    public init(from decoder: Decoder) throws {
        self.init(parsing: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(components.joined(separator: "/"))
    }
}
