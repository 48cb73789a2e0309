#include "capi_fixture.h"

#include <cstring>
#include <random>

namespace sextant_capi_test {

void StoreTest::SetUp() {
  std::random_device rd;
  dir_ = std::filesystem::temp_directory_path() / ("sextant-capi-" + std::to_string(rd()));
  std::filesystem::create_directories(dir_);
  ASSERT_C_OK(sextant_open(Path("db").c_str(), 0, &db_));
}

void StoreTest::TearDown() {
  sextant_close(db_);
  std::filesystem::remove_all(dir_);
}

void StoreTest::LoadData() {
  uint64_t inserted = 0;
  ASSERT_C_OK(sextant_load_string(db_, kData, strlen(kData), "trig", nullptr, nullptr, &inserted));
  ASSERT_EQ(inserted, 8u);
}

std::string StoreTest::Show(const sextant_term& t) {
  std::string value(t.value, t.value_len);
  switch (t.kind) {
    case SEXTANT_TERM_IRI: return "<" + value + ">";
    case SEXTANT_TERM_BLANK: return "_:" + value;
    case SEXTANT_TERM_LITERAL:
      if (*t.language && *t.direction) {
        return "\"" + value + "\"@" + t.language + "--" + t.direction;
      }
      if (*t.language) return "\"" + value + "\"@" + t.language;
      return "\"" + value + "\"^^" + t.datatype;
    case SEXTANT_TERM_TRIPLE:
      return "<< " + Show(t.triple[0]) + " " + Show(t.triple[1]) + " " + Show(t.triple[2]) + " >>";
    default: return "-";  // unbound
  }
}

std::vector<std::string> StoreTest::Drain(sextant_cursor* cursor, sextant_code* final_code) {
  std::vector<std::string> rows;
  int has_row = 0;
  sextant_code code;
  while ((code = sextant_cursor_next(cursor, &has_row)) == SEXTANT_OK && has_row) {
    std::string line;
    for (size_t i = 0; i < sextant_cursor_column_count(cursor); ++i) {
      sextant_term t;
      EXPECT_C_OK(sextant_cursor_term(cursor, i, &t));
      line += (i ? "|" : "") + Show(t);
    }
    rows.push_back(line);
  }
  if (final_code) {
    *final_code = code;
  } else {
    EXPECT_EQ(code, SEXTANT_OK) << sextant_last_error_message();
  }
  return rows;
}

std::vector<std::string> StoreTest::Rows(const char* sparql) {
  sextant_cursor* cursor = nullptr;
  EXPECT_EQ(sextant_query(db_, sparql, &cursor), SEXTANT_OK) << sextant_last_error_message();
  if (!cursor) return {};
  auto rows = Drain(cursor);
  sextant_cursor_free(cursor);
  return rows;
}

}  // namespace sextant_capi_test
