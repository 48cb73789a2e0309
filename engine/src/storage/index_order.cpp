#include "storage/index_order.h"

namespace sextant::storage {

ScanPlan ChooseIndex(const IdQuad& p) {
  const bool s = p[kS] != kNoId, pr = p[kP] != kNoId, o = p[kO] != kNoId;
  const bool named_g = p[kG] != kNoId && p[kG] != kDefaultGraphId;
  const bool default_g = p[kG] == kDefaultGraphId;
  if (named_g) {
    if (s && pr && o) return {IndexOrder::kGSPO, 4, false};
    if (s && pr) return {IndexOrder::kGSPO, 3, false};
    if (s && o) return {IndexOrder::kGOSP, 3, false};
    if (pr && o) return {IndexOrder::kGPOS, 3, false};
    if (s) return {IndexOrder::kGSPO, 2, false};
    if (pr) return {IndexOrder::kGPOS, 2, false};
    if (o) return {IndexOrder::kGOSP, 2, false};
    return {IndexOrder::kGSPO, 1, false};
  }
  ScanPlan plan{};
  if (s && pr && o) {
    plan = {IndexOrder::kSPOG, default_g ? 4 : 3, false};
  } else if (s && pr) {
    plan = {IndexOrder::kSPOG, 2, default_g};
  } else if (s && o) {
    plan = {IndexOrder::kOSPG, 2, default_g};
  } else if (pr && o) {
    plan = {IndexOrder::kPOSG, 2, default_g};
  } else if (s) {
    plan = {IndexOrder::kSPOG, 1, default_g};
  } else if (pr) {
    plan = {IndexOrder::kPOSG, 1, default_g};
  } else if (o) {
    plan = {IndexOrder::kOSPG, 1, default_g};
  } else {
    plan = {IndexOrder::kSPOG, 0, default_g};
  }
  return plan;
}

}  // namespace sextant::storage
