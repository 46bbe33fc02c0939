/// Finding one comparable text (`TextNormalizer.comparable`) in another by
/// its UTF-8 bytes, instead of Foundation's `range(of:)`, which bridges both
/// strings to `NSString` and compared them character by character: a fifth
/// of linting the banks. Only for texts made of characters that are their
/// own grapheme and have no canonical decomposition — what the comparable
/// form of plain Chinese text holds (ASCII, CJK ideographs, the punctuation
/// `TextNormalizer` keeps) — where a byte match is exactly Foundation's
/// match; callers fall back to Foundation for anything else.
enum ComparableSearch {
    /// True when byte search gives Foundation's answer for `text`.
    static func isPlain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 {
                    guard lead >= 0x21, lead <= 0x7E else { return false }
                    index += 1
                    continue
                }
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                guard length < 4, index + length <= bytes.count else { return false }
                var value = UInt32(lead & (length == 3 ? 0x0F : 0x1F))
                for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                switch value {
                case 0x3400...0x4DBF, 0x4E00...0x9FFF: break
                default: guard TextNormalizer.stablePunctuation.contains(value) else { return false }
                }
                index += length
            }
            return true
        }
    }

    /// The byte offset just past the first occurrence of `needle` in
    /// `haystack` at or after byte `start`, nil when there is none.
    static func end(of needle: String, in haystack: String, from start: Int) -> Int? {
        var needle = needle
        var haystack = haystack
        return needle.withUTF8 { needle in
            haystack.withUTF8 { haystack in
                guard let first = needle.first else { return start }
                var position = start
                while position + needle.count <= haystack.count {
                    if haystack[position] == first {
                        var offset = 1
                        while offset < needle.count, haystack[position + offset] == needle[offset] { offset += 1 }
                        if offset == needle.count { return position + needle.count }
                    }
                    position += 1
                }
                return nil
            }
        }
    }
}
