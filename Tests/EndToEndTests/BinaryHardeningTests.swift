import Foundation
import XCTest

/// The built `lawquiz` is installed set-group-id (scripts/install): its ELF
/// headers must keep the loader's hardening — a position-independent
/// executable, relocations bound at start with the GOT read-only afterwards
/// (full RELRO: `-z now` with `GNU_RELRO`), and a stack that is not executable.
/// Read from the file itself, so no binutils are needed.
final class BinaryHardeningTests: XCTestCase {
    func testTheProgramIsPIEWithFullRELROAndNoExecutableStack() throws {
        #if os(Linux)
            let file = try FileHandle(forReadingFrom: DataCommandRunner.binary)
            defer { try? file.close() }
            func bytes(at offset: UInt64, count: Int) throws -> [UInt8] {
                try file.seek(toOffset: offset)
                let data = try XCTUnwrap(try file.read(upToCount: count))
                XCTAssertEqual(data.count, count, "ELF file cut short at \(offset)")
                return [UInt8](data)
            }
            func value(_ bytes: [UInt8], _ at: Int, _ size: Int) -> UInt64 {
                (0..<size).reduce(UInt64(0)) { $0 | UInt64(bytes[at + $1]) << (8 * UInt64($1)) }
            }
            let header = try bytes(at: 0, count: 64)
            XCTAssertEqual(Array(header[0..<4]), [0x7F, 0x45, 0x4C, 0x46], "not an ELF file")
            XCTAssertEqual(header[4], 2, "not a 64-bit ELF file")
            XCTAssertEqual(header[5], 1, "not little-endian")
            XCTAssertEqual(value(header, 16, 2), 3, "not ET_DYN: the program is not position-independent")
            let programHeaders = value(header, 32, 8), entrySize = Int(value(header, 54, 2)), count = Int(value(header, 56, 2))
            let table = try bytes(at: programHeaders, count: entrySize * count)
            var types: [UInt32: (flags: UInt64, offset: UInt64, size: UInt64)] = [:]
            for index in 0..<count {
                let at = index * entrySize
                types[UInt32(value(table, at, 4))] = (value(table, at + 4, 4), value(table, at + 8, 8), value(table, at + 32, 8))
            }
            XCTAssertNotNil(types[0x6474_E552], "no PT_GNU_RELRO")
            let stack = try XCTUnwrap(types[0x6474_E551], "no PT_GNU_STACK: the loader would make the stack executable")
            XCTAssertEqual(stack.flags & 1, 0, "executable stack")
            let dynamic = try XCTUnwrap(types[2], "no PT_DYNAMIC")
            let entries = try bytes(at: dynamic.offset, count: Int(dynamic.size))
            var flags: UInt64 = 0, flags1: UInt64 = 0
            for at in stride(from: 0, to: entries.count - 15, by: 16) {
                switch value(entries, at, 8) {
                case 30: flags = value(entries, at + 8, 8)  // DT_FLAGS
                case 0x6FFF_FFFB: flags1 = value(entries, at + 8, 8)  // DT_FLAGS_1
                default: break
                }
            }
            XCTAssertNotEqual(flags1 & 0x0800_0000, 0, "DF_1_PIE missing")
            XCTAssertTrue(flags & 0x8 != 0 || flags1 & 0x1 != 0, "not bound at start (-z now): RELRO is only partial")
        #else
            throw XCTSkip("ELF headers are checked on Linux only")
        #endif
    }
}
