import DetainerDomain
import SQLite
@testable import DetainerStore
import Testing
import TestSupport

/// Each table's one record definition (Sources/DetainerStore/Records) must list exactly the
/// migrated table's columns, in the table's order: a migration that adds a column without the
/// record edit (or the reverse) fails here, before insert, decode, export or `show` can drift.
@Suite struct RecordSchemaTests {
    let dir = TemporaryDirectory()

    static func tableColumns(_ table: String, in db: DetainerDatabase) throws -> [String] {
        try db.connection.prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid").bindingFirst(table).map { $0.string(0) ?? "" }
    }

    @Test func everyRecordListsItsTablesColumnsInTableOrder() throws {
        let db = try dir.database()
        let records: [(String, [String])] = [
            (DetainerRecord.table, DetainerRecord.columnNames), (PersonRecord.table, PersonRecord.columnNames),
            (CustodyCaseRecord.table, CustodyCaseRecord.columnNames), (ConvictionRecord.table, ConvictionRecord.columnNames),
            (PendingChargeRecord.table, PendingChargeRecord.columnNames), (EvaluationRecord.table, EvaluationRecord.columnNames),
            (ReviewRecord.table, ReviewRecord.columnNames), (StatusEventRecord.table, StatusEventRecord.columnNames),
            (ContactRecord.table, ContactRecord.columnNames), (CorrectionRecord.table, CorrectionRecord.columnNames),
            (DocumentRecord.table, DocumentRecord.columnNames), (UserRecord.table, UserRecord.columnNames),
            (ImportRecord.table, ImportRecord.columnNames), (ProposalRecord.table, ProposalRecord.columnNames),
            (ScaapAmountRecord.table, ScaapAmountRecord.columnNames),
            (AssistanceRequestRecord.table, AssistanceRequestRecord.columnNames),
            (ReportPublicationRecord.table, ReportPublicationRecord.columnNames),
            (PublicFigureRecord.table, PublicFigureRecord.columnNames),
        ]
        // Every table whose rows `detainer check` fingerprints has its one record (issue 26 §5).
        #expect(Set(records.map(\.0)) == Set(RowDigest.auditedTables))
        for (table, columns) in records {
            let stored = try Self.tableColumns(table, in: db)
            #expect(!stored.isEmpty, "no table \(table)")
            #expect(columns == stored, "\(table): the record lists \(columns), the schema has \(stored)")
        }
    }

    /// The records added for the tables that had none (issue 26 §5) read back the rows the
    /// services write, and fingerprint exactly as `detainer check` does.
    @Test func theNewRecordsDecodeTheRowsTheServicesWriteAndFingerprintThemAsStored() throws {
        let db = try dir.database()
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        try db.accounts.addUser(name: "clara", role: .clerk, by: admin)
        let clara = try db.accounts.authorize("clara", for: .intake)
        _ = try ReportService(db).recordScaap(fiscalYear: 2026, requested: "1234.56", received: nil, source: "OMB letter", by: admin)
        _ = try ReportService(db).recordAssistanceRequest(
            AssistanceRequestEntry(requestingAgency: .other, requestingOther: "State police", receivingAgency: "DOC", kind: .information,
                                   response: .declined, exemption: .publicSafety, summary: "asked for a release date"), by: clara)
        _ = try ReportService(db).recordPublicFigure(measure: ReconcileReport.measures[0], value: 12, qualifier: .atLeast,
                                                     from: CivilDate(parsing: "2026-01-01")!, to: CivilDate(parsing: "2026-01-31")!,
                                                     agency: .doc, claimedBy: "a newspaper", source: "an article", by: admin)
        _ = try ProposalService(db).propose(detainerID: nil, .user(.add(name: "sue", role: .admin, osLogin: nil), reason: "a second admin"), by: admin)
        func check<Record: TableRecord>(_ type: Record.Type, count: Int) throws {
            let rows = try Record.fetchAll(db.connection, where: "1")
            #expect(rows.count == count, "\(Record.table)")
            for row in rows {
                #expect(row.rowDigest == (try RowDigest.digest(of: Record.table, id: row.id ?? 0, in: db.connection)), "\(Record.table) row \(row.id ?? 0)")
            }
        }
        try check(UserRecord.self, count: 2)
        try check(ScaapAmountRecord.self, count: 1)
        try check(AssistanceRequestRecord.self, count: 1)
        try check(PublicFigureRecord.self, count: 1)
        try check(ProposalRecord.self, count: 1)
        #expect(try TamperCheck.run(db.connection).isEmpty)
    }

    @Test func aBadStoredValueIsAnErrorNamingTableColumnAndRow() throws {
        let db = try dir.database()
        let adminID = try #require(try db.connection.scalarInt("SELECT id FROM users LIMIT 1"))
        try db.connection.run("""
            INSERT INTO persons (id, name, source, created_at, created_by) VALUES (7, 'Test Person', 'intake', 'not a time', ?)
            """, adminID)
        #expect(throws: StoreError.badStoredValue(table: "persons", column: "created_at", rowID: 7, value: "\"not a time\"")) {
            _ = try PersonRecord.fetch(db.connection, id: 7)
        }
    }

    @Test func aRecordRoundTripsThroughInsertAndDecodeAndFingerprintsAsTheStoredRow() throws {
        let db = try dir.database()
        let adminID = try #require(try db.connection.scalarInt("SELECT id FROM users LIMIT 1"))
        var person = PersonRecord()
        person.name = "José Núñez"
        person.dateOfBirth = CivilDate(parsing: "1985-02-03")
        person.nysid = "12345678K"
        person.createdAt = UTCInstant(parsing: "2026-03-02T15:00:00Z")!
        person.createdBy = adminID
        try db.connection.write { try person.insert(into: db.connection) }
        let id = try #require(person.id)
        let read = try #require(try PersonRecord.fetch(db.connection, id: id))
        #expect(read.storedValues == person.storedValues)
        #expect(read.jsonObject["name"] == .string("José Núñez"))
        #expect(person.rowDigest == (try RowDigest.digest(of: "persons", id: id, in: db.connection)))
    }

    /// The published export columns (README, "Import and export"), in their published order; the
    /// records' definitions must reproduce them, and a new column may only come after them.
    static let publishedExportColumns = [
        "detainer_id", "agency", "form", "ice_subject_id", "event_number", "a_number", "issuing_office", "facility", "facility_city",
        "facility_state", "prepared_on", "received_at", "received_on", "pc_final_order", "pc_removal_proceedings", "pc_biometric_match",
        "pc_statements", "warrant_type", "warrant_issuer", "warrant_date", "tsdb_match", "illegal_reentry", "status", "status_at",
        "hold_deadline", "outcome", "rule_version", "reasons", "decision", "decision_basis", "decided_at", "decided_on", "closed_on",
        "released_after_deadline", "ice_lift_reason", "ice_person_ref", "ice_msc_charge", "ice_msc_conviction_on",
        "person_id", "person_name", "person_date_of_birth", "person_nysid", "person_a_number", "person_fbi_number", "person_country_of_birth",
        "custody_case_id", "case_agency", "case_booking_number", "case_facility", "case_arrest_date", "case_scheduled_release_at",
        "case_released_at", "ended_after_deadline",
    ]

    /// A new export column needs a decision on what a pseudonymised export keeps of it; until it
    /// has one it is tokenised (never shown in clear by default).
    @Test func everyExportColumnHasAPseudonymDecision() {
        for name in NativeExport.columnNames {
            #expect(PseudonymPolicy.treatments[name] != nil || PseudonymPolicy.kept.contains(name), "no pseudonym decision for \(name)")
        }
        #expect(PseudonymPolicy.treatment("a_column_nobody_decided") == .token)
    }

    @Test func theExportKeepsItsPublishedColumnsFirstAndInOrder() {
        let names = NativeExport.columnNames
        #expect(Array(names.prefix(Self.publishedExportColumns.count)) == Self.publishedExportColumns)
        #expect(Set(names).count == names.count, "an export column name repeats")
    }

    /// `show --format json` prints each record's columns: a column added to the record (and its
    /// table) appears there with no other edit. The intake row also reads back equal to what
    /// its audit entry fingerprinted.
    @Test func showPrintsEveryColumnOfTheDetainerPersonAndCase() throws {
        let db = try dir.database()
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        try db.accounts.addUser(name: "clara", role: .clerk, by: admin)
        let clara = try db.accounts.authorize("clara", for: .intake)
        let request = IntakeRequest(person: .init(name: "Ana Ruiz", nysid: "12345678K"),
                                    custody: .init(agency: "DOC", bookingNumber: "B-100", arrestDate: "2026-02-20",
                                                   scheduledReleaseAt: "2026-03-05T15:00:00Z"))
        let id = try IntakeService(db).intake(request, by: clara).detainerID
        let detail = try db.queries.detail(detainerID: id)
        guard case .object(let json) = detail.json, case .object(let detainer)? = json["detainer"],
              case .object(let person)? = json["person"], case .object(let custody)? = json["custodyCase"] else {
            Issue.record("show's JSON lacks a detainer, person or custody case")
            return
        }
        #expect(Set(detainer.keys) == Set(DetainerRecord.columnNames))
        #expect(Set(person.keys) == Set(PersonRecord.columnNames))
        #expect(Set(custody.keys) == Set(CustodyCaseRecord.columnNames))
        #expect(detail.detainer.status == .pendingReview && detail.detainer.agency == .doc)
        #expect(detail.detainer.rowDigest == (try RowDigest.digest(of: "detainers", id: id, in: db.connection)))
        #expect(try db.integrity.healthCheck().ok)
    }
}
