/// The optional notice to the person (issue 21 §2), in the style of California's TRUTH Act
/// (Gov. Code §7283.1): that ICE asked the city to hold them or to tell it about their release,
/// whether the city will comply, and that the city will not hold anyone past release unless the
/// law's conditions are met. New York City law does not require it; an office turns it on
/// (`detainer notice setting on`). Every sentence of it is here, in one place, for review.
///
/// The Spanish text is the project's own translation; an office should have it reviewed by a
/// certified translator before use (README, "Paperwork").
public enum PersonNotice {
    public enum Language: String, Sendable, CaseIterable {
        case en, es
    }

    /// Where the city stands on the request when the notice is printed.
    public enum Stand: Sendable, Equatable {
        /// Declined (by the engine and a supervisor, or the detainer was lifted).
        case willNotComply
        /// Honored by a supervisor under the law's conditions.
        case willComply
        /// Not yet decided.
        case undecided
    }

    public struct Facts: Sendable, Equatable {
        public var personName: String
        /// The New York date ICE's request was received.
        public var receivedOn: CivilDate
        public var agency: Agency
        public var stand: Stand

        public init(personName: String, receivedOn: CivilDate, agency: Agency, stand: Stand) {
            self.personName = personName
            self.receivedOn = receivedOn
            self.agency = agency
            self.stand = stand
        }
    }

    public struct Text: Sendable, Equatable {
        public let title: String
        public let paragraphs: [String]
    }

    public static func text(_ facts: Facts, in language: Language) -> Text {
        switch language {
        case .en: english(facts)
        case .es: spanish(facts)
        }
    }

    static func agencyName(_ agency: Agency, _ language: Language) -> String {
        switch (agency, language) {
        case (.doc, .en): "the New York City Department of Correction"
        case (.nypd, .en): "the New York City Police Department"
        case (.dop, .en): "the New York City Department of Probation"
        case (.doc, .es): "el Departamento de Corrección de la Ciudad de Nueva York"
        case (.nypd, .es): "el Departamento de Policía de la Ciudad de Nueva York"
        case (.dop, .es): "el Departamento de Libertad Condicional de la Ciudad de Nueva York"
        }
    }

    static func english(_ facts: Facts) -> Text {
        let stand = switch facts.stand {
        case .willNotComply:
            "The City will not comply with this request. It will not keep you in custody past the time you would otherwise be released because of it."
        case .willComply:
            "The City has decided that the law allows it to comply with this request in your case. You may talk to a lawyer about this decision."
        case .undecided:
            "The City has not yet decided whether the law allows it to comply with this request. It will not keep you past your release while that question is open."
        }
        return Text(title: "Notice of a request from U.S. Immigration and Customs Enforcement (ICE)", paragraphs: [
            "To: \(facts.personName)",
            "On \(facts.receivedOn.description), \(agencyName(facts.agency, .en)) received a request from ICE about you. ICE asked the City to keep you in custody after you would otherwise be released, or to tell ICE when you will be released.",
            stand,
            "New York City law allows the City to keep a person in custody for ICE only when ICE presents a warrant signed by a federal judge and the person has been convicted of a violent or serious crime within the last five years, or is a possible match in the terrorist screening database (New York City Administrative Code §§ 9-131, 14-154 and 9-205). The City will not hold you past your release unless those conditions are met.",
            "This notice is given by the City as a matter of practice; it is not a decision about your immigration case. You have the right to speak with a lawyer.",
        ])
    }

    static func spanish(_ facts: Facts) -> Text {
        let stand = switch facts.stand {
        case .willNotComply:
            "La Ciudad no cumplirá con esta solicitud. No le mantendrá bajo custodia por causa de ella después del momento en que de otro modo sería puesto/a en libertad."
        case .willComply:
            "La Ciudad ha decidido que la ley le permite cumplir con esta solicitud en su caso. Usted puede hablar con un abogado sobre esta decisión."
        case .undecided:
            "La Ciudad todavía no ha decidido si la ley le permite cumplir con esta solicitud. No le mantendrá bajo custodia después de su liberación mientras esa cuestión siga abierta."
        }
        return Text(title: "Aviso de una solicitud del Servicio de Inmigración y Control de Aduanas de los EE. UU. (ICE)", paragraphs: [
            "Para: \(facts.personName)",
            "El \(facts.receivedOn.description), \(agencyName(facts.agency, .es)) recibió una solicitud de ICE sobre usted. ICE pidió a la Ciudad que le mantenga bajo custodia después del momento en que de otro modo sería puesto/a en libertad, o que informe a ICE cuándo será puesto/a en libertad.",
            stand,
            "La ley de la Ciudad de Nueva York permite a la Ciudad mantener a una persona bajo custodia para ICE solo cuando ICE presenta una orden firmada por un juez federal y la persona ha sido condenada por un delito violento o grave en los últimos cinco años, o es una posible coincidencia en la base de datos de detección de terroristas (Código Administrativo de la Ciudad de Nueva York, §§ 9-131, 14-154 y 9-205). La Ciudad no le mantendrá bajo custodia después de su liberación a menos que se cumplan esas condiciones.",
            "La Ciudad entrega este aviso como práctica propia; no es una decisión sobre su caso de inmigración. Usted tiene derecho a hablar con un abogado.",
        ])
    }
}
