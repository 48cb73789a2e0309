// Random byte flips in SST, MANIFEST and WAL files (docs/RELIABILITY.md, Corruption): opening
// or reading the store either reports corruption with exit code 4 or gives exactly the right
// answer; never a crash, never a silently wrong answer.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "api/database_impl.h"
#include "process.h"
#include "testutil/test_util.h"
#include "workload.h"

namespace sextant::reliability {
namespace {

namespace fs = std::filesystem;
using sextant::testing::TempDir;

constexpr int kTrialsPerKind = 30;

// A store with data in SST files (the loaded dataset, flushed) and in the WAL (later commits):
// the files as a crash leaves them. A clean close flushes the WAL's data into SST files, so the
// image is copied while the store is still open (nothing writes to it by then).
void BuildPristine(const std::string& path) {
  const std::string live = path + "-live";
  auto db = Database::Open(live);
  ASSERT_OK(db);
  LoadOptions lo;
  ASSERT_OK((*db)->LoadFile(
      (sextant::testing::SourceDir() / "datasets" / "csto-kazakhstan" / "csto-kazakhstan.trig")
          .string(),
      lo));
  auto* store = static_cast<DatabaseImpl&>(**db).store();
  ASSERT_TRUE(store->db()
                  ->Flush(rocksdb::FlushOptions(),
                          std::vector<rocksdb::ColumnFamilyHandle*>{
                              store->index(storage::IndexOrder::kSPOG)})
                  .ok());
  for (uint64_t n = 1; n <= 20; ++n) ASSERT_OK(CommitTransaction(**db, n));
  fs::copy(live, path, fs::copy_options::recursive);
}

std::vector<fs::path> FilesOfKind(const fs::path& dir, const std::string& kind) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    const bool match = kind == "sst"   ? e.path().extension() == ".sst"
                       : kind == "wal" ? e.path().extension() == ".log"
                                       : name.rfind("MANIFEST-", 0) == 0;
    if (match && fs::file_size(e.path()) > 0) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void FlipByte(const fs::path& file, uint64_t offset, uint8_t mask) {
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  f.seekg(static_cast<std::streamoff>(offset));
  char c = 0;
  f.read(&c, 1);
  c = static_cast<char>(c ^ mask);
  f.seekp(static_cast<std::streamoff>(offset));
  f.write(&c, 1);
}

class CorruptionTest : public ::testing::TestWithParam<std::string> {};

TEST_P(CorruptionTest, FlippedByteIsReportedOrHarmless) {
  const std::string kind = GetParam();
  TempDir dir;
  const std::string pristine = dir.Sub("pristine");
  BuildPristine(pristine);
  if (HasFatalFailure()) return;
  ASSERT_EQ(RunProcess({SextantBinary(), "dump", pristine, "--output", dir.Sub("expected.nq")}, "",
                       dir.Sub("err"))
                .exit_code,
            0);
  const std::string expected = sextant::testing::ReadFile(dir.Sub("expected.nq"));
  ASSERT_GT(expected.size(), 100'000u);
  ASSERT_FALSE(FilesOfKind(pristine, kind).empty()) << "no " << kind << " file in the store";

  const uint64_t seed = std::random_device{}();
  std::printf("random seed %llu\n", static_cast<unsigned long long>(seed));
  std::mt19937_64 rng(seed);
  int reported = 0;
  for (int trial = 0; trial < kTrialsPerKind; ++trial) {
    const std::string copy = dir.Sub("trial-" + std::to_string(trial));
    fs::copy(pristine, copy, fs::copy_options::recursive);
    const auto files = FilesOfKind(copy, kind);
    const fs::path victim = files[rng() % files.size()];
    const uint64_t offset = rng() % fs::file_size(victim);
    FlipByte(victim, offset, static_cast<uint8_t>(1u << (rng() % 8)));
    const std::string where = victim.filename().string() + " byte " + std::to_string(offset);

    const auto dump = RunProcess({SextantBinary(), "dump", copy, "--output", dir.Sub("got.nq")}, "",
                                 dir.Sub("dump.err"));
    const std::string err = sextant::testing::ReadFile(dir.Sub("dump.err"));
    ASSERT_GE(dump.exit_code, 0) << where << ": dump died with signal " << dump.signal;
    if (dump.exit_code == 0) {
      EXPECT_TRUE(sextant::testing::ReadFile(dir.Sub("got.nq")) == expected)
          << where << ": a silently wrong answer";
    } else {
      EXPECT_EQ(dump.exit_code, 4) << where << ": " << err;
      EXPECT_NE(err.find("orrupt"), std::string::npos) << where << ": " << err;
      ++reported;
    }
    const auto check =
        RunProcess({SextantBinary(), "check", copy, "--quiet"}, "", dir.Sub("check.err"));
    ASSERT_GE(check.exit_code, 0) << where << ": check died with signal " << check.signal;
    EXPECT_TRUE(check.exit_code == 0 || check.exit_code == 4)
        << where << ": " << sextant::testing::ReadFile(dir.Sub("check.err"));
    if (dump.exit_code == 4) {
      EXPECT_EQ(check.exit_code, 4) << where << ": dump saw corruption that check missed";
    }
    fs::remove_all(copy);
  }
  std::printf("%s: %d of %d flips reported as corruption, the rest read back exactly\n",
              kind.c_str(), reported, kTrialsPerKind);
}

INSTANTIATE_TEST_SUITE_P(FileKinds, CorruptionTest, ::testing::Values("sst", "manifest", "wal"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace sextant::reliability
