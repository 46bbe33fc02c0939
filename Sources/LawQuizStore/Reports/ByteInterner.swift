/// Interns short text values (question ids, department paths) met row after
/// row: a 64-bit FNV-1a of the bytes finds the slot, and the stored bytes are
/// compared so two values can never be confused.
struct ByteInterner {
    private var slots: [UInt64: Int] = [:]
    private(set) var values: [String] = []
    private var bytes: [[UInt8]] = []
    private var collisions: [String: Int] = [:]

    /// The index of `text`, and whether it was new.
    mutating func index(of text: UnsafeBufferPointer<UInt8>) -> (Int, Bool) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        if let slot = slots[hash] {
            if bytes[slot].elementsEqual(text) { return (slot, false) }
            let value = String(decoding: text, as: UTF8.self)
            if let other = collisions[value] { return (other, false) }
            collisions[value] = append(text)
            return (values.count - 1, true)
        }
        let slot = append(text)
        slots[hash] = slot
        return (slot, true)
    }

    private mutating func append(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        values.append(String(decoding: text, as: UTF8.self))
        bytes.append(Array(text))
        return values.count - 1
    }
}
