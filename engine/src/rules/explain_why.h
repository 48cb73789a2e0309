// EXPLAIN WHY: one derivation of a triple, found top-down from the rules that could have
// derived it, down to asserted facts and the graphs asserting them.
#pragma once

#include "rules/rule_program.h"
#include "sextant/rules.h"
#include "storage/store.h"

namespace sextant::rules {

Result<Explanation> Explain(storage::Store* store, const RuleProgram* program, const Term& subject,
                            const Term& predicate, const Term& object);

}  // namespace sextant::rules
