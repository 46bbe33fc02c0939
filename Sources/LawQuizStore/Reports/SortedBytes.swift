import Foundation

/// Byte strings in ascending byte order (as a query ordered by the dialect's
/// `byteOrder` returns them), stored end to end, and a walk that looks a
/// second sequence up in them: `absent` checks each roster 工号 against the
/// sitters' 工号. A hash table of the sitters (`ByteInterner`) missed the
/// cache at nearly every insert and look-up: 39% of `absent`'s samples at
/// 150,000 attempts (93,000 sitters) under load. The walk costs one
/// comparison per value when the looked-up texts ascend too (a roster stored
/// in 工号 order, read in its stored order); a look-up below the last one
/// bisects back, one above gallops forward. A roster in no such order
/// (more than one look-up in eight going back) would pay a binary search
/// per person, slower than hashing (150k, shuffled roster: 116–123 ms CPU
/// against the hash table's 98–115), so from then on the values are looked
/// up in a `ByteInterner` built from them. Equal means equal bytes, as
/// SQL's `=` compares text.
struct SortedBytes {
    /// The values' bytes end to end; value `i` is `bytes[ends[i - 1]..<ends[i]]`.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    var count: Int { ends.count }

    /// Appends `text`, which must not sort before the last value; a repeat
    /// of the last value is left out (the sitters' query returns a 工号 once
    /// per attempt, adjacent: `SELECT DISTINCT` cost SQLite more than the
    /// range itself).
    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        let start = ends.count > 1 ? ends[ends.count - 2] : 0
        if let end = ends.last, end - start == text.count {
            let repeated = bytes.withUnsafeBufferPointer { stored in
                guard let base = stored.baseAddress, let other = text.baseAddress else { return true }
                return memcmp(base + start, other, text.count) == 0
            }
            if repeated { return }
        }
        bytes.append(contentsOf: text)
        ends.append(bytes.count)
    }

    /// Where the next look-up starts: the first value not below the last text looked up.
    private var position = 0
    private var lookUps = 0
    private var backwards = 0
    /// The values hashed, once the look-ups prove unordered; the first `count` indices are the values.
    private var hashed: ByteInterner?

    /// Whether `text` is one of the values.
    mutating func contains(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        if hashed == nil, backwards > 64, backwards * 8 > lookUps { hashed = interned() }
        if var table = hashed {
            // Texts that are not values are interned too, after them (as `absent` always did).
            hashed = nil
            defer { hashed = table }
            return table.index(of: text).0 < count
        }
        lookUps += 1
        let start = position
        let found = walk(to: text)
        if position < start { backwards += 1 }
        return found
    }

    /// The values in a hash table, each at its index.
    private func interned() -> ByteInterner {
        var table = ByteInterner()
        bytes.withUnsafeBufferPointer { stored in
            var start = 0
            for end in ends {
                _ = table.index(of: UnsafeBufferPointer(rebasing: stored[start..<end]))
                start = end
            }
        }
        return table
    }

    /// Whether `text` is one of the values, `position` moved to the first value not below it.
    private mutating func walk(to text: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = self.position
        defer { self.position = position }
        return bytes.withUnsafeBufferPointer { stored in
            let count = ends.count
            /// The order of value `index` against `text`.
            func order(_ index: Int) -> Int {
                let start = index == 0 ? 0 : ends[index - 1]
                return StaffIDMerge.order(UnsafeBufferPointer(rebasing: stored[start..<ends[index]]), text)
            }
            /// The first index in `range` whose value is not below `text` (`range.upperBound` if none).
            func lowerBound(_ range: Range<Int>) -> Int {
                var low = range.lowerBound, high = range.upperBound
                while low < high {
                    let middle = (low + high) / 2
                    if order(middle) < 0 { low = middle + 1 } else { high = middle }
                }
                return low
            }
            if position > 0, order(position - 1) >= 0 {
                position = lowerBound(0..<position)
            } else {
                // Values below `low` are below `text`; probes at 1, 2, 4, … values on.
                var low = position, probe = position, step = 1
                while probe < count, order(probe) < 0 {
                    low = probe + 1
                    probe = low + step
                    step *= 2
                }
                position = lowerBound(low..<min(probe, count))
            }
            return position < count && order(position) == 0
        }
    }
}
