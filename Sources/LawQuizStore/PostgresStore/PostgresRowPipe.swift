import Foundation
import PostgresNIO

/// The rows of one statement, streamed to a synchronous reader: a task reads
/// postgres-nio's row sequence (which asks the server for more only as rows
/// are taken) into a small buffer, and the reader's thread takes them out.
/// A scan of millions of rows so holds a few hundred at a time.
final class PostgresRowPipe: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    // Guarded by `condition`.
    private var buffer: [PostgresRow] = []
    private var head = 0
    private var finished = false
    private var failure: (any Error)?
    private var stopped = false
    private var waitingProducer: CheckedContinuation<Void, Never>?

    /// Starts reading `query`'s rows on `connection`.
    init(connection: PostgresConnection, query: PostgresQuery, logger: Logger, capacity: Int = 256) {
        self.capacity = capacity
        Task { [self] in
            do {
                let rows = try await connection.query(query, logger: logger)
                for try await row in rows {
                    guard await put(row) else { break }
                }
                finish(nil)
            } catch {
                finish(error)
            }
        }
    }

    /// The next row; nil at the end. Throws the query's error.
    func take() throws -> PostgresRow? {
        condition.lock()
        defer { condition.unlock() }
        while head == buffer.count && !finished { condition.wait() }
        guard head < buffer.count else {
            if let failure { throw failure }
            return nil
        }
        let row = buffer[head]
        head += 1
        if head == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            head = 0
        }
        if let producer = waitingProducer, buffer.count - head < capacity {
            waitingProducer = nil
            producer.resume()
        }
        return row
    }

    /// Stops reading (the rest of the rows are dropped) and waits until the
    /// connection is free for the next statement.
    func close() {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        if let producer = waitingProducer {
            waitingProducer = nil
            producer.resume()
        }
        while !finished { condition.wait() }
    }

    /// Adds a row, first waiting while the buffer is full; false once the reader stopped.
    private func put(_ row: PostgresRow) async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            condition.lock()
            defer { condition.unlock() }
            if stopped || buffer.count - head < capacity {
                continuation.resume()
            } else {
                waitingProducer = continuation
            }
        }
        return append(row)
    }

    private func append(_ row: PostgresRow) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !stopped else { return false }
        buffer.append(row)
        condition.signal()
        return true
    }

    private func finish(_ error: (any Error)?) {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        failure = error
        condition.broadcast()
    }
}
