import ArgumentParser
import DetainerStore

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage the people who use the system (admins only).",
        subcommands: [Add.self, Map.self, List.self, Role_.self, Deactivate.self, Reactivate.self, Passwd.self])

    struct Map: DetainerSubcommand {
        static let configuration = CommandConfiguration(commandName: "map", abstract: "Set the OS account a user acts from on the command line.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The user.") var name: String
        @Option(name: .customLong("os-login"), help: ArgumentHelp("The OS account.", valueName: "login")) var osLogin: String

        func execute() throws {
            let db = try database.open(.write)
            let admin = try actor.resolve(in: db, for: .manageUsers)
            let user = try db.accounts.mapUser(name: name, osLogin: osLogin, by: admin)
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
        @Option(help: "Why (needed to add a supervisor or admin while another admin exists: a second admin approves).") var reason: String?
        @OptionGroup var output: WriteOutputOptions

        func execute() throws {
            let db = try database.open(.write)
            let admin = try actor.resolve(in: db, for: .manageUsers)
            try UserCommand.proposingIfNeeded(db, .add(name: name, role: role, osLogin: osLogin), reason: reason, by: admin, output: output) {
                let user = try db.accounts.addUser(name: name, role: role, osLogin: osLogin, by: admin)
                return "Added \(user.role.rawValue) \(user.name)\(osLogin.map { " (OS account \($0))" } ?? "")."
            }
        }
    }

    /// `user role NAME --role R`: named with a trailing underscore so it does not hide `Role`.
    struct Role_: DetainerSubcommand {
        static let configuration = CommandConfiguration(commandName: "role", abstract: "Change a user's role (supervisor or admin: a second admin approves).")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The user.") var name: String
        @Option(help: "clerk, supervisor, auditor or admin.") var role: Role
        @Option(help: "Why (needed for supervisor or admin while another admin exists).") var reason: String?
        @OptionGroup var output: WriteOutputOptions

        func execute() throws {
            let db = try database.open(.write)
            let admin = try actor.resolve(in: db, for: .manageUsers)
            try UserCommand.proposingIfNeeded(db, .role(name: name, role: role), reason: reason, by: admin, output: output) {
                let user = try db.accounts.changeRole(name: name, to: role, by: admin)
                return "\(user.name) is now \(user.role == .admin ? "an" : "a") \(user.role.rawValue)."
            }
        }
    }

    struct Reactivate: DetainerSubcommand {
        static let configuration = CommandConfiguration(commandName: "reactivate", abstract: "Reactivate a deactivated user (a second admin approves).")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The user.") var name: String
        @Option(help: "Why (needed while another admin exists).") var reason: String?
        @OptionGroup var output: WriteOutputOptions

        func execute() throws {
            let db = try database.open(.write)
            let admin = try actor.resolve(in: db, for: .manageUsers)
            try UserCommand.proposingIfNeeded(db, .reactivate(name: name), reason: reason, by: admin, output: output) {
                "Reactivated \(try db.accounts.reactivateUser(name: name, by: admin).name)."
            }
        }
    }

    /// Makes the change, or, when it needs a second admin (nothing was written), records it as a
    /// proposal with `reason` (required then).
    static func proposingIfNeeded(_ db: DetainerDatabase, _ act: UserAct, reason: String?, by admin: Actor, output: WriteOutputOptions,
                                  _ change: () throws -> String) throws {
        do {
            let text = try change()
            output.print(text: text, json: ["name": .string(act.name), "state": "done"])
        } catch let needed as SecondPersonRequired {
            guard let reason else {
                throw CLIError(.permission, "\(needed.description); give --reason TEXT to propose it; nothing was written")
            }
            let proposal = try ProposalService(db).propose(detainerID: nil, .user(act, reason: reason), by: admin)
            output.print(text: ProposalTable.proposed(proposal), json: proposal.json)
        }
    }

    struct List: DetainerSubcommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List users and their roles.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func execute() throws {
            var printer = RecordPrinter(format: output.format, empty: "No users.")
            try database.open(.read).queries.userList(into: &printer)
        }
    }

    struct Deactivate: DetainerSubcommand {
        static let configuration = CommandConfiguration(
            commandName: "deactivate", abstract: "Deactivate a user (their history stays attributed to them).",
            discussion: "At a terminal it asks for confirmation first (--yes skips it); reactivating takes a second admin.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The user to deactivate.") var name: String
        @Flag(help: "Do not ask for confirmation at a terminal.") var yes = false

        func execute() throws {
            let db = try database.open(.write)
            let admin = try actor.resolve(in: db, for: .manageUsers)
            // Their sessions end at once and coming back takes two admins: ask a person first.
            if !yes, Terminal.stdinIsTTY {
                guard Terminal.confirmed("Deactivate \(name)? Their web sessions end now; reactivating needs a second admin.") else {
                    throw CLIError(.dataError, "\(name) left active; nothing was changed")
                }
            }
            let user = try db.accounts.deactivateUser(name: name, by: admin)
            Terminal.out("Deactivated \(user.name).")
        }
    }
}

extension UserCommand {
    /// `detainer user passwd NAME`: the web sign-in password (bcrypt, cost ≥ 12), asked at the
    /// terminal without echo, or read from standard input with --password-stdin (scripts).
    struct Passwd: DetainerSubcommand {
        static let configuration = CommandConfiguration(
            commandName: "passwd",
            abstract: "Set a user's web password (admins: anyone's; others: their own).",
            discussion: """
                At a terminal the password is asked twice, without echo. With --password-stdin the first line \
                of standard input is the password (for scripts). At least 12 characters, at most 72 bytes, and not \
                a common password. \
                Without --user (or DETAINER_USER) the user is taken to be setting their own password. \
                The user's open web sessions end.
                """)
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The user whose password to set.") var name: String
        @Flag(help: "Read the password from standard input instead of asking at the terminal (passwords never go on the command line).") var passwordStdin = false

        func validate() throws {
            if !passwordStdin && !Terminal.stdinIsTTY {
                throw ValidationError("standard input is not a terminal: give --password-stdin and the password on standard input")
            }
        }

        func execute() throws {
            let password: String
            if passwordStdin {
                guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                    throw CLIError(.dataError, "password: nothing on standard input")
                }
                password = line
            } else {
                password = try PasswordPrompt.ask("New web password for \(name): ")
            }
            let db = try database.open(.write)
            let acting = try actor.resolveSelf(in: db, fallback: name)
            try db.accounts.setPassword(userName: name, password: password, by: acting)
            Terminal.out("Password set for \(name).")
        }
    }
}
