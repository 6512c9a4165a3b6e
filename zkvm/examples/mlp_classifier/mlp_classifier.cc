// Verifiable AI: an int8 multilayer perceptron that classifies an 8x8 digit
// image. The image is the private input; the class is the public output, so a
// proof shows "this model says 3 for some image" without revealing the image.
//
// The model (64 -> 16 -> 10, ReLU, int8 weights, int32 accumulators) lives in
// the binary. Its weights are produced at compile time by make_model() below,
// not committed as data: hidden units 0..9 are matched filters for the digit
// glyphs (+2 on a glyph pixel, -2 off it, bias -127 per glyph pixel), hidden
// units 10..15 are small pseudo-random features (splitmix64, fixed seed), and
// the output layer rewards its own digit's filter and inhibits the others.
//
// Private input: a PGM image, 8x8, maxval 255, binary (P5) or text (P2).
// Public output: "class <d>\n". The scores go to the debug log.
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "baobab/guest.h"

namespace {

constexpr int kPixels = 64;
constexpr int kHidden = 16;
constexpr int kClasses = 10;
constexpr int kHiddenShift = 5;  // requantisation of hidden activations to [0, 127]

// 8x8 digit glyphs, '#' = ink.
constexpr const char* kGlyphs[kClasses][8] = {
    {"..####..", ".##..##.", ".##..##.", ".##..##.", ".##..##.", ".##..##.", "..####..",
     "........"},
    {"...##...", "..###...", "...##...", "...##...", "...##...", "...##...", "..####..",
     "........"},
    {"..####..", ".##..##.", ".....##.", "....##..", "...##...", "..##....", ".######.",
     "........"},
    {"..####..", ".##..##.", ".....##.", "...###..", ".....##.", ".##..##.", "..####..",
     "........"},
    {"....##..", "...###..", "..####..", ".##.##..", ".######.", "....##..", "....##..",
     "........"},
    {".######.", ".##.....", ".#####..", ".....##.", ".....##.", ".##..##.", "..####..",
     "........"},
    {"..####..", ".##.....", ".#####..", ".##..##.", ".##..##.", ".##..##.", "..####..",
     "........"},
    {".######.", ".....##.", "....##..", "...##...", "..##....", "..##....", "..##....",
     "........"},
    {"..####..", ".##..##.", ".##..##.", "..####..", ".##..##.", ".##..##.", "..####..",
     "........"},
    {"..####..", ".##..##.", ".##..##.", "..#####.", ".....##.", "....##..", "..###...",
     "........"},
};

struct Model {
  int8_t w1[kHidden][kPixels];
  int32_t b1[kHidden];
  int8_t w2[kClasses][kHidden];
  int32_t b2[kClasses];
};

constexpr uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

// A pseudo-random weight in [-1, 1].
constexpr int8_t small_weight(uint64_t& state) {
  return static_cast<int8_t>(static_cast<int>(splitmix64(state) % 3) - 1);
}

constexpr Model make_model() {
  Model m{};
  uint64_t rng = 0xba0bab5eedull;
  for (int d = 0; d < kClasses; ++d) {
    int ink = 0;
    for (int p = 0; p < kPixels; ++p) {
      bool on = kGlyphs[d][p / 8][p % 8] == '#';
      m.w1[d][p] = on ? 2 : -2;
      ink += on ? 1 : 0;
    }
    m.b1[d] = -127 * ink;
  }
  for (int h = kClasses; h < kHidden; ++h) {
    for (int p = 0; p < kPixels; ++p) m.w1[h][p] = small_weight(rng);
  }
  for (int c = 0; c < kClasses; ++c) {
    for (int h = 0; h < kHidden; ++h) {
      m.w2[c][h] = h == c ? 32 : h < kClasses ? -4 : small_weight(rng);
    }
  }
  return m;
}

// Evaluated by the compiler: the weights sit in .rodata of the ELF, so they
// are part of the program id.
constexpr Model kModel = make_model();

// --- PGM parsing -------------------------------------------------------------

struct Reader {
  const uint8_t* p;
  const uint8_t* end;
};

bool is_space(uint8_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Skips whitespace and '#' comments, then reads a decimal number.
bool read_number(Reader& r, int& value) {
  while (r.p < r.end && (is_space(*r.p) || *r.p == '#')) {
    if (*r.p == '#') {
      while (r.p < r.end && *r.p != '\n') ++r.p;
    } else {
      ++r.p;
    }
  }
  if (r.p == r.end || *r.p < '0' || *r.p > '9') return false;
  value = 0;
  while (r.p < r.end && *r.p >= '0' && *r.p <= '9' && value < 100000)
    value = value * 10 + (*r.p++ - '0');
  return true;
}

bool parse_pgm(const uint8_t* data, size_t size, uint8_t pixels[kPixels]) {
  if (size < 2 || data[0] != 'P' || (data[1] != '2' && data[1] != '5')) return false;
  bool binary = data[1] == '5';
  Reader r{data + 2, data + size};
  int width = 0, height = 0, maxval = 0;
  if (!read_number(r, width) || !read_number(r, height) || !read_number(r, maxval)) return false;
  if (width != 8 || height != 8 || maxval != 255) return false;
  if (binary) {
    ++r.p;  // exactly one whitespace byte before the raster
    if (r.end - r.p < kPixels) return false;
    memcpy(pixels, r.p, kPixels);
    return true;
  }
  for (int i = 0; i < kPixels; ++i) {
    int v = 0;
    if (!read_number(r, v) || v > 255) return false;
    pixels[i] = static_cast<uint8_t>(v);
  }
  return true;
}

// --- Inference ---------------------------------------------------------------

int classify(const uint8_t pixels[kPixels], int32_t scores[kClasses]) {
  int8_t x[kPixels];
  for (int p = 0; p < kPixels; ++p) x[p] = static_cast<int8_t>(pixels[p] >> 1);

  int8_t hidden[kHidden];
  for (int h = 0; h < kHidden; ++h) {
    int32_t acc = kModel.b1[h];
    for (int p = 0; p < kPixels; ++p) acc += int32_t{kModel.w1[h][p]} * x[p];
    acc >>= kHiddenShift;                                                  // arithmetic shift
    hidden[h] = static_cast<int8_t>(acc < 0 ? 0 : acc > 127 ? 127 : acc);  // ReLU, saturate
  }

  int best = 0;
  for (int c = 0; c < kClasses; ++c) {
    int32_t acc = kModel.b2[c];
    for (int h = 0; h < kHidden; ++h) acc += int32_t{kModel.w2[c][h]} * hidden[h];
    scores[c] = acc;
    if (acc > scores[best]) best = c;
  }
  return best;
}

}  // namespace

int main() {
  uint8_t* image;
  size_t size = baobab_read_private(&image);
  uint8_t pixels[kPixels];
  if (!parse_pgm(image, size, pixels)) {
    fprintf(stderr, "mlp_classifier: private input must be an 8x8 PGM (P2 or P5, maxval 255)\n");
    return 1;
  }
  int32_t scores[kClasses];
  int digit = classify(pixels, scores);
  fprintf(stderr, "scores:");
  for (int c = 0; c < kClasses; ++c) fprintf(stderr, " %ld", static_cast<long>(scores[c]));
  fprintf(stderr, "\n");
  printf("class %d\n", digit);
  return 0;
}
