// Process-wide allocator setting for programs that run many queries.
#pragma once

#include "sextant/export.h"

namespace sextant {

// Query operators allocate and free large buffers (hash tables, sorted runs, result batches)
// on every query. With glibc's defaults each one is a fresh mmap whose pages fault in again on
// the next query: on LUBM(10) Q9 the page faults took a third of the query's time. This keeps
// freed memory in the process for the next query instead (blocks up to 32 MiB come from the
// heap, and up to 512 MiB of free heap is kept). It changes the whole process's allocator, so
// the library never calls it by itself: a server or benchmark calls it once at start-up (the
// `sextant` executable does). Returns false where the allocator has no such settings (another
// libc, or a sanitizer's allocator).
SEXTANT_API bool RetainFreedMemory();

}  // namespace sextant
