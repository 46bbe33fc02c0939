import Foundation

/// One person as listed in a roster file.
public struct RosterEntry: Sendable, Hashable {
    /// 工号, trimmed.
    public var staffID: String
    /// 姓名, trimmed.
    public var name: String
    /// 部门 path normalised to `综合办公室/秘书科` (segments trimmed, `／` and `\` accepted).
    public var department: String
    /// Line in the file, for messages.
    public var line: Int
    /// 登录名 (optional column): the person's account on an installed host.
    public var loginName: String?

    public init(staffID: String, name: String, department: String, line: Int = 0, loginName: String? = nil) {
        self.staffID = staffID
        self.name = name
        self.department = department
        self.line = line
        self.loginName = loginName
    }
}

/// Reads roster files (CSV with columns 工号, 姓名, 部门 in any order, and an
/// optional 登录名; extra columns are ignored; tab-separated text is accepted too). Pure: takes bytes, returns entries, so an .xlsx
/// reader can feed `entries(fromRows:)` the same way.
public enum RosterFile {
    static let columnNames: [String: [String]] = [
        "工号": ["工号", "员工编号", "staff", "staff_id", "id"],
        "姓名": ["姓名", "name"],
        "部门": ["部门", "department", "dept"],
        "登录名": ["登录名", "login", "login_name", "用户名"],
    ]

    /// Decodes and parses a CSV file's bytes.
    public static func entries(csv data: Data, file: String) throws -> (entries: [RosterEntry], encoding: TextDecoding.Encoding) {
        do {
            let (records, encoding) = try CSVReader.records(decoding: data)
            return (try entries(fromRows: records, file: file), encoding)
        } catch let error as CSVError {
            throw CSVFileError(.roster, file: file, problems: [error])
        }
    }

    /// Validates rows (the first is the header): required columns, non-empty
    /// 工号 and 姓名, no duplicate 工号. Collects every problem before throwing.
    public static func entries(fromRows rows: [CSVRecord], file: String) throws -> [RosterEntry] {
        guard let header = rows.first else {
            throw CSVFileError(.roster, file: file, problems: [CSVError(line: 1, message: "文件为空，第一行应为表头：工号,姓名,部门")])
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let columns = CSVReader.columns(of: header, aliases: columnNames)
        let repeated = repeatedColumns(names)
        if !repeated.isEmpty { try fail(file, repeated.map { CSVError(line: header.line, message: $0) }) }
        let missing = ["工号", "姓名", "部门"].filter { columns[$0] == nil }
        guard missing.isEmpty, let idColumn = columns["工号"], let nameColumn = columns["姓名"], let departmentColumn = columns["部门"] else {
            let found = header.fields.joined(separator: ",")
            try fail(file, [CSVError(line: header.line, message: "表头缺少列：\(missing.joined(separator: "、"))（表头应为 工号,姓名,部门；读到的是 \(found)）")])
        }
        var problems: [CSVError] = []
        var entries: [RosterEntry] = []
        var firstLine: [String: Int] = [:]
        var loginLine: [String: Int] = [:]
        let loginColumn = columns["登录名"]
        for row in rows.dropFirst() {
            if row.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard row.fields.count == header.fields.count else {
                problems.append(CSVError(line: row.line, message: "有 \(row.fields.count) 列，表头有 \(header.fields.count) 列（姓名或部门中含逗号时请加引号）"))
                continue
            }
            let staffID = row.fields[idColumn].trimmingCharacters(in: .whitespaces)
            let name = row.fields[nameColumn].trimmingCharacters(in: .whitespaces)
            if staffID.isEmpty { problems.append(CSVError(line: row.line, message: "工号为空")) }
            if name.isEmpty { problems.append(CSVError(line: row.line, message: "工号 \(staffID) 的姓名为空")) }
            var unsafe = unsafeFields(row, columns: [("工号", idColumn), ("姓名", nameColumn), ("部门", departmentColumn)])
            if unsafe.isEmpty, let invisible = invisibleCharacter(in: staffID) {
                unsafe.append(String(format: "工号中有不可见字符 U+%04X，请删除（工号应只含看得见的字符）", invisible.value))
            }
            if !unsafe.isEmpty {
                problems += unsafe.map { CSVError(line: row.line, message: $0) }
                continue
            }
            if let earlier = firstLine[staffID], !staffID.isEmpty {
                problems.append(CSVError(line: row.line, message: "工号 \(staffID) 重复（第 \(earlier) 行已有）"))
                continue
            }
            let login = loginColumn.map { row.fields[$0].trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            if let login {
                if let problem = loginProblem(login, line: row.line, earlier: loginLine[login]) {
                    problems.append(problem)
                    continue
                }
                loginLine[login] = row.line
            }
            guard !staffID.isEmpty, !name.isEmpty else { continue }
            firstLine[staffID] = row.line
            entries.append(
                RosterEntry(
                    staffID: staffID, name: name, department: normalizeDepartment(row.fields[departmentColumn]), line: row.line,
                    loginName: login))
        }
        if !problems.isEmpty { try fail(file, problems) }
        // An empty list would mark everyone 不在册 and lock them out of exams:
        // almost always the wrong file or sheet.
        guard !entries.isEmpty else {
            try fail(file, [CSVError(line: header.line + 1, message: "表头之后没有人员。花名册应列出全部在册人员；空名单会把所有人标为不在册，故未导入")])
        }
        return entries
    }

    /// A 登录名 is a POSIX account name, given to one person only.
    private static func loginProblem(_ login: String, line: Int, earlier: Int?) -> CSVError? {
        let allowed = login.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)) }
        if !allowed || login.hasPrefix("-") { return CSVError(line: line, message: "登录名 \(login) 应只含英文字母、数字、. _ -") }
        if let earlier { return CSVError(line: line, message: "登录名 \(login) 重复（第 \(earlier) 行已有）") }
        return nil
    }

    /// Names are printed on terminals and in reports: a control character,
    /// an escape sequence or a line break in a cell is refused, not stored.
    private static func unsafeFields(_ row: CSVRecord, columns: [(title: String, index: Int)]) -> [String] {
        columns.compactMap { column in
            let value = row.fields[column.index]
            if value.contains(where: \.isNewline) { return "\(column.title)中有换行，请删除" }
            guard let description = TextNormalizer.unsafeCharacterDescription(in: value) else { return nil }
            return "\(column.title)中有\(description)，请删除"
        }
    }

    /// A header naming one column twice (or two aliases of one column, such as
    /// 工号 and staff_id) is ambiguous: which one holds the 工号?
    private static func repeatedColumns(_ names: [String]) -> [String] {
        var problems: [String] = []
        var seen: [String: Int] = [:]
        for (index, name) in names.enumerated() where !name.isEmpty {
            if let first = seen[name] {
                problems.append("表头第 \(first + 1) 列与第 \(index + 1) 列同名（“\(name)”），请删除或改名其一")
            } else {
                seen[name] = index
            }
        }
        for (column, aliases) in columnNames.sorted(by: { $0.key < $1.key }) {
            let indices = names.indices.filter { aliases.contains(names[$0]) }
            if indices.count > 1, Set(indices.map { names[$0] }).count > 1 {
                let list = indices.map { "第 \($0 + 1) 列" }.joined(separator: "、")
                problems.append("表头中有多列都表示\(column)（\(list)），请只保留一列")
            }
        }
        return problems
    }

    /// A 工号 is matched by exact text: a zero-width space, a BOM or any other
    /// format, separator or unassigned character would make a look-alike id.
    static func invisibleCharacter(in staffID: String) -> Unicode.Scalar? {
        staffID.unicodeScalars.first { scalar in
            switch scalar.properties.generalCategory {
            case .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .privateUse, .unassigned, .surrogate:
                return true
            default:
                return false
            }
        }
    }

    /// `综合办公室 / 秘书科` → `综合办公室/秘书科`.
    public static func normalizeDepartment(_ text: String) -> String {
        text.split(whereSeparator: { "/／\\".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: "/")
    }

    private static func fail(_ file: String, _ problems: [CSVError]) throws -> Never {
        throw CSVFileError(.roster, file: file, problems: problems)
    }
}
