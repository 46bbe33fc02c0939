import Foundation

extension DataCommandRunner {
    /// A banks root in the test folder with the real statutes and banks and
    /// its own exams folder holding `files` (name → YAML text).
    func banksWithExams(_ files: [String: String]) throws -> URL {
        let root = folder.appendingPathComponent("QuestionBanks")
        let exams = root.appendingPathComponent("exams")
        try FileManager.default.createDirectory(at: exams, withIntermediateDirectories: true)
        let real = Self.repositoryRoot.appendingPathComponent("QuestionBanks")
        for name in ["statutes", "banks"] {
            try FileManager.default.copyItem(at: real.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
        for (name, text) in files { try text.write(to: exams.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return root
    }
}
