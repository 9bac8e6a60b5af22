"""`prosegraph push` against real stores that Tests/run starts (Tests/stores): an Oxigraph
server and Virtuoso 7 (Digest login, dba/dba). Every export format a store reads goes in
and is read back with a Graph Store GET: the same graph for `prosegraph diff`, and it still
validates. `push NEW --since OLD` leaves the store holding what a fresh load of NEW gives.
Failures give the server's status and message, and push's exit status."""
import os
import subprocess
import urllib.parse
import urllib.request

import pytest

from tools import OUT, assert_same_graph_and_valid, edited_export, need_store, prosegraph_tool

DBA = {"PROSEGRAPH_USER": "dba", "PROSEGRAPH_PASSWORD": "dba"}


class Store:
    def __init__(self, name):
        self.name = name
        self.base = need_store(name.upper())
        if name == "oxigraph":
            self.gsp, self.update, self.env = self.base + "/store", self.base + "/update", {}
        else:
            self.gsp, self.update, self.env = self.base + "/sparql-graph-crud-auth", self.base + "/sparql-auth", DBA

    def url(self, graph):
        return self.gsp + ("?graph=" + urllib.parse.quote(graph, safe="") if graph else "?default")

    def get(self, graph, path):
        """The graph as N-Triples (Graph Store GET), written to path."""
        handlers = []
        if self.env:
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            passwords.add_password(None, self.base, "dba", "dba")
            handlers.append(urllib.request.HTTPDigestAuthHandler(passwords))
        request = urllib.request.Request(self.url(graph), headers={"Accept": "application/n-triples"})
        with urllib.request.build_opener(*handlers).open(request, timeout=60) as r:
            path.write_bytes(r.read())
        return path


def push(store, *args, env=None):
    return subprocess.run([prosegraph_tool(), "push", *args], capture_output=True, text=True,
                          env={**os.environ, **(store.env if env is None else env)})


def statements(path):
    return sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#"))


# Virtuoso has no JSON-LD parser (test_virtuoso_refuses_json_ld).
READ_BACK = [("oxigraph", f) for f in ["graph.nt", "graph.ttl", "graph.rdf", "graph.jsonld"]] + \
            [("virtuoso", f) for f in ["graph.nt", "graph.ttl", "graph.rdf"]]


@pytest.mark.parametrize("name,export", READ_BACK)
def test_an_export_pushed_and_read_back_is_the_same_and_validates(tmp_path, name, export):
    store = Store(name)
    graph = f"https://prosegraph.org/test/read-back/{export}"
    path = OUT / export
    r = push(store, str(path), "--to", store.gsp, "--graph", graph)
    what = f"{statements(path)} statements" if export.endswith(".nt") else f"{path.stat().st_size} bytes"
    assert (r.returncode, r.stdout, r.stderr) == (0, "", f"{path}: {what} sent to {store.url(graph)} (replaced; 1 request)\n")
    assert_same_graph_and_valid(OUT / "graph.nt", store.get(graph, tmp_path / "back.nt"))


@pytest.mark.parametrize("name", ["oxigraph", "virtuoso"])
def test_batches_replace_then_add(tmp_path, name):
    store = Store(name)
    graph = "https://prosegraph.org/test/batches"
    path = OUT / "graph.nt"
    n = statements(path)
    # Something in the graph first: --replace (the default) leaves none of it.
    one = tmp_path / "one.nt"
    one.write_text("<https://example.org/s> <https://example.org/p> \"one\" .\n", encoding="utf-8")
    assert push(store, str(one), "--to", store.gsp, "--graph", graph).returncode == 0
    r = push(store, str(path), "--to", store.gsp, "--graph", graph, "--batch", "2000")
    progress = [f"{path}: {min(k * 2000, n)}/{n} statements sent ({k}/3 requests)\n" for k in (1, 2, 3)]
    assert (r.returncode, r.stderr) == (0, "".join(progress) + f"{path}: {n} statements sent to {store.url(graph)} (replaced; 3 requests)\n")
    assert_same_graph_and_valid(path, store.get(graph, tmp_path / "back.nt"))
    r = push(store, str(one), "--to", store.gsp, "--graph", graph, "--add")
    assert (r.returncode, r.stderr) == (0, f"{one}: 1 statements sent to {store.url(graph)} (added; 1 request)\n")
    back = store.get(graph, tmp_path / "back.nt")
    assert statements(back) == n + 1


@pytest.mark.parametrize("name,graph", [("oxigraph", None), ("oxigraph", "https://prosegraph.org/test/since"),
                                        ("virtuoso", "https://prosegraph.org/test/since")])
def test_push_since_gives_what_a_fresh_load_gives(tmp_path, name, graph):
    store = Store(name)
    tool = prosegraph_tool()
    old, new = OUT / "graph.nt", edited_export(tmp_path)
    on = ["--graph", graph] if graph else []
    assert push(store, str(old), "--to", store.gsp, *on).returncode == 0
    r = push(store, str(new), "--since", str(old), "--to", store.gsp, *on)
    assert (r.returncode, r.stderr) == (0, f"{new}: 2/3 changes sent (1/2 requests)\n{new}: 3/3 changes sent (2/2 requests)\n"
                                           f"{new}: 2 triples removed, 1 added through {store.update} (2 requests)\n")
    after_delta = store.get(graph, tmp_path / "delta.nt")
    fresh = "https://prosegraph.org/test/fresh"
    assert push(store, str(new), "--to", store.gsp, "--graph", fresh).returncode == 0
    after_load = store.get(fresh, tmp_path / "fresh.nt")
    canonical = [subprocess.run([tool, "canonicalize", str(p)], capture_output=True, check=True).stdout for p in (after_delta, after_load, new)]
    assert canonical[0] == canonical[1] == canonical[2]
    # Nothing changed since: nothing is sent.
    r = push(store, str(new), "--since", str(new), "--to", store.gsp, *on)
    assert (r.returncode, r.stderr) == (0, f"{new}: no differences from {new}: nothing sent\n")


def test_push_since_in_batches_of_one(tmp_path):
    store = Store("oxigraph")
    graph = "https://prosegraph.org/test/since-batches"
    old, new = OUT / "graph.nt", edited_export(tmp_path)
    assert push(store, str(old), "--to", store.gsp, "--graph", graph).returncode == 0
    r = push(store, str(new), "--since", str(old), "--to", store.gsp, "--graph", graph, "--batch", "1", "--quiet")
    assert (r.returncode, r.stderr) == (0, "")
    assert_same_graph_and_valid(new, store.get(graph, tmp_path / "back.nt"))


def test_a_wrong_endpoint_is_the_servers_404():
    store = Store("oxigraph")
    r = push(store, str(OUT / "graph.nt"), "--to", store.base + "/stor")
    assert (r.returncode, r.stderr) == (2, f"prosegraph: PUT {store.base}/stor?default: HTTP 404 Not Found: PUT /stor is not supported by this server\n")


def test_a_batch_the_store_refuses_after_others_is_exit_1(tmp_path):
    store = Store("oxigraph")
    lines = (OUT / "graph.nt").read_text(encoding="utf-8").splitlines(keepends=True)
    broken = tmp_path / "broken.nt"
    broken.write_text("".join(lines[:3000] + ["<a> <b> <c> .\n"] + lines[3000:]), encoding="utf-8")
    r = push(store, str(broken), "--to", store.gsp, "--graph", "https://prosegraph.org/test/broken", "--batch", "2000")
    assert (r.returncode, r.stderr) == (1, f"{broken}: 2000/{len(lines) + 1} statements sent (1/3 requests)\n"
                                           f"prosegraph: POST {store.url('https://prosegraph.org/test/broken')}: HTTP 400 Bad Request: "
                                           "Parser error at line 1001 between columns 1 and 4: No scheme found in an absolute IRI "
                                           "(request 2 of 3, from line 2001 of the file; the first 2000 statements are stored)\n")


def test_virtuoso_has_no_default_graph_endpoint():
    store = Store("virtuoso")
    r = push(store, str(OUT / "graph.nt"), "--to", store.gsp)
    assert (r.returncode, r.stderr) == (2, f"prosegraph: PUT {store.gsp}?default: HTTP 500 Internal Server Error: SPARQL Graph Protocol request "
                                           "failed HTTP/1.1 500 Request Failed Error 22023 The request to SPARQL 1.1 Graph Store endpoint "
                                           "contains \"default\" param but the endpoint is not configured to have default graph\n")


def test_virtuoso_wants_digest_credentials(tmp_path):
    store = Store("virtuoso")
    graph = "https://prosegraph.org/test/login"
    url = store.url(graph)
    r = push(store, str(OUT / "graph.nt"), "--to", store.gsp, "--graph", graph, env={"PROSEGRAPH_USER": "", "PROSEGRAPH_PASSWORD": ""} | {"HOME": str(tmp_path)})
    # An empty user and password are credentials too, and refused.
    assert (r.returncode, r.stderr) == (2, f"prosegraph: PUT {url}: HTTP 401 Unauthorized (the store refused the credentials)\n")
    env = {k: v for k, v in os.environ.items() if k not in DBA} | {"HOME": str(tmp_path)}
    none = subprocess.run([prosegraph_tool(), "push", str(OUT / "graph.nt"), "--to", store.gsp, "--graph", graph], capture_output=True, text=True, env=env)
    assert (none.returncode, none.stderr) == (2, f"prosegraph: PUT {url}: HTTP 401 Unauthorized (no credentials: set PROSEGRAPH_USER and "
                                                 "PROSEGRAPH_PASSWORD, or give the host a netrc entry)\n")
    wrong = push(store, str(OUT / "graph.nt"), "--to", store.gsp, "--graph", graph, env={"PROSEGRAPH_USER": "dba", "PROSEGRAPH_PASSWORD": "wrong"})
    assert (wrong.returncode, wrong.stderr) == (2, f"prosegraph: PUT {url}: HTTP 401 Unauthorized (the store refused the credentials)\n")
    # The same login from a netrc file, for the store's host.
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1\n  login dba\n  password dba\n", encoding="utf-8")
    ok = subprocess.run([prosegraph_tool(), "push", str(OUT / "graph.nt"), "--to", store.gsp, "--graph", graph, "--netrc", str(netrc), "-q"],
                        capture_output=True, text=True, env=env)
    assert (ok.returncode, ok.stderr) == (0, "")
    (tmp_path / ".netrc").write_bytes(netrc.read_bytes())
    home = subprocess.run([prosegraph_tool(), "push", str(OUT / "graph.nt"), "--to", store.gsp, "--graph", graph, "-q"], capture_output=True, text=True, env=env)
    assert (home.returncode, home.stderr) == (0, "")


def test_virtuoso_refuses_json_ld():
    store = Store("virtuoso")
    graph = "https://prosegraph.org/test/jsonld"
    r = push(store, str(OUT / "graph.jsonld"), "--to", store.gsp, "--graph", graph)
    assert (r.returncode, r.stderr) == (2, f"prosegraph: PUT {store.url(graph)}: HTTP 500 Internal Server Error: SPARQL Graph Protocol request "
                                           "failed HTTP/1.1 500 Request Failed Error 22023 The PUT request for graph is rejected: "
                                           "the submitted resource is of unsupported type text/plain\n")
