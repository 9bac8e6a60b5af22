"""`prosegraph draw` and `prosegraph report` checked in a real browser.

Runs on the committed Output/ (which a Swift test keeps in step with Input/):
the HTML report is loaded in headless Chromium and its DOM is compared with
what the N-Triples export holds (read with rdflib); the report and the SVG
pictures are rendered by Chromium into screenshots, which are decoded here
(zlib and struct: Pillow is not installed) and must not be blank. Chromium and
Graphviz's dot are required under CI=true (Tests/run installs both); outside CI
a missing one skips its tests and says why.
"""
import re
import struct
import subprocess
import xml.etree.ElementTree as ET
import zlib
from html.parser import HTMLParser

import pytest

from tools import OUT, need_module, need_program, prosegraph_tool

PG = "https://prosegraph.org/ontology#"
PROV = "http://www.w3.org/ns/prov#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
TYPES = ["Country", "City", "Place", "Person", "Organization"]
METADATA = {"date", "rule", "confidence", "title", "sourcePath"}


# --- running things -------------------------------------------------------------

def prosegraph(*args):
    r = subprocess.run([prosegraph_tool(), *map(str, args)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    return r.stdout


def chromium(*args, profile):
    """Headless Chromium with a throwaway profile; returns its standard output."""
    program = need_program("chromium")
    r = subprocess.run([program, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--user-data-dir={profile}", *map(str, args)],
                       capture_output=True, text=True, timeout=180)
    assert r.returncode == 0, r.stderr[-2000:]
    return r.stdout


def screenshot(url, path, profile, size="1024,768"):
    chromium(f"--screenshot={path}", f"--window-size={size}", url, profile=profile)
    return path.read_bytes()


# --- PNG ------------------------------------------------------------------------

def decode_png(data):
    """(width, height, channels, rows of bytes) of an 8-bit, non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, [], None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        assert zlib.crc32(kind + body) & 0xFFFFFFFF == crc, f"bad CRC in {kind}"
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    width, height, depth, color, _, _, interlace = header
    assert depth == 8 and interlace == 0, header
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[color]
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    assert len(raw) == height * (stride + 1)
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, prev))
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b, c = prev[i], prev[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        else:
            assert kind == 0, f"unknown filter {kind}"
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def assert_not_blank(png, width, height):
    """A real picture of the expected size: many colours, pixels that vary, ink on a good part of it."""
    w, h, channels, rows = decode_png(png)
    assert (w, h) == (width, height)
    step = 2  # every other pixel of every other row is plenty
    grey = [sum(row[x:x + min(channels, 3)]) / min(channels, 3)
            for row in rows[::step] for x in range(0, w * channels, channels * step)]
    mean = sum(grey) / len(grey)
    variance = sum((g - mean) ** 2 for g in grey) / len(grey)
    colours = {row[x:x + channels] for row in rows[::step] for x in range(0, w * channels, channels * step)}
    background = max(set(grey), key=grey.count)
    ink = sum(1 for g in grey if abs(g - background) > 40) / len(grey)
    # (A blank page has a variance of 0; a dense graph shrunk to the window, like Output/'s 227 nodes, about 90.)
    assert variance > 20, f"pixel variance {variance:.1f}: blank?"
    assert len(colours) >= 16, f"{len(colours)} colours: blank?"
    assert ink > 0.005, f"{ink:.2%} of the pixels differ from the background: blank?"


# --- DOM ------------------------------------------------------------------------

class Element:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children, self.text = tag, dict(attrs), parent, [], []

    @property
    def classes(self):
        return (self.attrs.get("class") or "").split()

    def all(self):
        for c in self.children:
            yield c
            yield from c.all()

    def find(self, tag, cls=None):
        return [e for e in self.all() if e.tag == tag and (cls is None or cls in e.classes)]

    def content(self):
        return "".join(part if isinstance(part, str) else part.content() for part in self.text)


class DOM(HTMLParser):
    VOID = {"meta", "link", "br", "hr", "img", "input", "wbr", "source"}

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Element("#document", [], None)
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        e = Element(tag, attrs, self.current)
        self.current.children.append(e)
        self.current.text.append(e)
        if tag not in self.VOID:
            self.current = e

    def handle_endtag(self, tag):
        e = self.current
        while e is not None and e.tag != tag:
            e = e.parent
        if e is not None and e.parent is not None:
            self.current = e.parent

    def handle_data(self, data):
        self.current.text.append(data)

    def by_id(self, ident):
        return next(e for e in self.root.all() if e.attrs.get("id") == ident)


# --- what the export holds --------------------------------------------------------

@pytest.fixture(scope="module")
def export():
    rdflib = need_module("rdflib")
    g = rdflib.Graph()
    g.parse(OUT / "graph.nt", format="nt")
    typ, label = rdflib.URIRef(RDF + "type"), rdflib.URIRef(RDFS + "label")
    labels = {s: str(o) for s, o in g.subject_objects(label)}
    per_type = {t: len(set(g.subjects(typ, rdflib.URIRef(PG + t)))) for t in TYPES}
    statements = set(g.subjects(typ, rdflib.URIRef(RDF + "Statement")))
    facts = {(s, p, o) for s, p, o in g
             if str(p).startswith(PG) and str(p)[len(PG):] not in METADATA and s not in statements}
    mentions = []
    for st in statements:
        s, p, o = g.value(st, rdflib.URIRef(RDF + "subject")), g.value(st, rdflib.URIRef(RDF + "predicate")), g.value(st, rdflib.URIRef(RDF + "object"))
        facts.add((s, p, o))
        date = g.value(st, rdflib.URIRef(PG + "date"))
        mentions.append({"fact": (s, p, o), "date": None if date is None else str(date),
                         "evidence": str(g.value(g.value(st, rdflib.URIRef(PROV + "wasDerivedFrom")), rdflib.URIRef(NIF + "anchorOf"))),
                         "subject": labels.get(s, str(s)), "object": labels.get(o, str(o))})
    values = {o for (_, _, o) in facts if isinstance(o, rdflib.Literal)}
    return {"per_type": per_type, "facts": facts, "mentions": mentions, "values": values}


def found(label, sentence):
    """Whether the report should mark the label in the sentence: a whole word, in any case."""
    return re.search(r"(?<![^\W_])" + re.escape(label) + r"(?![^\W_])", sentence, re.IGNORECASE) is not None


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    return tmp_path_factory.mktemp("draw")


# --- the report -------------------------------------------------------------------

def test_report_dom_in_chromium_matches_the_export(export, work):
    report = work / "report.html"
    prosegraph("report", OUT / "graph.nt", "-o", report)
    html = report.read_text(encoding="utf-8")
    # Self-contained: no script, nothing that could be fetched, and a policy that forbids fetching.
    assert "<script" not in html and "src=" not in html and "url(" not in html and "@import" not in html
    assert not re.search(r'href="(?!#)', html)
    assert "default-src 'none'" in html

    dom = DOM(chromium("--dump-dom", report.as_uri(), profile=work / "profile"))
    body = dom.root
    # Entities grouped by type, with counts that match the export.
    for t in TYPES:
        n = export["per_type"][t]
        if n == 0:
            continue
        group = dom.by_id(f"kind-{t.lower()}")
        assert len(group.find("li", "entity")) == n, t
        summary = group.find("summary")[0]
        assert summary.find("span", "count")[0].content() == str(n), t
    assert len(dom.by_id("kind-literal").find("li", "entity")) == len(export["values"])
    # Every fact, every mention, every dated (fact, date) pair on the timeline.
    facts = body.find("article", "fact")
    assert len(facts) == len(export["facts"]) == int(dom.by_id("count-facts").content())
    mentions = body.find("li", "mention")
    assert len(mentions) == len(export["mentions"]) == int(dom.by_id("count-mentions").content())
    dated = {(m["fact"], m["date"]) for m in export["mentions"] if m["date"]}
    events = body.find("li", "event")
    assert len(events) == len(dated)
    dates = [e.find("time")[0].content() for e in events]
    assert dates == sorted(dates)
    # The evidence sentences arrive in the browser exactly as in the export (escaping kept every <, & and quote).
    quotes = [m.find("blockquote")[0].content() for m in mentions]
    assert sorted(quotes) == sorted(m["evidence"] for m in export["mentions"])
    assert any("&" in q or "<" in q or '"' in q for q in quotes)
    # Marks: the subject's label in every sentence that names it (whole word, any case), and only there.
    marked = sum(1 for m in mentions if m.find("mark", "s"))
    expected = sum(1 for m in export["mentions"] if found(m["subject"], m["evidence"]))
    assert marked == expected > 0
    for m in mentions:
        for mark in m.find("mark"):
            fact = m.parent.parent  # li.mention < ol.mentions < article.fact
            role = "s" if "s" in mark.classes else "o"
            label = fact.find("p", "triple")[0].find("a", role)[0].content()
            assert mark.content().lower() == label.lower()


def test_report_renders_and_is_not_blank(work):
    report = work / "report-render.html"
    prosegraph("report", OUT / "graph.nt", "-o", report)
    png = screenshot(report.as_uri(), work / "report.png", work / "profile")
    assert_not_blank(png, 1024, 768)


def test_neighbourhood_report_from_graphml_matches_the_picture(work):
    report = work / "belgium.html"
    prosegraph("report", OUT / "graph.graphml", "--around", "belgium", "--depth", "1", "-o", report)
    dot = prosegraph("draw", OUT / "graph.graphml", "--around", "belgium")
    dom = DOM(chromium("--dump-dom", report.as_uri(), profile=work / "profile"))
    focus = [e for e in dom.root.find("li", "entity") if "focus" in e.classes]
    assert [e.find("a")[0].content() for e in focus] == ["Belgium"]
    edges = [line for line in dot.splitlines() if " -> " in line]
    assert len(dom.root.find("article", "fact")) == len(edges) > 10
    assert_not_blank(screenshot(report.as_uri(), work / "belgium-report.png", work / "profile"), 1024, 768)


# --- the pictures -------------------------------------------------------------------

@pytest.mark.parametrize("args", [[], ["--around", "Mahmoud Abbas", "--depth", "2"]], ids=["whole", "around"])
def test_svg_renders_in_chromium(args, work):
    need_program("dot")
    name = "svg-" + ("around" if args else "whole")
    svg = work / f"{name}.svg"
    prosegraph("draw", OUT / "graph.nt", *args, "-o", svg)
    dot = prosegraph("draw", OUT / "graph.nt", *args)
    # The SVG holds one node group per node statement and one edge group per fact.
    root = ET.parse(svg).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    groups = [g.get("class") for g in root.iter(ns + "g")]
    node_statements = re.findall(r"^\s+(?:n\d+|legend_\w+) \[label=", dot, re.M)
    assert groups.count("node") == len(node_statements)
    assert groups.count("edge") == dot.count(" -> ")
    # Rendered by the browser, it is a picture, not a blank page.
    assert_not_blank(screenshot(svg.as_uri(), work / f"{name}.png", work / "profile"), 1024, 768)


def test_png_from_graphviz_is_a_real_picture(work):
    need_program("dot")
    png = work / "syria.png"
    prosegraph("draw", OUT / "graph.nt", "--around", "Syria", "-o", png)
    w, h, _, _ = decode_png(png.read_bytes())
    assert_not_blank(png.read_bytes(), w, h)
