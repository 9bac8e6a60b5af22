"""No lost or half-written exports (the robustness issue).

`prosegraph export` stages all five files in a hidden folder next to the output
folder (`.NAME.prosegraph-XXXXXX`), syncs them, and swaps the two folders with
one renameat2(RENAME_EXCHANGE); the next run removes what a killed run left.
These tests run the built tool ($PROSEGRAPH, else .build/debug/prosegraph):

- 100 exports killed with SIGKILL after a random delay (seeded: the seed is
  printed; ATOMIC_SEED=N repeats a run) leave exactly the previous set or
  exactly the new one, keep the user's own files, and leave only a staging
  folder, which the next run removes;
- a full disk (RLIMIT_FSIZE, and a real ENOSPC on a small tmpfs when this
  machine lets us mount one), an unwritable folder (as an unprivileged user)
  and a path below a regular file are one clear error line, exit status 2,
  and the previous export byte for byte;
- when the folder cannot be swapped (its parent is not writable; it holds a
  subfolder), files are replaced one by one after a journal, and killed runs
  leave old or new files (never a truncated one) that the next run completes.

Run alone: PROSEGRAPH=.build-atomic/debug/prosegraph .venv/bin/python -m pytest -q -s Tests/interop/test_atomic.py
"""
import collections
import hashlib
import os
import random
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from tools import ROOT, prosegraph_tool

NAMES = ["graph.graphml", "graph.jsonld", "graph.nt", "graph.rdf", "graph.ttl"]
PREVIOUS_BASE = "https://example.org/previous/"  # the previous export differs from the new one only by its IRIs
KILLS = 100
FILE_BY_FILE_KILLS = 20
STAGING = re.compile(r"\.out\.prosegraph-[A-Za-z0-9]{6}")
REMOVED = re.compile(r"^removed (.*), left by an interrupted export$", re.M)
NOBODY = 65534


def sha(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def digest(folder, names=NAMES):
    """name -> hash of the export files present in the folder."""
    return {n: sha(Path(folder) / n) for n in names if (Path(folder) / n).is_file()}


def snapshot(folder):
    """Every entry below the folder, with its type and the hash of each file."""
    result = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for d in dirnames:
            result[os.path.relpath(os.path.join(dirpath, d), folder)] = "dir"
        for f in filenames:
            result[os.path.relpath(os.path.join(dirpath, f), folder)] = sha(os.path.join(dirpath, f))
    return result


def base_args(which):
    return ["--base", PREVIOUS_BASE] if which == "previous" else []


def unprivileged(cmd):
    """The command as an unprivileged user (root bypasses permission bits)."""
    if os.geteuid() != 0:
        return cmd
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("setpriv (util-linux) is missing: cannot run as an unprivileged user")
    return [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"] + cmd


@pytest.fixture(scope="module")
def tool():
    return prosegraph_tool()


@pytest.fixture(scope="module")
def work():
    """A world-readable scratch folder (the unprivileged user reads the corpus from it)."""
    d = Path(tempfile.mkdtemp(prefix="prosegraph-atomic-", dir="/tmp"))
    d.chmod(0o755)
    yield d
    subprocess.run(["umount", str(d / "tmpfs")], capture_output=True)
    shutil.rmtree(d, ignore_errors=True)


@pytest.fixture(scope="module")
def corpus(tool, work):
    """36 synthetic articles: a debug-build export takes 1 to 2 s, most of it writing the files."""
    c = work / "corpus"
    subprocess.run([tool, "synth", "--articles", "36", "--seed", "7", "--out", str(c), "--quiet"], check=True)
    return c


@pytest.fixture(scope="module")
def sets(tool, work, corpus):
    """The hashes of both complete sets, from exports into fresh folders, and how long an export takes."""
    result, times = {}, []
    for which in ["previous", "new"]:
        start = time.monotonic()
        r = subprocess.run([tool, "export", str(corpus), "--out", str(work / f"reference-{which}"), "--quiet"] + base_args(which),
                           capture_output=True, text=True)
        times.append(time.monotonic() - start)
        assert r.returncode == 0 and r.stderr == "", r.stderr
        result[which] = digest(work / f"reference-{which}")
        assert sorted(result[which]) == NAMES
    assert result["previous"] != result["new"]
    return result, min(times)


def export(tool, corpus, out, which, *extra):
    return subprocess.run([tool, "export", str(corpus), "--out", str(out)] + base_args(which) + list(extra),
                          capture_output=True, text=True)


def test_a_killed_export_leaves_the_previous_set_or_the_new_one(tool, work, corpus, sets):
    known, duration = sets
    seed = int(os.environ.get("ATOMIC_SEED") or random.SystemRandom().randrange(2**32))
    print(f"\nkill test: seed {seed} (ATOMIC_SEED={seed} repeats the delays), {KILLS} kills in [0, {duration:.2f} s]")
    rng = random.Random(seed)
    parent = work / "kill"
    parent.mkdir()
    out = parent / "out"
    assert export(tool, corpus, out, "previous", "--quiet").returncode == 0
    # The user's own files in the output folder survive every run, as the same files.
    (out / "notes.txt").write_text("my notes\n")
    (out / ".keep").write_text("")
    (out / "link").symlink_to("notes.txt")
    user = {n: (os.lstat(out / n).st_ino, (out / n).read_bytes()) for n in ["notes.txt", ".keep", "link"]}

    state = "previous"        # the set the folder holds
    leftovers = set()         # staging folders the last killed run left
    landed = collections.Counter()
    log = work / "stderr.txt"
    for i in range(KILLS):
        target = "new" if state == "previous" else "previous"
        delay = rng.uniform(0, duration)
        with open(log, "w") as err:
            p = subprocess.Popen([tool, "export", str(corpus), "--out", str(out)] + base_args(target),
                                 stdout=subprocess.DEVNULL, stderr=err)
            time.sleep(delay)
            p.kill()
            status = p.wait()
        stderr = log.read_text()
        context = f"kill {i + 1} after {delay:.3f} s (seed {seed})\n{stderr[-2000:]}"

        # Exactly one complete set, and the user's files, in the folder.
        now = digest(out)
        assert now in (known[state], known[target]), context
        assert sorted(os.listdir(out)) == sorted(NAMES + list(user)), context
        for n, (ino, data) in user.items():
            assert os.lstat(out / n).st_ino == ino and (out / n).read_bytes() == data, context

        # Leftovers: only staging folders next to it; this run removed the last
        # run's (once past its start, before reading articles) and left at most its own.
        found = set(os.listdir(parent)) - {"out"}
        assert all(STAGING.fullmatch(f) for f in found), context
        removed = {Path(m).name for m in REMOVED.findall(stderr)}
        assert removed <= leftovers and not (removed & found), context
        if status == 0 or "\nread " in "\n" + stderr:
            assert removed == leftovers and not (leftovers & found), context
        own = found - leftovers
        assert len(own) <= 1, context

        # Where the kill landed.
        committed = now == known[target]
        if status == 0:
            landed["after the run ended (not killed)"] += 1
        elif not own:
            landed["after the commit (previous set deleted)" if committed else "before staging (reading, extracting)"] += 1
        else:
            inside = digest(parent / own.pop())
            if committed:
                assert all(known[state][n] == h for n, h in inside.items()), context
                landed["in the commit, after the swap (previous set not yet deleted)"] += 1
            elif inside == known[target]:
                landed["in the commit, staged and synced, before the swap"] += 1
            else:
                landed["while writing the staged files"] += 1
        if committed:
            state = target
        leftovers = found

    # The next complete run removes whatever the last kill left.
    target = "new" if state == "previous" else "previous"
    r = export(tool, corpus, out, target)
    assert r.returncode == 0, r.stderr
    assert {Path(m).name for m in REMOVED.findall(r.stderr)} == leftovers
    assert os.listdir(parent) == ["out"]
    assert digest(out) == known[target]
    print("kill test: where the kills landed:")
    for where, n in sorted(landed.items(), key=lambda kv: -kv[1]):
        print(f"  {n:3d}  {where}")
    assert sum(landed.values()) == KILLS


def test_a_full_disk_is_one_clear_error_and_keeps_the_previous_export(tool, work, corpus, sets):
    """RLIMIT_FSIZE with SIGXFSZ ignored: write(2) fails with EFBIG."""
    parent = work / "fsize"
    out = parent / "out"
    assert export(tool, corpus, out, "previous", "--quiet").returncode == 0
    before = snapshot(parent)
    r = subprocess.run(["sh", "-c", "trap '' XFSZ; ulimit -f 64; exec \"$0\" \"$@\"", tool, "export", str(corpus), "--out", str(out), "--quiet"],
                       capture_output=True, text=True)
    assert (r.returncode, r.stderr) == (2, f"prosegraph: {out}/graph.rdf: cannot write: file too large\n")
    assert snapshot(parent) == before
    assert digest(out) == sets[0]["previous"]


def test_a_real_full_disk_on_a_small_tmpfs(tool, work, corpus, sets):
    known, _ = sets
    small = ROOT / "Input" / "belgium-syria.txt"
    probe = work / "tmpfs-probe"
    assert export(tool, small, probe, "previous", "--quiet").returncode == 0
    previous = sum(-(-(probe / n).stat().st_size // 4096) * 4096 for n in NAMES)
    rdf = (work / "reference-new" / "graph.rdf").stat().st_size
    size = previous + (rdf // 2) // 4096 * 4096  # room for the previous set and half of the new graph.rdf
    mnt = work / "tmpfs"
    mnt.mkdir()
    m = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mnt)], capture_output=True, text=True)
    if m.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({m.stderr.strip()}): the real ENOSPC check did not run")
    try:
        out = mnt / "out"
        assert export(tool, small, out, "previous", "--quiet").returncode == 0
        before = snapshot(mnt)
        r = export(tool, corpus, out, "new", "--quiet")
        assert (r.returncode, r.stderr) == (2, f"prosegraph: {out}/graph.rdf: cannot write: no space left on device\n")
        assert snapshot(mnt) == before
        assert sorted(os.listdir(mnt)) == ["out"]
    finally:
        subprocess.run(["umount", str(mnt)], check=True)


def test_an_unwritable_folder_is_one_clear_error_and_changes_nothing(tool, work, corpus, sets):
    parent = work / "locked"
    parent.mkdir(mode=0o755)
    out = parent / "out"
    assert export(tool, corpus, out, "previous", "--quiet").returncode == 0
    if os.geteuid() != 0:
        out.chmod(0o555)
        parent.chmod(0o555)
    before = snapshot(parent)
    r = subprocess.run(unprivileged([tool, "export", str(corpus), "--out", str(out), "--quiet"]), capture_output=True, text=True, cwd=work)
    assert (r.returncode, r.stderr) == (2, f"prosegraph: {out}: cannot write to the directory: permission denied\n")
    r = subprocess.run(unprivileged([tool, "export", str(corpus), "--out", str(parent / "new"), "--quiet"]), capture_output=True, text=True, cwd=work)
    assert (r.returncode, r.stderr) == (2, f"prosegraph: {parent}/new: cannot create the directory: permission denied\n")
    assert snapshot(parent) == before
    assert digest(out) == sets[0]["previous"]


def test_an_output_path_below_a_regular_file_is_one_clear_error(tool, work, corpus):
    f = work / "a-file"
    f.write_text("not a folder\n")
    r = export(tool, corpus, f / "out", "new", "--quiet")
    assert (r.returncode, r.stderr) == (2, f"prosegraph: {f}/out: cannot create the directory: {f} exists and is not a directory\n")
    assert f.read_text() == "not a folder\n"


def test_an_unwritable_parent_means_file_by_file(tool, work, corpus, sets):
    """The folder is the user's, its parent is not: no sibling staging folder, so the files are renamed one by one."""
    parent = work / "parent-locked"
    parent.mkdir(mode=0o755)
    out = parent / "out"
    out.mkdir()
    if os.geteuid() == 0:
        os.chown(out, NOBODY, NOBODY)
    else:
        parent.chmod(0o555)
    r = subprocess.run(unprivileged([tool, "export", str(corpus), "--out", str(out)]), capture_output=True, text=True, cwd=work)
    assert r.returncode == 0, r.stderr
    assert f"\n{out}: replaced file by file: its parent folder is not writable\n" in r.stderr
    assert sorted(os.listdir(out)) == NAMES
    assert digest(out) == sets[0]["new"]
    assert os.listdir(parent) == ["out"]


def test_killed_file_by_file_exports_are_completed_by_the_next_run(tool, work, corpus, sets):
    """A subfolder the export cannot carry: files replaced one by one after a journal. A kill leaves
    every file old or new, never truncated, and a mix only with the journal, which the next run
    completes before anything else. Half the kills come at random moments, half once the journal
    exists; debug builds then pause 100 ms after each rename (PROSEGRAPH_TEST_RENAME_DELAY_MS), so
    those kills land between renames."""
    known, duration = sets
    seed = int(os.environ.get("ATOMIC_SEED") or random.SystemRandom().randrange(2**32))
    print(f"\nfile-by-file kill test: seed {seed}, {FILE_BY_FILE_KILLS} kills")
    rng = random.Random(seed)
    out = work / "file-by-file"
    assert export(tool, corpus, out, "previous", "--quiet").returncode == 0
    (out / "keep").mkdir()
    (out / "keep" / "data.txt").write_text("mine\n")
    journal = out / ".prosegraph.journal"
    env = dict(os.environ, PROSEGRAPH_TEST_RENAME_DELAY_MS="100")
    state = "previous"
    mixes = 0
    for i in range(FILE_BY_FILE_KILLS):
        target = "new" if state == "previous" else "previous"
        p = subprocess.Popen([tool, "export", str(corpus), "--out", str(out), "--quiet"] + base_args(target),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        if i % 2 == 0:
            time.sleep(rng.uniform(0, duration))
        else:
            while not journal.exists() and p.poll() is None:
                time.sleep(0.001)
            time.sleep(rng.uniform(0, 0.5))
        p.kill()
        p.wait()
        now = digest(out)
        context = f"kill {i + 1} (seed {seed})"
        assert sorted(now) == NAMES, context
        assert all(h in (known[state][n], known[target][n]) for n, h in now.items()), context
        extra = set(os.listdir(out)) - set(NAMES) - {"keep"}
        assert all(re.fullmatch(r"\.prosegraph-[A-Za-z0-9]{6}|\.prosegraph\.journal(-[A-Za-z0-9]{6})?", e) for e in extra), context
        if now not in (known[state], known[target]):
            mixes += 1
            assert ".prosegraph.journal" in extra, context
            r = subprocess.run([tool, "export", "--strict", str(work / "missing"), "--out", str(out)], capture_output=True, text=True)
            # No articles to export, but the interrupted commit was completed first.
            assert (r.returncode, r.stderr.splitlines()[0]) == (2, f"completed the export an interrupted run was committing in {out}"), context
            now = digest(out)
            assert now == known[target], context
            assert sorted(os.listdir(out)) == sorted(NAMES + ["keep"]), context
        if now == known[target]:
            state = target
    r = export(tool, corpus, out, "new")
    assert r.returncode == 0
    assert f"\n{out}: replaced file by file: it holds the folder keep\n" in r.stderr
    assert sorted(os.listdir(out)) == sorted(NAMES + ["keep"])
    assert (out / "keep" / "data.txt").read_text() == "mine\n"
    assert digest(out) == known["new"]
    print(f"file-by-file kill test: {mixes} kills left a mix of old and new files, each completed by the next run")
