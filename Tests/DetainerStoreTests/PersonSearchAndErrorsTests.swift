import Testing
import Sysexits
import SQLite
import DetainerDomain
@testable import DetainerStore

/// Issue 11 §5 (name search keys) and issue 12 §4 (each error declares its exit status).
@Suite struct PersonSearchAndErrorsTests {
    @Test func namesFoldToWordsWithoutCaseOrAccents() {
        #expect(PersonSearchKey.words("José Nuñez-O'Brien") == ["jose", "nunez", "obrien"])
        #expect(PersonSearchKey.words("NGUYỄN Thị  Lan") == ["nguyen", "thi", "lan"])
        #expect(PersonSearchKey.words("Łukasz Strauß Ødegaard") == ["lukasz", "strauss", "odegaard"])
        #expect(PersonSearchKey.words("王 小明") == ["王", "小明"])
        #expect(PersonSearchKey.query("  ,. ") == nil)
    }

    @Test func eachWordStartsAKey() {
        #expect(PersonSearchKey.keys(forName: "José Juan Cruz") == ["jose juan cruz", "juan cruz", "cruz"])
        #expect(PersonSearchKey.keys(forName: "Ana Ana") == ["ana ana", "ana"])
        let long = (1...40).map { "w\($0)" }.joined(separator: " ")
        #expect(PersonSearchKey.keys(forName: long).count == PersonSearchKey.maxWords)
    }

    @Test func everyStoreErrorDeclaresItsStatus() {
        let cases: [(any Error, Sysexits.ExitStatus)] = [
            (PermissionDenied(message: "clerk x may not review"), .permission),
            (NotFound(entity: "detainer", key: "9"), .dataError),
            (StoreError.missingDatabase(path: "/x"), .noInput),
            (StoreError.notAFile(path: "/x"), .noInput),
            (StoreError.readOnly(path: "/x"), .ioError),
            (StoreError.needsMigration(path: "/x", version: 1, latest: 2), .dataError),
            (ValidationIssue(path: "name", message: "too long"), .dataError),
            (MigrationError.databaseTooNew(databaseVersion: 3, knownVersion: 2), .dataError),
            (ConnectionError.notADatabase(path: "/x"), .dataError),
        ]
        for (error, status) in cases {
            #expect((error as? ExitStatusError)?.exitStatus == status, "\(error)")
            #expect((error as? ExitStatusError)?.exitMessage.isEmpty == false)
        }
    }
}
