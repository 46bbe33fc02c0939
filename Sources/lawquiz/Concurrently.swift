import Foundation

/// Runs two independent pieces of work at once and returns both results
/// (the first error thrown wins): a report's reads of the store and of the
/// banks' catalog need nothing from each other. `second` runs on a plain
/// thread of its own, not the dispatch pool, so that `first` (on the calling
/// thread) can still spread its own work over the pool's threads; inside a
/// `concurrentPerform` it would get no more threads than the cores.
func concurrently<A, B>(_ first: () throws -> A, _ second: @escaping () throws -> B) throws -> (A, B) {
    let other = OtherThread(second)
    let thread = Thread { other.run() }
    thread.start()
    let a = Result { try first() }
    other.done.wait()
    guard let b = other.result else { throw CancellationError() }
    return (try a.get(), try b.get())
}

/// The second piece of work and its result, written by its thread before
/// `done` is signalled and read only after.
private final class OtherThread<B>: @unchecked Sendable {
    let work: () throws -> B
    let done = DispatchSemaphore(value: 0)
    var result: Result<B, any Error>?

    init(_ work: @escaping () throws -> B) { self.work = work }

    func run() {
        result = Result { try work() }
        done.signal()
    }
}
