import LawQuizCore

/// Department paths met row after row, each text parsed once: a report reads
/// tens of thousands of rows over a few hundred departments, and parsing the
/// Chinese path text per row was a tenth of `absent`'s time. Two spellings of
/// one path (`甲/一科`, `甲 / 一科`) share a key, so people sort and group by
/// department as `ExamOutcomes` does with the parsed paths.
struct DepartmentInterner {
    private var texts = ByteInterner()
    /// Key of each interned text.
    private var keyOfText: [Int] = []
    /// Made with room for a few hundred paths: growing it rehashed every
    /// path so far, and hashing a path normalises each Chinese component.
    private var keyOfPath = [DepartmentPath: Int](minimumCapacity: 512)
    private(set) var paths: [DepartmentPath] = []

    /// The key (index in `paths`) of the department text in `column` of the
    /// current row; a new path gets the next key, `paths.count`.
    mutating func key<Rows: SQLRowCursor>(_ rows: Rows, _ column: Int32) -> Int {
        let (text, isNew) = rows.withBytes(column) { texts.index(of: $0) }
        if isNew {
            let path = DepartmentPath(parsing: texts.values[text])
            if let key = keyOfPath[path] {
                keyOfText.append(key)
            } else {
                keyOfPath[path] = paths.count
                keyOfText.append(paths.count)
                paths.append(path)
            }
        }
        return keyOfText[text]
    }
}
