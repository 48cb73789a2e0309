// MD5, SHA1, SHA256, SHA384 and SHA512 (SPARQL 17.4.6) through OpenSSL's EVP digests; results
// are lowercase hex.
#include <openssl/evp.h>

#include "query/functions.h"

namespace sextant::query {

using ast::Builtin;

namespace {

std::string DigestHex(const EVP_MD* md, std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &size, md, nullptr) != 1) return {};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * static_cast<size_t>(size));
  for (unsigned int i = 0; i < size; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xf];
  }
  return out;
}

template <const EVP_MD* (*Md)()>
Value HashFn(std::vector<Value>& a, const CompiledExpr&, EvalContext&) {
  if (!a[0].is_simple()) return Value::Error();  // simple literal or xsd:string only
  std::string hex = DigestHex(Md(), a[0].str);
  return hex.empty() ? Value::Error() : Value::String(std::move(hex));
}

}  // namespace

BuiltinFn HashFunction(Builtin b) {
  switch (b) {
    case Builtin::kMd5: return HashFn<EVP_md5>;
    case Builtin::kSha1: return HashFn<EVP_sha1>;
    case Builtin::kSha256: return HashFn<EVP_sha256>;
    case Builtin::kSha384: return HashFn<EVP_sha384>;
    case Builtin::kSha512: return HashFn<EVP_sha512>;
    default: return nullptr;
  }
}

}  // namespace sextant::query
