import Crypto
import Foundation
import GRDB
import LawQuizCore

/// The append-only, hash-linked and keyed log of every change to results.
/// Each write that changes an attempt or the roster appends its entry in the
/// same transaction, so the table and the chain can never disagree unless
/// someone edited the file behind lawquiz's back — which `lawquiz verify`
/// then finds.
public enum AuditChain {
    /// prev_hash of the first entry.
    static let zeroHash = String(repeating: "0", count: 64)

    /// `v3-audit-chain`: the table, and a genesis entry followed by one
    /// snapshot per attempt already in the store, so a store from before the
    /// chain is covered from the moment of the upgrade (what was edited before
    /// it cannot be told apart).
    static func register(in migrator: inout DatabaseMigrator, key: SymmetricKey?) {
        // Immediate foreign-key checks: the deferred default re-checks every
        // row of a large store (minutes) and would refuse the upgrade over an
        // orphan row left by some old hand edit; this migration adds no keys.
        migrator.registerMigration("v3-audit-chain", foreignKeyChecks: .immediate) { db in
            guard let key else { throw StoreError.sqlite(path: db.description, message: "audit key missing in migration") }
            try db.execute(sql: """
                CREATE TABLE audit_entry (
                    seq INTEGER PRIMARY KEY NOT NULL,
                    kind TEXT NOT NULL,
                    attempt_id INTEGER,
                    staff_id TEXT,
                    payload TEXT NOT NULL,
                    prev_hash TEXT NOT NULL,
                    entry_hash TEXT NOT NULL,
                    mac TEXT NOT NULL,
                    recorded_at DATETIME NOT NULL
                )
                """)
            try start(GRDBConnection(db: db), key: key)
        }
    }

    /// The first entries of a chain: a genesis entry, then one snapshot per
    /// attempt already stored. Run once, in the migration that creates the table.
    static func start(_ db: any StoreConnection, key: SymmetricKey) throws {
        let attempts = try db.rows("SELECT * FROM attempt ORDER BY id").map(AttemptRecord.init(row:))
        var genesis = AuditPayload(kind: .genesis)
        genesis.add("attempts", Int64(attempts.count))
        let now = Date()
        try append(db, key: key, payload: genesis, attemptID: nil, staffID: nil, at: now)
        for attempt in attempts {
            try append(db, key: key, payload: snapshot(db, attempt), attemptID: attempt.id, staffID: attempt.staffID, at: now)
        }
    }

    /// The newest entry's number and hash, which the next entry links to.
    struct Head: Equatable {
        var seq: Int64
        var hash: String
    }

    /// Columns `head_seq` and `head_hash` for a SELECT list, so a write that
    /// reads something anyway learns the head in the same statement (one
    /// round trip fewer under the write lock on a server).
    static let headColumns = """
        (SELECT seq FROM audit_entry ORDER BY seq DESC LIMIT 1) AS head_seq,
        (SELECT entry_hash FROM audit_entry ORDER BY seq DESC LIMIT 1) AS head_hash
        """

    /// The head from a row carrying `headColumns`; nil for an empty chain.
    static func head(from row: SQLRow) throws -> Head? {
        let seq: Int64? = try row["head_seq"]
        let hash: String? = try row["head_hash"]
        guard let seq, let hash else { return nil }
        return Head(seq: seq, hash: hash)
    }

    /// Appends one entry after the current head.
    static func append(
        _ db: any StoreConnection, key: SymmetricKey, payload: AuditPayload, attemptID: Int64?, staffID: String?, at time: Date
    ) throws {
        let head = try db.row("SELECT seq, entry_hash FROM audit_entry ORDER BY seq DESC LIMIT 1")
            .map { Head(seq: try $0["seq"], hash: try $0["entry_hash"]) }
        try append(db, after: head, key: key, payload: payload, attemptID: attemptID, staffID: staffID, at: time)
    }

    /// Appends one entry after `head`, read in this write transaction (nil:
    /// the chain is empty). The insert's result is not waited for: a server
    /// connection sends it with the next statement or the COMMIT.
    static func append(
        _ db: any StoreConnection, after head: Head?, key: SymmetricKey, payload: AuditPayload, attemptID: Int64?, staffID: String?,
        at time: Date
    ) throws {
        let seq = (head?.seq ?? 0) + 1
        let previous = head?.hash ?? zeroHash
        let text = payload.text
        let hash = AuditDigest.entryHash(previous: previous, payload: text)
        try db.enqueue(
            """
            INSERT INTO audit_entry (seq, kind, attempt_id, staff_id, payload, prev_hash, entry_hash, mac, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            seq, payload.kind?.rawValue, attemptID, staffID, text, previous, hash, AuditDigest.mac(hash, key: key), time)
    }

    /// The hash of the newest entry: the 校验码 printed on reports. Nil for a
    /// store without a chain (opened read-only before its upgrade).
    static func head(_ db: any StoreConnection) throws -> String? {
        guard try db.tableExists("audit_entry") else { return nil }
        return try db.value(String.self, "SELECT entry_hash FROM audit_entry ORDER BY seq DESC LIMIT 1")
    }

    // MARK: Payloads

    static func started(_ attempt: AttemptRecord, paper: [StoredPaperItem]) -> AuditPayload {
        var payload = AuditPayload(kind: .attemptStarted)
        addStart(attempt, paper: paper, to: &payload)
        return payload
    }

    static func answer(attemptID: Int64, staffID: String, itemIndex: Int, answer: AnswerKey?, at time: Date) -> AuditPayload {
        var payload = AuditPayload(kind: .answerCommitted)
        payload.add("attempt", attemptID)
        payload.add("staff", staffID)
        payload.add("item", Int64(itemIndex))
        payload.add("answer", answer?.code ?? "")
        payload.add("at", time)
        return payload
    }

    static func submitted(_ attempt: AttemptRecord) -> AuditPayload {
        var payload = AuditPayload(kind: .attemptSubmitted)
        payload.add("attempt", attempt.id)
        payload.add("staff", attempt.staffID)
        addSubmission(attempt, to: &payload)
        return payload
    }

    /// A PIN set or changed by an administrator (never the PIN or its hash).
    static func pinChanged(staffID: String, changedBy login: String) -> AuditPayload {
        var payload = AuditPayload(kind: .pinChanged)
        payload.add("staff", staffID)
        payload.add("by", login)
        return payload
    }

    /// Papers printed for an exam (`exam print`): their numbers and a hash
    /// of the seeds, so a paper number cannot be added or re-seeded unseen.
    static func papersIssued(_ papers: [IssuedPaper], by login: String) -> AuditPayload {
        var payload = AuditPayload(kind: .papersIssued)
        payload.add("exam", papers.first?.examID ?? "")
        payload.add("first", Int64(papers.first?.number ?? 0))
        payload.add("last", Int64(papers.last?.number ?? 0))
        payload.add("count", Int64(papers.count))
        payload.add("seeds", AuditDigest.sha256Hex(papers.map {
            "\($0.number)|\(Int64(bitPattern: $0.seed))|\($0.staffID ?? "")"
        }.joined(separator: "\n")))
        payload.add("by", login)
        return payload
    }

    /// Everything about an attempt at once (chain start on an older store).
    static func snapshot(_ db: any StoreConnection, _ attempt: AttemptRecord) throws -> AuditPayload {
        var payload = AuditPayload(kind: .attemptSnapshot)
        addStart(attempt, paper: try ResultsStore.paperItems(db, attemptID: attempt.id), to: &payload)
        let answers = try ResultsStore.answerCodes(db, attemptID: attempt.id).sorted { $0.key < $1.key }
        payload.add("answers", answers.map { "\($0.key):\($0.value)" }.joined(separator: ","))
        if attempt.status == .submitted { addSubmission(attempt, to: &payload) }
        return payload
    }

    private static func addStart(_ attempt: AttemptRecord, paper: [StoredPaperItem], to payload: inout AuditPayload) {
        payload.add("attempt", attempt.id)
        payload.add("staff", attempt.staffID)
        payload.add("exam", attempt.examID)
        payload.add("definition", attempt.definitionHash)
        payload.add("seed", Int64(bitPattern: attempt.seed))
        payload.add("started_at", attempt.startedAt)
        payload.add("deadline", attempt.deadline)
        payload.add("full_marks", attempt.fullMarks)
        payload.add("formal", attempt.isFormal)
        payload.add("items", Int64(paper.count))
        payload.add("paper", PaperDigest.hex(paper))
        // Only paper attempts carry these, so online entries read as before.
        if attempt.mode == .paper {
            payload.add("source", attempt.mode.rawValue)
            payload.add("paper_no", Int64(attempt.paperNumber ?? 0))
        }
    }

    private static func addSubmission(_ attempt: AttemptRecord, to payload: inout AuditPayload) {
        payload.add("score", attempt.score ?? 0)
        payload.add("passed", attempt.passed ?? false)
        payload.add("excellent", attempt.excellent ?? false)
        payload.add("submitted_at", attempt.submittedAt ?? attempt.deadline)
        payload.add("reason", attempt.submitReason?.rawValue ?? "")
    }
}
