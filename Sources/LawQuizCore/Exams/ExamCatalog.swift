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
        var definitions: [ExamDefinition] = []
        var problems: [ExamDefinitionError] = []
        for name in names {
            let file = folder.appendingPathComponent(name).path
            do {
                let definition = try ExamDefinitionLoader.load(file: file, library: library, timeZone: timeZone)
                if let earlier = definitions.first(where: { $0.id == definition.id }) {
                    problems.append(ExamDefinitionError(file: file, line: definition.source.line, message: "考试编号 \(definition.id) 与 \(earlier.source.file) 重复"))
                } else {
                    definitions.append(definition)
                }
            } catch let error as ExamDefinitionError {
                problems.append(error)
            }
        }
        return ExamCatalog(definitions: definitions, problems: problems)
    }

    /// The exam with this id. When the file named `<id>.yaml` is broken, its
    /// file:line error is thrown instead of "unknown exam".
    public func definition(_ id: String) throws -> ExamDefinition {
        if let found = definitions.first(where: { $0.id == id }) { return found }
        if let problem = problems.first(where: { (($0.file as NSString).lastPathComponent as NSString).deletingPathExtension == id }) {
            throw problem
        }
        throw ExamCatalogError.unknownExam(id: id, available: definitions.map(\.id))
    }
}
