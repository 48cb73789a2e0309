"""The sextant Python module against real stores in temporary directories."""
import os
import tempfile
import threading
import time
import unittest

import sextant
from sextant import IRI, BlankNode, Literal, TripleTerm

EX = "http://sextant.local/"
XSD = "http://www.w3.org/2001/XMLSchema#"
DATA = """
@prefix : <http://sextant.local/> .
:Russia :memberOf :CSTO ; :label "Russia"@en .
:Kazakhstan :memberOf :CSTO ; :label "Kazakhstan" .
:Armenia :memberOf :CSTO ; :soldiers 3000 .
<http://sextant.local/source/a> { :Tokayev :presidentOf :Kazakhstan . _:b :about :Tokayev . }
"""


class StoreCase(unittest.TestCase):
    def setUp(self):
        self._dir = tempfile.TemporaryDirectory()
        self.path = os.path.join(self._dir.name, "db")
        self.db = sextant.Database(self.path)
        self.assertEqual(self.db.load_string(DATA, "trig"), 8)

    def tearDown(self):
        self.db.close()
        self._dir.cleanup()


class QueryTest(StoreCase):
    def test_rows_are_terms_by_index_and_name(self):
        rows = list(self.db.query(
            "SELECT ?s ?label ?n WHERE { ?s :memberOf :CSTO OPTIONAL { ?s :label ?label } "
            "OPTIONAL { ?s :soldiers ?n } } ORDER BY ?s"))
        self.assertEqual(len(rows), 3)
        self.assertEqual(rows[0][0], IRI(EX + "Armenia"))
        self.assertIsNone(rows[0]["label"])
        self.assertEqual(rows[0]["?n"], Literal("3000", XSD + "integer"))
        self.assertEqual(rows[0]["n"].value, 3000)
        self.assertEqual(rows[2]["label"], Literal("Russia", language="en"))
        self.assertEqual(rows[2]["label"].n3(), '"Russia"@en')
        self.assertEqual(rows[1].asdict(), {"s": IRI(EX + "Kazakhstan"), "label": Literal("Kazakhstan"), "n": None})
        with self.assertRaises(KeyError):
            rows[0]["nope"]

    def test_rows_iterate_lazily_and_once(self):
        result = self.db.query("SELECT ?s WHERE { ?s :memberOf :CSTO }")
        self.assertEqual(result.variables, ["s"])
        first = next(result)
        self.assertIsInstance(first[0], IRI)
        self.assertEqual(len(list(result)), 2)
        self.assertEqual(list(result), [])  # finished: stays finished

    def test_blank_nodes_and_construct(self):
        (row,) = self.db.query("SELECT ?b WHERE { GRAPH ?g { ?b :about ?t } }")
        self.assertIsInstance(row[0], BlankNode)
        triples = list(self.db.query("CONSTRUCT { ?s :in ?o } WHERE { ?s :memberOf ?o }"))
        self.assertEqual(len(triples), 3)
        self.assertEqual(triples[0].predicate, IRI(EX + "in"))
        self.assertEqual(triples[0].object, IRI(EX + "CSTO"))

    def test_ask_is_a_bool(self):
        self.assertIs(self.db.query("ASK { :Russia :memberOf :CSTO }"), True)
        self.assertIs(self.db.query("ASK { :Russia :memberOf :NATO }"), False)

    def test_syntax_error_has_line_and_column(self):
        with self.assertRaises(sextant.ParseError) as cm:
            self.db.query("SELECT *\nWHERE { ?s :memberOf }")
        self.assertEqual((cm.exception.line, cm.exception.column), (2, 22))
        self.assertIn("'}'", cm.exception.message)
        self.assertTrue(str(cm.exception).startswith("2:22: "))
        self.assertIsInstance(cm.exception, sextant.Error)

    def test_update_text_is_not_a_query(self):
        with self.assertRaises(sextant.InvalidArgument):
            self.db.query("INSERT DATA { :a :b :c }")

    def test_prepared_query_binds_parameters(self):
        q = self.db.prepare("SELECT ?s WHERE { ?s :memberOf ?org ; :label ?label }")
        self.assertEqual(len(list(q.execute())), 2)
        self.assertEqual([r[0] for r in q.execute(label="Kazakhstan")], [IRI(EX + "Kazakhstan")])
        self.assertEqual([r[0] for r in q.execute(label=Literal("Russia", language="en"))], [IRI(EX + "Russia")])
        self.assertEqual(list(q.bind("org", IRI(EX + "NATO")).execute()), [])
        q.clear()
        self.assertEqual(len(list(q.execute())), 2)
        n = self.db.prepare("SELECT ?s WHERE { ?s :soldiers ?n }")
        self.assertEqual([r[0] for r in n.execute(n=3000)], [IRI(EX + "Armenia")])
        self.assertEqual(list(n.execute(n=2.5)), [])

    def test_bad_parameter_name_and_wrong_type(self):
        q = self.db.prepare("SELECT ?s WHERE { ?s :memberOf ?org }")
        with self.assertRaises(sextant.InvalidArgument) as cm:
            q.bind("orgg", IRI(EX + "CSTO"))
        self.assertIn("?orgg", cm.exception.message)
        with self.assertRaises(TypeError):
            q.bind("org", [1, 2])
        with self.assertRaises(TypeError):
            Literal(5)
        with self.assertRaises(ValueError):
            Literal("x", XSD + "integer", "en")


class WriteTest(StoreCase):
    def test_update_returns_counts(self):
        stats = self.db.update("INSERT DATA { :Belarus :memberOf :CSTO }")
        self.assertEqual(stats, sextant.UpdateStats(inserted=1, deleted=0))
        self.assertEqual(self.db.update("DELETE WHERE { ?s :memberOf :CSTO }").deleted, 4)
        with self.assertRaises(sextant.ParseError) as cm:
            self.db.update("INSERT DATA {\n :a :b }")
        self.assertEqual(cm.exception.line, 2)

    def test_transaction_commits_on_success(self):
        with self.db.transaction() as txn:
            txn.insert(IRI(EX + "Belarus"), IRI(EX + "memberOf"), IRI(EX + "CSTO"))
            txn.insert(IRI(EX + "Belarus"), IRI(EX + "label"), "Belarus", graph=IRI(EX + "g"))
            self.assertIn((IRI(EX + "Belarus"), IRI(EX + "label"), "Belarus", IRI(EX + "g")), txn)
            self.assertNotIn((IRI(EX + "Belarus"), IRI(EX + "label"), "Belarus"), txn)
        self.assertTrue(self.db.query("ASK { :Belarus :memberOf :CSTO }"))
        self.assertTrue(self.db.query('ASK { GRAPH :g { :Belarus :label "Belarus" } }'))

    def test_triple_terms_and_directions(self):
        fact = TripleTerm(IRI(EX + "Belarus"), IRI(EX + "exported"), Literal("صاروخ", language="ar", direction="rtl"))
        reifies = IRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies")
        with self.db.transaction() as txn:
            txn.insert(IRI(EX + "f097"), reifies, fact)
            self.assertIn((IRI(EX + "f097"), reifies, fact), txn)
        rows = list(self.db.query("SELECT ?t WHERE { :f097 ?p ?t }"))
        self.assertEqual(rows[0]["t"], fact)
        self.assertEqual(rows[0]["t"].object.direction, "rtl")
        self.assertEqual(fact.n3(), '<<( <%sBelarus> <%sexported> "صاروخ"@ar--rtl )>>' % (EX, EX))
        with self.assertRaises(ValueError):
            Literal("x", direction="ltr")
        with self.assertRaises(ValueError):
            Literal("x", language="en", direction="up")
        with self.assertRaises(sextant.InvalidArgument):
            with self.db.transaction() as txn:
                txn.insert(fact, reifies, fact)

    def test_transaction_rolls_back_on_exception(self):
        with self.assertRaises(RuntimeError):
            with self.db.transaction() as txn:
                txn.insert(IRI(EX + "Belarus"), IRI(EX + "memberOf"), IRI(EX + "CSTO"))
                txn.remove(IRI(EX + "Russia"), IRI(EX + "memberOf"), IRI(EX + "CSTO"))
                raise RuntimeError("abort")
        self.assertFalse(self.db.query("ASK { :Belarus :memberOf :CSTO }"))
        self.assertTrue(self.db.query("ASK { :Russia :memberOf :CSTO }"))

    def test_transaction_errors(self):
        txn = self.db.transaction()
        with self.assertRaises(sextant.Busy):
            self.db.transaction()
        with self.assertRaises(sextant.Busy):
            self.db.update("CLEAR ALL")
        with self.assertRaises(sextant.InvalidArgument):
            txn.insert(Literal("x"), IRI(EX + "p"), IRI(EX + "o"))
        txn.commit()
        with self.assertRaises(sextant.InvalidArgument):  # use after commit
            txn.remove(IRI(EX + "s"), IRI(EX + "p"), IRI(EX + "o"))
        with self.db.transaction() as txn:
            pass
        with self.assertRaises(sextant.InvalidArgument):  # use after the with block
            txn.insert(IRI(EX + "s"), IRI(EX + "p"), IRI(EX + "o"))
        with self.assertRaises(sextant.InvalidArgument):
            txn.commit()

    def test_load_file_and_errors(self):
        path = os.path.join(self._dir.name, "more.nt")
        with open(path, "w") as f:
            f.write("<http://e/a> <http://e/p> \"x\" .\n<http://e/a> <http://e/p> oops .\n")
        with self.assertRaises(sextant.ParseError) as cm:
            self.db.load(path)
        self.assertEqual(cm.exception.line, 2)
        self.assertFalse(self.db.query("ASK { GRAPH ?g { <http://e/a> ?p ?o } }"))
        with open(path, "w") as f:
            f.write("<http://e/a> <http://e/p> \"x\" .\n")
        self.assertEqual(self.db.load(path, graph="http://e/g"), 1)
        self.assertTrue(self.db.query("ASK { GRAPH <http://e/g> { <http://e/a> ?p ?o } }"))
        with self.assertRaises(sextant.Error):
            self.db.load(os.path.join(self._dir.name, "missing.ttl"))
        with self.assertRaises(sextant.InvalidArgument):
            self.db.load(path, format="n3")

    def test_rdfxml(self):
        path = os.path.join(self._dir.name, "onto.owl")
        with open(path, "w") as f:
            f.write('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
                    ' xmlns:e="http://e/">\n<e:C rdf:about="http://e/x"><e:p>v</e:p></e:C>\n'
                    '<e:C rdf:nodeID="2"/></rdf:RDF>\n')
        with self.assertRaises(sextant.ParseError) as cm:
            self.db.load(path)
        self.assertEqual((cm.exception.line, cm.exception.column), (3, 1))
        self.assertFalse(self.db.query("ASK { <http://e/x> ?p ?o }"))
        with open(path, "w") as f:
            f.write('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
                    ' xmlns:e="http://e/"><e:C rdf:about="http://e/x"><e:p>v</e:p></e:C>'
                    '</rdf:RDF>')
        self.assertEqual(self.db.load(path), 2)
        self.assertEqual(self.db.load_string(open(path).read(), "rdfxml", graph="http://e/g"), 2)

    def test_enforced_shape_refuses_a_change(self):
        # Every CSTO member needs a label: Armenia has none, so the shape itself is refused.
        shape = ("INSERT DATA { GRAPH <urn:sextant:shapes> { :MemberShape "
                 "<http://www.w3.org/ns/shacl#targetSubjectsOf> :memberOf ; "
                 "<http://www.w3.org/ns/shacl#property> [ <http://www.w3.org/ns/shacl#path> :label ; "
                 "<http://www.w3.org/ns/shacl#minCount> 1 ] } }")
        with self.assertRaises(sextant.ConstraintViolation) as cm:
            self.db.update(shape)
        self.assertIn("Armenia", cm.exception.message)
        self.db.update('INSERT DATA { :Armenia :label "Armenia" }')
        self.db.update(shape)
        with self.assertRaises(sextant.ConstraintViolation) as cm:
            self.db.update("INSERT DATA { :Belarus :memberOf :CSTO }")
        self.assertIsInstance(cm.exception, sextant.Error)
        self.assertIn("Belarus", cm.exception.message)
        self.assertFalse(self.db.query("ASK { :Belarus :memberOf :CSTO }"))
        self.db.update('INSERT DATA { :Belarus :memberOf :CSTO ; :label "Belarus" }')

    def test_jsonld(self):
        path = os.path.join(self._dir.name, "doc.jsonld")
        with open(path, "w") as f:
            f.write('[{"@id": "http://e/x", "http://e/p": "v"},\n'
                    ' {"@id": 5, "http://e/p": "w"}]\n')
        with self.assertRaises(sextant.ParseError) as cm:
            self.db.load(path)
        self.assertEqual((cm.exception.line, cm.exception.column), (2, 3))
        self.assertFalse(self.db.query("ASK { <http://e/x> ?p ?o }"))
        text = '{"@context": {"e": "http://e/"}, "@id": "e:x", "@type": "e:C", "e:p": "v"}'
        with open(path, "w") as f:
            f.write(text)
        self.assertEqual(self.db.load(path), 2)
        self.assertEqual(self.db.load_string(text, "jsonld", graph="http://e/g"), 2)
        self.assertTrue(self.db.query("ASK { GRAPH <http://e/g> { <http://e/x> a <http://e/C> } }"))


class LifecycleTest(StoreCase):
    def test_second_writer_is_locked(self):
        with self.assertRaises(sextant.Locked):
            sextant.Database(self.path)

    def test_missing_store_without_create(self):
        with self.assertRaises(sextant.NotFound):
            sextant.Database(os.path.join(self._dir.name, "missing"), create=False)

    def test_a_file_is_not_a_store(self):
        path = os.path.join(self._dir.name, "file")
        with open(path, "w") as f:
            f.write("not a store")
        with self.assertRaises(sextant.Error) as cm:
            sextant.Database(path)
        self.assertNotEqual(cm.exception.message, "")

    def test_read_only_rejects_writes(self):
        self.db.close()
        with sextant.Database(self.path, read_only=True) as ro:
            self.assertTrue(ro.query("ASK { :Russia :memberOf :CSTO }"))
            with self.assertRaises(sextant.InvalidArgument):
                ro.update("CLEAR ALL")

    def test_use_after_close(self):
        self.db.close()
        with self.assertRaises(sextant.InvalidArgument):
            self.db.query("ASK {}")

    def test_result_keeps_store_open_after_close(self):
        result = self.db.query("SELECT ?s WHERE { ?s :memberOf :CSTO }")
        self.db.close()
        self.assertEqual(len(list(result)), 3)
        del result
        with sextant.Database(self.path) as again:
            self.assertTrue(again.query("ASK { :Russia :memberOf :CSTO }"))


SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?t ?h . ?i ?u ?j }"


class InterruptTest(StoreCase):
    def setUp(self):
        super().setUp()
        self.db.load_string("".join(f"<http://e/s{i}> <http://e/p> {i} .\n" for i in range(60)), "turtle")

    def test_interrupt_from_another_thread(self):
        timer = threading.Timer(0.1, self.db.interrupt)
        timer.start()
        start = time.monotonic()
        with self.assertRaises(sextant.Interrupted):
            list(self.db.query(SLOW))
        timer.join()
        self.assertLess(time.monotonic() - start, 20)
        self.assertTrue(self.db.query("ASK { <http://e/s1> ?p ?o }"))

    def test_timeout(self):
        self.db.timeout = 0.05
        with self.assertRaises(sextant.Timeout):
            list(self.db.query(SLOW))
        self.db.timeout = None
        self.assertEqual(next(self.db.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))[0].value, 68)  # the default graph is the union of all graphs


if __name__ == "__main__":
    unittest.main()
