import ArgumentParser
import BayyinaCore
import BayyinaServer
import Foundation

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Create, list and revoke staff API tokens (stored hashed).",
        subcommands: [Create.self, List.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a token; its secret is printed once.")
        @OptionGroup var options: StoreOptions
        @Option(help: "Who or what the token is for.") var name: String
        @Option(help: "uploader, reviewer or admin.") var role: StaffRole
        @Option(help: "The agency the token uploads for.") var agency: String?

        func run() async throws {
            let (token, secret) = try StaffSecrets.createToken(in: try options.open().index, name: name, role: role, agency: agency)
            if options.json {
                Output.json(["id": String(token.id), "name": token.name, "role": token.role.rawValue, "secret": secret])
            } else {
                Output.line(options.ui.pick("Token \(token.id) (\(token.role.rawValue)) for \(token.name): \(secret)",
                                            "الرمز \(token.id) (\(token.role.rawValue)) لـ \(token.name): \(secret)"))
                Output.line(options.ui.pick("Keep it now: it is stored only as a hash and cannot be shown again.",
                                            "احفظه الآن: يُخزَّن مُجزَّأً فقط ولا يمكن عرضه مرة أخرى."))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the tokens (never their secrets).")
        @OptionGroup var options: StoreOptions

        func run() async throws {
            let ui = options.ui
            Output.table([ui.pick("ID", "الرقم"), ui.pick("NAME", "الاسم"), ui.pick("ROLE", "الدور"), ui.pick("AGENCY", "الجهة"),
                          ui.pick("REVOKED", "أُلغي")],
                         try options.open().index.tokens().map {
                             [String($0.id), $0.name, $0.role.rawValue, $0.agency ?? "—", $0.revokedAt ?? "—"]
                         })
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token and end its sessions.")
        @OptionGroup var options: StoreOptions
        @Argument(help: "The token's number.") var id: Int64

        func run() async throws {
            guard try options.open().index.revokeToken(id: id) else {
                throw BayyinaError(.invalidArgument, "There is no token \(id).", arabic: "لا يوجد رمز برقم \(id).")
            }
            Output.line(options.ui.pick("Token \(id) revoked.", "أُلغي الرمز \(id)."))
        }
    }
}

