import LawQuizCore

/// Department paths met row after row, each parsed once: a report reads
/// tens of thousands of rows over a few hundred departments, and parsing
/// the Chinese path text per row was a tenth of `absent`'s time.
struct DepartmentInterner {
    private var texts = ByteInterner()
    private(set) var paths: [DepartmentPath] = []

    /// The key (index in `paths`) of the department text in `column` of the current row.
    mutating func key(_ rows: any SQLRowCursor, _ column: Int32) -> Int {
        let (key, isNew) = rows.withBytes(column) { texts.index(of: $0) }
        if isNew { paths.append(DepartmentPath(parsing: texts.values[key])) }
        return key
    }
}
