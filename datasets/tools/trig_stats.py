#!/usr/bin/env python3
"""Counts and consistency checks for the curated TriG datasets.

    python3 datasets/tools/trig_stats.py datasets/csto-kazakhstan/csto-kazakhstan.trig \
        [--article ARTICLE.txt] [--write datasets/csto-kazakhstan/counts.json] [--sextant BINARY]

Reads the file with sextant itself (`sextant load` into a temporary store, `sextant dump` as
N-Quads: the data is RDF 1.2, with triple terms), then prints a JSON object: quads per graph,
classes and their instance counts, and for every source graph that holds :Evidence nodes the
provenance breakdown (metadata, facts, claims, evidence, reifications).

Checks (exit status 1 on failure):
  * every :Evidence node has exactly one :quote, :charStart, :charEnd, with end - start == len(quote);
  * every fact triple of a source graph with evidence has exactly one reifier in that graph (an
    :Evidence node: `e rdf:reifies <<( s p o )>>`), and every reified triple is a fact of the graph;
  * with --article: the text's SHA-256 and length equal the graph's :textSha256 / :textLength, every
    quote equals article[charStart:charEnd] (Unicode code points), and every :claimText occurs verbatim.
"""
import argparse
import hashlib
import json
import re
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

NS = 'http://sextant.local/'
RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#'
RDFS = 'http://www.w3.org/2000/01/rdf-schema#'
TYPE = f'<{RDF}type>'
REIFIES = f'<{RDF}reifies>'

# N-Quads 1.2 tokens: triple term brackets, IRIs, blank nodes, literals (with datatype, language
# and base direction), the final dot.
TOKEN = re.compile(r'\s*(<<\(|\)>>|<[^<>]*>|_:[^\s)]+|"(?:[^"\\]|\\.)*"(?:\^\^<[^>]*>|@[A-Za-z0-9-]+)?|\.)')


def unescape(lit):
    body = lit[1:lit.rindex('"')]
    return re.sub(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)', lambda m: _esc(m.group(1)), body)


def _esc(e):
    if e[0] in 'uU':
        return chr(int(e[1:], 16))
    return {'t': '\t', 'n': '\n', 'r': '\r', 'b': '\b', 'f': '\f', '"': '"', "'": "'", '\\': '\\'}[e]


def parse_line(line):
    """One N-Quads 1.2 line as (s, p, o, g); a triple term is the tuple (s, p, o)."""
    tokens, pos = [], 0
    while pos < len(line.rstrip()):
        m = TOKEN.match(line, pos)
        if not m:
            raise SystemExit(f'cannot parse N-Quads line: {line}')
        tokens.append(m.group(1))
        pos = m.end()
    it = iter(tokens)

    def term(tok):
        if tok != '<<(':
            return tok
        t = tuple(term(next(it)) for _ in range(3))
        if next(it) != ')>>':
            raise SystemExit(f'cannot parse N-Quads line: {line}')
        return t

    parts = [term(tok) for tok in it]
    if parts[-1:] != ['.'] or len(parts) not in (4, 5):
        raise SystemExit(f'cannot parse N-Quads line: {line}')
    s, p, o, *g = parts[:-1]
    return s, p, o, (g[0] if g else '')


def load(path, sextant):
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, 'db')
        subprocess.run([sextant, 'load', db, path, '--quiet'], check=True)
        out = subprocess.run([sextant, 'dump', db, '--format', 'nquads'], check=True,
                             capture_output=True, text=True, encoding='utf-8').stdout
    return [parse_line(line) for line in out.splitlines() if line.strip()]


def short(t):
    return ':' + t[len(NS) + 1:-1] if t.startswith(f'<{NS}') else t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('trig')
    ap.add_argument('--article')
    ap.add_argument('--write')
    ap.add_argument('--sextant', default='sextant', help='the sextant binary (default: from PATH)')
    a = ap.parse_args()
    quads = load(a.trig, a.sextant)
    errors = []
    graphs = Counter(g for *_, g in quads)
    by_graph = defaultdict(list)
    for q in quads:
        by_graph[q[3]].append(q[:3])

    vocab_graphs = {g for g in graphs if g.startswith(f'<{NS}graph/')}
    data = [q for q in quads if q[3] not in vocab_graphs]
    types = defaultdict(set)
    for s, p, o, g in data:
        if p == TYPE:
            types[o].add(s)
    prov_classes = {f'<{NS}Evidence>', f'<{NS}Source>'}
    speech = {f'<{NS}{c}>' for c in ('Claim', 'Demand', 'Proposal', 'SpeechAct')}
    entity_set = set()
    claim_set = set()
    for c, members in types.items():
        if c in prov_classes:
            continue
        (claim_set if c in speech else entity_set).update(members)
    entity_set -= claim_set

    result = {
        'file': a.trig.split('/')[-1],
        'quads': len(quads),
        'graphs': len(graphs),
        'quads_per_graph': {g[1:-1]: n for g, n in sorted(graphs.items())},
        'entities': len(entity_set),
        'speech_acts': len(claim_set),
        'instances_per_class': {short(c): len(m) for c, m in sorted(types.items())},
    }

    sources = {}
    for g, triples in sorted(by_graph.items()):
        gt = defaultdict(set)
        for s, p, o in triples:
            if p == TYPE:
                gt[s].add(o)
        evidence = [s for s, ts in gt.items() if f'<{NS}Evidence>' in ts]
        if not evidence:
            continue
        ev_set = set(evidence)
        meta = [t for t in triples if t[0] == g]
        ev_triples = [t for t in triples if t[0] in ev_set]
        facts = [t for t in triples if t[0] != g and t[0] not in ev_set]
        claim_facts = [t for t in facts if t[0] in claim_set]
        # reifiers <-> facts: each fact reified by exactly one passage of its graph
        reified = Counter(o for s, p, o in ev_triples if p == REIFIES)
        fact_set = set(facts)
        for f in facts:
            if reified[f] != 1:
                errors.append(f'fact reified {reified[f]} times: {f}')
        for k in reified:
            if k not in fact_set:
                errors.append(f'reified triple that is not a fact of {g}: {k}')
        for s, p, o in triples:
            if p == REIFIES and s not in ev_set:
                errors.append(f'reifier {s} is not an :Evidence node')
        sources[g[1:-1]] = {
            'quads': len(triples),
            'metadata_triples': len(meta),
            'fact_triples': len(facts),
            'fact_triples_about_speech_acts': len(claim_facts),
            'fact_triples_other': len(facts) - len(claim_facts),
            'evidence_passages': len(evidence),
            'evidence_triples': len(ev_triples),
            'reifications': sum(reified.values()),
            'subjects_of_facts': len({t[0] for t in facts}),
        }
        # offsets
        ev = defaultdict(lambda: defaultdict(list))
        for s, p, o in ev_triples:
            ev[s][p].append(o)
        meta_d = {p: o for s, p, o in meta}
        article = None
        if a.article:
            raw = open(a.article, 'rb').read()
            article = raw.decode('utf-8')
            sha = hashlib.sha256(raw).hexdigest()
            if f'"{sha}"' != meta_d.get(f'<{NS}textSha256>'):
                errors.append(f'{g}: article SHA-256 {sha} differs from :textSha256')
            if not meta_d.get(f'<{NS}textLength>', '').startswith(f'"{len(article)}"'):
                errors.append(f'{g}: article length {len(article)} differs from :textLength')
        for s, d in ev.items():
            try:
                (quote,), (start,), (end,) = d[f'<{NS}quote>'], d[f'<{NS}charStart>'], d[f'<{NS}charEnd>']
            except ValueError:
                errors.append(f'evidence {s} lacks exactly one quote/charStart/charEnd')
                continue
            quote = unescape(quote)
            start, end = int(unescape(start)), int(unescape(end))
            if end - start != len(quote):
                errors.append(f'{s}: length of quote != charEnd - charStart')
            if article is not None and article[start:end] != quote:
                errors.append(f'{s}: article[{start}:{end}] != quote')
        if article is not None:
            for s, p, o in facts:
                if p == f'<{NS}claimText>' and unescape(o) not in article:
                    errors.append(f'claimText of {s} not verbatim in the article')
        result.setdefault('source_graphs', {}).update(sources)

    result['checks'] = 'ok' if not errors else errors
    text = json.dumps(result, indent=2, ensure_ascii=False) + '\n'
    if a.write:
        open(a.write, 'w', encoding='utf-8').write(text)
    sys.stdout.write(text)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
