BASE <../../a/./b/../c?x#y>
INSERT DATA { <> <#p> <..> . <//host/p> <?q> <g;x=1/./../z> }