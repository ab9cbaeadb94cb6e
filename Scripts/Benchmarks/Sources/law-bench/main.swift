// law-bench: evaluations per second of the detainer law engine (DetainerDomain), in process.
//
//   law-bench [--iterations 1000000] [--runs 5] [--all]
//
// The headline figure is `Evaluator.evaluate` on one case with three pre-parsed convictions
// (one qualifying, one attempt outside the five-year window, one unlisted), repeated
// --iterations times per run, --runs runs; it prints each run and a `RESULT` line with the
// median, minimum and maximum rate. --all also times the other paths once each (NYPD 48-hour
// hold with deadline arithmetic, JSON decode + validate + evaluate, full report rendering).
// Ported from the law-engine repository's Sources/law-bench/main.swift.
import BenchSupport
import DetainerDomain
import Foundation

let arguments = Arguments(flags: ["all"])
let iterations = arguments.int("iterations", default: 1_000_000)
let runs = arguments.int("runs", default: 5)
guard iterations > 0, runs > 0 else { fail("--iterations and --runs must be positive") }

func parse(_ text: String) -> Statute { StatuteParser.parse(text) }

/// A person with three convictions: one qualifying, one attempt outside the window, one unlisted.
let threeConvictions = CaseFacts(
    agency: .doc, evaluatedOn: CivilDate(year: 2021, month: 6, day: 1)!,
    instantArrestDate: CivilDate(year: 2021, month: 5, day: 20)!,
    detainer: DetainerFacts(receivedOn: CivilDate(year: 2021, month: 5, day: 28)!, warrant: .judicial, terroristScreeningMatch: false),
    convictions: [
        ConvictionFacts(statute: parse("PL 155.35"), convictedOn: CivilDate(year: 2019, month: 4, day: 2)!, sentencedOn: CivilDate(year: 2019, month: 5, day: 7)!, level: .felony(.d)),
        ConvictionFacts(statute: parse("110-125.25"), convictedOn: CivilDate(year: 2012, month: 1, day: 9)!, sentencedOn: CivilDate(year: 2012, month: 2, day: 14)!, incarceratedDaysForThisCrime: 700),
        ConvictionFacts(statute: parse("PL 120.05(2)"), convictedOn: CivilDate(year: 2018, month: 3, day: 2)!, sentencedOn: CivilDate(year: 2018, month: 4, day: 3)!, level: .felony(.d)),
    ])

/// Runs `body` `count` times; returns evaluations per second. `body` returns a value folded into
/// a checksum so the optimizer cannot drop the work.
@inline(never)
func rate(_ count: Int, _ body: () -> Int) -> (Double, Int) {
    var checksum = 0
    let seconds = timed {
        for _ in 0..<count { checksum &+= body() }
    }
    return (Double(count) / seconds, checksum)
}

func evaluateThree() -> Int { Evaluator.evaluate(threeConvictions).outcome == .permitted ? 1 : 0 }

print("law-bench: evaluate, DOC, 3 pre-parsed convictions; \(iterations) evaluations x \(runs) runs")
_ = rate(max(1, iterations / 10), evaluateThree)  // warm-up: static catalog index, caches
var rates: [Double] = []
for run in 1...runs {
    let (perSecond, checksum) = rate(iterations, evaluateThree)
    guard checksum == iterations else { fail("expected every evaluation to be permitted (checksum \(checksum))") }
    rates.append(perSecond)
    print("run \(run): \(Int(perSecond)) evaluations/s")
}
printResult("law", "evaluate3", unit: "/s", Spread(rates), runs: runs)

if arguments.flag("all") {
    var nypdHold = threeConvictions
    nypdHold.agency = .nypd
    nypdHold.detainer = DetainerFacts(warrant: .administrative, terroristScreeningMatch: true)
    nypdHold.releaseAt = UTCInstant(parsing: "2021-06-04T22:00:00Z")

    let requestJSON = Data("""
    { "agency": "DOC", "evaluatedOn": "2021-06-01", "instantArrestDate": "2021-05-20",
      "detainer": { "receivedOn": "2021-05-28", "warrant": "judicial", "terroristScreeningMatch": false },
      "convictions": [
        { "statute": "PL 155.35", "convictedOn": "2019-04-02", "felonyClass": "D" },
        { "statute": "110-125.25", "convictedOn": "2012-01-09", "incarceratedDaysForThisCrime": 700 },
        { "statute": "PL 120.05(2)", "convictedOn": "2018-03-02", "felonyClass": "D" } ] }
    """.utf8)
    let decoder = JSONDecoder()
    let decodedRequest = try! decoder.decode(EvaluationRequest.self, from: requestJSON)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]

    let others: [(String, Int, () -> Int)] = [
        ("evaluate, NYPD 48-hour hold with deadline", iterations / 4, {
            Int(Evaluator.evaluate(nypdHold).warrantlessHold?.deadline?.secondsSinceEpoch ?? 0) & 1
        }),
        ("decode JSON + parse statutes + validate + evaluate", max(1, iterations / 40), {
            let request = try! decoder.decode(EvaluationRequest.self, from: requestJSON)
            let facts = try! request.validated()
            return Evaluator.evaluate(facts).outcome == .permitted ? 1 : 0
        }),
        ("parse statutes + validate + evaluate (request already decoded)", max(1, iterations / 10), {
            Evaluator.evaluate(try! decodedRequest.validated()).outcome == .permitted ? 1 : 0
        }),
        ("full pipeline incl. report rendering + JSON encoding", max(1, iterations / 100), {
            let request = try! decoder.decode(EvaluationRequest.self, from: requestJSON)
            let facts = try! request.validated()
            return try! encoder.encode(Evaluator.evaluate(facts).report(for: facts)).count
        }),
    ]
    for (label, count, body) in others {
        _ = rate(max(1, count / 10), body)
        let (perSecond, checksum) = rate(max(1, count), body)
        print("\(label): \(Int(perSecond)) /s (checksum \(checksum))")
    }
}
