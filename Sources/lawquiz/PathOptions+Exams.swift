import Foundation
import LawQuizCore
import LawQuizStore

/// Loading exams and opening the results store for the exam, roster and
/// history commands (kept apart from PathChoosing so each concern has a file).
extension PathChoosing {
    /// Exam definitions, with law names checked against the statutes. Times
    /// without a zone are read in the deployment's zone (installed: the
    /// config's or /etc/localtime, never `TZ`); all comparisons are instants.
    /// `cached`: the definitions from `loadCatalogAndExams`, used instead of
    /// parsing the files again. `library` nil: law names are not checked
    /// (reports that never read an exam's sections skip parsing the statutes).
    func loadExams(library: LawLibrary?, cached: ExamCatalog? = nil) throws -> ExamCatalog {
        try (cached ?? ExamCatalog.load(folder: resolved.exams, library: library, timeZone: Deployment.current.timeZone))
            .withFormalReview(Deployment.current.formalReview)
    }

    /// The statutes (when `laws`) and the exam definitions of an
    /// administration report: from a snapshot of the banks that holds the
    /// files as they are now (`CatalogCache.exams`), else parsed as before.
    /// Without the statutes the exam files are read unchecked, so a
    /// snapshot's definitions (whose law names were checked) serve then only
    /// when no exam file had a problem: a check can only drop a definition.
    func loadReportExams(laws: Bool) throws -> (library: LawLibrary?, exams: ExamCatalog) {
        let banks = resolved.questionBanks
        if let cached = CatalogCache.exams(
            root: banks, folder: Deployment.current.cacheFolder, salt: CatalogCacheLocation.salt(banks: banks),
            zone: Deployment.current.examZone, laws: laws),
            laws || cached.exams.problems.isEmpty
        {
            return (cached.library, try loadExams(library: cached.library, cached: cached.exams))
        }
        let library = laws ? try loadLibrary() : nil
        return (library, try loadExams(library: library))
    }

    /// The results store (an SQLite file created with its folder when
    /// missing, or the PostgreSQL server `--results` names).
    func openStore(busyTimeout: TimeInterval = ResultsStore.busyTimeout) throws -> ResultsStore {
        try ResultsStore.open(resolved, environment: storeEnvironment, busyTimeout: busyTimeout)
    }

    /// The store of the administration reports, opened read-only.
    func openReports() throws -> ReportReader {
        try ReportReader.open(resolved, environment: storeEnvironment)
    }

    /// Where a server store's password may come from: PGPASSWORD, PGPASSFILE
    /// and HOME of the user, except in an installed program, which uses only
    /// its root-owned `store_password_file`.
    private var storeEnvironment: [String: String] {
        Deployment.current.installed ? [:] : Deployment.current.environment
    }
}

/// Shared formatting of dates, durations and scores in listings.
enum ListingFormat {
    static func date(_ date: Date?) -> String {
        date.map { ExamTimeFormat.format($0) } ?? "—"
    }

    /// `12分05秒`.
    static func duration(_ seconds: TimeInterval) -> String {
        let total = Int(seconds.rounded())
        let hours = total / 3600, minutes = (total % 3600) / 60, rest = total % 60
        return hours > 0 ? "\(hours)小时\(minutes)分" : "\(minutes)分\(String(format: "%02d", rest))秒"
    }

    static func score(_ value: Double) -> String { ExamDefinition.number(value) }
}
