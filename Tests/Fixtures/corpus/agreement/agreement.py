#!/usr/bin/env python3
"""Inter-annotator agreement: the second annotator's facts (this folder) against the
writers' gold (../dev/gold.tsv), matched as `prosegraph eval` matches: predicate equal,
subject and object labels equal after folding case and diacritics, dropping
punctuation and a leading "the", any `|` alternative, either direction for symmetric
predicates; facts unique per document. Usage: python3 agreement.py"""
import glob, os, re, unicodedata

SYMMETRIC = {"metWith", "establishedRelationsWith", "twinnedWith", "signedAgreementWith"}

def fold(s):
    s = unicodedata.normalize("NFKD", s.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s[4:] if s.startswith("the ") else s

def read(path):
    facts = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        c = line.rstrip("\n").split("\t")
        doc, subj, pred, obj = c[0], c[1], c[2], c[3]
        date = c[4] if len(c) > 4 else ""
        key = (doc, pred, subj, obj)
        facts.setdefault(key, set()).add(date)
    return facts

def match(a, b):
    (da, pa, sa, oa), (db, pb, sb, ob) = a, b
    if da != db or pa != pb:
        return False
    S = lambda x: {fold(v) for v in x.split("|")}
    if S(sa) & S(sb) and S(oa) & S(ob):
        return True
    return pa in SYMMETRIC and bool(S(sa) & S(ob)) and bool(S(oa) & S(sb))

here = os.path.dirname(os.path.abspath(__file__))
second = {}
for p in sorted(glob.glob(os.path.join(here, "*.tsv"))):
    second.update(read(p))
docs = {k[0] for k in second}
gold = {k: v for k, v in read(os.path.join(here, "..", "dev", "gold.tsv")).items() if k[0] in docs}
tp_gold = sum(1 for g in gold if any(match(g, s) for s in second))
tp_second = sum(1 for s in second if any(match(g, s) for g in gold))
dates_both = dates_same = 0
for g, gd in gold.items():
    hits = [s for s in second if match(g, s)]
    if hits and any(gd) :
        dates_both += 1
        if any(second[s] & gd for s in hits):
            dates_same += 1
p = tp_second / len(second); r = tp_gold / len(gold)
print(f"articles {len(docs)}; writers' facts {len(gold)}; second annotator's facts {len(second)}")
print(f"second annotator's facts found in the writers' gold: {tp_second}/{len(second)} = {p:.3f}")
print(f"writers' facts found by the second annotator: {tp_gold}/{len(gold)} = {r:.3f}")
print(f"agreement (F1): {2 * p * r / (p + r):.3f}; same date where both date a matched fact: {dates_same}/{dates_both}")
