import DetainerStore
import Foundation

/// Reads a whole input file (or stdin for "-"), with the errors a user can act on.
enum InputFile {
    static let maximumBytes = 16 * 1024 * 1024

    /// Files must be regular files (one open, checked with fstat: /dev/zero or a FIFO is refused,
    /// not read forever); standard input is read up to the same limit (issue 13 §6).
    static func read(_ path: String) throws -> Data {
        if path == "-" {
            var data = Data()
            while true {
                let chunk = FileHandle.standardInput.readData(ofLength: 65_536)
                if chunk.isEmpty { break }
                data.append(chunk)
                if data.count > maximumBytes {
                    throw CLIError(.dataError, "standard input is larger than the \(ByteCount.format(Int64(maximumBytes))) limit for this input")
                }
            }
            return data
        }
        if PeerSession.current == nil {
            if FileStatus.isDirectory(path) { throw CLIError(.noInput, "\(path) is a directory, not a file") }
            guard FileStatus.exists(path) else { throw CLIError(.noInput, "\(path): no such file") }
            if let size = FileStatus.size(path), size > maximumBytes {
                throw CLIError(.dataError, "\(path) is \(ByteCount.format(size)); the limit for this input is \(ByteCount.format(Int64(maximumBytes)))")
            }
        }
        do {
            return Data(try ClientFiles.read(path, limit: maximumBytes))
        } catch BoundedFile.Failure.tooLarge {
            throw CLIError(.dataError, "\(path) is larger than the \(ByteCount.format(Int64(maximumBytes))) limit for this input")
        }
    }

    /// Reads a JSON document: UTF-8 (a BOM is fine), or UTF-16/32 with a BOM, which JSON's own
    /// decoder recognises. Anything else — typically Latin-1 from an old spreadsheet — is
    /// refused with the offending byte, instead of a vague "not valid JSON".
    static func readJSON(_ path: String) throws -> Data {
        let data = try read(path)
        let bytes = [UInt8](data.prefix(4))
        let unicodeBOM = bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE])
            || bytes.starts(with: [0, 0, 0xFE, 0xFF])
        if !unicodeBOM, String(data: data, encoding: .utf8) == nil {
            var offset = 0
            var iterator = data.makeIterator()
            var decoder = UTF8()
            while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): offset += String(scalar).utf8.count; continue
                case .emptyInput: break
                case .error:
                    let byte = data[data.startIndex + min(offset, data.count - 1)]
                    throw CLIError(.dataError, "\(path == "-" ? "standard input" : path) is not UTF-8 text (byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(offset); Latin-1 or Windows-1252?); save it as UTF-8")
                }
                break
            }
        }
        return data
    }
}
