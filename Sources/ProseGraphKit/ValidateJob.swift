import ProseGraphFormats
import ProseGraphModel
import ProseGraphValidation

/// How `prosegraph validate` prints its findings.
public enum ReportStyle: String, CaseIterable, Sendable {
    case text, json, turtle
}

/// What validating one file found.
public struct ValidateOutcome: Sendable {
    public enum Findings: Sendable {
        /// GraphML: XSD, graph and profile checks (a syntax error is an issue of kind `.syntax`).
        case graphml(GraphMLReport)
        /// RDF: the SHACL report, with the focus nodes' labels from the data.
        case shacl(ValidationReport, labels: [Term: [String]])
        /// RDF that does not parse: `file:line:column: message`. Nothing was checked against the shapes.
        case syntax(String)
    }

    public let file: String
    public let format: InputFormat
    public let findings: Findings

    public init(file: String, format: InputFormat, findings: Findings) {
        self.file = file
        self.format = format
        self.findings = findings
    }

    public var conforms: Bool {
        switch findings {
        case .graphml(let r): return r.conforms
        case .shacl(let r, _): return r.conforms
        case .syntax: return false
        }
    }

    /// Whether the file could not be validated because it does not parse.
    public var isSyntaxError: Bool {
        switch findings {
        case .graphml(let r): return r.issues.contains { $0.kind == .syntax }
        case .shacl: return false
        case .syntax: return true
        }
    }

    /// `file:line:column: message` when the file does not parse (so nothing was validated), else nil.
    public var syntaxError: String? {
        switch findings {
        case .syntax(let message): return message
        case .shacl: return nil
        case .graphml(let r):
            guard let issue = r.issues.first(where: { $0.kind == .syntax }) else { return nil }
            var at = file
            if let line = issue.line {
                at += ":\(line)"
                if let column = issue.column { at += ":\(column)" }
            }
            return "\(at): \(issue.message)"
        }
    }

    /// 0 conforms, 1 does not, 2 could not validate (the file does not parse;
    /// `ValidateJob.run` throws for the other reasons: unreadable file, schema or shapes).
    public var exitStatus: Int32 { isSyntaxError ? 2 : conforms ? 0 : 1 }

    /// The findings in `style`. GraphML has no RDF report: its `turtle` is its `text`.
    public func render(_ style: ReportStyle) throws(ReadFailure) -> String {
        switch findings {
        case .graphml(let r):
            return style == .json ? r.json() : r.text()
        case .shacl(let r, let labels):
            switch style {
            case .text: return r.text(file: file, labels: labels)
            case .json: return r.json(file: file, labels: labels)
            case .turtle:
                do { return try r.turtle() } catch { throw ReadFailure("\(file): the report cannot be written as Turtle: \(error)") }
            }
        case .syntax(let message):
            switch style {
            case .text, .turtle: return "\(message)\n"
            case .json:
                return "{\n  \"file\": \(JSONText.quoted(file)),\n  \"conforms\": false,\n  \"syntaxError\": \(JSONText.quoted(message))\n}\n"
            }
        }
    }
}

/// `prosegraph validate`: one file against the schema of its format.
public enum ValidateJob {
    /// - Parameters:
    ///   - file: the file (`-`: standard input, with `format`).
    ///   - format: its format; nil to tell it from the extension.
    ///   - schemasDirectory: where `graphml/prosegraph-graphml.xsd` and `shapes.ttl` are; nil for the
    ///     built-in copies of `Schemas/` (`BuiltInSchemas`).
    ///   - shapes: a shapes file other than `schemasDirectory/shapes.ttl` (or the built-in shapes).
    ///   - limits: what the file and the shapes may hold (sizes, triples); `InputLimits()` by default.
    /// - Throws: `ReadFailure` when the file could not be validated: it cannot
    ///   be read, its format is unknown, or the schema or shapes cannot be read.
    public static func run(file: String, format: InputFormat?, schemasDirectory: String? = nil,
                           shapes: String? = nil, limits: InputLimits = InputLimits()) throws(ReadFailure) -> ValidateOutcome {
        guard let fmt = format ?? InputFormat.from(path: file) else {
            throw ReadFailure("\(file): cannot tell the format from the file name: use --from (\(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let name = file == "-" ? "<stdin>" : file
        let bytes: [UInt8]?
        do {
            bytes = file == "-" && fmt != .graphml ? nil : try LimitedRead.read(file, limit: .inputSize, of: limits)
        } catch {
            throw ReadFailure(error.description)
        }
        if fmt == .graphml {
            let schema = schemasDirectory.map { join($0, "graphml/prosegraph-graphml.xsd") }
            do {
                let issues = try GraphMLValidation.validate(bytes: bytes ?? [], path: name, schema: schema, limits: limits)
                return ValidateOutcome(file: name, format: fmt, findings: .graphml(GraphMLReport(file: name, issues: issues)))
            } catch {
                throw ReadFailure("\(error)")
            }
        }
        let shapesPath = shapes ?? schemasDirectory.map { join($0, "shapes.ttl") } ?? builtInShapesName
        let shapesQuads: [Quad]
        if shapes == nil, schemasDirectory == nil {
            shapesQuads = builtInShapes
        } else {
            do { shapesQuads = try RDFInput.read(path: shapesPath, limits: limits).quads } catch {
                throw ReadFailure(error.description)
            }
        }
        let data: [Quad]
        do { data = try RDFInput.read(path: file, format: fmt, limits: limits).quads } catch where error.isSyntax {
            return ValidateOutcome(file: name, format: fmt, findings: .syntax(error.description))
        } catch {
            // Unreadable, or over a limit (too many triples): it could not be validated.
            throw error
        }
        var report = try shacl(data: data, shapes: shapesQuads, shapesPath: shapesPath)
        if let bytes {
            switch fmt {
            case .ntriples, .nquads: report = report.locating(SubjectLines.nTriples(bytes))
            case .turtle, .trig: report = report.locating(SubjectLines.turtle(bytes))
            case .rdfxml: report = report.locating(SubjectLines.rdfXML(bytes))
            case .jsonld, .graphml: break
            }
        }
        return ValidateOutcome(file: name, format: fmt, findings: .shacl(report, labels: report.labels(from: data)))
    }

    /// Runs the SHACL engine; shapes it cannot use mean the file could not be validated.
    static func shacl(data: [Quad], shapes: [Quad], shapesPath: String) throws(ReadFailure) -> ValidationReport {
        let graph: ShapesGraph
        do { graph = try ShapesGraph(shapes) } catch {
            throw ReadFailure("\(shapesPath): the shapes cannot be used: \(error)")
        }
        return SHACLValidator(shapes: graph).validate(data)
    }

    /// How messages name the built-in shapes.
    public static let builtInShapesName = "shapes.ttl (built in)"

    /// The built-in shapes (`BuiltInSchemas.shapes`), parsed once.
    static let builtInShapes: [Quad] = {
        var quads: [Quad] = []
        // The text is `Schemas/shapes.ttl`, which a test reads with this reader: it cannot fail here.
        try! TurtleReader(options: ReaderOptions(path: builtInShapesName)).read(Array(BuiltInSchemas.shapes.utf8)) { quads.append($0) }
        return quads
    }()

    private static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
