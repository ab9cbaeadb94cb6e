import Foundation

/// Reads a whole input file (or stdin for "-"), with the errors a user can act on.
enum InputFile {
    static let maximumBytes = 16 * 1024 * 1024

    static func read(_ path: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        if FileSystem.isDirectory(path) { throw CLIError(.noInput, "\(path) is a directory, not a file") }
        guard FileSystem.exists(path) else { throw CLIError(.noInput, "\(path): no such file") }
        if let size = FileSystem.size(path), size > maximumBytes {
            throw CLIError(.dataError, "\(path) is \(ByteCount.format(size)); the limit for this input is \(ByteCount.format(Int64(maximumBytes)))")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CLIError(.noInput, "\(path): cannot be read (permissions?)") }
        defer { try? handle.close() }
        return handle.readDataToEndOfFile()
    }
}
