/// Names, facilities and records for the demo office: made up, in the scripts and spellings a
/// New York clerk actually sees.
enum DemoPeople {
    static let names: [(given: [String], family: [String], country: String)] = [
        (["José", "Luis", "María", "Sofía", "Carlos", "Mariana", "Andrés"], ["Nuñez", "Ramírez", "Gutiérrez", "Hernández", "López", "Peña"], "Dominican Republic"),
        (["Juan", "Guadalupe", "Miguel", "Rosa"], ["García", "Martínez", "Domínguez", "Cruz"], "Mexico"),
        (["Văn Minh", "Thị Lan", "Quốc Bảo"], ["Đặng", "Nguyễn", "Trần"], "Vietnam"),
        (["Wei", "Li Na", "Jun"], ["Chen", "Wang", "Zhang"], "China"),
        (["Aïcha", "Fatoumata", "Mamadou", "Ousmane"], ["Traoré", "Diallo", "Bâ", "Sow"], "Senegal"),
        (["Kwame", "Ama", "Kofi"], ["Mensah", "Owusu", "Boateng"], "Ghana"),
        (["Oleksandr", "Olena", "Dmytro"], ["Kovalenko", "Shevchenko", "Bondarenko"], "Ukraine"),
        (["Muhammad", "Ahmed", "Fatima", "Yusuf"], ["Al-Hassan", "Rahman", "Öztürk", "Haddad"], "Bangladesh"),
        (["Jean-Baptiste", "Marie-Claire", "Wideline"], ["Pierre", "Joseph", "Saint-Fleur"], "Haiti"),
        (["Hyun-woo", "Ji-yeon"], ["Kim (김)", "Park (박)"], "South Korea"),
        (["Priya", "Arjun"], ["Sharma", "Singh"], "India"),
        (["Darnell", "Keisha"], ["O'Brien", "Campbell"], "Jamaica"),
    ]

    static let docFacilities = ["Otis Bantum Correctional Center, Rikers Island", "Anna M. Kross Center, Rikers Island",
                                "Robert N. Davoren Center, Rikers Island", "Vernon C. Bain Center", "Eric M. Taylor Center, Rikers Island"]
    static let nypdFacilities = ["Brooklyn Central Booking", "Manhattan Central Booking", "Queens Central Booking",
                                 "Bronx Central Booking", "075 Precinct", "040 Precinct"]
    static let offices = ["ERO New York City", "ERO New York City, Varick Street", "ERO Newark"]
    static let judges = ["Hon. R. Alvarez, U.S. District Court (E.D.N.Y.)", "Hon. K. Osei, U.S. Magistrate Judge (S.D.N.Y.)"]

    /// (statute as written, class, jurisdiction, NY equivalent) — listed felonies, unlisted
    /// felonies, misdemeanors and violations, out-of-state records.
    static let listed: [(String, String)] = [
        ("PL 120.05", "D"), ("PL 160.15", "B"), ("PL 125.20", "B"), ("PL 265.03", "C"), ("PL 130.35", "B"),
        ("PL 110/160.15", "C"), ("PL 120.10", "B"), ("PL 160.10", "C"), ("110-125.25", "B"),
    ]
    static let unlisted: [(String, String)] = [
        ("PL 155.30", "E"), ("PL 220.39", "B"), ("PL 140.20", "D"), ("PL 170.25", "D"), ("PL 220.16", "B"),
    ]
    static let minor: [(String, String)] = [
        ("PL 221.05", "violation"), ("VTL 1111(d)", "infraction"), ("PL 120.00", "A misdemeanor"),
        ("PL 155.25", "A misdemeanor"), ("PL 240.20", "violation"), ("VTL 511", "A misdemeanor"),
    ]
    static let charges = ["PL 125.25", "PL 160.15", "PL 120.05", "PL 220.39", "PL 140.25", "PL 265.03", "PL 155.30",
                          "110-125.25", "PL 130.35", "VTL 1192.2", "PL 120.00"]
    static let overrideReasons = [
        "The warrant is signed by an immigration judge, not an Article III or magistrate judge; it is not a judicial warrant.",
        "Identity not confirmed: the name and date of birth on the detainer do not match the person in custody.",
    ]
    static let decideReasons = [
        "DCJS confirms the conviction date on the certificate of disposition; honoring.",
        "No certificate of disposition could be found for the out-of-state conviction; declining.",
        "Sealed record cannot be relied on; declining.",
    ]
}
