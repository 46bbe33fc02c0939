import Dispatch

/// Runs two independent pieces of work at once and returns both results
/// (the first error thrown wins): a report's reads of the store and of the
/// banks' catalog need nothing from each other.
func concurrently<A, B>(_ first: () throws -> A, _ second: () throws -> B) throws -> (A, B) {
    let slots = PairSlots<A, B>()
    withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            let work = PairWork(first: first, second: second, slots: slots)
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                if part == 0 { work.slots.first = Result { try work.first() } } else { work.slots.second = Result { try work.second() } }
            }
        }
    }
    guard let a = slots.first, let b = slots.second else { throw CancellationError() }
    return (try a.get(), try b.get())
}

/// Each result is written by one thread only and read after both finished.
private final class PairSlots<A, B>: @unchecked Sendable {
    var first: Result<A, any Error>?
    var second: Result<B, any Error>?
}

private struct PairWork<A, B>: @unchecked Sendable {
    let first: () throws -> A
    let second: () throws -> B
    let slots: PairSlots<A, B>
}
