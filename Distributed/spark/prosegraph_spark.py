"""prosegraph on Apache Spark: the export of a corpus spread over a cluster.

    spark-submit --master local[2] --files .build/release/prosegraph \\
        Distributed/spark/prosegraph_spark.py --out /tmp/graph Input/

1. The driver asks the binary for the corpus plan (`prosegraph fragment --plan
   INPUT...`): every article in the order `export` reads them, with the document
   ids and source paths `export` gives them (ids made unique across the corpus).
2. The plan's lines are split into partitions; each partition's lines are piped
   through `prosegraph fragment` (the binary shipped with --files, else the
   --binary path or name on the PATH), which writes each article's part of the
   graph as N-Quads lines, and reports bad articles on standard error.
3. The executors turn each line into a row (key, order, line, sort key); one
   shuffle (a DataFrame groupBy, aggregated in the JVM) merges them the way
   `export` does: distinct triples; per entity one rdfs:label and one
   owl:sameAs, those of the first article (the smallest order, carried in the
   graph <urn:prosegraph:order:N>); rdf:type is one per entity IRI already
   (the type is part of the IRI).
4. A global sort in the export's order (subject, predicate, object, as
   `Triple.<` compares them: Spark compares strings as UTF-8 bytes, the
   export too), written by Spark as partitioned N-Triples
   (OUT/nt-parts/part-*); on a local OUT they are concatenated into
   OUT/graph.nt, byte-identical to `prosegraph export --format ntriples`, and
   `prosegraph convert` writes the other formats from it (--formats).

Inputs on another file system (hdfs://, s3a://; any with --read-with-spark) are
listed with Hadoop's API in the same order, planned by `prosegraph fragment
--plan-listed`, and read by Spark (binaryFiles): each executor writes its
articles to local files for the binary.

Bad articles never fail the job: they are listed in OUT/rejects.txt, one
`path:line:column: message` a line. A task whose executor or Python worker dies
is retried by Spark (spark.task.maxFailures); the fragment of a partition does
not depend on the attempt, so the output is the same. OUT/job.json holds the
counts, the time and the shuffle sizes Spark reports.
"""

import argparse
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ORDER_MARK = " <urn:prosegraph:order:"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
SIMPLE_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "'": "'", "\\": "\\"}
DIAGNOSTIC = "prosegraph: "
COUNT_LINE = re.compile(r"^prosegraph: \d+ (article or line was|articles or lines were|input was|inputs were) rejected$")


EXTENSIONS = {"turtle": "ttl", "rdfxml": "rdf", "jsonld": "jsonld", "nquads": "nq"}


def formats(text):
    names = [f for f in text.split(",") if f]
    for name in names:
        if name not in EXTENSIONS:
            raise argparse.ArgumentTypeError("unknown format '%s'; choose from %s" % (name, ", ".join(EXTENSIONS)))
    return names


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="prosegraph_spark.py",
        description="Export a corpus to a knowledge graph on Apache Spark: the graph `prosegraph export` writes.",
        epilog="""examples:
  spark-submit --master local[2] --files .build/release/prosegraph Distributed/spark/prosegraph_spark.py --out /tmp/graph Input/
  spark-submit --master yarn --num-executors 50 --files prosegraph prosegraph_spark.py --partitions 2000 --out /data/graph /data/corpus/
  spark-submit --master local[2] prosegraph_spark.py --binary /usr/local/bin/prosegraph --paths-from list.txt --out /tmp/g --formats turtle,jsonld
""",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="*", metavar="INPUT", help="article files or directories, as `prosegraph export` takes them")
    p.add_argument("--paths-from", metavar="FILE", help="a text file of article paths, one a line (read with Spark: local, HDFS or S3)")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder: nt-parts/ (Spark's sorted N-Triples), graph.nt, rejects.txt, job.json")
    p.add_argument("--binary", default="prosegraph", metavar="PATH",
                   help="the prosegraph binary (default: the file shipped with --files, else `prosegraph` on the PATH)")
    p.add_argument("--partitions", type=int, default=0, metavar="N",
                   help="partitions of the plan and of the sort (default: spark.default.parallelism)")
    p.add_argument("--formats", default="", metavar="LIST", type=formats,
                   help="also write these with `prosegraph convert` from graph.nt: turtle,rdfxml,jsonld (local OUT only)")
    p.add_argument("--base", default=None, metavar="IRI", help="base IRI, as `export --base`")
    p.add_argument("--read-with-spark", action="store_true",
                   help="read the articles with Spark (binaryFiles) and hand each executor its bytes, "
                        "as for hdfs:// or s3a:// inputs (the default for them); local paths become file: URLs")
    p.add_argument("--inject-failure", default=None, metavar="PARTITION:DIR",
                   help="tests: the first attempt of this partition's task kills its Python worker mid-run, once, leaving a marker file in DIR")
    args = p.parse_args(argv)
    if not args.inputs and not args.paths_from:
        p.error("give INPUT files or directories, or --paths-from FILE")
    return args


# --- Executors ---------------------------------------------------------------

def executor_binary(name):
    """The binary shipped with --files (made executable), else `name` as given."""
    from pyspark import SparkFiles
    try:
        shipped = SparkFiles.get(os.path.basename(name))
    except Exception:
        shipped = None
    if shipped and os.path.isfile(shipped):
        if not os.access(shipped, os.X_OK):
            try:
                os.chmod(shipped, os.stat(shipped).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
            except OSError:
                copy = os.path.join(tempfile.mkdtemp(), os.path.basename(name))
                shutil.copy(shipped, copy)
                os.chmod(copy, 0o755)
                shipped = copy
        return shipped
    return name


def fragment_partition(binary, base, inject):
    """mapPartitionsWithIndex: the partition's plan lines through `prosegraph fragment`;
    yields the rows of `ROW_SCHEMA` (see `merge_row`)."""

    def run(index, lines):
        from pyspark import TaskContext
        command = [executor_binary(binary), "fragment"] + (["--base", base] if base else [])
        errors = tempfile.TemporaryFile()
        proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors)
        # Articles Spark read (--read-with-spark): (plan line, bytes), written to local files first.
        local = tempfile.mkdtemp(prefix="prosegraph-articles-")
        renamed = {}
        unread = []

        def feed():
            try:
                for line in lines:
                    if not isinstance(line, str):
                        line, content = line
                        order, ident, source, url = line.split("\t", 3)
                        if content is None:
                            unread.append(url + ": cannot read: Spark did not read it")
                            continue
                        path = os.path.join(local, order + ".txt")
                        with open(path, "wb") as f:
                            f.write(content)
                        renamed[path] = url
                        line = "\t".join((order, ident, source, path))
                    proc.stdin.write(line.encode("utf-8") + b"\n")
                proc.stdin.close()
            except BrokenPipeError:
                pass

        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
        kill = None
        if inject is not None:
            partition, marker_dir = inject
            ctx = TaskContext.get()
            marker = os.path.join(marker_dir, "killed-partition-%d" % partition)
            if index == partition and ctx.attemptNumber() == 0 and not os.path.exists(marker):
                kill = marker
        for n, raw in enumerate(proc.stdout):
            if kill is not None and n == 100:
                # An executor failure mid-run: the worker dies with its subprocess, output half read.
                with open(kill, "w") as f:
                    f.write("partition %d attempt %d stage %d\n" % (index, TaskContext.get().attemptNumber(), TaskContext.get().stageId()))
                proc.kill()
                os._exit(1)
            yield merge_row(raw.decode("utf-8").rstrip("\n"))
        status = proc.wait()
        feeder.join()
        errors.seek(0)
        stderr = errors.read().decode("utf-8", "replace")
        if status not in (0, 1):
            raise RuntimeError("prosegraph fragment exited with status %d: %s" % (status, stderr.strip()))
        shutil.rmtree(local, ignore_errors=True)
        messages = unread + [line[len(DIAGNOSTIC):] for line in stderr.splitlines()
                             if line.startswith(DIAGNOSTIC) and not COUNT_LINE.match(line)]
        for message in messages:
            path = message.split(":", 1)[0]
            if path in renamed:
                message = renamed[path] + message[len(path):]
            yield (REJECT, "\x02" + message, 0, message, "", "", 0, "", "", "")

    return run


TRIPLE, REJECT = 0, 1
ROW_SCHEMA = ("kind int, key string, order long, line string, "
              "s string, p string, rank int, lex string, dt string, lang string")


def merge_row(line):
    """A fragment line as a row (kind, key, order, line, then the sort key: see
    `sort_key`). Keeping, per key, the row of the smallest order gives the
    export's graph: an entity's label or sameAs is keyed on its subject and
    predicate (the first article's object wins), any other triple on itself
    (distinct)."""
    at = line.rfind(ORDER_MARK)
    order = line[at + len(ORDER_MARK):-3] if at > 0 and line.endswith("> .") else ""
    if not order.isdigit():
        return (TRIPLE, line, 0, line) + sort_key(line)
    triple = line[:at] + " ."
    subject, predicate, _ = triple.split(" ", 2)
    return (TRIPLE, subject + " " + predicate, int(order), triple) + sort_key(triple)


def unescape(lexical):
    def one(m):
        e = m.group(1)
        if e[0] in "uU" and len(e) > 1:
            return chr(int(e[1:], 16))
        return SIMPLE_ESCAPES.get(e, e)
    return ESCAPE.sub(one, lexical) if "\\" in lexical else lexical


def sort_key(line):
    """The export's order of triples (`Triple.<`): subject, predicate, then the
    object: IRIs before literals, literals by lexical form, datatype, language.
    Python compares strings by code point, which is UTF-8 byte order."""
    s_end = line.index("> ")
    p_end = line.index("> ", s_end + 2)
    subject, predicate = line[1:s_end], line[s_end + 3:p_end]
    obj = line[p_end + 2:-2]
    if obj.startswith("<"):
        return (subject, predicate, 0, obj[1:-1], "", "")
    close = obj.rindex('"')
    rest = obj[close + 1:]
    if rest.startswith("^^<"):
        datatype, language = rest[3:-1], ""
    elif rest.startswith("@"):
        datatype, language = RDF_LANG_STRING, rest[1:]
    else:
        datatype, language = XSD_STRING, ""
    return (subject, predicate, 2, unescape(obj[1:close]), datatype, language)


# --- Driver ------------------------------------------------------------------

def driver_binary(name):
    from pyspark import SparkFiles
    try:
        shipped = SparkFiles.get(os.path.basename(name))
        if os.path.isfile(shipped):
            os.chmod(shipped, os.stat(shipped).st_mode | stat.S_IXUSR)
            return shipped
    except Exception:
        pass
    return name


def plan(binary, inputs, base):
    """`prosegraph fragment --plan`: the plan lines and the inputs rejected before reading."""
    command = [binary, "fragment"] + (["--base", base] if base else []) + ["--plan"] + inputs
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if done.returncode not in (0, 1):
        sys.exit("prosegraph_spark: %s exited with status %d: %s" % (" ".join(command), done.returncode, done.stderr.decode()))
    rejects = [line[len(DIAGNOSTIC):] for line in done.stderr.decode("utf-8", "replace").splitlines()
               if line.startswith(DIAGNOSTIC) and not COUNT_LINE.match(line)]
    return done.stdout.decode("utf-8").splitlines(), rejects


def hadoop_articles(sc, inputs):
    """The articles of `inputs` on any Hadoop file system, in `export`'s order (a
    directory: every *.txt below it, hidden entries skipped, names in byte order):
    (SOURCE-PATH<TAB>URL lines, the inputs rejected)."""
    jvm = sc._jvm
    conf = sc._jsc.hadoopConfiguration()
    listed, rejects = [], []

    def walk(fs, directory, relative):
        for st in sorted(fs.listStatus(directory), key=lambda st: st.getPath().getName().encode("utf-8")):
            name = st.getPath().getName()
            if name.startswith("."):
                continue
            if st.isDirectory():
                walk(fs, st.getPath(), relative + name + "/")
            elif st.isFile() and name.endswith(".txt"):
                listed.append(relative + name + "\t" + st.getPath().toString())

    for given in inputs:
        path = jvm.org.apache.hadoop.fs.Path(given)
        fs = path.getFileSystem(conf)
        if not fs.exists(path):
            rejects.append(given + ": cannot read: no such file or directory")
            continue
        st = fs.getFileStatus(path)
        if st.isFile():
            listed.append(st.getPath().getName() + "\t" + st.getPath().toString())
            continue
        before = len(listed)
        walk(fs, st.getPath(), "")
        if len(listed) == before:
            rejects.append(given + ": no articles (*.txt files) in this directory")
    return listed, rejects


def plan_listed(binary, listed, rejects):
    """`prosegraph fragment --plan-listed`: plan lines for listed paths (ids made unique)."""
    done = subprocess.run([binary, "fragment", "--plan-listed"], input="".join(l + "\n" for l in listed).encode("utf-8"),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if done.returncode != 0:
        sys.exit("prosegraph_spark: prosegraph fragment --plan-listed exited with status %d: %s" % (done.returncode, done.stderr.decode()))
    return done.stdout.decode("utf-8").splitlines(), rejects


def stage_metrics(sc):
    """Shuffle bytes written and read, and failed task attempts, from Spark's
    monitoring REST API (None when the UI is off)."""
    url = sc.uiWebUrl
    if not url:
        return None
    try:
        with urllib.request.urlopen("%s/api/v1/applications/%s/stages?status=complete" % (url, sc.applicationId), timeout=10) as r:
            stages = json.load(r)
        with urllib.request.urlopen("%s/api/v1/applications/%s/stages?status=failed" % (url, sc.applicationId), timeout=10) as r:
            failed_stages = json.load(r)
    except Exception:
        return None
    everything = stages + failed_stages
    return {
        "shuffle_write_bytes": sum(s.get("shuffleWriteBytes", 0) for s in stages),
        "shuffle_read_bytes": sum(s.get("shuffleReadBytes", 0) for s in stages),
        "shuffle_write_records": sum(s.get("shuffleWriteRecords", 0) for s in stages),
        "failed_tasks": sum(s.get("numFailedTasks", 0) for s in everything),
        "input_bytes": sum(s.get("inputBytes", 0) for s in stages),
    }


def main(argv):
    args = parse_args(argv)
    from pyspark import StorageLevel
    from pyspark.sql import SparkSession

    started = time.time()
    spark = SparkSession.builder.appName("prosegraph").getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel(os.environ.get("PROSEGRAPH_SPARK_LOG_LEVEL", "WARN"))
    local_out = "://" not in args.out or args.out.startswith("file://")
    out_dir = args.out[len("file://"):] if args.out.startswith("file://") else args.out
    inputs = list(args.inputs)
    if args.paths_from:
        inputs += [p for p in sc.textFile(args.paths_from).collect() if p]
    binary = driver_binary(args.binary)
    remote = args.read_with_spark or any("://" in i and not i.startswith("file://") for i in inputs)
    if remote:
        lines, rejects = plan_listed(binary, *hadoop_articles(sc, inputs))
    else:
        lines, rejects = plan(binary, inputs, args.base)
    partitions = args.partitions or sc.defaultParallelism
    inject = None
    if args.inject_failure:
        partition, marker_dir = args.inject_failure.split(":", 1)
        inject = (int(partition), marker_dir)

    from pyspark.sql import functions as F
    spark.conf.set("spark.sql.shuffle.partitions", str(partitions))
    slices = max(1, min(partitions, len(lines) or 1))
    if remote:
        # The articles' bytes as Spark reads them (any Hadoop file system), joined to their plan lines.
        conf = sc._jsc.hadoopConfiguration()
        conf.set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
        contents = sc.union([sc.binaryFiles(i) for i in inputs if not any(r.startswith(i + ":") for r in rejects)])
        planned = sc.parallelize(lines, slices).map(lambda l: (l.split("\t", 3)[3], l))
        work = planned.leftOuterJoin(contents, slices).map(lambda kv: kv[1])
    else:
        work = sc.parallelize(lines, slices)
    rows = work.mapPartitionsWithIndex(fragment_partition(args.binary, args.base, inject))
    fragments = spark.createDataFrame(rows, ROW_SCHEMA)
    # The merge: per key, the row of the smallest order (then the smallest line: equal rows, for
    # distinct triples); one shuffle, aggregated in the JVM.
    columns = ["order", "line", "kind", "s", "p", "rank", "lex", "dt", "lang"]
    merged = fragments.groupBy("key").agg(F.min(F.struct(*columns)).alias("m")).select("m.*") \
        .persist(StorageLevel.MEMORY_AND_DISK)
    rejects += sorted(r.line for r in merged.filter(merged.kind == REJECT).select("line").collect())
    # The export's order (`Triple.<`): Spark compares strings as UTF-8 bytes.
    ordered = merged.filter(merged.kind == TRIPLE).orderBy("s", "p", "rank", "lex", "dt", "lang").select("line")
    parts = os.path.join(args.out, "nt-parts")
    if local_out:
        os.makedirs(out_dir, exist_ok=True)
    ordered.write.mode("overwrite").text(parts)
    metrics = stage_metrics(sc)
    elapsed = time.time() - started

    report = {
        "articles_planned": len(lines),
        "rejected": len(rejects),
        "triples": None,
        "partitions": partitions,
        "seconds": round(elapsed, 2),
        "metrics": metrics,
    }
    if local_out:
        graph = os.path.join(out_dir, "graph.nt")
        triple_count = 0
        with open(graph, "wb") as out:
            for name in sorted(n for n in os.listdir(os.path.join(out_dir, "nt-parts")) if n.startswith("part-")):
                with open(os.path.join(out_dir, "nt-parts", name), "rb") as part:
                    for line in part:
                        out.write(line)
                        triple_count += 1
        report["triples"] = triple_count
        with open(os.path.join(out_dir, "rejects.txt"), "w", encoding="utf-8") as f:
            f.writelines(r + "\n" for r in rejects)
        for fmt in args.formats:
            target = os.path.join(out_dir, "graph." + EXTENSIONS[fmt])
            subprocess.run([binary, "convert", graph, target], check=True)
        with open(os.path.join(out_dir, "job.json"), "w") as f:
            json.dump(report, f, indent=2, sort_keys=True)
            f.write("\n")
    else:
        sc.parallelize(rejects, 1).saveAsTextFile(args.out.rstrip("/") + "/rejects")
    print("prosegraph_spark: %d articles planned, %d rejected, %s triples, %.1f s, shuffle %s"
          % (len(lines), len(rejects), report["triples"], elapsed,
             "unknown" if metrics is None else "%d bytes written, %d read, %d failed task attempts"
             % (metrics["shuffle_write_bytes"], metrics["shuffle_read_bytes"], metrics["failed_tasks"])))
    for r in rejects:
        print("rejected: " + r)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
