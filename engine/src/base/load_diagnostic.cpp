#include "sextant/loader.h"

namespace sextant {

std::string LoadDiagnostic::ToString() const {
  return (source.empty() ? std::string("<input>") : source) + ":" + std::to_string(line) + ":" +
         std::to_string(column) + ": " + message;
}

}  // namespace sextant
