"""rdflib side of Benchmarks/compare.sh. Prints `seconds S` (the timed part, imports excluded) last.

  rdflib_peer.py convert IN INFMT OUT OUTFMT   parse + serialize (timed together)
  rdflib_peer.py parse IN INFMT                parse only
  rdflib_peer.py write IN INFMT OUTFMT         parse untimed, then serialize timed
  rdflib_peer.py diff OLD NEW                  parse both + rdflib.compare.graph_diff (timed together)
"""
import sys
import time

import rdflib
from rdflib.compare import graph_diff, to_isomorphic


def main(argv):
    mode = argv[1]
    if mode == "convert":
        src, infmt, out, outfmt = argv[2:6]
        t0 = time.perf_counter()
        g = rdflib.Graph()
        g.parse(src, format=infmt)
        g.serialize(destination=out, format=outfmt)
        dt = time.perf_counter() - t0
        print(f"triples {len(g)}")
    elif mode == "parse":
        src, infmt = argv[2:4]
        t0 = time.perf_counter()
        g = rdflib.Graph()
        g.parse(src, format=infmt)
        dt = time.perf_counter() - t0
        print(f"triples {len(g)}")
    elif mode == "write":
        src, infmt, outfmt = argv[2:5]
        g = rdflib.Graph()
        g.parse(src, format=infmt)
        t0 = time.perf_counter()
        data = g.serialize(format=outfmt, encoding="utf-8")
        dt = time.perf_counter() - t0
        print(f"triples {len(g)} bytes {len(data)}")
    elif mode == "diff":
        old, new = argv[2:4]
        t0 = time.perf_counter()
        a = rdflib.Graph()
        a.parse(old, format="nt")
        b = rdflib.Graph()
        b.parse(new, format="nt")
        both, only_old, only_new = graph_diff(to_isomorphic(a), to_isomorphic(b))
        dt = time.perf_counter() - t0
        print(f"removed {len(only_old)} added {len(only_new)}")
    else:
        sys.exit(f"unknown mode {mode}")
    print(f"seconds {dt:.6f}")


if __name__ == "__main__":
    main(sys.argv)
