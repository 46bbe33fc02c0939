import LawQuizCore

/// What `stats` and `absent` were asked besides their own options, as plain
/// values: the parser's option groups give them (`init(report:display:file:paths:)`),
/// and so does `ReportArguments`, which reads the plain forms without ever
/// creating the parser's property wrappers (their first creation costs the
/// Swift runtime protocol-conformance scans, README "Launch").
struct ReportRequest {
    var exam: String
    var makeupRule = MakeupRule.higher
    var display = DisplayChoice()
    var file = CSVOutputChoice()
    var paths = PathChoice()

    init(exam: String) {
        self.exam = exam
    }

    init(report: ReportOptions, display: DisplayOptions, file: CSVOutputOptions, paths: PathOptions) {
        exam = report.exam
        makeupRule = report.makeupRule.rule
        self.display = display.choice
        self.file = file.choice
        self.paths = paths.choice
    }

    /// The exam, its store and (when `laws`) the statutes.
    func context(laws: Bool) throws -> ReportContext {
        try ReportContext(paths: paths, exam: exam, makeupRule: makeupRule, laws: laws)
    }
}
