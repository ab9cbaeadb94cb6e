import Foundation
import Testing

/// Issue 22: `report annual` item by item against a small office whose right answers are known,
/// built through the CLI with a pinned clock. DOC's year FY2026 = 2025-07-01 … 2026-06-30.
@Suite struct StatutoryReportTests {
    /// The office, in June 2026 unless a step says otherwise.
    struct Scenario {
        let office: Office
        var ids: [String: Int64] = [:]

        static let june = "2026-06-10T14:00:00Z"

        init() throws {
            office = try Office(now: Self.june)
        }

        func run(_ args: [String], at now: String = Scenario.june) throws -> CLIResult {
            try office.cli.run(args, env: ["DETAINER_NOW": now])
        }

        func ok(_ args: [String], at now: String = Scenario.june) throws {
            try expectOK(run(args, at: now))
        }

        mutating func intake(_ key: String, name: String, nysid: String, booking: String, release: String = "2026-06-12T14:00:00Z",
                             _ extra: [String], at now: String = Scenario.june) throws {
            var args = ["intake", "--user", "clara", "--name", name, "--dob", "1980-01-01", "--nysid", nysid, "--agency", "DOC",
                        "--booking", booking, "--arrest-date", "2026-06-01", "--release-at", release, "--format", "json"]
            args += extra
            let result = try run(args, at: now)
            try expectOK(result)
            let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            ids[key] = try #require((json?["detainerID"] as? NSNumber)?.int64Value)
        }

        func id(_ key: String) -> String { String(ids[key]!) }

        func annual(_ agency: String = "DOC", year: Int = 2026, extra: [String] = [], at now: String = "2026-07-20T14:00:00Z") throws -> [String: Any] {
            let result = try run(["report", "annual", "--agency", agency, "--year", String(year), "--format", "json", "--user", "audrey"] + extra, at: now)
            try expectOK(result)
            return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        }
    }

    static func items(_ report: [String: Any]) -> [String: [String: Any]] {
        var out: [String: [String: Any]] = [:]
        for item in (report["items"] as? [[String: Any]]) ?? [] { out[item["id"] as? String ?? ""] = item }
        return out
    }

    static func ints(_ value: Any?) -> [String: Int] {
        ((value as? [String: Any]) ?? [:]).compactMapValues { ($0 as? NSNumber)?.intValue }
    }

    /// The office the issue describes: people with two detainers, a hold that expired, an ICE
    /// disavowal, honored by notification only, a release on bail after an honor, a detainer lodged
    /// in June and decided in July, and requests about people of each standing.
    static func buildOffice() throws -> Scenario {
        var s = try Scenario()
        let judicial = ["--warrant", "judicial", "--warrant-issuer", "Hon. A. Judge (E.D.N.Y.)"]
        // A: two detainers (two bookings), no conviction, no warrant: both declined. Reasons iv (final order) and i (biometric).
        try s.intake("a1", name: "Ana Two", nysid: "10000001A", booking: "A-1", ["--probable-cause", "finalOrder", "--probable-cause", "biometricMatch", "--tsdb-match", "no"])
        try s.intake("a2", name: "Ana Two", nysid: "10000001A", booking: "A-2", ["--probable-cause", "biometricMatch", "--tsdb-match", "no"])
        // B: a violent or serious conviction inside the window, judicial warrant; held past release, then transferred. Reason ii (NTA served).
        try s.intake("b", name: "Ben Vsc", nysid: "10000002B", booking: "B-1", ["--nta-served", "yes", "--tsdb-match", "no"] + judicial)
        try s.ok(["conviction", "add", "10000002B", "--statute", "PL 120.05", "--convicted-on", "2022-03-02", "--sentenced-on", "2022-04-13",
                  "--felony-class", "D", "--user", "clara"])
        // C: TSDB match only, honored by notifying ICE of the release; ICE took custody at the release time (no hold). Box 2 only: other.
        try s.intake("c", name: "Cal Tsdb", nysid: "10000003C", booking: "C-1", ["--box2", "yes", "--tsdb-match", "yes"] + judicial)
        // D: held; the 48-hour hold expired. Reason i (the statements box).
        try s.intake("d", name: "Dee Expired", nysid: "10000004D", booking: "D-1", ["--probable-cause", "statements", "--tsdb-match", "yes"] + judicial)
        // E: held; ICE disavowed custody (lifted). Reason iv (the final-order box).
        try s.intake("e", name: "Eve Disavowed", nysid: "10000005E", booking: "E-1", ["--probable-cause", "finalOrder", "--tsdb-match", "yes"] + judicial)
        // G: honored, then released on bail before the scheduled release: not a hold.
        try s.intake("g", name: "Gus Bail", nysid: "10000007G", booking: "G-1", ["--tsdb-match", "yes"] + judicial)
        // H: an administrative I-200 attached (reason iii), no judicial warrant: declined in June.
        try s.intake("h", name: "Hal Admin", nysid: "10000008H", booking: "H-1",
                     ["--warrant", "administrative", "--admin-warrant-form", "I-200", "--tsdb-match", "no"])
        // F: lodged June 25, decided (declined) July 2: f1 in FY2026, f7 in FY2027.
        try s.intake("f", name: "Fay Split", nysid: "10000006F", booking: "F-1", ["--tsdb-match", "no"], at: "2026-06-25T14:00:00Z")

        for key in ["a1", "a2", "b", "c", "d", "e", "g", "h"] {
            try s.ok(["review", s.id(key), "--approve", "--confirm-no-search", "--user", "sam"], at: "2026-06-11T14:00:00Z")
        }
        try s.ok(["review", s.id("f"), "--approve", "--confirm-no-search", "--user", "sam"], at: "2026-07-02T14:00:00Z")

        // B: held at the release time, transferred the next morning.
        try s.ok(["status", s.id("b"), "--to", "held", "--at", "2026-06-12T14:00:00Z", "--user", "clara"], at: "2026-06-12T14:05:00Z")
        try s.ok(["status", s.id("b"), "--to", "transferred", "--at", "2026-06-13T13:00:00Z", "--user", "clara"], at: "2026-06-13T13:05:00Z")
        // C: notification only, ICE at the door at release time.
        try s.ok(["status", s.id("c"), "--to", "transferred", "--at", "2026-06-12T14:00:00Z", "--user", "clara"], at: "2026-06-12T14:05:00Z")
        // D: held Friday 2026-06-12 10:00 EDT; the hold runs to Tuesday 10:00 (weekend excluded); released Tuesday 10:30.
        try s.ok(["status", s.id("d"), "--to", "held", "--at", "2026-06-12T14:00:00Z", "--user", "clara"], at: "2026-06-12T14:05:00Z")
        try s.ok(["status", s.id("d"), "--to", "released", "--cause", "holdExpired", "--at", "2026-06-16T14:30:00Z", "--user", "clara"],
                 at: "2026-06-16T14:35:00Z")
        // E: held, then ICE withdrew.
        try s.ok(["status", s.id("e"), "--to", "held", "--at", "2026-06-12T14:00:00Z", "--user", "clara"], at: "2026-06-12T14:05:00Z")
        try s.ok(["status", s.id("e"), "--to", "lifted", "--at", "2026-06-13T14:00:00Z", "--user", "clara"], at: "2026-06-13T14:05:00Z")
        // G: bail after the honor.
        try s.ok(["status", s.id("g"), "--to", "released", "--cause", "courtOrder", "--at", "2026-06-11T18:00:00Z", "--user", "clara"],
                 at: "2026-06-11T18:05:00Z")

        // Information requests: about A (no conviction), B (a conviction), C (TSDB only), and one about A with no detainer.
        func request(_ args: [String], type: String) throws -> String {
            let result = try s.run(["contact"] + args + ["--direction", "in", "--kind", "informationRequest", "--info-type", type,
                                                         "--summary", "ICE asks", "--user", "clara", "--format", "json"],
                                   at: "2026-06-15T14:00:00Z")
            try expectOK(result)
            let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            return "\((json?["contactID"] as? NSNumber)?.int64Value ?? -1)"
        }
        let aboutA = try request([s.id("a1")], type: "releaseDate")
        let aboutB = try request([s.id("b")], type: "releaseDate")
        let aboutC = try request([s.id("c")], type: "incarcerationStatus")
        let personOnly = try request(["--person", "10000001A", "--agency", "DOC"], type: "courtDate")
        func respond(_ target: [String], to request: String, type: String, _ extra: [String] = []) throws -> CLIResult {
            try s.run(["contact"] + target + ["--direction", "out", "--kind", "informationResponse", "--info-type", type, "--in-reply-to", request,
                                              "--outcome", "provided", "--summary", "answered", "--user", "clara"] + extra, at: "2026-06-15T15:00:00Z")
        }
        // §9-131(h): the answer about A is refused until confirmed.
        let refused = try respond([s.id("a1")], to: aboutA, type: "releaseDate")
        #expect(refused.status == 65 && refused.stderr.contains("§9-131(h)"), "\(refused.stderr)")
        try expectOK(respond([s.id("a1")], to: aboutA, type: "releaseDate", ["--confirm-despite-9-131h"]))
        try expectOK(respond([s.id("b")], to: aboutB, type: "releaseDate", ["--facilitated-transfer"]))
        try expectOK(respond([s.id("c")], to: aboutC, type: "incarcerationStatus"))
        _ = personOnly
        // A facilitated transfer for a person never transferred is refused.
        let noTransfer = try respond([s.id("a1")], to: aboutA, type: "releaseDate", ["--confirm-despite-9-131h", "--facilitated-transfer"])
        #expect(noTransfer.status == 65 && noTransfer.stderr.contains("facilitated-transfer"), "\(noTransfer.stderr)")

        // Imported ICE rows for a city facility (Rikers → DOC): never in the city's items.
        let csv = """
            date,lift_reason,det_facility,city,state,detainer_type
            2026-01-05 00:00:00,Booked into Detention,"RIKERS ISLAND, QUEENS, NY",QUEENS,NEW YORK,
            2026-02-05 00:00:00,,"RIKERS ISLAND, QUEENS, NY",QUEENS,NEW YORK,

            """
        let file = s.office.cli.directory.path("ice.csv")
        try Data(csv.utf8).write(to: URL(fileURLWithPath: file))
        try s.ok(["import", file, "--user", "sam"])
        return s
    }

    @Test func everyDocItemMatchesTheKnownAnswers() throws {
        let s = try Self.buildOffice()
        let report = try s.annual()
        #expect(report["agency"] as? String == "DOC")
        #expect(report["periodStart"] as? String == "2025-07-01" && report["periodEnd"] as? String == "2026-06-30")
        #expect(report["training"] as? Bool == true)
        let items = Self.items(report)
        #expect(items.keys.sorted() == ["f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9"])
        // f1: 9 detainers (A twice, B, C, D, E, G, H, F); imported Rikers rows are not among them.
        #expect(items["f1"]?["total"] as? Int == 9)
        #expect(Self.ints(items["f1"]?["breakdown"]) == ["i": 2, "ii": 1, "iii": 1, "iv": 2, "other": 3],
                "A1 iv, A2 i, B ii, C other (Box 2), D i, E iv, G other, H iii, F other — got \(String(describing: items["f1"]?["breakdown"]))")
        #expect(Self.ints(items["f1"]?["reconciliation"])["unreconciled"] == 0)
        // f2: persons held — B (ii), D (i), E (iv); not C (notification only), not G (bail).
        #expect(items["f2"]?["total"] as? Int == 3)
        #expect(Self.ints(items["f2"]?["breakdown"]) == ["i": 1, "ii": 1, "iii": 0, "iv": 1, "other": 0])
        // f3 transferred: B and C; f4 B (conviction); f5 C (TSDB only); remainder 0.
        #expect(items["f3"]?["total"] as? Int == 2)
        #expect(items["f4"]?["total"] as? Int == 1)
        #expect(items["f5"]?["total"] as? Int == 1)
        #expect(Self.ints(items["f3"]?["reconciliation"])["neitherVSCnorTSDB"] == 0)
        // f6: nothing recorded yet.
        #expect(items["f6"]?["total"] is NSNull)
        // f7: persons not honored in FY2026 — A (two detainers, one person) and H; F is decided in July.
        #expect(items["f7"]?["total"] as? Int == 2)
        // f8: D (hold expired) and E (ICE disavowed).
        #expect(items["f8"]?["total"] as? Int == 2)
        #expect(Self.ints(items["f8"]?["breakdown"]) == ["holdExpired": 1, "iceDisavowed": 1])
        // f9: requests by standing as of the request.
        let f9 = try #require(items["f9"]?["breakdown"] as? [String: Any])
        let noVSC = try #require(f9["noVSC"] as? [String: Any]), vsc = try #require(f9["VSC"] as? [String: Any]),
            tsdb = try #require(f9["TSDBOnly"] as? [String: Any])
        #expect(items["f9"]?["total"] as? Int == 4)
        #expect(noVSC["requests"] as? Int == 2 && noVSC["responses"] as? Int == 1)
        #expect(vsc["requests"] as? Int == 1 && vsc["responses"] as? Int == 1)
        #expect(tsdb["requests"] as? Int == 1 && tsdb["responses"] as? Int == 1)
        let noVSCTypes = try #require(noVSC["byInformationType"] as? [String: Any])
        #expect(Self.ints(noVSCTypes["releaseDate"]) == ["requests": 1, "responses": 1])
        #expect(Self.ints(noVSCTypes["courtDate"]) == ["requests": 1, "responses": 0])
        let vscTransfer = try #require(vsc["byFacilitatedTransfer"] as? [String: Any])
        #expect(Self.ints(vscTransfer["facilitated"]) == ["requests": 1, "responses": 1])
        #expect(Self.ints(items["f9"]?["reconciliation"])["respondedDespite9131h"] == 1)
        // Reconciliation of what was received: 9 = honored 5 (B, C, D, E, G) + declined 3 (A twice, H) + open 1 (F, decided in July).
        #expect(Self.ints(report["reconciliation"]) == ["received": 9, "honored": 5, "declined": 3, "liftedBeforeDecision": 0,
                                                         "releasedBeforeDecision": 0, "openAtPeriodEnd": 1, "unreconciled": 0])
        // ICE's records, apart.
        #expect(Self.ints(report["iceRecords"])["lodged"] == 2)
    }

    @Test func aDetainerLodgedInJuneAndDecidedInJulyCountsInTwoYears() throws {
        let s = try Self.buildOffice()
        let next = Self.items(try s.annual(year: 2027, at: "2026-07-20T14:00:00Z"))
        #expect(next["f1"]?["total"] as? Int == 0)
        #expect(next["f7"]?["total"] as? Int == 1)
        // The calendar year 2026 holds both.
        let calendar = Self.items(try s.annual(year: 2026, extra: ["--calendar"]))
        #expect(calendar["f1"]?["total"] as? Int == 9)
        #expect(calendar["f7"]?["total"] as? Int == 3)
    }

    @Test func enteredInErrorIsLeftOutAndCountedPerItem() throws {
        let s = try Self.buildOffice()
        try s.ok(["status", s.id("a2"), "--to", "enteredInError", "--note", "duplicate of the first", "--user", "clara"], at: "2026-07-01T14:00:00Z")
        let items = Self.items(try s.annual())
        #expect(items["f1"]?["total"] as? Int == 8)
        #expect(items["f1"]?["excludedEnteredInError"] as? Int == 1)
        #expect(items["f7"]?["total"] as? Int == 2, "A still has a declined detainer")
    }

    @Test func nypdAndProbationHaveTheirOwnFiveItems() throws {
        let s = try Self.buildOffice()
        let nypd = try s.annual("NYPD")
        #expect(Self.items(nypd).keys.sorted() == ["f1", "f2", "f3", "f4", "f5"])
        #expect(Self.items(nypd)["f1"]?["total"] as? Int == 0)
        let dop = Self.items(try s.annual("DOP"))
        let types = ((dop["f5"]?["breakdown"] as? [String: Any])?["noVSC"] as? [String: Any])?["byInformationType"] as? [String: Any]
        #expect(types?["appointment"] != nil, "§9-205(f)(5) adds appointment dates")
    }

    @Test func scaapAmountsAndTheQuarterlyReport() throws {
        let s = try Self.buildOffice()
        try s.ok(["scaap", "record", "--fiscal-year", "2026", "--requested", "1,250,000.50", "--received", "980000", "--source", "BJA award letter 2026-17", "--user", "sam"])
        let bad = try s.run(["scaap", "record", "--fiscal-year", "2026", "--requested", "lots", "--source", "x", "--user", "sam"])
        #expect(bad.status == 65 && bad.stderr.contains("requested"))
        let f6 = Self.items(try s.annual())["f6"]
        let breakdown = f6?["breakdown"] as? [String: Any]
        #expect((breakdown?["requested"] as? NSNumber)?.doubleValue == 1_250_000.5)
        #expect((breakdown?["received"] as? NSNumber)?.doubleValue == 980_000)

        try s.ok(["assistance", "add", "--requesting-agency", "ICE_HSI", "--receiving-agency", "HRA", "--kind", "information",
                  "--response", "declined", "--summary", "asked for an address", "--user", "clara"])
        try s.ok(["assistance", "add", "--requesting-agency", "CBP", "--receiving-agency", "DOT", "--kind", "access", "--response", "provided",
                  "--exemption", "publicSafety", "--summary", "bridge access", "--user", "clara"])
        let quarterly = try s.run(["report", "quarterly", "--year", "2026", "--quarter", "2", "--format", "json", "--user", "audrey"])
        try expectOK(quarterly)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(quarterly.stdout.utf8)) as? [String: Any])
        let rows = (json["rows"] as? [[String: Any]]) ?? []
        #expect(rows.count == 1 && rows.first?["requestingAgency"] as? String == "ICE_HSI" && rows.first?["receivingAgency"] as? String == "HRA")
        #expect(Self.ints(json["withheldUnderExemption"])["publicSafety"] == 1)
        #expect(!quarterly.stdout.contains("asked for an address"), "anonymized: no summaries")
    }

    @Test func reconcileSetsTheCitysCountsBesideICEsRecords() throws {
        let s = try Self.buildOffice()
        let result = try s.run(["report", "reconcile", "--from", "2026-01", "--to", "2026-06", "--agency", "DOC", "--format", "json", "--user", "audrey"])
        try expectOK(result)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        var rows: [String: (Int?, Any?)] = [:]
        for row in (json["rows"] as? [[String: Any]]) ?? [] { rows[row["measure"] as? String ?? ""] = (row["city"] as? Int, row["iceRecords"]) }
        #expect(rows["lodged"]?.0 == 9 && rows["lodged"]?.1 as? Int == 2, "nine logged in June; ICE's two Rikers rows: \(rows)")
        #expect(rows["transferred"]?.0 == 2)
        // A twice and H: all declined for want of a judicial warrant (the engine's first reason).
        #expect(rows["declined"]?.0 == 3 && rows["declinedNoJudicialWarrant"]?.0 == 3 && rows["declinedOtherReason"]?.0 == 0)
        for category in ["declinedWithAssault", "declinedWithDUI", "declinedWithSexCrime", "declinedWithWeapons", "declinedWithRobbery", "declinedWithHomicide"] {
            #expect(rows[category] != nil, "no \(category) row")
        }

        // A published claim, typed in with its source, stands beside the city's own count.
        let figure = try s.run(["report", "figure", "--measure", "declined", "--value", "4000", "--at-least", "--from", "2026-01", "--to", "2026-06",
                                "--claimed-by", "a federal official", "--source", "a letter quoted in the press", "--user", "audrey"])
        try expectOK(figure)
        let unknown = try s.run(["report", "figure", "--measure", "arrests", "--value", "1", "--from", "2026-01", "--to", "2026-06",
                                 "--claimed-by", "x", "--source", "y", "--user", "audrey"])
        #expect(unknown.status == 65 && unknown.stderr.contains("measure"), "\(unknown)")
        let beside = try s.run(["report", "reconcile", "--from", "2026-01", "--to", "2026-06", "--agency", "DOC", "--user", "audrey"])
        try expectOK(beside)
        #expect(beside.stdout.contains("at least 4000 (a federal official"), "\(beside.stdout)")
    }

    /// The offense categories count a declined detainer by its person's convictions (an attempt by its object).
    @Test func declinesAreCountedByOffenseCategory() throws {
        var s = try Scenario()
        try s.intake("k", name: "Kai Decline", nysid: "10000011K", booking: "K-1", ["--tsdb-match", "no"])
        try s.ok(["conviction", "add", "10000011K", "--statute", "PL 110/120.05", "--convicted-on", "2015-03-02", "--sentenced-on", "2015-04-02",
                  "--felony-class", "E", "--user", "clara"])
        try s.ok(["review", s.id("k"), "--approve", "--confirm-no-search", "--user", "sam"])
        let result = try s.run(["report", "reconcile", "--from", "2026-01", "--to", "2026-12", "--format", "json", "--user", "audrey"])
        try expectOK(result)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        var rows: [String: Int] = [:]
        for row in (json["rows"] as? [[String: Any]]) ?? [] { rows[row["measure"] as? String ?? ""] = row["city"] as? Int }
        #expect(rows["declined"] == 1 && rows["declinedWithAssault"] == 1 && rows["declinedWithRobbery"] == 0, "\(rows)")
    }

    @Test func explainNamesEveryItemsDatingAndReading() throws {
        let s = try Self.buildOffice()
        let result = try s.run(["report", "annual", "--agency", "DOC", "--year", "2026", "--explain", "--user", "audrey"])
        try expectOK(result)
        for id in 1...9 { #expect(result.stdout.contains("f\(id) (Admin. Code §9-131(f)(\(id))")) }
        #expect(result.stdout.contains("dated by the date the hold began"))
        #expect(result.stdout.contains("excludes Saturdays, Sundays and holidays"))
        #expect(result.stdout.contains("TRAINING DATABASE"))
        let missing = try s.run(["report", "annual", "--year", "2026", "--user", "audrey"])
        #expect(missing.status == 64)
    }

    @Test func theHeldStatusNeedsItsCauseAndUsesTheFederalClock() throws {
        var s = try Scenario()
        try s.intake("x", name: "Xia Hold", nysid: "10000009X", booking: "X-1", ["--tsdb-match", "yes", "--warrant", "judicial", "--warrant-issuer", "Hon. J"])
        try s.ok(["review", s.id("x"), "--approve", "--confirm-no-search", "--user", "sam"])
        // Friday 2026-06-12 10:00 EDT: the hold deadline is Tuesday 10:00, not Sunday.
        let held = try s.run(["status", s.id("x"), "--to", "held", "--at", "2026-06-12T14:00:00Z", "--user", "clara", "--format", "json"],
                             at: "2026-06-12T14:05:00Z")
        try expectOK(held)
        #expect(held.stdout.contains("\"holdDeadline\": \"2026-06-16T14:00:00Z\""), "\(held.stdout)")
        let noCause = try s.run(["status", s.id("x"), "--to", "released", "--user", "clara"], at: "2026-06-16T15:00:00Z")
        #expect(noCause.status == 65 && noCause.stderr.contains("cause"))
        let wrongPlace = try s.run(["status", s.id("x"), "--to", "transferred", "--cause", "other", "--user", "clara"], at: "2026-06-16T15:00:00Z")
        #expect(wrongPlace.status == 65)
        try s.ok(["status", s.id("x"), "--to", "released", "--cause", "iceDisavowed", "--user", "clara"], at: "2026-06-16T15:00:00Z")
        #expect(try s.office.cli.sqlite("SELECT hold_end_cause FROM detainers WHERE id = \(s.id("x"));").stdout.contains("iceDisavowed"))
        try expectOK(s.office.cli.run("check"))
    }

    @Test func thePublishedPageIsSelfContainedAndSuppressesSmallCells() throws {
        let s = try Self.buildOffice()
        let result = try s.run(["report", "annual", "--agency", "DOC", "--year", "2026", "--format", "html", "--user", "audrey"])
        try expectOK(result)
        let page = result.stdout
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("@media print"))
        #expect(page.contains("<svg"))
        #expect(page.contains("As of "))
        #expect(page.contains("TRAINING DATABASE"))
        #expect(!page.contains("<script") && !page.contains("src=\"http") && !page.contains("href=\"http"))
        // f2's reason cells of 1 are shown as "<5"; the total is shown.
        #expect(page.contains("&lt;5"))
        let f1 = page.range(of: "id=\"item-f1\"").map { String(page[$0.lowerBound...].prefix(600)) } ?? ""
        #expect(f1.contains("Total: </strong>9"), "\(f1)")
    }
}
