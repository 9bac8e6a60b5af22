import Foundation

/// The gazetteer's rows as plain records, for tools that need the lists
/// themselves rather than token lookups (the corpus synthesizer). Read from
/// the same resource files as `Gazetteer.shared`, in file order.
public struct GazetteerData: Sendable {
    public struct Country: Hashable, Sendable {
        public let name: String
        public let official: String
        public let demonyms: [String]
        /// ISO 3166-1 alpha-2; empty for historical states.
        public let code: String
    }
    public struct City: Hashable, Sendable {
        public let name: String
        public let countryCode: String
        /// `capital`, `city` or `region`.
        public let kind: String
    }
    public struct Organization: Hashable, Sendable {
        public let name: String
        public let acronyms: [String]
        /// `intergovernmental`, `alliance`, `un-body`, `eu-body`, `ngo`, `political`, `armed-group`, `economic`.
        public let kind: String
    }
    public struct Position: Hashable, Sendable {
        public let title: String
        /// `head-of-state`, `head-of-government`, `royal`, `minister`, `envoy`, `consul`, ...
        public let role: String
    }

    public let countries: [Country]
    public let cities: [City]
    public let organizations: [Organization]
    public let positions: [Position]
    /// Cities by their country's ISO code, in file order.
    public let citiesByCountry: [String: [City]]
    /// Every name, alias, acronym, demonym and title of the four files, lower-cased.
    public let allNames: Set<String>

    public static let shared: GazetteerData = {
        do { return try GazetteerData(directory: Gazetteer.resourceDirectory) } catch {
            fatalError("the gazetteer shipped with prosegraph cannot be read: \(error)")
        }
    }()

    public init(directory: URL) throws {
        func rows(_ name: String, columns: Int) throws -> [[String]] {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            var out: [[String]] = []
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if line.isEmpty || line.hasPrefix("#") { continue }
                let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard cells.count == columns else {
                    throw Gazetteer.LoadError(file: name, line: i + 1, message: "expected \(columns) tab-separated columns, found \(cells.count)")
                }
                out.append(cells)
            }
            return out
        }
        func list(_ cell: String) -> [String] {
            cell.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        var names: Set<String> = []
        func note(_ all: [String]) { for n in all { names.insert(n.lowercased()) } }

        countries = try rows("countries.tsv", columns: 6).map { c in
            note([c[0], c[1]] + list(c[2]) + list(c[5]))
            return Country(name: c[0], official: c[1], demonyms: list(c[2]), code: c[3])
        }
        cities = try rows("cities.tsv", columns: 5).map { c in
            note([c[0]] + list(c[3]))
            return City(name: c[0], countryCode: c[1], kind: c[4])
        }
        organizations = try rows("organizations.tsv", columns: 5).map { c in
            note([c[0]] + list(c[1]) + list(c[4]))
            return Organization(name: c[0], acronyms: list(c[1]), kind: c[2])
        }
        positions = try rows("positions.tsv", columns: 3).map { c in
            note([c[0]] + list(c[1]))
            return Position(title: c[0], role: c[2])
        }
        citiesByCountry = Dictionary(grouping: cities, by: \.countryCode)
        allNames = names
    }
}
