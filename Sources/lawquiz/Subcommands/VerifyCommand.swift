import ArgumentParser
import Foundation
import LawQuizCore
import LawQuizStore

/// `lawquiz verify [exam]`: shows whether stored results are what lawquiz
/// wrote — the audit chain intact and every attempt, answer and score as the
/// chain and a regrade say — naming each attempt and person that differ.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "核对考试结果：检查审计链，重算每份作答的成绩，列出被改动、删除或插入的记录。",
        discussion: """
            每次开考、作答、交卷、导入花名册都会在同一事务中追加一条审计记录：含前一条的哈希，
            并以只有 lawquiz 组可读的密钥（结果数据库旁的 .key 文件）签名（HMAC-SHA256）。
            本命令逐条检查审计链（序号、哈希、签名），将每份作答的工号、截止时间、试卷与标准答案、
            每题答案、成绩与审计链记录比对，并按保存的试卷、答案和标准答案重算成绩。
            发现的每处不一致都注明作答编号、工号和姓名。校验码即审计链最新一条的哈希，stats 和导出文件中也会打印。
            退出状态：0 未发现不一致；1 发现不一致；4 数据库错误。
            """)

    @Argument(help: "只核对该考试的作答（考试编号，见 lawquiz exam list）；不指定则核对全部。")
    var exam: String?

    @OptionGroup var paths: PathOptions

    func run() throws {
        try Deployment.current.requireAdministrator("verify")
        let library = try paths.loadLibrary()
        let catalog = try paths.loadExams(library: library)
        if let exam { _ = try catalog.definition(exam) }
        let database = paths.resolved.resultsDatabase
        if paths.resolved.resultsServer == nil, !FileManager.default.fileExists(atPath: database.path) {
            throw ReportStoreError.missing(path: database.path)
        }
        let report = try AuditVerifier(store: try paths.openStore()).verify(examID: exam, exams: catalog.definitions)
        print("已核对审计链 \(report.entries) 条、作答记录 \(report.attempts) 份（其中重算成绩 \(report.recomputed) 份）。")
        print("校验码：\(report.head ?? "（无）")")
        if report.isClean {
            print("未发现不一致。")
            return
        }
        print("发现 \(report.findings.count) 处不一致：")
        for (number, finding) in report.findings.enumerated() { print("  \(number + 1). \(finding.message)") }
        throw ExitCode(ExitStatus.problemsFound.rawValue)
    }
}
