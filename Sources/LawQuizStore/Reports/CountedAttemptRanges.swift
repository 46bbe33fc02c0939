import LawQuizCore

/// Each 工号's counted attempt, kept in the 工号 ranges the store read in
/// parallel (`ReportReader.countedAttempts(_:splits:)`): a look-up goes to
/// its own range's table, so the tables are never merged (at 150,000
/// attempts merging them cost about as much as reading a range).
public struct CountedAttemptRanges: Sendable {
    /// Where the ranges are cut, ascending in byte order (as the store compares 工号).
    let splits: [String]
    /// One table per range: `parts[i]` holds the 工号 from `splits[i - 1]` (inclusive) below `splits[i]`.
    let parts: [[String: CountedAttempt]]

    /// The counted attempt of a 工号, nil when they submitted none.
    public subscript(staffID: String) -> CountedAttempt? {
        var part = 0
        while part < splits.count, !staffID.utf8.lexicographicallyPrecedes(splits[part].utf8) { part += 1 }
        return parts[part][staffID]
    }
}
