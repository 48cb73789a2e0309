LOAD SILENT <http://e/x> INTO GRAPH <g> ; CLEAR DEFAULT ; DROP NAMED ; CREATE GRAPH <h> ; ADD <a> TO DEFAULT ; MOVE DEFAULT TO <b> ; COPY <b> TO <c> ;
WITH <g> DELETE { ?s ?p ?o } INSERT { ?o ?p ?s } USING <u> USING NAMED <n> WHERE { ?s ?p ?o } ;
DELETE WHERE { ?s ?p ?o }