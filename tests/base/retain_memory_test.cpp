#include <gtest/gtest.h>

#include <cstdlib>  // defines __GLIBC__ where glibc is the C library

#include "sextant/memory.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <cstdlib>
#include <cstring>

namespace sextant {
namespace {

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZER_ALLOCATOR 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(SANITIZER_ALLOCATOR)
constexpr bool kSanitizerAllocator = true;
#else
constexpr bool kSanitizerAllocator = false;
#endif

TEST(RetainFreedMemory, LargeBlocksComeFromTheHeap) {
#if defined(__GLIBC__)
  if (kSanitizerAllocator) {
    // The sanitizer's allocator ignores mallopt, and the function must say so.
    EXPECT_FALSE(RetainFreedMemory());
    return;
  }
  ASSERT_TRUE(RetainFreedMemory());
  // A 16 MiB block is above glibc's default mmap threshold, so without the setting it would be
  // a mapping of its own (counted in hblks).
  const size_t mapped_before = mallinfo2().hblks;
  void* block = std::malloc(16 << 20);
  ASSERT_NE(block, nullptr);
  std::memset(block, 1, 16 << 20);
  EXPECT_EQ(mallinfo2().hblks, mapped_before);
  std::free(block);
#else
  EXPECT_FALSE(RetainFreedMemory());
#endif
}

}  // namespace
}  // namespace sextant
