import Testing
@testable import ProseGraphKit
#if canImport(Glibc)
import Glibc
#endif

/// The names an export may write (what leftovers of killed runs are cleaned of).
private let owned: Set<String> = ["graph.nt", "graph.ttl", "graph.rdf"]

private func text(_ path: String) throws -> String { String(decoding: try FileSystem.read(path), as: UTF8.self) }
private func inode(_ path: String) -> UInt { FileSystem.status(path, follow: false).map { UInt($0.st_ino) } ?? 0 }

/// Stages `files` (name -> text, optionally "folder/name") and commits them.
@discardableResult
private func export(_ dir: String, _ files: [String: String], folders: [String] = [],
                    prepare: (ExportSet) -> Void = { _ in }) throws -> (mode: ExportSet.Mode, set: ExportSet) {
    let set = try ExportSet(directory: dir, ownedNames: owned)
    prepare(set)
    try set.stage(folders: folders)
    for (name, body) in files.sorted(by: { $0.key < $1.key }) {
        let parts = name.split(separator: "/").map(String.init)
        let file = try set.file(parts.last!, in: parts.count == 2 ? parts[0] : nil)
        try Array(body.utf8).withUnsafeBytes { try file.write($0) }
    }
    return (try set.commit(), set)
}

@Suite struct ExportSetTests {
    @Test func renameat2IsFoundAndSwapsTwoFolders() throws {
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        mkdir(dir + "/a", 0o755)
        mkdir(dir + "/b", 0o755)
        writeFile(dir + "/a/x", Array("a".utf8))
        #expect(Renameat2.call(dir + "/a", dir + "/b", flags: Renameat2.exchange) == 0)
        #expect(try FileSystem.list(dir + "/b") == ["x"])
        #expect(try FileSystem.list(dir + "/a") == [])
    }

    @Test func aMissingFolderIsCreatedWhole() throws {
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        let (mode, set) = try export(dir + "/deep/out", ["graph.nt": "new\n", "graph.ttl": "new ttl\n"])
        #expect(mode == .created)
        #expect(set.notes.isEmpty && set.warnings.isEmpty)
        #expect(try FileSystem.list(dir) == ["deep"])
        #expect(try FileSystem.list(dir + "/deep") == ["out"])
        #expect(try FileSystem.list(dir + "/deep/out") == ["graph.nt", "graph.ttl"])
        #expect(try text(dir + "/deep/out/graph.nt") == "new\n")
        #expect(FileSystem.status(dir + "/deep/out")!.st_mode & 0o7777 == 0o755 & ~currentUmask())
    }

    @Test func anExistingFolderIsSwappedAndKeepsOtherFiles() throws {
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        mkdir(dir + "/out", 0o750)
        chmod(dir + "/out", 0o750)
        writeFile(dir + "/out/graph.nt", Array("old\n".utf8))
        writeFile(dir + "/out/graph.ttl", Array("old ttl, not rewritten\n".utf8))
        writeFile(dir + "/out/notes.txt", Array("mine\n".utf8))
        symlink("notes.txt", dir + "/out/link")
        let notes = inode(dir + "/out/notes.txt")
        let (mode, set) = try export(dir + "/out", ["graph.nt": "new\n"])
        #expect(mode == .exchanged)
        #expect(set.notes.isEmpty && set.warnings.isEmpty)
        #expect(try FileSystem.list(dir) == ["out"])  // no staging folder, no previous set
        #expect(try FileSystem.list(dir + "/out") == ["graph.nt", "graph.ttl", "link", "notes.txt"])
        #expect(try text(dir + "/out/graph.nt") == "new\n")
        #expect(try text(dir + "/out/graph.ttl") == "old ttl, not rewritten\n")
        #expect(try text(dir + "/out/link") == "mine\n")
        #expect(inode(dir + "/out/notes.txt") == notes)  // the same file, carried by a hard link
        #expect(FileSystem.status(dir + "/out")!.st_mode & 0o7777 == 0o750)
    }

    @Test func aSymbolicLinkToTheFolderIsResolvedAndKept() throws {
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        mkdir(dir + "/real", 0o755)
        writeFile(dir + "/real/graph.nt", Array("old\n".utf8))
        symlink("real", dir + "/link")
        let (mode, set) = try export(dir + "/link", ["graph.nt": "new\n"])
        #expect(mode == .exchanged)
        #expect(set.path == FileSystem.realPath(dir)! + "/real")
        #expect(try FileSystem.list(dir) == ["link", "real"])
        #expect(FileSystem.status(dir + "/link", follow: false)!.st_mode & S_IFMT == S_IFLNK)
        #expect(try text(dir + "/real/graph.nt") == "new\n")
    }

    @Test func discardLeavesThePreviousSetAndNoStagingFolder() throws {
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        mkdir(dir + "/out", 0o755)
        writeFile(dir + "/out/graph.nt", Array("old\n".utf8))
        writeFile(dir + "/out/notes.txt", Array("mine\n".utf8))
        let set = try ExportSet(directory: dir + "/out", ownedNames: owned)
        try set.stage()
        let file = try set.file("graph.nt")
        try Array("new, half writ".utf8).withUnsafeBytes { try file.write($0) }
        #expect(try FileSystem.list(dir).count == 2)  // out and the staging folder
        set.discard()
        #expect(try FileSystem.list(dir) == ["out"])
        #expect(try FileSystem.list(dir + "/out") == ["graph.nt", "notes.txt"])
        #expect(try text(dir + "/out/graph.nt") == "old\n")
    }

    @Test func aSubfolderMeansFileByFile() throws {
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        mkdir(dir + "/out", 0o755)
        mkdir(dir + "/out/keep", 0o755)
        writeFile(dir + "/out/keep/data", Array("user data\n".utf8))
        writeFile(dir + "/out/graph.nt", Array("old\n".utf8))
        let (mode, set) = try export(dir + "/out", ["graph.nt": "new\n", "graph.ttl": "ttl\n"])
        #expect(mode == .perFile(reason: "it holds the folder keep"))
        #expect(set.notes.isEmpty && set.warnings.isEmpty)
        #expect(try FileSystem.list(dir) == ["out"])
        #expect(try FileSystem.list(dir + "/out") == ["graph.nt", "graph.ttl", "keep"])  // no journal, no staging folder
        #expect(try text(dir + "/out/graph.nt") == "new\n")
        #expect(try text(dir + "/out/keep/data") == "user data\n")
    }

    @Test func aFileSystemThatCannotSwapFallsBackToFileByFile() throws {
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        mkdir(dir + "/out", 0o755)
        writeFile(dir + "/out/graph.nt", Array("old\n".utf8))
        writeFile(dir + "/out/notes.txt", Array("mine\n".utf8))
        let (mode, _) = try export(dir + "/out", ["graph.nt": "new\n"]) { $0.simulatedSwapError = EINVAL }
        #expect(mode == .perFile(reason: "the file system cannot swap folders (renameat2: invalid argument)"))
        #expect(try FileSystem.list(dir) == ["out"])
        #expect(try FileSystem.list(dir + "/out") == ["graph.nt", "notes.txt"])
        #expect(try text(dir + "/out/graph.nt") == "new\n")
        #expect(try text(dir + "/out/notes.txt") == "mine\n")
    }

    @Test func aTrailingSlashNamesTheSameFolder() throws {
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        mkdir(dir + "/out", 0o755)
        #expect(try ExportSet(directory: dir + "/out/", ownedNames: owned).path == FileSystem.realPath(dir + "/out")!)
        #expect(try ExportSet(directory: dir + "/new/../out", ownedNames: owned).path == FileSystem.realPath(dir + "/out")!)
        #expect(try FileSystem.list(dir) == ["out"])
    }

    @Test func perDocumentFoldersAreSwappedWithTheirOtherFiles() throws {
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        try export(dir + "/out", ["a/graph.nt": "a1\n", "b/graph.nt": "b1\n"], folders: ["a", "b"])
        writeFile(dir + "/out/a/mine.txt", Array("mine\n".utf8))
        writeFile(dir + "/out/README", Array("top\n".utf8))
        let (mode, _) = try export(dir + "/out", ["a/graph.nt": "a2\n", "b/graph.nt": "b2\n"], folders: ["a", "b"])
        #expect(mode == .exchanged)
        #expect(try FileSystem.list(dir) == ["out"])
        #expect(try FileSystem.list(dir + "/out") == ["README", "a", "b"])
        #expect(try FileSystem.list(dir + "/out/a") == ["graph.nt", "mine.txt"])
        #expect(try text(dir + "/out/a/graph.nt") == "a2\n")
        #expect(try text(dir + "/out/b/graph.nt") == "b2\n")
        // An article folder this export does not write is a subfolder it cannot carry.
        let (third, _) = try export(dir + "/out", ["a/graph.nt": "a3\n"], folders: ["a"])
        #expect(third == .perFile(reason: "it holds the folder b"))
        #expect(try FileSystem.list(dir + "/out") == ["README", "a", "b"])
        #expect(try FileSystem.list(dir + "/out/a") == ["graph.nt", "mine.txt"])
        #expect(try text(dir + "/out/a/graph.nt") == "a3\n")
        #expect(try text(dir + "/out/b/graph.nt") == "b2\n")
    }

    @Test func leftoversOfKilledRunsAreRemovedFirst() throws {
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        let real = FileSystem.realPath(dir)!
        mkdir(dir + "/out", 0o755)
        writeFile(dir + "/out/graph.nt", Array("current\n".utf8))
        writeFile(dir + "/out/notes.txt", Array("mine\n".utf8))
        // Killed while staging: a partial file and a hard link of a carried file.
        mkdir(dir + "/.out.prosegraph-Abc123", 0o755)
        writeFile(dir + "/.out.prosegraph-Abc123/graph.nt", Array("half".utf8))
        link(dir + "/out/notes.txt", dir + "/.out.prosegraph-Abc123/notes.txt")
        // Killed inside a file-by-file run, before its journal: a staging folder and a journal draft.
        mkdir(dir + "/out/.prosegraph-xyz789", 0o755)
        writeFile(dir + "/out/.prosegraph-xyz789/graph.ttl", Array("half".utf8))
        writeFile(dir + "/out/.prosegraph.journal-QQQQQQ", Array("prosegraph jour".utf8))
        // Killed before ExportSet: a temporary file of the one-file-at-a-time exports.
        writeFile(dir + "/out/.graph.rdf.tmp-a1B2c3", Array("<rdf".utf8))
        // Not prosegraph's: a name that does not fit, and a look-alike holding someone's file.
        mkdir(dir + "/.out.prosegraph-toolong", 0o755)
        mkdir(dir + "/.out.prosegraph-Zzz999", 0o755)
        writeFile(dir + "/.out.prosegraph-Zzz999/diary.txt", Array("dear diary\n".utf8))
        let set = try ExportSet(directory: dir + "/out", ownedNames: owned)
        #expect(set.notes == [
            "removed \(real)/out/.graph.rdf.tmp-a1B2c3, left by an interrupted export",
            "removed \(real)/out/.prosegraph-xyz789, left by an interrupted export",
            "removed \(real)/.out.prosegraph-Abc123, left by an interrupted export",
        ])
        #expect(set.warnings == ["kept \(real)/.out.prosegraph-Zzz999, left by an interrupted export: it holds files that are not part of an export"])
        #expect(try FileSystem.list(dir) == [".out.prosegraph-Zzz999", ".out.prosegraph-toolong", "out"])
        #expect(try FileSystem.list(dir + "/.out.prosegraph-Zzz999") == ["diary.txt"])
        #expect(try FileSystem.list(dir + "/out") == ["graph.nt", "notes.txt"])
        #expect(try text(dir + "/out/notes.txt") == "mine\n")
        set.discard()
    }

    @Test func theStagingFolderOfALiveRunIsLeftAlone() throws {
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        mkdir(dir + "/out", 0o755)
        writeFile(dir + "/out/graph.nt", Array("old\n".utf8))
        let first = try ExportSet(directory: dir + "/out", ownedNames: owned)
        try first.stage()
        let file = try first.file("graph.nt")
        try Array("first\n".utf8).withUnsafeBytes { try file.write($0) }
        let second = try ExportSet(directory: dir + "/out", ownedNames: owned)
        #expect(second.notes.isEmpty)
        second.discard()
        #expect(try first.commit() == .exchanged)
        #expect(try text(dir + "/out/graph.nt") == "first\n")
        #expect(try FileSystem.list(dir) == ["out"])
    }

    @Test func anInterruptedFileByFileCommitIsCompletedFromItsJournal() throws {
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        mkdir(dir + "/out", 0o755)
        writeFile(dir + "/out/graph.nt", Array("new nt\n".utf8))  // renamed before the kill
        writeFile(dir + "/out/graph.ttl", Array("old ttl\n".utf8))
        mkdir(dir + "/out/.prosegraph-Kil1ed", 0o755)
        mkdir(dir + "/out/.prosegraph-Kil1ed/doc", 0o755)
        writeFile(dir + "/out/.prosegraph-Kil1ed/graph.ttl", Array("new ttl\n".utf8))
        writeFile(dir + "/out/.prosegraph-Kil1ed/doc/graph.rdf", Array("new rdf\n".utf8))
        writeFile(dir + "/out/.prosegraph.journal", Array("""
            prosegraph journal 1
            staging\t.prosegraph-Kil1ed
            rename\t.prosegraph-Kil1ed/graph.nt\tgraph.nt
            rename\t.prosegraph-Kil1ed/graph.ttl\tgraph.ttl
            rename\t.prosegraph-Kil1ed/doc/graph.rdf\tdoc/graph.rdf
            end

            """.utf8))
        let set = try ExportSet(directory: dir + "/out", ownedNames: owned)
        #expect(set.notes == ["completed the export an interrupted run was committing in \(dir)/out"])
        #expect(try FileSystem.list(dir + "/out") == ["doc", "graph.nt", "graph.ttl"])
        #expect(try text(dir + "/out/graph.nt") == "new nt\n")
        #expect(try text(dir + "/out/graph.ttl") == "new ttl\n")
        #expect(try text(dir + "/out/doc/graph.rdf") == "new rdf\n")
        set.discard()
    }

    @Test func aDamagedJournalStopsTheExportAndSaysSo() throws {
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        mkdir(dir + "/out", 0o755)
        writeFile(dir + "/out/.prosegraph.journal", Array("prosegraph journal 1\nrename\tx\n".utf8))
        #expect(throws: OutputError(path: dir + "/out/.prosegraph.journal", message: "not a journal prosegraph wrote; remove it to export again")) {
            try ExportSet(directory: dir + "/out", ownedNames: owned)
        }
    }

    @Test func pathsThatCannotBeAFolderAreClearErrors() throws {
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        writeFile(dir + "/file.txt", Array("x".utf8))
        #expect(throws: OutputError(path: dir + "/file.txt/out", message: "cannot create the directory: \(dir)/file.txt exists and is not a directory")) {
            try ExportSet(directory: dir + "/file.txt/out", ownedNames: owned)
        }
        #expect(throws: OutputError(path: dir + "/file.txt", message: "cannot create the directory: \(dir)/file.txt exists and is not a directory")) {
            try ExportSet(directory: dir + "/file.txt", ownedNames: owned)
        }
        symlink("nowhere", dir + "/dangling")
        #expect(throws: OutputError(path: dir + "/dangling", message: "cannot create the directory: \(dir)/dangling is a symbolic link to nothing")) {
            try ExportSet(directory: dir + "/dangling", ownedNames: owned)
        }
        #expect(try FileSystem.list(dir) == ["dangling", "file.txt"])
    }

    @Test func aStagedFileKeepsItsFirstWriteError() throws {
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        let set = try ExportSet(directory: dir + "/out", ownedNames: owned)
        try set.stage()
        let file = try set.file("graph.nt")
        try file.close()
        #expect(throws: OutputError(path: dir + "/out/graph.nt", message: "write after the file was closed")) {
            try Array("x".utf8).withUnsafeBytes { try file.write($0) }
        }
        #expect(file.failure == nil)
        #expect(try set.commit() == .created)
        #expect(try FileSystem.read(dir + "/out/graph.nt") == [])
    }

    @Test func exportJobCommitsTheWholeSetAndKeepsUserFiles() throws {
        let dir = try temporaryDirectory()
        defer { remove(dir) }
        mkdir(dir + "/in", 0o755)
        writeFile(dir + "/in/a.txt", article)
        let first = try ExportJob(inputs: [dir + "/in"], outputDirectory: dir + "/out").run()
        #expect(first.commit == .created)
        writeFile(dir + "/out/notes.txt", Array("mine\n".utf8))
        let nt = try FileSystem.read(dir + "/out/graph.nt")
        var lines: [String] = []
        let second = try ExportJob(inputs: [dir + "/in"], outputDirectory: dir + "/out", formats: [.ntriples, .turtle]).run { lines.append($0) }
        #expect(second.commit == .exchanged)
        #expect(second.written.map(\.path) == [dir + "/out/graph.nt", dir + "/out/graph.ttl"])
        #expect(lines.suffix(2) == ["wrote \(dir)/out/graph.nt: 4 triples", "wrote \(dir)/out/graph.ttl: 4 triples"])
        #expect(try FileSystem.list(dir) == ["in", "out"])
        #expect(try FileSystem.list(dir + "/out") == ["graph.graphml", "graph.jsonld", "graph.nt", "graph.rdf", "graph.ttl", "notes.txt"])
        #expect(try FileSystem.read(dir + "/out/graph.nt") == nt)
    }
}

/// The process's umask, read without changing it (tests run in parallel).
private func currentUmask() -> mode_t {
    let status = (try? text("/proc/self/status")) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("Umask:") } ?? "Umask:\t0022"
    return mode_t(line.dropFirst(6).trimmingPrefix(while: { $0 == "\t" || $0 == " " }), radix: 8) ?? 0o022
}
