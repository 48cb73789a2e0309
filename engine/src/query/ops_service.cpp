#include "query/ops_service.h"

#include <map>
#include <set>

namespace sextant::query {

ServiceOp::ServiceOp(OperatorPtr input, ServiceSpec spec, ServiceClient* client, TermTable* terms)
    : Operator(input->control(), input->width()),
      input_(std::move(input)),
      spec_(std::move(spec)),
      client_(client),
      terms_(terms),
      in_(width()) {}

std::string ServiceOp::Describe() const {
  std::string vars;
  for (const auto& [name, slot] : spec_.join_variables) vars += " ?" + name;
  std::string out = spec_.left_join ? "OptionalService" : "Service";
  if (spec_.silent) out += " SILENT";
  out += spec_.endpoint_slot >= 0 ? " (endpoint from a variable)" : " <" + spec_.endpoint + ">";
  out += spec_.join_variables.empty()
             ? " (one request)"
             : " bind join on" + vars + ", " + std::to_string(client_->batch_size()) +
                   " solutions per request";
  return out;
}

std::string ServiceOp::AnalyzeNote() const {
  return std::to_string(requests_) + " requests, " + std::to_string(remote_rows_) + " remote rows" +
         (failures_ > 0 ? ", " + std::to_string(failures_) + " failed (SILENT)" : "");
}

Result<std::string> ServiceOp::ValuesBlock(const std::vector<const TermId*>& rows) {
  std::set<std::vector<std::string>> tuples;
  for (const TermId* row : rows) {
    std::vector<std::string> tuple;
    for (const auto& [name, slot] : spec_.join_variables) {
      const TermId id = row[slot];
      std::string text = "UNDEF";
      if (id != kNoId) {
        SEXTANT_ASSIGN_OR_RETURN(const Term* term, terms_->Decode(id));
        // Blank nodes cannot be sent; the local join still checks them.
        if (!term->is_blank()) text = term->ToNTriples();
      }
      tuple.push_back(std::move(text));
    }
    tuples.insert(std::move(tuple));
  }
  std::string out = "\nVALUES (";
  for (const auto& [name, slot] : spec_.join_variables) out += " ?" + name;
  out += " ) {";
  for (const auto& tuple : tuples) {
    out += "\n  (";
    for (const auto& t : tuple) out += " " + t;
    out += " )";
  }
  out += "\n}\n";
  return out;
}

bool ServiceOp::Call(const std::string& endpoint, const std::vector<const TermId*>& rows) {
  std::string query = spec_.query;
  if (!spec_.join_variables.empty()) {
    auto values = ValuesBlock(rows);
    if (!values.ok()) {
      control_->status = values.status();
      return false;
    }
    query += *values;
  }
  ++requests_;
  auto answer = client_->Select(endpoint, query, *control_);
  if (!answer.ok()) {
    // An interrupt or a timeout of the whole query is never hidden by SILENT.
    const StatusCode code = answer.status().code();
    if (!spec_.silent || code == StatusCode::kInterrupted || !control_->Check()) {
      control_->status = answer.status();
      return false;
    }
    // SILENT: the service counts as one empty solution, which joins with every input row.
    ++failures_;
    for (const TermId* row : rows) pending_.emplace_back(row, row + width());
    return true;
  }
  remote_rows_ += answer->rows.size();
  if (!control_->Reserve(answer->rows.size(), width())) return false;
  // Remote variables to slots; variables outside the pattern are not ours to bind.
  std::vector<std::pair<size_t, int>> columns;
  std::map<std::string, int> slot_of(spec_.variables.begin(), spec_.variables.end());
  for (size_t i = 0; i < answer->variables.size(); ++i) {
    auto it = slot_of.find(answer->variables[i]);
    if (it != slot_of.end()) columns.emplace_back(i, it->second);
  }
  std::vector<std::vector<std::pair<int, TermId>>> remote;
  remote.reserve(answer->rows.size());
  for (const auto& r : answer->rows) {
    std::vector<std::pair<int, TermId>> bound;
    for (const auto& [column, slot] : columns) {
      if (r[column]) bound.emplace_back(slot, terms_->Intern(*r[column]));
    }
    remote.push_back(std::move(bound));
  }
  for (const TermId* row : rows) {
    const size_t before = pending_.size();
    for (const auto& bound : remote) {
      bool compatible = true;
      for (const auto& [slot, id] : bound) {
        if (row[slot] != kNoId && row[slot] != id) {
          compatible = false;
          break;
        }
      }
      if (!compatible) continue;
      std::vector<TermId> merged(row, row + width());
      for (const auto& [slot, id] : bound) merged[static_cast<size_t>(slot)] = id;
      pending_.push_back(std::move(merged));
    }
    if (spec_.left_join && pending_.size() == before) pending_.emplace_back(row, row + width());
    if (!control_->Check()) return false;
  }
  control_->Release(answer->rows.size(), width());
  return true;
}

bool ServiceOp::Refill() {
  // One batch of input rows, split into requests of batch_size() rows per endpoint.
  while (pending_.empty() && !input_done_) {
    if (!input_->Next(in_)) {
      input_done_ = true;
      if (!control_->status.ok()) return false;
      break;
    }
    std::map<std::string, std::vector<const TermId*>> by_endpoint;
    for (size_t i = 0; i < in_.size(); ++i) {
      const TermId* row = in_.row(i);
      std::string endpoint = spec_.endpoint;
      if (spec_.endpoint_slot >= 0) {
        const TermId id = row[spec_.endpoint_slot];
        const Term* term = nullptr;
        if (id != kNoId) {
          auto decoded = terms_->Decode(id);
          if (decoded.ok()) term = *decoded;
        }
        if (term == nullptr || !term->is_iri()) {
          if (spec_.silent) {
            pending_.emplace_back(row, row + width());
            continue;
          }
          control_->status = Status::InvalidArgument(
              "SERVICE ?var: the variable must be bound to an endpoint IRI");
          return false;
        }
        endpoint = term->value();
      }
      by_endpoint[endpoint].push_back(row);
    }
    const size_t batch = std::max<size_t>(1, client_->batch_size());
    for (const auto& [endpoint, rows] : by_endpoint) {
      for (size_t start = 0; start < rows.size(); start += batch) {
        const size_t end = std::min(rows.size(), start + batch);
        std::vector<const TermId*> part(rows.begin() + static_cast<std::ptrdiff_t>(start),
                                        rows.begin() + static_cast<std::ptrdiff_t>(end));
        if (!Call(endpoint, part)) return false;
      }
    }
  }
  return true;
}

bool ServiceOp::DoNext(RowBatch& out) {
  while (!out.full()) {
    if (pending_.empty() && !Refill()) return false;
    if (pending_.empty()) return false;
    out.Add(pending_.front().data());
    pending_.pop_front();
  }
  return true;
}

}  // namespace sextant::query
