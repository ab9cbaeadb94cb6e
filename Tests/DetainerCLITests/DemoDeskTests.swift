import Foundation
import Testing

/// Issue 25 §5: the demo leaves a desk a new user can work — 10 to 15 open items, among them
/// pending reviews, a hold racing its deadline, an honored detainer awaiting transfer and a
/// criminal-history search not yet recorded — whatever day it is built (a weekday, a weekend).
struct DemoDeskTests {
    @Test(arguments: ["2026-12-07T14:00:00Z", "2026-03-07T16:30:00Z"])
    func theDemoLeavesARealisticDesk(now: String) throws {
        let cli = CLIRunner()
        try expectOK(cli.run(["demo"], env: ["DETAINER_NOW": now]))
        let queue = try cli.run(["queue", "--format", "json"], env: ["DETAINER_NOW": now])
        try expectOK(queue)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(queue.stdout.utf8)) as? [[String: Any]])
        #expect((10...15).contains(items.count), "\(items.count) open items")
        let needs = items.compactMap { $0["needs"] as? String }
        #expect(needs.filter { $0.hasPrefix("review") }.count >= 2, "\(needs)")
        #expect(needs.contains { $0.hasPrefix("transfer") }, "\(needs)")
        // A hold racing its deadline: honored, held, not yet past it (hours left on a weekday; on a
        // weekend the nearest deadline is Monday's).
        let racing = items.filter { ($0["status"] as? String) == "held" && (($0["timeLeft"] as? String).map { !$0.hasPrefix("-") } ?? false) }
        #expect(!racing.isEmpty, "\(items)")
        let search = try cli.run(["list", "--person", "Luis Peña", "--format", "json"], env: ["DETAINER_NOW": now])
        let found = try #require(try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [[String: Any]])
        let id = try #require(found.first?["id"] as? Int)
        let brief = try cli.run(["show", "\(id)", "--brief"], env: ["DETAINER_NOW": now])
        #expect(brief.stdout.contains("Next: Record the criminal-history search"), "\(brief.stdout)")
        try expectOK(cli.run("check"))
    }
}
