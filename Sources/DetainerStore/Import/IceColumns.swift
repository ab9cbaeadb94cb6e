import CSVStream

/// Where ICE's columns are, under either the NPR extract's names or the Deportation Data
/// Project's. Only the date and lift reason are required.
struct IceColumns {
    let date: Int
    let dateName: String
    let liftReason: Int
    let liftReasonName: String
    let facility: Int?
    let city: Int?
    let state: Int?
    let type: Int?
    let mscCharge: Int?
    let mscConvictionDate: Int?
    let personRef: Int?

    init?(_ header: CSVHeader) {
        func find(_ names: [String]) -> (Int, String)? {
            for name in names { if let index = header.index(of: name) { return (index, name) } }
            return nil
        }
        guard let date = find(["date", "Detainer Prepare Date"]),
              let lift = find(["lift_reason", "Detainer Lift Reason"]) else { return nil }
        self.date = date.0
        dateName = date.1
        liftReason = lift.0
        liftReasonName = lift.1
        facility = find(["det_facility", "Detention Facility"])?.0
        city = find(["city", "Facility City"])?.0
        state = find(["state", "Facility State"])?.0
        type = find(["detainer_type", "Detainer Type"])?.0
        mscCharge = find(["MSC Charge", "Most Serious Conviction (MSC) Charge"])?.0
        mscConvictionDate = find(["MSC Conviction Date"])?.0
        personRef = find(["Unique Identifier"])?.0
    }
}
