#!/usr/bin/env python3
"""label_search.py STORE FILE WORD: loads an RDF file into a store, then lists the entities
whose label contains WORD (any case) with their classes, and counts them per class."""
import collections
import sys

import sextant

QUERY = """
SELECT ?entity ?label ?class WHERE {
  GRAPH ?g { ?entity rdfs:label ?label }
  FILTER(CONTAINS(LCASE(STR(?label)), LCASE(?word)))
  OPTIONAL { GRAPH ?g2 { ?entity a ?class } }
} ORDER BY ?label ?entity
"""


def main(argv):
    if len(argv) != 4:
        print("usage: label_search.py STORE FILE WORD", file=sys.stderr)
        return 2
    store, path, word = argv[1:]
    try:
        with sextant.Database(store) as db:
            print(f"loaded {db.load(path)} new quads")
            # One row per (entity, label, class): gather the classes of each entity.
            classes = collections.defaultdict(list)
            for row in db.prepare(QUERY).execute(word=word):
                cls = row["class"].rsplit("/", 1)[-1] if row["class"] else "-"
                classes[(row["entity"], row["label"])].append(cls)
            per_class = collections.Counter()
            for (entity, label), names in classes.items():
                per_class.update(names)
                print(f"{entity}\t{label}\t{', '.join(sorted(names))}")
            for cls, n in sorted(per_class.items()):
                print(f"{n} {cls}")
    except sextant.ParseError as e:
        print(f"label_search: {e.line}:{e.column}: {e.message}", file=sys.stderr)
        return 1
    except sextant.Error as e:
        print(f"label_search: {e.code}: {e.message}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
