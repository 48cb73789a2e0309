#include "results/text_width.h"

#include <cstdint>
#include <vector>

#include "sextant/utf8.h"

namespace sextant::results {
namespace {

struct Range {
  char32_t lo, hi;
};

// Combining marks and zero-width format characters (general categories Mn, Me, Cf) in the
// blocks where text in this store's languages (Latin, Cyrillic, CJK, Arabic, Indic) uses them.
constexpr Range kZeroWidth[] = {
    {0x0300, 0x036F},   {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF}, {0x05C1, 0x05C2},
    {0x05C4, 0x05C5},   {0x05C7, 0x05C7}, {0x0610, 0x061A}, {0x064B, 0x065F}, {0x0670, 0x0670},
    {0x06D6, 0x06DC},   {0x06DF, 0x06E4}, {0x06E7, 0x06E8}, {0x06EA, 0x06ED}, {0x0900, 0x0902},
    {0x093A, 0x093A},   {0x093C, 0x093C}, {0x0941, 0x0948}, {0x094D, 0x094D}, {0x0951, 0x0957},
    {0x0962, 0x0963},   {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF},
    {0x1DC0, 0x1DFF},   {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064}, {0x20D0, 0x20FF},
    {0x302A, 0x302D},   {0x3099, 0x309A}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF},
    {0xE0100, 0xE01EF},
};

// East Asian Wide (W) and Fullwidth (F) ranges.
constexpr Range kWide[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},
    {0x23F0, 0x23F0},   {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},
    {0x2648, 0x2653},   {0x267F, 0x267F},   {0x2693, 0x2693},   {0x26A1, 0x26A1},
    {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},   {0x26CE, 0x26CE},
    {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
    {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},
    {0x2728, 0x2728},   {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},
    {0x2757, 0x2757},   {0x2795, 0x2797},   {0x27B0, 0x27B0},   {0x27BF, 0x27BF},
    {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},   {0x2E80, 0x303E},
    {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
    {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},
    {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x16FE0, 0x16FE4},
    {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF},
    {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F251}, {0x1F300, 0x1F64F},
    {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF},
    {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

template <size_t N>
bool InRanges(const Range (&ranges)[N], char32_t c) {
  size_t lo = 0, hi = N;
  while (lo < hi) {
    const size_t mid = (lo + hi) / 2;
    if (c < ranges[mid].lo) {
      hi = mid;
    } else if (c > ranges[mid].hi) {
      lo = mid + 1;
    } else {
      return true;
    }
  }
  return false;
}

size_t CharWidth(char32_t c) {
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0;
  if (InRanges(kZeroWidth, c)) return 0;
  if (InRanges(kWide, c)) return 2;
  return 1;
}

}  // namespace

size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size();) {
    size_t len = 1;
    const char32_t c = DecodeUtf8At(text, i, &len);
    width += (len == 1 && static_cast<uint8_t>(text[i]) >= 0x80) ? 1 : CharWidth(c);
    i += len;
  }
  return width;
}

std::string TruncateToWidth(std::string_view text, size_t width) {
  if (width == 0 || DisplayWidth(text) <= width) return std::string(text);
  // Leave one column for the ellipsis.
  const size_t budget = width - 1;
  size_t used = 0, i = 0;
  while (i < text.size()) {
    size_t len = 1;
    const char32_t c = DecodeUtf8At(text, i, &len);
    const size_t w = (len == 1 && static_cast<uint8_t>(text[i]) >= 0x80) ? 1 : CharWidth(c);
    if (used + w > budget) break;
    used += w;
    i += len;
  }
  // Keep combining marks that belong to the last kept character.
  while (i < text.size()) {
    size_t len = 1;
    const char32_t c = DecodeUtf8At(text, i, &len);
    if (len == 1 || CharWidth(c) != 0) break;
    i += len;
  }
  return std::string(text.substr(0, i)) + "\u2026";
}

std::string TruncateMiddle(std::string_view text, size_t width) {
  if (width < 5 || DisplayWidth(text) <= width) return TruncateToWidth(text, width);
  struct Char {
    size_t offset, len, width;
  };
  std::vector<Char> chars;
  for (size_t i = 0; i < text.size();) {
    size_t len = 1;
    const char32_t c = DecodeUtf8At(text, i, &len);
    chars.push_back(
        {i, len, (len == 1 && static_cast<uint8_t>(text[i]) >= 0x80) ? 1 : CharWidth(c)});
    i += len;
  }
  const size_t budget = width - 1;
  const size_t head_budget = (budget + 1) / 2;
  size_t head = 0, used = 0;
  while (head < chars.size() && used + chars[head].width <= head_budget) {
    used += chars[head++].width;
  }
  size_t tail = chars.size();
  while (tail > head && used + chars[tail - 1].width <= budget) used += chars[--tail].width;
  // A combining mark must not start the tail: it would attach to the ellipsis.
  while (tail < chars.size() && chars[tail].width == 0) ++tail;
  const size_t head_end = head < chars.size() ? chars[head].offset : text.size();
  const size_t tail_start = tail < chars.size() ? chars[tail].offset : text.size();
  return std::string(text.substr(0, head_end)) + "\u2026" + std::string(text.substr(tail_start));
}

std::string EscapeControls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    switch (ch) {
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<uint8_t>(ch) < 0x20 || ch == 0x7F) {
          static constexpr char kHex[] = "0123456789abcdef";
          out += "\\x";
          out += kHex[(static_cast<uint8_t>(ch) >> 4) & 0xF];
          out += kHex[static_cast<uint8_t>(ch) & 0xF];
        } else {
          out += ch;
        }
    }
  }
  return out;
}

}  // namespace sextant::results
