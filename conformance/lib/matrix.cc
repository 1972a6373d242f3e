#include "conformance/lib/matrix.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "conformance/lib/report_common.h"

namespace tokcheck::conformance {

bool MatrixRow::uniform() const {
  for (const auto& o : outcomes) {
    if (o != outcomes.front()) return false;
  }
  return true;
}

bool MatrixRow::all_pass() const { return uniform() && !outcomes.empty() && outcomes[0] == "PASS"; }

Matrix build_matrix(const std::vector<RunReport>& runs) {
  Matrix m;
  if (runs.empty()) return m;
  for (std::size_t i = 0; i < runs.size(); ++i)
    m.implementations.push_back(implementation_label(runs, i));

  // Outcome of every case id per run; the order of cases is the first run's,
  // then any a later run has that earlier ones lack.
  std::vector<std::unordered_map<std::string, std::string>> outcome(runs.size());
  std::vector<std::pair<std::string, std::string>> order;  // (id, file)
  std::unordered_map<std::string, bool> seen;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    for (const CaseRecord& c : runs[i].cases) {
      outcome[i][c.id] = outcome_name(c);
      if (!seen[c.id]) {
        seen[c.id] = true;
        order.emplace_back(c.id, c.file);
      }
    }
  }

  // (group, signature) → row index; rows appear where their first case does.
  std::map<std::pair<std::string, std::vector<std::string>>, std::size_t> index;
  std::map<std::string, std::size_t> group_rank;
  for (const auto& [id, file] : order) {
    group_rank.emplace(file, group_rank.size());
    std::vector<std::string> signature;
    for (std::size_t i = 0; i < runs.size(); ++i) {
      const auto it = outcome[i].find(id);
      signature.push_back(it == outcome[i].end() ? "MISSING" : it->second);
    }
    auto [it, fresh] = index.try_emplace({file, signature}, m.rows.size());
    if (fresh) m.rows.push_back({file, signature, {}});
    m.rows[it->second].case_ids.push_back(id);
  }
  // Rows of one group together, in vector order (a later run's extra case can
  // otherwise open a row of an earlier group at the end).
  std::stable_sort(m.rows.begin(), m.rows.end(), [&](const MatrixRow& a, const MatrixRow& b) {
    return group_rank[a.group] < group_rank[b.group];
  });
  return m;
}

}  // namespace tokcheck::conformance
