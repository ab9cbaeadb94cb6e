import DetainerDomain

extension ConvictionFields {
    /// A stored conviction's values as a clerk would type them (a correction form starts from
    /// these): a fact not known is "unknown", never left blank to be read as the default.
    public static func values(of c: ConvictionRecord) -> [String: String] {
        var values: [String: String] = [
            statute.key: c.statuteRaw,
            awaitingSentence.key: ConvictionField.word(c.awaitingSentence),
            jurisdiction.key: c.jurisdiction?.rawValue ?? "unknown",
            authorizedTermOverOneYear.key: ConvictionField.word(c.termOverOneYear),
            youthfulOffender.key: ConvictionField.word(c.youthfulOffender),
            juvenileDelinquent.key: ConvictionField.word(c.juvenileDelinquent),
            hateCrime.key: ConvictionField.word(c.hateCrime),
            sealed.key: ConvictionField.word(c.sealed),
            vacated.key: ConvictionField.word(c.vacated),
            incarceratedDays.key: c.incarceratedDays.map(String.init) ?? "unknown",
        ]
        values[objectStatute.key] = c.objectStatute
        values[convictedOn.key] = c.convictedOn?.description
        values[sentencedOn.key] = c.sentencedOn?.description
        values[felonyClass.key] = c.felonyClass
        values[nyEquivalent.key] = c.nyEquivalent
        values[court.key] = c.court
        values[docketNumber.key] = c.docketNumber
        return values
    }
}
