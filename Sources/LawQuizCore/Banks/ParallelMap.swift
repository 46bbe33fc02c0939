import Dispatch

/// `map` spread over the cores, for independent CPU-bound work on values
/// that are not shared (each bank file's parse, each question's lint check):
/// at a start without a cached catalog these are most of the time. The
/// results keep the order of `items`.
enum ParallelMap {
    static func map<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        var results = [R?](repeating: nil, count: items.count)
        withoutActuallyEscaping(transform) { transform in
            results.withUnsafeMutableBufferPointer { buffer in
                // Every iteration writes only its own slot and reads shared values only.
                let work = Unshared(items: items, transform: transform, slots: buffer)
                DispatchQueue.concurrentPerform(iterations: items.count) { index in
                    work.slots[index] = work.transform(work.items[index])
                }
            }
        }
        return results.compactMap { $0 }
    }

    private struct Unshared<T, R>: @unchecked Sendable {
        let items: [T]
        let transform: (T) -> R
        let slots: UnsafeMutableBufferPointer<R?>
    }
}
