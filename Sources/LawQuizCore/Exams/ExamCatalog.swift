import Foundation

/// Every exam defined in `QuestionBanks/exams/`. A broken file does not hide the
/// others: its error is kept in `problems` and reported when its id is asked for.
public struct ExamCatalog: Sendable {
    /// Valid definitions sorted by id.
    public let definitions: [ExamDefinition]
    /// Files that could not be read, with file:line.
    public let problems: [ExamDefinitionError]

    public init(definitions: [ExamDefinition], problems: [ExamDefinitionError] = []) {
        self.definitions = definitions.sorted { $0.id < $1.id }
        self.problems = problems
    }

    /// Loads every `*.yaml` / `*.yml` in `folder`. Duplicate ids are problems.
    public static func load(folder: URL, library: LawLibrary?, timeZone: TimeZone = .current) throws -> ExamCatalog {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ExamCatalogError.missingFolder(path: folder.path)
        }
        let names = try manager.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        var loaded: [ExamDefinition] = []
        var problems: [ExamDefinitionError] = []
        for name in names {
            let file = folder.appendingPathComponent(name).path
            do {
                loaded.append(try ExamDefinitionLoader.load(file: file, library: library, timeZone: timeZone))
            } catch let error as ExamDefinitionError {
                problems.append(error)
            }
        }
        let (definitions, ruleProblems) = checkedAcrossFiles(loaded)
        problems += ruleProblems
        return ExamCatalog(definitions: definitions, problems: problems)
    }

    /// Rules that need every file: an id used by two files is an error naming
    /// both (neither is offered, so no file silently replaces another), and
    /// `makeup_of` must name another exam that exists.
    static func checkedAcrossFiles(_ loaded: [ExamDefinition]) -> (definitions: [ExamDefinition], problems: [ExamDefinitionError]) {
        let files = Dictionary(grouping: loaded, by: \.id)
        var problems: [ExamDefinitionError] = []
        var definitions: [ExamDefinition] = []
        for definition in loaded {
            guard let same = files[definition.id], same.count == 1 else {
                let others = files[definition.id, default: []].map(\.source.file).filter { $0 != definition.source.file }
                problems.append(ExamDefinitionError(
                    file: definition.source.file, line: definition.source.line,
                    message: "考试编号 \(definition.id) 重复：\(others.joined(separator: "、")) 也用了这个编号，两个文件都不可用，请改名其一", examID: definition.id))
                continue
            }
            if let target = definition.makeupOf, files[target] == nil {
                problems.append(ExamDefinitionError(
                    file: definition.source.file, line: definition.source.line,
                    message: "makeup_of（补考对应的考试）“\(target)” 不存在", examID: definition.id))
                continue
            }
            definitions.append(definition)
        }
        return (definitions, problems)
    }

    /// The exam with this id. When its file is broken (or its id is used
    /// twice), that file:line error is thrown instead of "unknown exam".
    public func definition(_ id: String) throws -> ExamDefinition {
        if let found = definitions.first(where: { $0.id == id }) { return found }
        if let problem = problems.first(where: { $0.examID == id })
            ?? problems.first(where: { (($0.file as NSString).lastPathComponent as NSString).deletingPathExtension == id })
        {
            throw problem
        }
        throw ExamCatalogError.unknownExam(id: id, available: definitions.map(\.id))
    }
}
