import Foundation

/// Interns short text values (question ids, department paths) met row after
/// row: a 64-bit FNV-1a of the bytes finds the slot of an open-addressing
/// table, and the stored bytes are compared so two values can never be
/// confused. The item scan looks up one value per paper item (millions), so
/// the table avoids `Dictionary`'s seeded rehash of the key and the compare
/// reads one flat byte store.
struct ByteInterner {
    private(set) var values: [String] = []
    /// Slot → value index + 1 (0: empty); the count is a power of two, kept at least twice the values.
    private var slots: [Int32] = []
    private var hashes: [UInt64] = []
    /// The values' bytes end to end; value `i` is `bytes[ends[i - 1]..<ends[i]]`.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    /// The index of `text`, and whether it was new.
    mutating func index(of text: UnsafeBufferPointer<UInt8>) -> (Int, Bool) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        if slots.isEmpty { slots = [Int32](repeating: 0, count: 64) }
        let mask = slots.count - 1
        var slot = Self.home(hash, mask: mask)
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            if hashes[index] == hash, matches(index, text) { return (index, false) }
            slot = (slot + 1) & mask
        }
        let index = values.count
        values.append(String(decoding: text, as: UTF8.self))
        hashes.append(hash)
        bytes.append(contentsOf: text)
        ends.append(bytes.count)
        if values.count * 2 > slots.count { rehash(slots.count * 2) } else { slots[slot] = Int32(index + 1) }
        return (index, true)
    }

    /// Spreads FNV's weak low bits over the slot number (Fibonacci hashing).
    @inline(__always) private static func home(_ hash: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private func matches(_ index: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = index == 0 ? 0 : ends[index - 1]
        guard ends[index] - start == text.count else { return false }
        guard let other = text.baseAddress, !text.isEmpty else { return true }
        return bytes.withUnsafeBufferPointer { stored in
            guard let base = stored.baseAddress else { return false }
            return memcmp(base + start, other, text.count) == 0
        }
    }

    private mutating func rehash(_ count: Int) {
        slots = [Int32](repeating: 0, count: count)
        let mask = count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Self.home(hash, mask: mask)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }
}
