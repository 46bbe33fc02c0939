import ArgumentParser

/// Where the banks and the results store live; shared by every subcommand.
struct PathOptions: ParsableArguments, PathChoosing {
    @Option(name: .customLong("banks"), help: ArgumentHelp("题库根目录（含 statutes/、banks/、exams/）；也可用环境变量 LAWQUIZ_BANKS。", valueName: "DIR"))
    var banksRoot: String?

    @Option(name: .customLong("results"), help: ArgumentHelp(
            "结果数据库：文件路径，或 PostgreSQL 服务器 postgres://用户@主机:端口/数据库（密码用 PGPASSWORD 或 ~/.pgpass，不写在地址中）；也可用环境变量 LAWQUIZ_RESULTS。默认 Results/lawquiz.sqlite。",
            valueName: "PATH|URL"))
    var results: String?

    /// Installed: only administrators may point lawquiz at other banks or
    /// another store: refused while the arguments are checked (`checkOverrides`).
    func validate() throws {
        try checkOverrides()
    }
}
