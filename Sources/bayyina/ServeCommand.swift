import ArgumentParser
import BayyinaCore
import BayyinaServer
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the public pages and the JSON API until stopped (Ctrl-C).")

    @OptionGroup var options: StoreOptions
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on.") var port = 8080
    @Option(name: .customLong("public-url"), help: "The address the public reaches the site at, for links in listings (default: $BAYYINA_BASE_URL, else the address of each request).")
    var publicURL: String?

    func run() async throws {
        let repository = try options.open(mapsReads: true)
        try await serve(repository: repository, configuration: ServerConfiguration(
            host: host, port: port,
            publicURL: configuredBaseURL(publicURL),
            clock: try options.clock)) {
            Output.line(options.ui.pick("Bayyina is serving \(repository.root.path) at http://\(host):\(port)/",
                                        "تعمل بيّنة على \(repository.root.path) في http://\(host):\(port)/"))
        }
    }
}
