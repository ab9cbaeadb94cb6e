import ArgumentParser
import DetainerDomain
import DetainerStore
import SQLite

/// Turns any error into one line on stderr and the documented exit status.
enum ErrorReporting {
    static func report(_ error: Error) -> ExitCode {
        let (status, message) = classify(error)
        Terminal.error(message)
        return ExitCode(status.rawValue)
    }

    static func classify(_ error: Error) -> (ExitStatus, String) {
        switch error {
        case let error as PermissionDenied:
            return (.permission, error.description)
        case let error as InputError:
            return (.dataError, error.description)
        case let error as InputErrors:
            return (.dataError, error.issues.map(\.description).joined(separator: "; "))
        case let error as IllegalTransition:
            return (.dataError, error.description)
        case let error as DuplicateImport:
            return (.dataError, error.description)
        case let error as ImportRefused:
            return (.dataError, error.description)
        case let error as NotFound:
            return (.dataError, error.description)
        case let error as DuplicateDetainer:
            return (.dataError, error.description)
        case let error as IntegrityRefusal:
            return (.permission, error.description)
        case let error as KeyFileError:
            return (.dataError, error.description)
        case let error as BoundedFile.Failure:
            switch error {
            case .missing: return (.noInput, error.description)
            case .unreadable: return (.noInput, error.description)
            case .notRegular, .tooLarge: return (.dataError, error.description)
            }
        case let error as CLIError:
            return (error.status, error.message)
        case let error as StoreError:
            switch error {
            case .missingDatabase: return (.noInput, error.description)
            case .needsMigration: return (.dataError, error.description)
            case .notAFile: return (.noInput, error.description)
            case .readOnly: return (.ioError, error.description)
            }
        case let error as ConnectionError:
            return (.dataError, error.description)
        case let error as MigrationError:
            return (.dataError, error.description)
        case let error as SQLiteError:
            return classifySQLite(error)
        default:
            return (.software, "unexpected error: \(error)")
        }
    }

    static func classifySQLite(_ error: SQLiteError) -> (ExitStatus, String) {
        switch error.category {
        case .busy:
            return (.unavailable, "the database is busy (another writer held it past the timeout); nothing was written, try again")
        case .diskFull:
            return (.ioError, "the disk is full; nothing was written")
        case .readOnly:
            return (.ioError, "the database is read-only (file or directory permissions); nothing was written")
        case .ioError, .cannotOpen, .permission:
            return (.ioError, "cannot read or write the database: \(error.message)")
        case .notADatabase:
            return (.dataError, "the file is not an SQLite database")
        case .corrupt:
            return (.ioError, "the database file is corrupt: \(error.message); restore from a backup")
        case .constraint:
            return (.dataError, "refused by a database rule: \(error.message); nothing was written")
        case .other:
            return (.software, error.description)
        }
    }
}

/// An error raised by the command layer itself, with its exit status.
struct CLIError: Error {
    let status: ExitStatus
    let message: String

    init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }
}
