/// Text that most starts never show — a question's stem and options (a start
/// shows one question of the 607), evidence and 解析, the statutes'
/// paragraphs — kept as its UTF-8
/// bytes in the catalog snapshot and made a `String` each time it is read,
/// so a start does not check, copy and allocate it (README, "Launch"). Read
/// for the questions shown (a few times each) and by bank tools, so nothing
/// is cached. Equal and hashed by its text.
struct DeferredText: Sendable, Hashable {
    private enum Storage: Sendable {
        case text(String)
        case slice(SnapshotBytes, Range<Int>)
    }

    private let storage: Storage

    init(_ text: String) {
        storage = .text(text)
    }

    /// `range` of `snapshot`, already checked to lie inside it.
    init(_ range: Range<Int>, of snapshot: SnapshotBytes) {
        storage = .slice(snapshot, range)
    }

    var string: String {
        switch storage {
        case .text(let text): return text
        case .slice(let snapshot, let range): return snapshot.string(range)
        }
    }

    static func == (lhs: DeferredText, rhs: DeferredText) -> Bool { lhs.string == rhs.string }

    func hash(into hasher: inout Hasher) { hasher.combine(string) }
}
