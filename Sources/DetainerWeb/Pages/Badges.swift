import DetainerDomain
import DetainerStore

/// Status shown as words with a symbol, never by colour alone.
enum Badges {
    static func outcome(_ outcome: Outcome?) -> HTML {
        guard let outcome else { return el("span", .class("badge info"), text: "not evaluated") }
        let style = switch outcome {
        case .permitted: "badge ok"
        case .decline: "badge bad"
        case .holdPendingWarrant, .needsReview: "badge warn"
        }
        return el("span", .class(style), text: Labels.outcome(outcome))
    }

    static func status(_ status: DetainerStatus) -> HTML {
        let style = switch status {
        case .honored, .held, .transferred: "badge ok"
        case .declined, .lifted, .released: "badge info"
        case .enteredInError: "badge bad"
        case .received, .pendingReview: "badge warn"
        }
        return el("span", .class(style), text: Labels.status(status))
    }

    /// A status read back as text: its badge, or the text as it is if it is not a status.
    static func status(_ text: String) -> HTML {
        DetainerStatus(rawValue: text).map { status($0) } ?? el("span", .class("badge warn"), text: text)
    }

    static func check(_ result: String) -> HTML {
        switch result {
        case "pass": return el("span", .class("badge ok"), text: "pass")
        case "fail": return el("span", .class("badge bad"), text: "fail")
        default: return el("span", .class("badge warn"), text: result)
        }
    }

    /// "in 3 h 12 min" / "OVERDUE by 2 h", kept current by app.js through data-deadline.
    static func countdown(deadline: UTCInstant?, secondsLeft: Int64?) -> HTML {
        guard let deadline, let secondsLeft else { return el("span", .class("muted"), text: "no release time") }
        let text = describe(secondsLeft)
        let style = secondsLeft < 0 ? "countdown overdue" : "countdown"
        return el("span", .class(style), .data(deadline: deadline.iso8601), Attribute("role", "timer"), text: text)
    }

    /// "Release on time 2026-11-27 10:00 EST" or "Hold deadline …": what a countdown runs to.
    static func due(_ countdown: Countdown?) -> HTML {
        guard let countdown else { return el("span", .class("muted"), text: "—") }
        return el("span") {
            el("span", .class(countdown.kind == .releaseOnTime ? "badge info" : "muted"), text: countdown.kind.label)
            HTML(" ")
            time(countdown.at)
        }
    }

    static func describe(_ seconds: Int64) -> String {
        let s = abs(seconds), days = s / 86400, hours = (s % 86400) / 3600, minutes = (s % 3600) / 60
        var text = days > 0 ? "\(days) d " : ""
        if days > 0 || hours > 0 { text += "\(hours) h " }
        text += "\(minutes) min"
        return seconds < 0 ? "OVERDUE by " + text : "in " + text
    }

    /// New York wall-clock time inside <time datetime=UTC>.
    static func time(_ instant: UTCInstant?) -> HTML {
        guard let instant else { return el("span", .class("muted"), text: "—") }
        return el("time", Attribute("datetime", instant.iso8601), text: newYork(instant))
    }

    /// `2026-11-27 10:00 EST`: the office reads New York time.
    static func newYork(_ instant: UTCInstant) -> String {
        let local = NewYorkTime.localDateTime(at: instant)
        return "\(local.date) \(local.description.dropFirst(11).prefix(5)) \(local.isDaylightTime ? "EDT" : "EST")"
    }

    static func time(_ text: String?) -> HTML { time(text.flatMap(UTCInstant.init(parsing:))) }
}
