import Foundation

/// Finds the `QuestionBanks` and `Results` folders so `lawquiz` works from the
/// project folder, from any sub-folder, and when started by path from elsewhere.
public struct ProjectPaths: Sendable {
    /// Folder holding statutes/, banks/ and exams/.
    public var questionBanks: URL
    /// The results database file.
    public var resultsDatabase: URL

    public init(questionBanks: URL, resultsDatabase: URL) {
        self.questionBanks = questionBanks
        self.resultsDatabase = resultsDatabase
    }

    /// Resolution order for the banks: explicit option, `LAWQUIZ_BANKS`, a
    /// `QuestionBanks` folder in the working directory or a parent, then one
    /// beside the executable's project. Results: option, `LAWQUIZ_RESULTS`,
    /// then `Results/lawquiz.sqlite` beside the banks folder.
    public static func resolve(
        banks: String?, results: String?, environment: [String: String], workingDirectory: String,
        executablePath: String
    ) -> ProjectPaths {
        let banksURL: URL
        if let banks {
            banksURL = URL(fileURLWithPath: banks, relativeTo: URL(fileURLWithPath: workingDirectory)).standardizedFileURL
        } else if let fromEnvironment = environment["LAWQUIZ_BANKS"], !fromEnvironment.isEmpty {
            banksURL = URL(fileURLWithPath: fromEnvironment).standardizedFileURL
        } else {
            let starts = [workingDirectory, (executablePath as NSString).deletingLastPathComponent]
            banksURL = starts.lazy.compactMap(findUpwards).first
                ?? URL(fileURLWithPath: workingDirectory).appendingPathComponent("QuestionBanks")
        }
        let resultsURL: URL
        if let results {
            resultsURL = URL(fileURLWithPath: results, relativeTo: URL(fileURLWithPath: workingDirectory)).standardizedFileURL
        } else if let fromEnvironment = environment["LAWQUIZ_RESULTS"], !fromEnvironment.isEmpty {
            resultsURL = URL(fileURLWithPath: fromEnvironment).standardizedFileURL
        } else {
            resultsURL = banksURL.deletingLastPathComponent().appendingPathComponent("Results/lawquiz.sqlite")
        }
        return ProjectPaths(questionBanks: banksURL, resultsDatabase: resultsURL)
    }

    private static func findUpwards(from start: String) -> URL? {
        var directory = URL(fileURLWithPath: start).standardizedFileURL
        for _ in 0..<8 {
            let candidate = directory.appendingPathComponent("QuestionBanks")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("statutes").path, isDirectory: &isDirectory),
                isDirectory.boolValue
            {
                return candidate
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        return nil
    }

    public var statutes: URL { questionBanks.appendingPathComponent("statutes") }
    public var banks: URL { questionBanks.appendingPathComponent("banks") }
    public var exams: URL { questionBanks.appendingPathComponent("exams") }
}
