// Verifiable finance: historical-simulation value-at-risk of a private
// portfolio. A fund proves that its one-day 95% VaR is within a public limit
// without revealing its positions.
//
// Public input (text, '#' starts a comment):
//   <assets> <scenarios> <limit in cents>
//   then <scenarios> rows of <assets> daily returns in basis points
// Private input (text): <assets> rows of "<quantity> <price in cents>"
// Public output: the VaR, the limit and the verdict (values in currency units
// with two decimals).
//
// All arithmetic is fixed point in int64: position values in cents, returns in
// basis points, scenario P&L = trunc(sum(value * return) / 10000) cents. The
// VaR is the loss at the 5% quantile: sort the scenario P&Ls ascending and take
// minus the one at index floor(scenarios * 5 / 100), or zero if that is a gain.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "baobab/guest.h"

enum { kMaxAssets = 64, kMaxScenarios = 10000 };

typedef struct {
  const char* p;
} Tokens;

// Reads the next integer, skipping whitespace and '#' comments.
static int next_int(Tokens* t, int64_t* value) {
  for (;;) {
    while (*t->p == ' ' || *t->p == '\t' || *t->p == '\n' || *t->p == '\r') ++t->p;
    if (*t->p != '#') break;
    while (*t->p != '\0' && *t->p != '\n') ++t->p;
  }
  char* end;
  long long v = strtoll(t->p, &end, 10);
  if (end == t->p) return 0;
  t->p = end;
  *value = v;
  return 1;
}

static int compare_int64(const void* a, const void* b) {
  int64_t x = *(const int64_t*)a;
  int64_t y = *(const int64_t*)b;
  return (x > y) - (x < y);
}

// Prints cents as [-]units.cc.
static void print_money(const char* label, int64_t cents) {
  uint64_t magnitude = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
  char digits[24];
  int n = 0;
  uint64_t units = magnitude / 100;
  do {
    digits[n++] = (char)('0' + units % 10);
    units /= 10;
  } while (units != 0);
  printf("%s %s", label, cents < 0 ? "-" : "");
  while (n > 0) putchar(digits[--n]);
  printf(".%02u\n", (unsigned)(magnitude % 100));
}

static int fail(const char* message) {
  fprintf(stderr, "portfolio_var: %s\n", message);
  return 1;
}

int main(void) {
  uint8_t* public_input;
  uint8_t* private_input;
  baobab_read_public(&public_input);
  baobab_read_private(&private_input);

  Tokens pub = {(const char*)public_input};
  int64_t assets, scenarios, limit;
  if (!next_int(&pub, &assets) || !next_int(&pub, &scenarios) || !next_int(&pub, &limit))
    return fail("public input must start with <assets> <scenarios> <limit>");
  if (assets < 1 || assets > kMaxAssets || scenarios < 1 || scenarios > kMaxScenarios || limit < 0)
    return fail("assets, scenarios or limit out of range");

  // Private positions: value of each position in cents.
  Tokens priv = {(const char*)private_input};
  int64_t value[kMaxAssets];
  for (int64_t a = 0; a < assets; ++a) {
    int64_t quantity, price;
    if (!next_int(&priv, &quantity) || !next_int(&priv, &price))
      return fail("private input must hold <quantity> <price> per asset");
    // |value| <= 10^12 cents, so 64 assets x 10^4 bp stay far inside int64.
    if (quantity < -1000000 || quantity > 1000000 || price < 0 || price > 1000000)
      return fail("quantity or price out of range");
    value[a] = quantity * price;
  }

  int64_t* pnl = malloc((size_t)scenarios * sizeof(int64_t));
  if (pnl == NULL) return fail("out of memory");
  for (int64_t s = 0; s < scenarios; ++s) {
    int64_t sum = 0;  // cents x basis points
    for (int64_t a = 0; a < assets; ++a) {
      int64_t r;
      if (!next_int(&pub, &r) || r < -10000 || r > 10000)
        return fail("each scenario needs <assets> returns in [-10000, 10000] bp");
      sum += value[a] * r;
    }
    pnl[s] = sum / 10000;
  }

  qsort(pnl, (size_t)scenarios, sizeof(int64_t), compare_int64);
  int64_t quantile = pnl[scenarios * 5 / 100];
  int64_t var = quantile < 0 ? -quantile : 0;

  printf("scenarios %ld\n", (long)scenarios);
  print_money("VaR95", var);
  print_money("limit", limit);
  printf("within_limit %s\n", var <= limit ? "yes" : "no");
  return 0;
}
