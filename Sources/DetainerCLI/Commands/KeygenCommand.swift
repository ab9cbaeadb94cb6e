import ArgumentParser
import DetainerStore
#if canImport(Glibc)
import Glibc
#endif

struct KeygenCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Make an Ed25519 signing key pair (--out DIR) or a pseudonymisation key (--pseudonym-key FILE).",
        discussion: """
            --out DIR writes DIR/signing.key (the private key, mode 0600: keep it where only the people who may \
            write can read it) and DIR/signing.pub (the public key: keep a copy outside the database host and \
            verify with `detainer check --public-key`). --pseudonym-key FILE writes 32 random bytes for \
            `export --pseudonymize --key-file`. Existing files are never overwritten.
            """)

    @Option(help: ArgumentHelp("Directory for signing.key and signing.pub (created if missing).", valueName: "dir"), completion: .directory)
    var out: String?

    @Option(name: .customLong("pseudonym-key"), help: ArgumentHelp("Write a 32-byte random pseudonymisation key here.", valueName: "file"), completion: .file())
    var pseudonymKey: String?

    func validate() throws {
        if (out == nil) == (pseudonymKey == nil) { throw ValidationError("give exactly one of --out DIR or --pseudonym-key FILE") }
    }

    func execute() throws {
        if let out {
            if !FileStatus.exists(out), mkdir(out, 0o700) != 0 {
                throw CLIError(.cannotCreate, "\(out): cannot create the directory: \(String(cString: strerror(errno)))")
            }
            guard FileStatus.isDirectory(out) else { throw CLIError(.cannotCreate, "\(out) is not a directory") }
            // Another account that can write the directory can swap the key files for its own
            // (rename is a directory write), so the office would sign with a key someone else holds.
            if let mode = FileStatus.mode(out), mode & 0o022 != 0 {
                throw CLIError(.permission, "\(out): other accounts can write this directory (mode \(String(mode, radix: 8))); keep keys in an owner-only directory (chmod 700 \(out), or give a new one); nothing was written")
            }
            let key = SigningKey.generate()
            let privatePath = out + "/signing.key", publicPath = out + "/signing.pub"
            if FileStatus.exists(publicPath) { throw CLIError(.cannotCreate, "\(publicPath) already exists; keys are never overwritten") }
            try SafeOutput.write(privatePath, Array(key.fileContents.utf8), force: false)
            try SafeOutput.write(publicPath, Array(key.publicKey.fileContents.utf8), force: false)
            Terminal.out("Wrote \(privatePath) (private, mode 0600) and \(publicPath) (public key \(key.publicKey.hex.prefix(16))…).")
        }
        if let pseudonymKey {
            var bytes = [UInt8](repeating: 0, count: 32)
            var generator = SystemRandomNumberGenerator()
            for index in bytes.indices { bytes[index] = generator.next() }
            try SafeOutput.write(pseudonymKey, bytes, force: false)
            Terminal.out("Wrote a 32-byte random pseudonymisation key to \(pseudonymKey) (mode 0600).")
        }
    }
}
