#include <cstdlib>  // defines __GLIBC__ where glibc is the C library

#include "sextant/memory.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace sextant {

bool RetainFreedMemory() {
#if defined(__GLIBC__)
  constexpr int kMmapThreshold = 32 << 20;  // glibc's maximum on 64-bit systems
  constexpr int kTrimThreshold = 512 << 20;
  // Setting the thresholds explicitly also stops glibc's own dynamic adjustment of them.
  return mallopt(M_MMAP_THRESHOLD, kMmapThreshold) == 1 &&
         mallopt(M_TRIM_THRESHOLD, kTrimThreshold) == 1;
#else
  return false;
#endif
}

}  // namespace sextant
