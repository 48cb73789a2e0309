// sextant._native: the C API as Python objects. The Python package (sextant/*.py) builds the
// public classes on top; this layer only moves values across and turns error codes into the
// package's exceptions. The GIL is released while the store works, so other Python threads
// (one calling interrupt(), say) keep running.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sextant/sextant.h"

namespace py = pybind11;

namespace {

// A term crosses as (kind, value, datatype, language, direction, parts); kind is a
// sextant_term_kind, parts None or, for a triple term, a tuple of three such tuples.
using TermTuple = py::tuple;

// Raises the exception the Python package maps this thread's last error to.
[[noreturn]] void Raise(sextant_code code) {
  py::object make = py::module_::import("sextant._errors").attr("make_error");
  py::object exc = make(static_cast<int>(code), std::string(sextant_last_error_message()),
                        sextant_last_error_line(), sextant_last_error_column());
  PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(exc.ptr())), exc.ptr());
  throw py::error_already_set();
}

void Check(sextant_code code) {
  if (code != SEXTANT_OK) Raise(code);
}

// Runs a C call without the GIL, then raises on failure.
template <typename Call>
void Run(Call&& call) {
  sextant_code code;
  {
    py::gil_scoped_release release;
    code = call();
  }
  Check(code);
}

// Keeps the strings (and a triple term's parts) a sextant_term points to alive while the C
// call reads them.
struct InTerm {
  explicit InTerm(const TermTuple& t) {
    if (t.size() != 6) throw py::value_error("a native term is a 6-tuple");
    term.kind = static_cast<sextant_term_kind>(t[0].cast<int>());
    value = t[1].cast<std::string>();
    datatype = t[2].cast<std::string>();
    language = t[3].cast<std::string>();
    direction = t[4].cast<std::string>();
    term.value = value.c_str();
    term.value_len = value.size();
    term.datatype = datatype.c_str();
    term.language = language.c_str();
    term.direction = direction.c_str();
    if (!t[5].is_none()) {
      const auto parts = t[5].cast<py::tuple>();
      if (parts.size() != 3) throw py::value_error("a triple term has three parts");
      for (const auto& part : parts) nested.emplace_back(part.cast<py::tuple>());
      for (size_t i = 0; i < 3; ++i) part_terms[i] = nested[i].term;
      term.triple = part_terms;
    }
  }
  std::string value, datatype, language, direction;
  std::vector<InTerm> nested;
  sextant_term part_terms[3]{};
  sextant_term term{};
};

// A term as the tuple InTerm reads.
py::object OutTerm(const sextant_term& t) {
  if (t.kind == SEXTANT_TERM_UNBOUND) return py::none();
  py::object parts = py::none();
  if (t.kind == SEXTANT_TERM_TRIPLE && t.triple != nullptr) {
    parts = py::make_tuple(OutTerm(t.triple[0]), OutTerm(t.triple[1]), OutTerm(t.triple[2]));
  }
  return py::make_tuple(static_cast<int>(t.kind), py::str(t.value, t.value_len),
                        py::str(t.datatype), py::str(t.language), py::str(t.direction), parts);
}

const char* OrNull(const std::optional<std::string>& s) {
  return s ? s->c_str() : nullptr;
}

class Cursor {
 public:
  explicit Cursor(sextant_cursor* c) : c_(c) {}
  ~Cursor() { sextant_cursor_free(c_); }
  Cursor(const Cursor&) = delete;
  Cursor& operator=(const Cursor&) = delete;

  int form() const { return sextant_cursor_form(c_); }
  std::vector<std::string> columns() const {
    std::vector<std::string> out;
    for (size_t i = 0; i < sextant_cursor_column_count(c_); ++i)
      out.emplace_back(sextant_cursor_column_name(c_, i));
    return out;
  }
  // The next row as a tuple of term tuples (None for unbound), or None at the end.
  std::optional<py::tuple> next() {
    int has_row = 0;
    Run([&] { return sextant_cursor_next(c_, &has_row); });
    if (!has_row) return std::nullopt;
    size_t n = sextant_cursor_column_count(c_);
    py::tuple row(n);
    for (size_t i = 0; i < n; ++i) {
      sextant_term t;
      Check(sextant_cursor_term(c_, i, &t));
      row[i] = OutTerm(t);
    }
    return row;
  }
  bool boolean() {
    int value = 0;
    Run([&] { return sextant_cursor_boolean(c_, &value); });
    return value != 0;
  }

 private:
  sextant_cursor* c_;
};

class Prepared {
 public:
  explicit Prepared(sextant_prepared* p) : p_(p) {}
  ~Prepared() { sextant_prepared_free(p_); }
  Prepared(const Prepared&) = delete;
  Prepared& operator=(const Prepared&) = delete;

  void bind(const std::string& name, const TermTuple& value) {
    InTerm t(value);
    Check(sextant_bind(p_, name.c_str(), &t.term));
  }
  void clear() { Check(sextant_clear_bindings(p_)); }
  std::unique_ptr<Cursor> execute() {
    sextant_cursor* c = nullptr;
    Run([&] { return sextant_execute(p_, &c); });
    return std::make_unique<Cursor>(c);
  }

 private:
  sextant_prepared* p_;
};

class Txn {
 public:
  explicit Txn(sextant_txn* t) : t_(t) {}
  ~Txn() { sextant_txn_free(t_); }
  Txn(const Txn&) = delete;
  Txn& operator=(const Txn&) = delete;

  void insert(const TermTuple& s, const TermTuple& p, const TermTuple& o,
              const std::optional<TermTuple>& g) {
    Apply(s, p, o, g, sextant_txn_insert);
  }
  void remove(const TermTuple& s, const TermTuple& p, const TermTuple& o,
              const std::optional<TermTuple>& g) {
    Apply(s, p, o, g, sextant_txn_remove);
  }
  bool contains(const TermTuple& s, const TermTuple& p, const TermTuple& o,
                const std::optional<TermTuple>& g) {
    int found = 0;
    Apply(s, p, o, g,
          [&](sextant_txn* t, auto... terms) { return sextant_txn_contains(t, terms..., &found); });
    return found != 0;
  }
  void commit() {
    Run([&] { return sextant_txn_commit(t_); });
  }
  void rollback() { Check(sextant_txn_rollback(t_)); }

 private:
  template <typename Op>
  void Apply(const TermTuple& s, const TermTuple& p, const TermTuple& o,
             const std::optional<TermTuple>& g, Op op) {
    InTerm ts(s), tp(p), to(o);
    std::optional<InTerm> tg;
    if (g) tg.emplace(*g);
    Check(op(t_, &ts.term, &tp.term, &to.term, tg ? &tg->term : nullptr));
  }
  sextant_txn* t_;
};

class Db {
 public:
  Db(const std::string& path, unsigned flags) {
    Run([&] { return sextant_open(path.c_str(), flags, &db_); });
  }
  ~Db() { sextant_close(db_); }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  void close() {
    sextant_close(db_);
    db_ = nullptr;
  }
  void set_timeout(uint64_t ms) { Check(sextant_set_timeout(db_, ms)); }
  void interrupt() { Check(sextant_interrupt(db_)); }
  uint64_t load_file(const std::string& path, const std::optional<std::string>& format,
                     const std::optional<std::string>& graph) {
    uint64_t inserted = 0;
    Run([&] {
      return sextant_load_file(db_, path.c_str(), OrNull(format), OrNull(graph), &inserted);
    });
    return inserted;
  }
  uint64_t load_string(const std::string& text, const std::string& format,
                       const std::optional<std::string>& base,
                       const std::optional<std::string>& graph) {
    uint64_t inserted = 0;
    Run([&] {
      return sextant_load_string(db_, text.data(), text.size(), format.c_str(), OrNull(base),
                                 OrNull(graph), &inserted);
    });
    return inserted;
  }
  std::pair<uint64_t, uint64_t> update(const std::string& text) {
    uint64_t inserted = 0, deleted = 0;
    Run([&] { return sextant_update(db_, text.c_str(), &inserted, &deleted); });
    return {inserted, deleted};
  }
  std::unique_ptr<Cursor> query(const std::string& text) {
    sextant_cursor* c = nullptr;
    Run([&] { return sextant_query(db_, text.c_str(), &c); });
    return std::make_unique<Cursor>(c);
  }
  std::unique_ptr<Prepared> prepare(const std::string& text) {
    sextant_prepared* p = nullptr;
    Run([&] { return sextant_prepare(db_, text.c_str(), &p); });
    return std::make_unique<Prepared>(p);
  }
  std::unique_ptr<Txn> begin() {
    sextant_txn* t = nullptr;
    Run([&] { return sextant_begin(db_, &t); });
    return std::make_unique<Txn>(t);
  }

 private:
  sextant_db* db_ = nullptr;
};

}  // namespace

PYBIND11_MODULE(_native, m) {
  m.doc() = "The Sextant C API; use the classes of the sextant package instead.";
  m.attr("version") = sextant_version();
  m.attr("OPEN_READ_ONLY") = static_cast<int>(SEXTANT_OPEN_READ_ONLY);
  m.attr("OPEN_NO_CREATE") = static_cast<int>(SEXTANT_OPEN_NO_CREATE);
  m.def("code_name", [](int code) { return sextant_code_name(static_cast<sextant_code>(code)); });

  py::class_<Cursor>(m, "Cursor")
      .def("form", &Cursor::form)
      .def("columns", &Cursor::columns)
      .def("next", &Cursor::next)
      .def("boolean", &Cursor::boolean);
  py::class_<Prepared>(m, "Prepared")
      .def("bind", &Prepared::bind)
      .def("clear", &Prepared::clear)
      .def("execute", &Prepared::execute);
  py::class_<Txn>(m, "Txn")
      .def("insert", &Txn::insert)
      .def("remove", &Txn::remove)
      .def("contains", &Txn::contains)
      .def("commit", &Txn::commit)
      .def("rollback", &Txn::rollback);
  py::class_<Db>(m, "Db")
      .def(py::init<const std::string&, unsigned>())
      .def("close", &Db::close)
      .def("set_timeout", &Db::set_timeout)
      .def("interrupt", &Db::interrupt)
      .def("load_file", &Db::load_file)
      .def("load_string", &Db::load_string)
      .def("update", &Db::update)
      .def("query", &Db::query)
      .def("prepare", &Db::prepare)
      .def("begin", &Db::begin);
}
