import Crypto
import Foundation
import LawQuizCore

/// `lawquiz verify`: checks the audit chain link by link (sequence, hashes,
/// keyed MACs), replays it into what each attempt should hold, compares that
/// with the tables, and regrades every submitted attempt from its stored
/// paper, answers and keys with the same `ExamGrade` used at submission,
/// and compares each answer sheet (v7) with the rows it was written from.
public struct AuditVerifier {
    let store: ResultsStore

    public init(store: ResultsStore) {
        self.store = store
    }

    /// What the chain says one attempt holds.
    struct Expected {
        var start: AuditPayload
        var answers: [Int: String] = [:]
        var submission: AuditPayload?
    }

    /// Verifies the chain and the attempts of `examID` (every exam when nil).
    /// `exams` supplies scoring rules for the regrade; attempts of an exam not
    /// given, or sat under a since-edited definition, are compared with the
    /// chain but not regraded.
    public func verify(examID: String? = nil, exams: [ExamDefinition]) throws -> AuditReport {
        let definitions = Dictionary(exams.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return try store.read { db in
            var findings: [AuditFinding] = []
            let names = try Dictionary(
                db.rows("SELECT staff_id, name FROM staff").map { (try $0["staff_id"] as String, try $0["name"] as String) },
                uniquingKeysWith: { first, _ in first })
            let person = { (staffID: String) in names[staffID].map { "\(staffID) \($0)" } ?? staffID }
            let (entries, expected) = try replayChain(db, findings: &findings)
            var seen = Set<Int64>()
            let hasSheets = try db.tableExists("answer_sheet")
            var recomputed = 0
            let sql = examID == nil ? "SELECT * FROM attempt ORDER BY id" : "SELECT * FROM attempt WHERE exam_id = ? ORDER BY id"
            let attempts = try db.rows(sql, examID.map { [.text($0)] } ?? []).map(AttemptRecord.init(row:))
            for attempt in attempts {
                seen.insert(attempt.id)
                var compare = AttemptComparison(attempt: attempt, person: person(attempt.staffID))
                let paper = try ResultsStore.paperItems(db, attemptID: attempt.id)
                let answers = try ResultsStore.answerCodes(db, attemptID: attempt.id)
                if let record = expected[attempt.id] {
                    compare.check(record, paper: paper, answers: answers)
                } else {
                    compare.report(.attemptInserted, "审计链中没有该作答的开考记录（疑为直接写入数据库）。")
                }
                if hasSheets {
                    compare.checkSheet(
                        try db.value(String.self, "SELECT sheet FROM answer_sheet WHERE attempt_id = ?", attempt.id), paper: paper, answers: answers)
                }
                // Regraded under the definition it was sat with (a later edit of
                // the exam file may change scoring or cut-offs, not past results).
                if let exam = definitions[attempt.examID], exam.definitionHash == attempt.definitionHash, attempt.status == .submitted {
                    recomputed += 1
                    compare.regrade(exam: exam, paper: paper, answers: answers)
                }
                findings += compare.findings
            }
            for (id, record) in expected.sorted(by: { $0.key < $1.key }) where !seen.contains(id) {
                let exam = record.start["exam"] ?? ""
                guard examID == nil || examID == exam else { continue }
                findings.append(AuditFinding(
                    category: .attemptDeleted, attemptID: id, person: person(record.start["staff"] ?? ""), examID: exam,
                    detail: "该作答记录已从数据库中删除（审计链记录其开考于 \(record.start["started_at"] ?? "?")）。"))
            }
            return AuditReport(entries: entries, attempts: attempts.count, recomputed: recomputed, head: try AuditChain.head(db), findings: findings)
        }
    }

    /// Walks the chain in order, checking every link, and folds it into the
    /// expected state of each attempt.
    private func replayChain(_ db: any StoreConnection, findings: inout [AuditFinding]) throws -> (Int, [Int64: Expected]) {
        guard try db.tableExists("audit_entry") else {
            findings.append(AuditFinding(category: .chain, detail: "数据库中没有审计链（audit_entry 表缺失）。"))
            return (0, [:])
        }
        var expected: [Int64: Expected] = [:]
        var previousSeq: Int64 = 0
        var previousHash = AuditChain.zeroHash
        var count = 0
        try db.scan("SELECT seq, payload, prev_hash, entry_hash, mac FROM audit_entry ORDER BY seq", []) { rows in
          while try rows.step() {
            count += 1
            let seq = rows.int(0)
            let text = rows.string(1)
            let prev = rows.string(2)
            let hash = rows.string(3)
            let mac = rows.string(4)
            if seq != previousSeq + 1 {
                findings.append(AuditFinding(category: .chain, detail: "审计链第 \(previousSeq + 1)–\(seq - 1) 条缺失（已被删除）。"))
            }
            if prev != previousHash {
                findings.append(AuditFinding(category: .chain, detail: "审计链第 \(seq) 条与前一条衔接不上（前序哈希不符）。"))
            }
            if AuditDigest.entryHash(previous: prev, payload: text) != hash {
                findings.append(AuditFinding(category: .chain, detail: "审计链第 \(seq) 条内容被改动（哈希不符）。"))
            } else if AuditDigest.mac(hash, key: store.auditKey) != mac {
                findings.append(AuditFinding(category: .chain, detail: "审计链第 \(seq) 条的校验签名（HMAC）不符：该条不是由 lawquiz 写入的，或校验密钥已更换。"))
            }
            previousSeq = seq
            previousHash = hash
            Self.fold(AuditPayload(text: text), into: &expected)
          }
        }
        return (count, expected)
    }

    private static func fold(_ payload: AuditPayload, into expected: inout [Int64: Expected]) {
        guard let kind = payload.kind, let id = payload["attempt"].flatMap(Int64.init) else { return }
        switch kind {
        case .attemptStarted:
            expected[id] = Expected(start: payload)
        case .attemptSnapshot:
            var record = Expected(start: payload)
            for pair in (payload["answers"] ?? "").split(separator: ",") {
                let parts = pair.split(separator: ":", maxSplits: 1)
                if parts.count == 2, let index = Int(parts[0]) { record.answers[index] = String(parts[1]) }
            }
            if payload["score"] != nil { record.submission = payload }
            expected[id] = record
        case .answerCommitted:
            guard let index = payload["item"].flatMap(Int.init) else { return }
            let answer = payload["answer"] ?? ""
            expected[id]?.answers[index] = answer.isEmpty ? nil : answer
        case .attemptSubmitted:
            expected[id]?.submission = payload
        case .genesis, .rosterImported, .pinChanged, .papersIssued:
            return
        }
    }
}

/// The comparison of one stored attempt with its chain record.
struct AttemptComparison {
    let attempt: AttemptRecord
    let person: String
    var findings: [AuditFinding] = []

    init(attempt: AttemptRecord, person: String) {
        self.attempt = attempt
        self.person = person
    }

    mutating func report(_ category: AuditFinding.Category, _ detail: String) {
        findings.append(AuditFinding(category: category, attemptID: attempt.id, person: person, examID: attempt.examID, detail: detail))
    }

    /// Compares one field; `label` names it in the message.
    private mutating func field(_ category: AuditFinding.Category, _ label: String, stored: String, chain: String?) {
        guard let chain, chain != stored else { return }
        report(category, "\(label)被改动：数据库中为 \(stored)，审计链记录为 \(chain)。")
    }

    mutating func check(_ record: AuditVerifier.Expected, paper: [StoredPaperItem], answers: [Int: String]) {
        let start = record.start
        field(.attemptEdited, "工号", stored: attempt.staffID, chain: start["staff"])
        field(.attemptEdited, "考试", stored: attempt.examID, chain: start["exam"])
        field(.attemptEdited, "考试定义指纹", stored: attempt.definitionHash, chain: start["definition"])
        field(.attemptEdited, "试卷种子", stored: String(Int64(bitPattern: attempt.seed)), chain: start["seed"])
        field(.attemptEdited, "开考时间", stored: AuditPayload.text(attempt.startedAt), chain: start["started_at"])
        field(.attemptEdited, "截止时间", stored: AuditPayload.text(attempt.deadline), chain: start["deadline"])
        field(.attemptEdited, "满分", stored: String(attempt.fullMarks), chain: start["full_marks"])
        field(.attemptEdited, "线上/线下", stored: attempt.mode.rawValue, chain: start["source"] ?? SittingMode.online.rawValue)
        field(.attemptEdited, "试卷号", stored: attempt.paperNumber.map(String.init) ?? "", chain: start["paper_no"] ?? "")
        if start["paper"] != PaperDigest.hex(paper) {
            report(.paperEdited, "试卷（题目、标准答案、分值或选项顺序）与开考时记录的不符，共 \(paper.count) 题，开考时 \(start["items"] ?? "?") 题。")
        }
        for index in Set(answers.keys).union(record.answers.keys).sorted() where answers[index] != record.answers[index] {
            report(.answerEdited, "第 \(index + 1) 题答案被改动：数据库中为 \(answers[index] ?? "未答")，审计链记录为 \(record.answers[index] ?? "未答")。")
        }
        switch (attempt.status, record.submission) {
        case (.inProgress, nil): break
        case (.submitted, nil): report(.resultEdited, "数据库中已交卷（\(attempt.score.map(Self.points) ?? "无成绩")），审计链中没有交卷记录。")
        case (.inProgress, .some): report(.resultEdited, "审计链记录已交卷，数据库中却为作答中。")
        case (.submitted, .some(let submission)):
            field(.resultEdited, "成绩", stored: String(attempt.score ?? 0), chain: submission["score"])
            field(.resultEdited, "是否合格", stored: (attempt.passed ?? false) ? "1" : "0", chain: submission["passed"])
            field(.resultEdited, "是否优秀", stored: (attempt.excellent ?? false) ? "1" : "0", chain: submission["excellent"])
            field(.resultEdited, "交卷时间", stored: attempt.submittedAt.map(AuditPayload.text) ?? "", chain: submission["submitted_at"])
        }
        if let submitted = attempt.submittedAt, submitted < attempt.startedAt {
            report(.resultEdited, "交卷时间早于开考时间。")
        }
    }

    /// Regrades from the stored paper and answers.
    mutating func regrade(exam: ExamDefinition, paper: [StoredPaperItem], answers: [Int: String]) {
        var given: [Int: AnswerKey] = [:]
        for stored in paper {
            if let code = answers[stored.item.index], let key = AnswerKey(code: code, type: stored.item.type) { given[stored.item.index] = key }
        }
        let grade = ExamGrade(exam: exam, items: paper.map(\.item), keys: paper.map(\.key), answers: given)
        if let score = attempt.score, abs(score - grade.score) > 0.0005 {
            report(.scoreMismatch, "成绩 \(Self.points(score)) 与按试卷、答案和标准答案重算的 \(Self.points(grade.score)) 不符。")
        }
        if let passed = attempt.passed, passed != grade.passed {
            report(.scoreMismatch, "“是否合格”记为\(passed ? "合格" : "不合格")，重算为\(grade.passed ? "合格" : "不合格")。")
        }
        if let excellent = attempt.excellent, excellent != grade.excellent {
            report(.scoreMismatch, "“是否优秀”记为\(excellent ? "优秀" : "非优秀")，重算为\(grade.excellent ? "优秀" : "非优秀")。")
        }
    }

    static func points(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) 分" : "\(value) 分"
    }
}
