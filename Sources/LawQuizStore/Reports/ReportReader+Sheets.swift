import LawQuizCore

extension ReportReader {
    /// The item scan from the answer sheets: one row per attempt instead of
    /// two per item (at 150,000 attempts, 150,000 rows instead of 13.5
    /// million), split into attempt-id ranges read in parallel, one per
    /// engine and sink. Covered attempts without a sheet that parses (open
    /// attempts graded at read time, a store written by an older version)
    /// are then read from their own rows, by primary key, into the first sink.
    func scanSheets(of attempts: AttemptLookup, engines: [any StoreEngine], sinks: [any ItemScanSink]) throws {
        let ranges = Self.partition(low: attempts.ids.min() ?? 0, high: attempts.ids.max() ?? -1, count: engines.count)
        let done = AnswerTable(attempts: attempts.count, itemsPerPaper: 1)
        defer { done.deallocate() }
        let feeds = UncheckedBox(sinks.map(ItemFeed.init))
        try Self.parallel(engines.count) { part in
            try engines[part].read { db in try Self.readSheets(db, attempts: attempts, rowids: ranges[part], feed: feeds.value[part], done: done) }
        }
        let missing = (0..<attempts.count).filter { done.raw(position: $0, item: 0) == 0 }
        guard !missing.isEmpty else { return }
        try engines[0].read { db in
            for position in missing { try Self.readRows(db, attempt: attempts.ids[position], position: position, feed: feeds.value[0]) }
        }
    }

    /// SQLite streams the sheets and looks a new question up beside the scan.
    /// A server connection runs one statement at a time, so there the sheets
    /// come in chunks of 5,000 attempts, copied, and are handed on between
    /// statements (memory: one chunk, about 4 MB).
    private static func readSheets(
        _ db: any StoreConnection, attempts: AttemptLookup, rowids: Range<Int64>, feed: ItemFeed, done: AnswerTable
    ) throws {
        let sql = "SELECT attempt_id, sheet FROM answer_sheet WHERE attempt_id >= ? AND attempt_id < ?"
        var records: [AnswerSheet.Record] = []
        records.reserveCapacity(128)
        guard !db.dialect.hasRowIDs else {
            return try db.scan(sql, [.integer(rowids.lowerBound), .integer(rowids.upperBound)]) { rows in
                if let raw = rows as? RawRows {
                    try streamSheets(raw, db: db, attempts: attempts, feed: feed, done: done, records: &records)
                } else {
                    try streamSheets(rows, db: db, attempts: attempts, feed: feed, done: done, records: &records)
                }
            }
        }
        for low in stride(from: rowids.lowerBound, to: rowids.upperBound, by: 5_000) {
            var chunk: [(id: Int64, position: Int, sheet: [UInt8])] = []
            try db.scan(sql, [.integer(low), .integer(min(low + 5_000, rowids.upperBound))]) { rows in
                while try rows.step() {
                    let id = rows.int(0)
                    guard let position = attempts.position(of: id) else { continue }
                    chunk.append((id, position, rows.withBytes(1) { Array($0) }))
                }
            }
            for sheet in chunk {
                try sheet.sheet.withUnsafeBufferPointer {
                    try feedSheet($0, id: sheet.id, position: sheet.position, db: db, feed: feed, done: done, records: &records)
                }
            }
        }
    }

    private static func streamSheets<Rows: SQLRowCursor>(
        _ rows: Rows, db: any StoreConnection, attempts: AttemptLookup, feed: ItemFeed, done: AnswerTable, records: inout [AnswerSheet.Record]
    ) throws {
        while try rows.step() {
            let id = rows.int(0)
            guard let position = attempts.position(of: id) else { continue }
            try rows.withBytes(1) { try feedSheet($0, id: id, position: position, db: db, feed: feed, done: done, records: &records) }
        }
    }

    /// One sheet, handed on only once it parsed whole (`AnswerSheet.parse`).
    @inline(__always) private static func feedSheet(
        _ sheet: UnsafeBufferPointer<UInt8>, id: Int64, position: Int, db: any StoreConnection, feed: ItemFeed, done: AnswerTable,
        records: inout [AnswerSheet.Record]
    ) throws {
        guard AnswerSheet.parse(sheet, into: &records) else { return }
        for record in records {
            try feed.item(
                attempt: position, index: record.index, question: record.question, key: AnswerCode.raw(record.key),
                given: AnswerCode.raw(record.answer), points: record.points,
                describe: {
                    let row = try db.row(
                        "SELECT type, law_id FROM paper_item WHERE attempt_id = ? AND item_index = ?", [.integer(id), .integer(Int64(record.index))])
                    return (try row?[0] ?? "", try row?[1] ?? "")
                })
        }
        done.set(position: position, item: 0, raw: 1)
    }

    /// One attempt's items from its rows (an attempt without a usable sheet).
    private static func readRows(_ db: any StoreConnection, attempt id: Int64, position: Int, feed: ItemFeed) throws {
        let answers = try ResultsStore.answerCodes(db, attemptID: id)
        let sql = "SELECT item_index, question_id, answer_key, points, type, law_id FROM paper_item WHERE attempt_id = ?"
        try db.scan(sql, [.integer(id)]) { rows in
            while try rows.step() {
                let index = Int(rows.int(0))
                rows.withBytes(1) { question in
                    feed.item(
                        attempt: position, index: index, question: question, key: rows.withBytes(2) { AnswerCode.raw($0) },
                        given: answers[index].map { AnswerCode.raw($0) } ?? 0, points: rows.double(3), describe: { (rows.string(4), rows.string(5)) })
                }
            }
        }
    }
}
