/// xoshiro256** seeded through SplitMix64: a small, fast, well-studied
/// generator whose output depends only on the seed, on every platform and
/// Swift version — unlike `SystemRandomNumberGenerator` — so a stored seed
/// reproduces a paper exactly.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var splitMix = SplitMix64(seed: seed)
        state = (splitMix.next(), splitMix.next(), splitMix.next(), splitMix.next())
    }

    public mutating func next() -> UInt64 {
        let result = rotate(state.1 &* 5, 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotate(state.3, 45)
        return result
    }

    /// A uniform value in `0..<bound` without modulo bias (Lemire's method is
    /// what the standard library uses too, but spelled out here so the
    /// sequence can never change under us).
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        let limit = UInt64(bound)
        let threshold = (0 &- limit) % limit
        while true {
            let value = next()
            let product = value.multipliedFullWidth(by: limit)
            if product.low >= threshold { return Int(product.high) }
        }
    }

    /// Fisher–Yates shuffle driven only by `below`, so it is stable across
    /// standard library versions (unlike `Array.shuffle(using:)`).
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            let other = below(index + 1)
            if other != index { items.swapAt(index, other) }
        }
    }

    private func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }
}

/// SplitMix64, used to spread a seed over xoshiro's 256-bit state.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
