#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ProseGraphFormats

/// A set of files (an export: graph.rdf, graph.nt ... and, with
/// `--per-document`, one subfolder of them per article) that replaces the
/// previous set in a folder all at once.
///
/// 1. `init` resolves the folder (symbolic links followed), checks that it can
///    be written, completes or removes what killed runs left, and creates nothing.
/// 2. `stage` creates a hidden staging folder; `file` creates each file in it.
/// 3. `commit` syncs every file and folder, then makes the whole set visible:
///    - `.exchanged`: the staging folder is a sibling of the output folder
///      (`.NAME.prosegraph-XXXXXX`). The output folder's other entries are
///      carried into it as hard links, and one `renameat2(RENAME_EXCHANGE)`
///      swaps the two folders; then the previous set is deleted. A reader, or
///      a kill at any moment, sees the previous set or the new one.
///    - `.created`: the folder did not exist; one rename makes it appear complete.
///    - `.perFile(reason)`: the folder cannot be swapped (a mount point, the
///      working directory, a subfolder that is not an article folder of this
///      export, an owner that cannot be kept, an unwritable parent, a file
///      system without RENAME_EXCHANGE or hard links). The files are staged in
///      `NAME/.prosegraph-XXXXXX` (or next to it), a journal of the renames is
///      synced as `NAME/.prosegraph.journal`, and the files are renamed into
///      place one by one. A run killed during those renames leaves a mix, which
///      the next export into the folder completes from the journal first.
///
/// Any failure before the commit leaves the folder untouched and removes the
/// staging folder (`discard`, also on deinit). Staging folders are locked
/// (`flock`) while their run lives, so a concurrent run never removes them.
public final class ExportSet {
    public enum Mode: Equatable, Sendable {
        case created, exchanged
        case perFile(reason: String)
    }

    /// The folder as given: messages name files under it.
    public let directory: String
    /// Its absolute path, symbolic links resolved.
    public let path: String
    /// What the run did besides the export: leftovers of killed runs removed,
    /// an interrupted commit completed.
    public private(set) var notes: [String] = []
    /// Leftovers kept because they hold files prosegraph did not write.
    public private(set) var warnings: [String] = []

    /// File names an export writes (every format's): in leftovers of killed
    /// runs these are removed; anything else is removed only when it is a hard
    /// link of a file still in the folder.
    private let ownedNames: Set<String>
    private let parentPath: String
    private let name: String
    private let existed: Bool
    /// Why the folder is replaced file by file, when known before staging.
    private var perFileReason: String?
    /// Why the commit must go file by file although the staging folder is a sibling.
    private var siblingFallback: String?
    private var staging: (path: String, fd: Int32, sibling: Bool)?
    /// The staging folder, between `stage` and the commit: room for a run's
    /// own temporary files on the output's file system.
    public var stagingPath: String? { staging?.path }
    private var staged: [(folder: String?, name: String, file: StagedFile)] = []
    private var folders: [String] = []
    private var carried: [String] = []
    private var journalWritten = false
    private var finished = false
    /// Tests: the errno the swap (renameat2 with RENAME_EXCHANGE) fails with.
    var simulatedSwapError: Int32?

    #if DEBUG
    /// Debug builds only: milliseconds to pause after each file-by-file rename
    /// (PROSEGRAPH_TEST_RENAME_DELAY_MS), so a test can kill a run in the middle of them.
    private static let renamePause: UInt32 = getenv("PROSEGRAPH_TEST_RENAME_DELAY_MS").flatMap { UInt32(String(cString: $0)) } ?? 0
    #endif

    static let journalName = ".prosegraph.journal"
    static let journalTempPrefix = ".prosegraph.journal-"
    static let insidePrefix = ".prosegraph-"
    private var siblingPrefix: String { "." + name + ".prosegraph-" }

    /// Resolves `directory`, checks it can be written (or created), completes an
    /// export a killed run was committing file by file, and removes staging
    /// folders killed runs left. Creates nothing.
    public init(directory: String, ownedNames: Set<String>) throws(OutputError) {
        self.directory = directory
        self.ownedNames = ownedNames
        let resolved = try Self.resolve(directory)
        path = resolved.path
        existed = resolved.exists
        parentPath = FileSystem.parent(of: path)
        name = FileSystem.lastComponent(of: path)
        if existed {
            guard faccessat(AT_FDCWD, path, W_OK | X_OK, AT_EACCESS) == 0 else {
                throw OutputError(path: directory, message: "cannot write to the directory: \(FileSystem.lastError())")
            }
            try recover()
            perFileReason = swapObstacle()
        } else if faccessat(AT_FDCWD, resolved.deepestExisting, W_OK | X_OK, AT_EACCESS) != 0 {
            throw OutputError(path: directory, message: "cannot create the directory: \(FileSystem.lastError())")
        }
        if path != "/" { removeStaleSiblings() }
    }

    deinit { discard() }

    // MARK: Staging

    /// Creates the staging folder (and the output folder's missing parents), with
    /// one subfolder per name in `folders`.
    public func stage(folders: [String] = []) throws(OutputError) {
        precondition(staging == nil && !finished, "stage() once, before commit()")
        self.folders = folders
        if !existed { try makeParents() }
        if existed, perFileReason == nil { perFileReason = subfolderObstacle() }
        if perFileReason == nil {
            if let made = Self.createStaging(in: parentPath, prefix: siblingPrefix) {
                staging = (made.path, made.fd, true)
                if existed, let st = FileSystem.status(path), !Self.matchOwnerAndMode(made.path, st) {
                    _ = removeSet(made.path, live: nil, everything: true)
                    close(made.fd)
                    staging = nil
                    perFileReason = "its owner or mode cannot be given to a new folder"
                }
            } else if existed, [EACCES, EPERM, EROFS].contains(errno) {
                perFileReason = "its parent folder is not writable"
            } else {
                throw OutputError(path: directory, message: existed
                    ? "cannot create a folder in \(parentPath): \(FileSystem.lastError())"
                    : "cannot create the directory: \(FileSystem.lastError())")
            }
        }
        if staging == nil {
            guard let made = Self.createStaging(in: path, prefix: Self.insidePrefix) else {
                throw OutputError(path: directory, message: "cannot write to the directory: \(FileSystem.lastError())")
            }
            staging = (made.path, made.fd, false)
        }
        let root = staging!.path
        for folder in folders {
            let sub = root + "/" + folder
            guard mkdir(sub, 0o755) == 0 else {
                throw OutputError(path: FileSystem.join(directory, folder), message: "cannot create the directory: \(FileSystem.lastError())")
            }
            if staging!.sibling, let st = FileSystem.status(path + "/" + folder), FileSystem.isDirectory(st),
               !Self.matchOwnerAndMode(sub, st) {
                siblingFallback = "the owner or mode of its folder \(folder) cannot be given to a new folder"
            }
        }
    }

    /// Creates one file of the set, in `folder` (one of `stage`'s) or at the top.
    public func file(_ fileName: String, in folder: String? = nil) throws(OutputError) -> StagedFile {
        guard let staging, !finished else { preconditionFailure("file() after stage() and before commit()") }
        let display = FileSystem.join(folder.map { FileSystem.join(directory, $0) } ?? directory, fileName)
        let fd = open(staging.path + "/" + (folder.map { $0 + "/" } ?? "") + fileName, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError(path: display, message: "cannot write: \(FileSystem.lastError())") }
        _ = fchmod(fd, 0o644)
        let file = StagedFile(fd: fd, path: display)
        staged.append((folder, fileName, file))
        return file
    }

    // MARK: Commit

    /// Syncs every staged file and makes the set visible (see the type's comment).
    /// On an error the caller calls `discard()`; the folder is then untouched,
    /// except after an error in the middle of file-by-file renames (reported),
    /// which the next export completes.
    @discardableResult
    public func commit() throws(OutputError) -> Mode {
        guard let staging, !finished else { preconditionFailure("commit() once, after stage()") }
        for s in staged { try s.file.close() }
        syncStaging()
        let mode: Mode
        if let reason = perFileReason {
            try commitFileByFile(stagingRelative: FileSystem.lastComponent(of: staging.path))
            mode = .perFile(reason: reason)
        } else {
            mode = try swapIn(staging.path)
        }
        finished = true
        close(staging.fd)
        self.staging = nil
        return mode
    }

    /// Removes the staging folder; the output folder keeps the previous set.
    public func discard() {
        guard !finished else { return }
        finished = true
        for s in staged { s.file.abandon() }
        guard let staging else { return }
        if !journalWritten {
            uncarry(staging.path)
            _ = removeSet(staging.path, live: nil, everything: true)
        }
        close(staging.fd)
        self.staging = nil
    }

    private func swapIn(_ stagingPath: String) throws(OutputError) -> Mode {
        let sibling = "../" + FileSystem.lastComponent(of: stagingPath)
        for _ in 0..<2 {
            if FileSystem.status(path, follow: false) == nil {
                if Renameat2.call(stagingPath, path, flags: Renameat2.noReplace) == 0
                    || ([EINVAL, ENOSYS].contains(errno) && rename(stagingPath, path) == 0) {
                    FileSystem.syncDirectory(parentPath)
                    return .created
                }
                guard errno == EEXIST || errno == ENOTEMPTY else {
                    throw OutputError(path: directory, message: "cannot create the directory: \(FileSystem.lastError())")
                }
                // The folder appeared meanwhile: swap with it.
            }
            if let reason = siblingFallback ?? carry(into: stagingPath) {
                try commitFileByFile(stagingRelative: sibling)
                return .perFile(reason: reason)
            }
            if Renameat2.call(stagingPath, path, flags: Renameat2.exchange, simulatedError: simulatedSwapError) == 0 {
                FileSystem.syncDirectory(parentPath)
                removePreviousSet(at: stagingPath)
                return .exchanged
            }
            let code = errno
            uncarry(stagingPath)
            if code == ENOENT { continue }  // the folder was removed meanwhile: create it
            guard [EINVAL, ENOSYS, EXDEV, EBUSY, EPERM, ENOTSUP, EOPNOTSUPP].contains(code) else {
                throw OutputError(path: directory, message: "cannot replace the directory: \(FileSystem.errorText(code))")
            }
            try commitFileByFile(stagingRelative: sibling)
            return .perFile(reason: "the file system cannot swap folders (renameat2: \(FileSystem.errorText(code)))")
        }
        throw OutputError(path: directory, message: "cannot replace the directory: it keeps appearing and disappearing")
    }

    /// Hard-links the output folder's other entries into the staging folder.
    /// Returns why the folder cannot be swapped, after undoing the links, or nil.
    private func carry(into stagingPath: String) -> String? {
        guard let names = FileSystem.entries(path) else { return "it cannot be listed (\(FileSystem.lastError()))" }
        let top = Set(staged.filter { $0.folder == nil }.map(\.name))
        func link(_ relative: String) -> String? {
            if linkat(AT_FDCWD, path + "/" + relative, AT_FDCWD, stagingPath + "/" + relative, 0) == 0 {
                carried.append(relative)
                return nil
            }
            let reason = "\(relative) cannot be hard-linked (\(FileSystem.lastError()))"
            uncarry(stagingPath)
            return reason
        }
        for entry in names.sorted() {
            guard let st = FileSystem.status(path + "/" + entry, follow: false) else { continue }
            if !FileSystem.isDirectory(st) {
                if top.contains(entry) { continue }
                if let reason = link(entry) { return reason }
                continue
            }
            guard folders.contains(entry) else { uncarry(stagingPath); return "it holds the folder \(entry)" }
            let inner = Set(staged.filter { $0.folder == entry }.map(\.name))
            for item in (FileSystem.entries(path + "/" + entry) ?? []).sorted() {
                guard let ist = FileSystem.status(path + "/" + entry + "/" + item, follow: false) else { continue }
                if FileSystem.isDirectory(ist) { uncarry(stagingPath); return "it holds the folder \(entry)/\(item)" }
                if inner.contains(item) { continue }
                if let reason = link(entry + "/" + item) { return reason }
            }
        }
        syncStaging()
        return nil
    }

    private func uncarry(_ stagingPath: String) {
        for relative in carried { unlink(stagingPath + "/" + relative) }
        carried = []
    }

    /// After the swap the staging folder holds the previous set: delete it.
    private func removePreviousSet(at old: String) {
        let fd = open(old, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        if fd >= 0 { _ = flock(fd, LOCK_EX | LOCK_NB) }
        defer { if fd >= 0 { close(fd) } }
        if !removeSet(old, live: path, everything: false) {
            warnings.append("kept \(old): it holds files that are not part of an export (they were in \(directory) when it was replaced)")
        }
        FileSystem.syncDirectory(parentPath)
    }

    // MARK: File by file, with a journal

    /// Writes the journal of renames (staging → folder), then runs it.
    private func commitFileByFile(stagingRelative: String) throws(OutputError) {
        let lock = lockFolder()
        defer { if lock >= 0 { close(lock) } }
        if FileSystem.status(path + "/" + Self.journalName, follow: false) != nil {
            try replayJournal()
            notes.append("completed the export an interrupted run was committing in \(directory)")
        }
        // Article folders first, so the journaled renames need no new space.
        for folder in folders where FileSystem.status(path + "/" + folder) == nil {
            guard mkdir(path + "/" + folder, 0o755) == 0 || errno == EEXIST else {
                throw OutputError(path: FileSystem.join(directory, folder), message: "cannot create the directory: \(FileSystem.lastError())")
            }
        }
        var text = "prosegraph journal 1\nstaging\t\(Self.escape(stagingRelative))\n"
        for s in staged {
            let relative = (s.folder.map { $0 + "/" } ?? "") + s.name
            text += "rename\t\(Self.escape(stagingRelative + "/" + relative))\t\(Self.escape(relative))\n"
        }
        text += "end\n"
        try writeJournal(text)
        journalWritten = true
        try replayJournal()
    }

    private func writeJournal(_ text: String) throws(OutputError) {
        let display = FileSystem.join(directory, Self.journalName)
        var fd: Int32 = -1
        var temp = ""
        for _ in 0..<100 {
            temp = path + "/" + Self.journalTempPrefix + Self.randomSuffix()
            fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw OutputError(path: display, message: "cannot write: \(FileSystem.lastError())") }
        var text = text
        let wrote = text.withUTF8 { FileSystem.writeAll(fd, UnsafeRawBufferPointer($0)) }
        if !wrote || fsync(fd) != 0 {
            let e = FileSystem.lastError()
            close(fd)
            unlink(temp)
            throw OutputError(path: display, message: "cannot write: \(e)")
        }
        close(fd)
        guard rename(temp, path + "/" + Self.journalName) == 0 else {
            let e = FileSystem.lastError()
            unlink(temp)
            throw OutputError(path: display, message: "cannot rename into place: \(e)")
        }
        FileSystem.syncDirectory(path)
    }

    /// Runs the journal in the folder: renames what is still staged, removes the
    /// staging folder and the journal. Idempotent, so a killed replay is redone.
    private func replayJournal() throws(OutputError) {
        let journal = path + "/" + Self.journalName
        let display = FileSystem.join(directory, Self.journalName)
        let bytes: [UInt8]
        do { bytes = try FileSystem.read(journal) } catch {
            throw OutputError(path: display, message: "cannot read the journal of an interrupted export: \(error.message)")
        }
        let lines = bytes.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
        var stagingRelative: String?
        var renames: [(from: String, to: String)] = []
        var valid = lines.count >= 3 && lines.first == "prosegraph journal 1" && lines.last == "end"
        for line in lines.dropFirst().dropLast() where valid {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { Self.unescape(String($0)) }
            switch (fields.first, fields.count) {
            case ("staging"?, 2): stagingRelative = fields[1]
            case ("rename"?, 3): renames.append((fields[1], fields[2]))
            default: valid = false
            }
        }
        guard valid, let stagingRelative else {
            throw OutputError(path: display, message: "not a journal prosegraph wrote; remove it to export again")
        }
        var touched: Set<String> = [path]
        for (from, to) in renames {
            let source = path + "/" + from, target = path + "/" + to
            guard FileSystem.status(source, follow: false) != nil else { continue }  // renamed before
            let folder = FileSystem.parent(of: target)
            if folder != path, FileSystem.status(folder) == nil, mkdir(folder, 0o755) != 0, errno != EEXIST {
                throw OutputError(path: FileSystem.parent(of: FileSystem.join(directory, to)), message: "cannot create the directory: \(FileSystem.lastError())")
            }
            guard rename(source, target) == 0 else {
                throw OutputError(path: FileSystem.join(directory, to), message: "cannot rename into place: \(FileSystem.lastError())")
            }
            touched.insert(folder)
            #if DEBUG
            if Self.renamePause > 0 { usleep(Self.renamePause * 1000) }
            #endif
        }
        for folder in touched { FileSystem.syncDirectory(folder) }
        let stagingPath = stagingRelative.hasPrefix("../")
            ? FileSystem.join(parentPath, String(stagingRelative.dropFirst(3))) : path + "/" + stagingRelative
        if !removeSet(stagingPath, live: nil, everything: false) {
            warnings.append("kept \(stagingPath): it holds files that are not part of an export")
        }
        unlink(journal)
        FileSystem.syncDirectory(path)
        if stagingRelative.hasPrefix("../") { FileSystem.syncDirectory(parentPath) }
    }

    // MARK: Leftovers of killed runs

    /// Completes a journal and removes staging folders, journal drafts and
    /// temporary files of interrupted exports in the folder.
    private func recover() throws(OutputError) {
        let lock = lockFolder()
        defer { if lock >= 0 { close(lock) } }
        if FileSystem.status(path + "/" + Self.journalName, follow: false) != nil {
            try replayJournal()
            notes.append("completed the export an interrupted run was committing in \(directory)")
        }
        for entry in (FileSystem.entries(path) ?? []).sorted() {
            if Self.isGenerated(entry, prefix: Self.journalTempPrefix) {
                unlink(path + "/" + entry)
            } else if Self.isGenerated(entry, prefix: Self.insidePrefix) {
                removeStale(path + "/" + entry, live: nil)
            } else if ownedNames.contains(where: { Self.isGenerated(entry, prefix: "." + $0 + ".tmp-") }),
                      unlink(path + "/" + entry) == 0 {
                // A temporary file of the exports before ExportSet (one AtomicFile per format).
                notes.append("removed \(path)/\(entry), left by an interrupted export")
            }
        }
    }

    private func removeStaleSiblings() {
        for entry in (FileSystem.entries(parentPath) ?? []).sorted() where Self.isGenerated(entry, prefix: siblingPrefix) {
            removeStale(FileSystem.join(parentPath, entry), live: existed ? path : nil)
        }
    }

    /// Removes a staging folder no live run holds (a live run keeps it locked).
    private func removeStale(_ folder: String, live: String?) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return }
        defer { close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0, Self.isSame(fd, folder) else { return }
        if removeSet(folder, live: live, everything: false) {
            notes.append("removed \(folder), left by an interrupted export")
        } else {
            warnings.append("kept \(folder), left by an interrupted export: it holds files that are not part of an export")
        }
    }

    /// Deletes a staging folder or a previous set: every file when `everything`,
    /// else the files an export writes and hard links of files still in `live`;
    /// subfolders likewise. True when the folder is gone.
    private func removeSet(_ folder: String, live: String?, everything: Bool) -> Bool {
        guard let names = FileSystem.entries(folder) else { return errno == ENOENT }
        var all = true
        for entry in names {
            let item = folder + "/" + entry
            guard let st = FileSystem.status(item, follow: false) else { continue }
            if FileSystem.isDirectory(st) {
                if !removeSet(item, live: live.map { $0 + "/" + entry }, everything: everything) { all = false }
                continue
            }
            var ours = everything || ownedNames.contains(entry)
            if !ours, let live, let other = FileSystem.status(live + "/" + entry, follow: false) {
                ours = other.st_dev == st.st_dev && other.st_ino == st.st_ino
            }
            if ours, unlink(item) == 0 || errno == ENOENT { continue }
            all = false
        }
        return rmdir(folder) == 0 || errno == ENOENT ? all : false
    }

    // MARK: Checks

    /// Why the existing folder cannot be swapped, whatever it holds.
    private func swapObstacle() -> String? {
        if path == "/" { return "it is the root folder" }
        guard let st = FileSystem.status(path), let parent = FileSystem.status(parentPath) else { return "it cannot be examined" }
        if st.st_dev != parent.st_dev || Self.mountPoints().contains(path) { return "it is a mount point" }
        if let cwd = FileSystem.realPath(".") {
            if cwd == path { return "it is the working directory" }
            if cwd.hasPrefix(path + "/") { return "it holds the working directory" }
        }
        let euid = geteuid()
        if euid != 0 && st.st_uid != euid { return "it belongs to another user" }
        return nil
    }

    /// A subfolder other than this export's article folders, or one below them.
    private func subfolderObstacle() -> String? {
        for entry in (FileSystem.entries(path) ?? []).sorted() {
            guard let st = FileSystem.status(path + "/" + entry, follow: false), FileSystem.isDirectory(st) else { continue }
            guard folders.contains(entry) else { return "it holds the folder \(entry)" }
            for item in (FileSystem.entries(path + "/" + entry) ?? []).sorted() {
                if let ist = FileSystem.status(path + "/" + entry + "/" + item, follow: false), FileSystem.isDirectory(ist) {
                    return "it holds the folder \(entry)/\(item)"
                }
            }
        }
        return nil
    }

    // MARK: Helpers

    /// The absolute path the folder has or will have, whether it exists, and
    /// its deepest existing ancestor. Errors name the path as given.
    static func resolve(_ directory: String) throws(OutputError) -> (path: String, exists: Bool, deepestExisting: String) {
        var given = directory
        while given.count > 1 && given.hasSuffix("/") { given.removeLast() }
        if given.isEmpty { given = "." }
        let absolute = given.hasPrefix("/")
        let parts = given.split(separator: "/").map(String.init)
        var prefix = absolute ? "/" : ""
        var existing = absolute ? "/" : "."
        var missing: [String] = []
        for (i, part) in parts.enumerated() {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + part
            if let st = FileSystem.status(prefix) {
                guard FileSystem.isDirectory(st) else {
                    throw OutputError(path: directory, message: "cannot create the directory: \(prefix) exists and is not a directory")
                }
                existing = prefix
                continue
            }
            let code = errno
            if code == ENOENT, FileSystem.status(prefix, follow: false) != nil {
                throw OutputError(path: directory, message: "cannot create the directory: \(prefix) is a symbolic link to nothing")
            }
            guard code == ENOENT else {
                throw OutputError(path: directory, message: "cannot write to the directory: \(FileSystem.errorText(code))")
            }
            missing = Array(parts[i...])
            break
        }
        guard let base = FileSystem.realPath(existing) else {
            throw OutputError(path: directory, message: "cannot write to the directory: \(FileSystem.lastError())")
        }
        if missing.isEmpty { return (base, true, base) }
        var components = base.split(separator: "/").map(String.init)
        for part in missing {
            switch part {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(part)
            }
        }
        let full = "/" + components.joined(separator: "/")
        if let st = FileSystem.status(full), FileSystem.isDirectory(st), let real = FileSystem.realPath(full) {
            return (real, true, real)  // `new/../existing`
        }
        return (full, false, base)
    }

    private func makeParents() throws(OutputError) {
        var prefix = ""
        for part in parentPath.split(separator: "/") {
            let above = prefix.isEmpty ? "/" : prefix
            prefix += "/" + part
            if let st = FileSystem.status(prefix) {
                guard FileSystem.isDirectory(st) else {
                    throw OutputError(path: directory, message: "cannot create the directory: \(prefix) exists and is not a directory")
                }
                continue
            }
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                throw OutputError(path: directory, message: "cannot create the directory: \(FileSystem.lastError())")
            }
            FileSystem.syncDirectory(above)
        }
    }

    private func syncStaging() {
        guard let staging else { return }
        _ = fsync(staging.fd)
        for folder in folders { FileSystem.syncDirectory(staging.path + "/" + folder) }
    }

    /// An exclusive `flock` on the output folder (journal and recovery); -1 if it cannot be opened.
    private func lockFolder() -> Int32 {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { while flock(fd, LOCK_EX) != 0 && errno == EINTR {} }
        return fd
    }

    /// Makes a new, locked folder `prefix` + 6 random characters; nil with errno set.
    static func createStaging(in folder: String, prefix: String) -> (path: String, fd: Int32)? {
        for _ in 0..<100 {
            let candidate = FileSystem.join(folder, prefix + randomSuffix())
            guard mkdir(candidate, 0o755) == 0 else {
                if errno == EEXIST { continue }
                return nil
            }
            let fd = open(candidate, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else {
                if errno == ENOENT { continue }  // a concurrent cleanup took it: pick another name
                return nil
            }
            if flock(fd, LOCK_EX | LOCK_NB) == 0, isSame(fd, candidate) { return (candidate, fd) }
            close(fd)
        }
        errno = EEXIST
        return nil
    }

    private static func isSame(_ fd: Int32, _ path: String) -> Bool {
        var a = stat()
        guard fstat(fd, &a) == 0, let b = FileSystem.status(path, follow: false) else { return false }
        return a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }

    /// Gives `path` the owner, group and permission bits of `model`.
    private static func matchOwnerAndMode(_ path: String, _ model: stat) -> Bool {
        guard let st = FileSystem.status(path) else { return false }
        if st.st_uid != model.st_uid || st.st_gid != model.st_gid {
            guard chown(path, model.st_uid, model.st_gid) == 0 else { return false }
        }
        return chmod(path, model.st_mode & 0o7777) == 0
    }

    static func randomSuffix() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        return String((0..<6).map { _ in alphabet.randomElement()! })
    }

    /// `prefix` followed by exactly 6 ASCII letters or digits, as `createStaging` names.
    static func isGenerated(_ entry: String, prefix: String) -> Bool {
        guard entry.hasPrefix(prefix) else { return false }
        let rest = entry.utf8.dropFirst(prefix.utf8.count)
        return rest.count == 6 && rest.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
    }

    /// Mount points from /proc/self/mountinfo (field 5, octal escapes decoded).
    static func mountPoints() -> Set<String> {
        guard let bytes = try? FileSystem.read("/proc/self/mountinfo") else { return [] }
        var result: Set<String> = []
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            let fields = line.split(separator: UInt8(ascii: " "))
            guard fields.count > 4 else { continue }
            var decoded: [UInt8] = []
            let field = Array(fields[4])
            var i = 0
            while i < field.count {
                if field[i] == UInt8(ascii: "\\"), i + 3 < field.count,
                   let v = UInt8(String(decoding: field[(i + 1)...(i + 3)], as: UTF8.self), radix: 8) {
                    decoded.append(v)
                    i += 4
                } else {
                    decoded.append(field[i])
                    i += 1
                }
            }
            result.insert(String(decoding: decoded, as: UTF8.self))
        }
        return result
    }

    static func escape(_ s: String) -> String {
        s.replacingAll("\\", "\\\\").replacingAll("\t", "\\t").replacingAll("\n", "\\n")
    }

    static func unescape(_ s: String) -> String {
        var out = ""
        var escaping = false
        for c in s {
            if escaping {
                out.append(c == "t" ? "\t" : c == "n" ? "\n" : c)
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.append(c)
            }
        }
        return out
    }
}

private extension String {
    func replacingAll(_ target: Character, _ replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}

/// One file of an `ExportSet`, written in the staging folder. It records the
/// first write error, so the error a writer wraps is still reported as the
/// system's (`cannot write: No space left on device`).
public final class StagedFile: ByteSink {
    /// Where the file appears once the set is committed.
    public let path: String
    public private(set) var failure: OutputError?
    private var fd: Int32

    init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    deinit { abandon() }

    public func write(_ chunk: UnsafeRawBufferPointer) throws {
        if let failure { throw failure }
        guard fd >= 0 else { throw OutputError(path: path, message: "write after the file was closed") }
        guard FileSystem.writeAll(fd, chunk) else { throw fail("cannot write") }
    }

    /// Syncs the bytes to the disk and closes the file (again: nothing, or the first error).
    public func close() throws(OutputError) {
        if let failure { throw failure }
        guard fd >= 0 else { return }
        if fsync(fd) != 0 { throw fail("cannot sync") }
        let result = Glibc.close(fd)
        fd = -1
        if result != 0 { throw fail("cannot close") }
    }

    func abandon() {
        if fd >= 0 { Glibc.close(fd); fd = -1 }
    }

    private func fail(_ what: String) -> OutputError {
        let e = OutputError(path: path, message: "\(what): \(FileSystem.lastError())")
        failure = e
        abandon()
        return e
    }
}

/// Linux `renameat2(2)`, looked up at run time: Swift's Glibc module does not
/// export it (glibc declares it only under _GNU_SOURCE), and `syscall` is variadic.
enum Renameat2 {
    static let noReplace: UInt32 = 1  // RENAME_NOREPLACE
    static let exchange: UInt32 = 2  // RENAME_EXCHANGE

    private typealias Function = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
    #if os(Linux)
    private static let function: Function? = dlsym(nil, "renameat2").map { unsafeBitCast($0, to: Function.self) }
    #else
    private static let function: Function? = nil
    #endif

    /// 0, or -1 with errno set (ENOSYS when the C library has no renameat2).
    /// `simulatedError` (tests): fail with it, as a file system without the flag does.
    static func call(_ from: String, _ to: String, flags: UInt32, simulatedError: Int32? = nil) -> Int32 {
        if let simulatedError { errno = simulatedError; return -1 }
        guard let function else { errno = ENOSYS; return -1 }
        return function(AT_FDCWD, from, AT_FDCWD, to, flags)
    }
}
