import Foundation

/// Interns short text values (question ids, department paths) met row after
/// row: a 64-bit hash of the bytes (`hash`) finds the slot of an open-addressing
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
        let hash = Self.hash(text)
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

    /// Eight bytes at a time (question ids are 6–20 bytes): a multiply and a
    /// rotate per word, where a byte-wise FNV-1a chained a multiply per byte,
    /// then a final mix.
    @inline(__always) private static func hash(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(text.count)
        guard let base = text.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= text.count {
            hash = ((hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x0000_0100_0000_01b3)
            hash = (hash << 29) | (hash >> 35)
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < text.count {
            tail |= UInt64(base[offset]) << shift
            shift += 8
            offset += 1
        }
        // A multiply carries differences only towards the high bits; the
        // final mix (MurmurHash3's) spreads them over all 64 before `home`.
        hash ^= tail
        hash ^= hash >> 33
        hash &*= 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        hash &*= 0xc4ce_b9fe_1a85_ec53
        return hash ^ (hash >> 33)
    }

    /// The slot of a hash (Fibonacci hashing).
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
