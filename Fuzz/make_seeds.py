#!/usr/bin/env python3
"""Builds the seed corpus of every fuzz target into a work directory.

    Fuzz/make_seeds.py WORKDIR [TARGET...]

Writes WORKDIR/<target>/seeds/<name> from the project's fixtures (Input/,
Output/, Tests/Fixtures/, Schemas/, the default rules), the hand-written seeds
in Fuzz/seeds/<target>/, and the W3C suites in $PROSEGRAPH_SUITES/w3c (default ../shared/reference/w3c; RDF/XML,
N-Triples, JSON-LD, RDFC N-Quads, SHACL Core). The W3C files are only copied
into the work directory at run time, never into the repository. Large files are
cut into small, still mostly valid pieces (libFuzzer mutates small inputs much
faster). Deterministic: the same tree gives the same seeds.
"""
import hashlib
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
W3C = Path(os.environ.get("PG_W3C", Path(os.environ.get("PROSEGRAPH_SUITES", ROOT.parent / "shared" / "reference")) / "w3c"))
MAX = 8192  # bytes; larger pieces are cut (libFuzzer's -max_len is the same)

TARGETS = ["article", "ntriples", "nquads", "turtle", "trig", "rdfxml", "jsonld",
           "graphml", "rdfpatch", "shacl-shapes", "rules"]


def files(base, pattern):
    return sorted(p for p in Path(base).glob(pattern) if p.is_file()) if Path(base).exists() else []


def lines_in_chunks(text, per, limit):
    lines = text.splitlines(keepends=True)
    return ["".join(lines[i:i + per]) for i in range(0, len(lines), per)][:limit]


def turtle_chunks(text, limit, per=6):
    """The prefix header followed by a few of the blank-line separated blocks."""
    header = "".join(l for l in text.splitlines(keepends=True)
                     if re.match(r"\s*(@prefix|@base|PREFIX|BASE)\b", l, re.I))
    body = re.sub(r"(?m)^\s*(@prefix|@base|PREFIX|BASE)\b.*\n", "", text)
    blocks = [b for b in re.split(r"\n\s*\n", body) if b.strip() and not b.lstrip().startswith("#") or "\n" in b.strip()]
    out = []
    for i in range(0, len(blocks), per):
        out.append(header + "\n" + "\n\n".join(blocks[i:i + per]) + "\n")
        if len(out) >= limit:
            break
    return out


class Seeds:
    def __init__(self, workdir, target):
        self.dir = Path(workdir) / target / "seeds"
        if self.dir.exists():
            for old in self.dir.iterdir():
                old.unlink()
        self.dir.mkdir(parents=True, exist_ok=True)
        self.count = 0

    def add(self, name, data):
        if isinstance(data, str):
            data = data.encode("utf-8")
        if not data:
            return
        data = data[:MAX]
        digest = hashlib.sha1(data).hexdigest()[:10]
        safe = re.sub(r"[^A-Za-z0-9._-]", "_", name)[-60:]
        (self.dir / f"{safe}-{digest}").write_bytes(data)
        self.count += 1

    def add_file(self, path, prefix=""):
        p = Path(path)
        self.add(prefix + p.name, p.read_bytes())

    def handwritten(self, target):
        for p in files(ROOT / "Fuzz" / "seeds" / target, "*"):
            self.add_file(p, "hand-")


def read(path):
    return Path(path).read_text(encoding="utf-8")


def build(workdir, target):
    s = Seeds(workdir, target)
    s.handwritten(target)
    if target == "article":
        for p in files(ROOT / "Input", "*.txt") + files(ROOT / "Tests/Fixtures/holdout", "*.txt"):
            s.add_file(p)
    elif target in ("ntriples", "nquads", "rdfpatch"):
        nts = []
        if (ROOT / "Output/graph.nt").exists():
            nts += lines_in_chunks(read(ROOT / "Output/graph.nt"), 25, 40)
        nts += [read(p) for p in files(W3C / "rdf-tests", "**/*.nt")]
        nqs = [read(p) for p in files(W3C / "rdf-canon", "**/*.nq")]
        nqs += [read(p) for p in files(W3C / "json-ld-api", "**/*.nq")]
        if target == "ntriples":
            for i, t in enumerate(nts):
                s.add(f"nt{i}", t)
        elif target == "nquads":
            for i, t in enumerate(nqs + nts[:60]):
                s.add(f"nq{i}", t)
        else:
            # RDF Patch: A/D lines around quads, with headers and transactions.
            for i, t in enumerate(nqs[:150] + nts[:60]):
                lines = [l for l in t.splitlines() if l.strip() and not l.startswith("#")][:30]
                body = "".join(("A " if j % 3 else "D ") + l + "\n" for j, l in enumerate(lines))
                if i % 2:
                    body = "H id <uuid:%d> .\nTX .\nPA \"ex\" \"http://example.org/\" .\n" % i + body + "TC .\n"
                s.add(f"patch{i}", body)
    elif target in ("turtle", "trig", "shacl-shapes"):
        ttl = []
        for p in [ROOT / "Output/graph.ttl", ROOT / "Schemas/ontology.ttl", ROOT / "Schemas/shapes.ttl"]:
            if p.exists():
                ttl += turtle_chunks(read(p), 12)
        shacl = [read(p) for p in files(W3C / "shacl-core", "**/*.ttl")]
        other = [read(p) for p in files(W3C / "rdf-tests", "**/*.ttl")] + [read(p) for p in files(W3C / "rdf-canon", "**/*.ttl")]
        if target == "shacl-shapes":
            for i, t in enumerate(shacl + turtle_chunks(read(ROOT / "Schemas/shapes.ttl"), 20, per=3)):
                s.add(f"shacl{i}", t)
        else:
            for i, t in enumerate(ttl + other + shacl[::3]):
                if target == "trig" and i % 2:
                    t = "GRAPH <http://example.org/g%d> {\n%s\n}\n" % (i, re.sub(r"(?m)^@prefix.*$", "", t))
                    t = "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n" + t
                s.add(f"ttl{i}", t)
            if target == "trig":
                for i, t in enumerate(files(W3C / "rdf-canon", "**/*.nq")[:40]):
                    s.add(f"nq{i}", read(t))  # N-Quads is TriG too
    elif target == "rdfxml":
        for p in files(W3C / "rdf-tests", "**/*.rdf"):
            s.add_file(p)
        for p in [ROOT / "Output/graph.rdf", ROOT / "Schemas/ontology.rdf"]:
            if p.exists():
                t = read(p)
                starts = [m.start() for m in re.finditer(r"\n\s*<(rdf:Description|owl:\w+|rdfs:\w+)[ >]", t)]
                head_end = starts[0] if starts else 0
                for i in range(0, min(len(starts), 120), 6):
                    end = starts[i + 6] if i + 6 < len(starts) else t.rfind("</rdf:RDF>")
                    s.add(f"{p.stem}{i}", t[:head_end] + t[starts[i]:end] + "\n</rdf:RDF>\n")
    elif target == "jsonld":
        for p in files(W3C / "json-ld-api", "**/*.jsonld"):
            s.add(p.parent.name + "-" + p.name, p.read_bytes())
        for p in files(W3C / "rdf-canon", "**/*.jsonld"):
            s.add_file(p)
        s.add_file(ROOT / "Schemas/context.jsonld")
        if (ROOT / "Output/graph.jsonld").exists():
            doc = json.loads(read(ROOT / "Output/graph.jsonld"))
            graph = doc.get("@graph", [])
            for i in range(0, min(len(graph), 60), 4):
                s.add(f"graph{i}", json.dumps({"@context": "https://prosegraph.org/context.jsonld", "@graph": graph[i:i + 4]}, indent=1, ensure_ascii=False))
            s.add("embedded", json.dumps({"@context": doc.get("@context"), "@graph": graph[:3]}, indent=1, ensure_ascii=False))
    elif target == "graphml":
        for p in files(ROOT / "Tests/Fixtures/graphml", "*.graphml"):
            s.add_file(p)
        if (ROOT / "Output/graph.graphml").exists():
            ns = "http://graphml.graphdrawing.org/xmlns"
            ET.register_namespace("", ns)
            tree = ET.parse(ROOT / "Output/graph.graphml")
            graph = tree.getroot().find(f"{{{ns}}}graph")
            nodes = graph.findall(f"{{{ns}}}node")
            edges = graph.findall(f"{{{ns}}}edge")
            for k in range(4):
                keep_edges = edges[k * 5:(k + 1) * 5]
                ends = {e.get("source") for e in keep_edges} | {e.get("target") for e in keep_edges}
                for child in list(graph):
                    graph.remove(child)
                for n in nodes:
                    if n.get("id") in ends:
                        graph.append(n)
                for e in keep_edges:
                    graph.append(e)
                s.add(f"export{k}", ET.tostring(tree.getroot(), encoding="unicode"))
                for child in list(graph):
                    graph.remove(child)
            for n in nodes + edges:
                graph.append(n)
    elif target == "rules":
        text = read(ROOT / "Sources/ProseGraphExtraction/Resources/rules/default.yaml")
        rules = re.split(r"(?m)^(?=- id:)", text)[1:]
        for i in range(0, len(rules), 2):
            s.add(f"default{i}", "".join(rules[i:i + 2]))
    return s.count


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    workdir = sys.argv[1]
    wanted = sys.argv[2:] or TARGETS
    for t in wanted:
        if t not in TARGETS:
            sys.exit(f"unknown target {t} (expected one of {', '.join(TARGETS)})")
        print(f"{t}: {build(workdir, t)} seeds")
    if not W3C.exists():
        print(f"note: {W3C} is missing; seeds come from the project's own files only", file=sys.stderr)


if __name__ == "__main__":
    main()
