import ArgumentParser

/// `lawquiz store …`: the results store itself (moving it to another engine).
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "结果存储：在 SQLite 文件与 PostgreSQL 服务器之间复制全部数据。",
        subcommands: [StoreCopy.self],
    )
}
