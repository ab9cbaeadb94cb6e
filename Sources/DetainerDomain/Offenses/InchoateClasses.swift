/// The class each degree of the Penal Law's solicitation, conspiracy and facilitation articles
/// carries. The degree fixes the class, so a conviction under one of these sections never needs
/// its class stated (`ProjectDecisions.inchoateClassFixedByDegree`). Sources: PL 100.00-100.13,
/// 105.00-105.17, 115.00-115.08 (each section's closing sentence, "… is a class … felony /
/// misdemeanor"); attempts (article 110) take their class from the crime attempted (PL 110.05).
enum InchoateClasses {
    /// Section → class. A violation is recorded as `.violation`.
    static let table: [PenalSection: OffenseLevel] = Dictionary(uniqueKeysWithValues: written.map {
        (PenalSection(parsing: Substring($0.key))!, $0.value)
    })

    private static let written: [String: OffenseLevel] = [
        // Article 100, criminal solicitation.
        "100.00": .violation,              // 5th degree: a violation
        "100.05": .misdemeanor(.a),        // 4th degree: class A misdemeanor
        "100.08": .felony(.e),             // 3rd degree: class E felony
        "100.10": .felony(.d),             // 2nd degree: class D felony
        "100.13": .felony(.c),             // 1st degree: class C felony
        // Article 105, conspiracy.
        "105.00": .misdemeanor(.b),        // 6th degree: class B misdemeanor
        "105.05": .misdemeanor(.a),        // 5th degree: class A misdemeanor
        "105.10": .felony(.e),             // 4th degree: class E felony
        "105.13": .felony(.e),             // 3rd degree: class E felony
        "105.15": .felony(.b),             // 2nd degree: class B felony
        "105.17": .felony(.aI),            // 1st degree: class A-I felony
        // Article 115, criminal facilitation.
        "115.00": .misdemeanor(.a),        // 4th degree: class A misdemeanor
        "115.01": .felony(.e),             // 3rd degree: class E felony
        "115.05": .felony(.c),             // 2nd degree: class C felony
        "115.08": .felony(.b),             // 1st degree: class B felony
    ]

    static func level(of section: PenalSection?) -> OffenseLevel? {
        guard let section else { return nil }
        return table[section]
    }

    /// "second" for PL 105.15: the degree each section names.
    static func degreeName(_ section: PenalSection) -> String? {
        let degrees: [String: String] = [
            "100.00": "fifth", "100.05": "fourth", "100.08": "third", "100.10": "second", "100.13": "first",
            "105.00": "sixth", "105.05": "fifth", "105.10": "fourth", "105.13": "third", "105.15": "second", "105.17": "first",
            "115.00": "fourth", "115.01": "third", "115.05": "second", "115.08": "first",
        ]
        return degrees[section.description]
    }
}
