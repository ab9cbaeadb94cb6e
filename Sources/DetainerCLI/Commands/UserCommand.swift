import ArgumentParser
import DetainerStore

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage the people who use the system (admins only).",
        subcommands: [Add.self, Map.self, List.self, Deactivate.self, Passwd.self])

    struct Map: DetainerSubcommand {
        static let configuration = CommandConfiguration(commandName: "map", abstract: "Set the OS account a user acts from on the command line.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The user.") var name: String
        @Option(name: .customLong("os-login"), help: ArgumentHelp("The OS account.", valueName: "login")) var osLogin: String

        func execute() throws {
            let db = try database.open(.write)
            let admin = try actor.resolve(in: db, for: .manageUsers)
            let user = try db.mapUser(name: name, osLogin: osLogin, by: admin)
            Terminal.out("Mapped \(user.name) to OS account \(osLogin).")
        }
    }

    struct Add: DetainerSubcommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a user with a role.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The new user's name (letters, digits, . _ - @).") var name: String
        @Option(help: "clerk, supervisor, auditor or admin.") var role: Role
        @Option(name: .customLong("os-login"), help: ArgumentHelp(
            "The OS account this user acts from on the command line (omit for a web-only user).", valueName: "login"))
        var osLogin: String?

        func execute() throws {
            let db = try database.open(.write)
            let admin = try actor.resolve(in: db, for: .manageUsers)
            let user = try db.addUser(name: name, role: role, osLogin: osLogin, by: admin)
            Terminal.out("Added \(user.role.rawValue) \(user.name)\(osLogin.map { " (OS account \($0))" } ?? "").")
        }
    }

    struct List: DetainerSubcommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List users and their roles.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func execute() throws {
            var printer = RecordPrinter(format: output.format, empty: "No users.")
            try database.open(.read).userList(into: &printer)
        }
    }

    struct Deactivate: DetainerSubcommand {
        static let configuration = CommandConfiguration(commandName: "deactivate", abstract: "Deactivate a user (their history stays attributed to them).")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The user to deactivate.") var name: String

        func execute() throws {
            let db = try database.open(.write)
            let admin = try actor.resolve(in: db, for: .manageUsers)
            let user = try db.deactivateUser(name: name, by: admin)
            Terminal.out("Deactivated \(user.name).")
        }
    }
}

extension UserCommand {
    /// `detainer user passwd NAME --password-stdin`: the web sign-in password (bcrypt, cost ≥ 12).
    struct Passwd: DetainerSubcommand {
        static let configuration = CommandConfiguration(
            commandName: "passwd",
            abstract: "Set a user's web password, read from standard input (admins: anyone's; others: their own).",
            discussion: """
                The first line of standard input is the password (at least 12 characters, at most 72 bytes). \
                Without --user (or DETAINER_USER) the user is taken to be setting their own password. \
                The user's open web sessions end.
                """)
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The user whose password to set.") var name: String
        @Flag(help: "Read the password from standard input (required: passwords never go on the command line).") var passwordStdin = false

        func validate() throws {
            if !passwordStdin { throw ValidationError("give --password-stdin and the password on standard input") }
        }

        func execute() throws {
            guard let password = readLine(strippingNewline: true), !password.isEmpty else {
                throw CLIError(.dataError, "password: nothing on standard input")
            }
            let db = try database.open(.write)
            let acting = try actor.resolveSelf(in: db, fallback: name)
            try db.setPassword(userName: name, password: password, by: acting)
            Terminal.out("Password set for \(name).")
        }
    }
}
