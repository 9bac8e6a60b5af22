"""pyld side of Benchmarks/compare.sh. Prints `seconds S` (the timed part) last.

  pyld_peer.py write IN.nt CONTEXT.jsonld   N-Quads text -> JSON-LD (from_rdf + compact + dumps), file read untimed
  pyld_peer.py read IN.jsonld               JSON-LD -> N-Quads (json.load + to_rdf), timed
No document is fetched: the context is passed as an object (write) or embedded in the file (read).
"""
import json
import sys
import time

from pyld import jsonld


def main(argv):
    mode = argv[1]
    if mode == "write":
        with open(argv[2], encoding="utf-8") as f:
            nquads = f.read()
        with open(argv[3], encoding="utf-8") as f:
            context = json.load(f)
        context = context.get("@context", context)
        t0 = time.perf_counter()
        expanded = jsonld.from_rdf(nquads, {"format": "application/n-quads"})
        compacted = jsonld.compact(expanded, {"@context": context})
        text = json.dumps(compacted)
        dt = time.perf_counter() - t0
        print(f"bytes {len(text)}")
    elif mode == "read":
        t0 = time.perf_counter()
        with open(argv[2], encoding="utf-8") as f:
            doc = json.load(f)
        nq = jsonld.to_rdf(doc, {"format": "application/n-quads"})
        dt = time.perf_counter() - t0
        print(f"triples {nq.count(chr(10))}")
    else:
        sys.exit(f"unknown mode {mode}")
    print(f"seconds {dt:.6f}")


if __name__ == "__main__":
    main(sys.argv)
