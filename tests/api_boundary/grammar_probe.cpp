// Must not compile: the grammar's internal headers seen from the shell or the server (see
// CMakeLists.txt here). The server's own header must be found before the compiler stops at the
// grammar's, so the order is kept as written.
// clang-format off
#include "server/server.h"
#include "grammar/ast.h"
// clang-format on
