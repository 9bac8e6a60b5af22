"""networkx and igraph side of Benchmarks/compare.sh. Prints `seconds S` (the timed part) last.

  graphml_peer.py networkx|igraph read IN.graphml    read_graphml, timed
  graphml_peer.py networkx|igraph write IN.graphml   read untimed, then write_graphml to a temporary file, timed
"""
import os
import sys
import tempfile
import time


def main(argv):
    lib, mode, src = argv[1:4]
    if lib == "networkx":
        import networkx as nx
        read = lambda p: nx.read_graphml(p)
        write = lambda g, p: nx.write_graphml(g, p)
        size = lambda g: (g.number_of_nodes(), g.number_of_edges())
    elif lib == "igraph":
        import igraph as ig
        read = lambda p: ig.Graph.Read_GraphML(p)
        write = lambda g, p: g.write_graphml(p)
        size = lambda g: (g.vcount(), g.ecount())
    else:
        sys.exit(f"unknown library {lib}")
    if mode == "read":
        t0 = time.perf_counter()
        g = read(src)
        dt = time.perf_counter() - t0
    elif mode == "write":
        g = read(src)
        fd, out = tempfile.mkstemp(suffix=".graphml")
        os.close(fd)
        try:
            t0 = time.perf_counter()
            write(g, out)
            dt = time.perf_counter() - t0
        finally:
            os.unlink(out)
    else:
        sys.exit(f"unknown mode {mode}")
    nodes, edges = size(g)
    print(f"nodes {nodes} edges {edges}")
    print(f"seconds {dt:.6f}")


if __name__ == "__main__":
    main(sys.argv)
