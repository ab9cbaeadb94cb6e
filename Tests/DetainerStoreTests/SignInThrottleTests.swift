@testable import DetainerStore
import Testing

/// Issue 23 §4: guessing slows down, the office is never locked out, and time is passed in.
@Suite struct SignInThrottleTests {
    @Test func anAddressWaitsLongerAfterEachFailure() {
        let throttle = SignInThrottle()
        var now: Int64 = 1_000
        for _ in 0..<AccountPolicy.freeFailuresPerAddress {
            #expect(throttle.wait(name: "sam", address: "10.0.0.9", now: now) == nil)
            throttle.record(name: "sam", address: "10.0.0.9", succeeded: false, now: now)
        }
        // The next failures double the wait: 1, 2, 4, 8 … seconds, for any name from that address.
        #expect(throttle.wait(name: "anyone", address: "10.0.0.9", now: now) == 1)
        var expected: Int64 = 1
        for _ in 0..<5 {
            now += expected
            #expect(throttle.wait(name: "anyone.\(now)", address: "10.0.0.9", now: now) == nil)
            throttle.record(name: "anyone.\(now)", address: "10.0.0.9", succeeded: false, now: now)
            expected *= 2
            #expect(throttle.wait(name: "x", address: "10.0.0.9", now: now) == expected)
        }
        #expect(SignInThrottle.addressDelay(failures: 60) == AccountPolicy.maximumAddressDelaySeconds)
    }

    @Test func aFloodFromManyAddressesDelaysTheRealPersonAtMostASecond() {
        let throttle = SignInThrottle()
        let now: Int64 = 5_000
        for bot in 0..<500 {   // every bot tries the same account, once each
            let address = "198.51.100.\(bot % 250).\(bot)"
            if throttle.wait(name: "Sam", address: address, now: now) == nil {
                throttle.record(name: "Sam", address: address, succeeded: false, now: now)
            }
        }
        // From their own desk the real person waits at most the account interval, then gets in.
        let wait = throttle.wait(name: "sam", address: "10.1.1.1", now: now) ?? 0
        #expect(wait <= AccountPolicy.accountCheckIntervalSeconds)
        #expect(throttle.wait(name: "sam", address: "10.1.1.1", now: now + wait) == nil)
        throttle.record(name: "sam", address: "10.1.1.1", succeeded: true, now: now + wait)
        #expect(throttle.wait(name: "sam", address: "10.1.1.1", now: now + wait) == nil)   // success clears the account
    }

    @Test func memoryStaysBounded() {
        let throttle = SignInThrottle(capacity: 100)
        for index in 0..<1_000 { throttle.record(name: "n\(index)", address: "a\(index)", succeeded: false, now: Int64(index)) }
        #expect(throttle.wait(name: "n999", address: "a999", now: 1_000) == nil)
    }
}
