import DetainerDomain
@testable import DetainerWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 26 §4: the intake page has a field for every field of the domain's one intake table
/// (`IntakeRequest.fields`), named by its path, so the form reader and the errors beside each
/// field use the names the validator reports.
@Suite struct IntakeFormFieldTests {
    @Test func theIntakePageNamesAFieldForEveryPathOfTheTable() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let page = try await client.execute(uri: "/intake", method: .get, headers: clara.headers).text
            for field in IntakeRequest.fields {
                #expect(page.contains("name=\"\(field.path)\""), "the intake page has no field \(field.path)")
            }
        }
    }
}
