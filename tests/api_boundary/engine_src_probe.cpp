// Must not compile: an engine-internal header seen from the shell or the server (see
// CMakeLists.txt here).
#include "sextant/database.h"  // the public headers are there
#include "storage/store.h"
