import DetainerDomain
import DetainerStore
import Hummingbird

/// Enrolling a second factor (issue 23 §4): the page (a GET, which writes nothing), beginning
/// enrolment (a POST that makes the secret and shows it with its QR code, once), and confirming
/// it with the app's first code (a POST that shows the recovery codes, once). A supervisor or
/// admin who signed in on production without a factor lands here and can go nowhere else.
enum SecondFactorRoutes {
    static let page = "/account/second-factor"
    static let begin = "/account/second-factor/begin"
    static let confirm = "/account/second-factor/confirm"

    static func register(_ routes: RouteBook, office: Office) {
        routes.get(page) { _, context in
            let session = try context.requireSession()
            let (state, codesLeft) = try await office.read { db in
                (try db.accounts.secondFactorState(userID: session.user.id), try db.accounts.openRecoveryCodes(userID: session.user.id))
            }
            let required = try await office.read { db in AccountPolicy.requiresSecondFactor(session.user.role, mode: try db.integrity.mode()) }
            return Responses.html(SecondFactorPage.overview(session: session, state: state, recoveryCodesLeft: codesLeft, required: required))
        }

        routes.post(begin) { _, context in
            let session = try context.requireSession()
            let enrolment = try await office.write { db in
                try db.accounts.beginTOTPEnrolment(by: try db.accounts.activeActor(named: session.user.name))
            }
            return Responses.html(SecondFactorPage.enrol(session: session, enrolment: enrolment, error: nil))
        }

        routes.post(confirm) { request, context in
            let session = try context.requireSession()
            let form = try await FormData.read(request, context: context)
            do {
                let codes = try await office.write { db in
                    try db.accounts.confirmTOTPEnrolment(code: form["code"] ?? "", session: session.id, by: try db.accounts.activeActor(named: session.user.name))
                }
                return Responses.html(SecondFactorPage.recoveryCodes(session: session, codes: codes))
            } catch let issue as ValidationIssue {
                let state = try await office.read { db in try db.accounts.secondFactorState(userID: session.user.id) }
                return Responses.html(SecondFactorPage.overview(session: session, state: state, recoveryCodesLeft: 0, required: true, error: issue.message),
                                      status: .unprocessableContent)
            }
        }
    }
}
