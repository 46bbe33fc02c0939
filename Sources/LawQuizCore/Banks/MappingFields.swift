import Yams

/// A YAML mapping's values by key, indexed once. `Node.Mapping`'s own
/// subscript scans every pair comparing whole nodes (and its iterator copies
/// every pair into a new array), and a question asks for a dozen fields, the
/// absent ones too: those scans were a tenth of loading the banks without a
/// snapshot. Answers exactly as the subscript for a mapping composed with the
/// basic resolver, as bank files are: a key counts when it equals the
/// implicit scalar of that text, the last such pair winning.
struct MappingFields {
    let mapping: Node.Mapping
    /// The keys in file order, for the check of unknown fields.
    let keys: [Node]
    private let values: [String: Node]

    init(_ mapping: Node.Mapping) {
        self.mapping = mapping
        var keys: [Node] = []
        var values: [String: Node] = [:]
        keys.reserveCapacity(mapping.count)
        values.reserveCapacity(mapping.count)
        for index in mapping.indices {
            let (key, value) = mapping[index]
            keys.append(key)
            guard case .scalar(let scalar) = key else { continue }
            // A key already resolved to text (Yams resolves every key while
            // looking for repeated ones) equals the implicit scalar of its
            // text, which the basic resolver makes text too; others are compared as the subscript does.
            if scalar.tag.description == Tag.Name.str.rawValue || key == Node(scalar.string, mapping.tag.copy(with: .implicit)) {
                values[scalar.string] = value
            }
        }
        self.keys = keys
        self.values = values
    }

    subscript(key: String) -> Node? { values[key] }

    /// The key node written as `key`, for a message at the line an author looks at.
    func keyNode(_ key: String) -> Node? {
        keys.first { $0.string == key }
    }
}
