// Prints the benchmark tokens as JSON (bench/fixtures.h), so harnesses outside this
// binary (bench/official/run.js) time exactly the tokens tokcheck_bench verifies.
#include <iostream>

#include "bench/fixtures.h"

int main() {
  std::cout << tokcheck::bench::fixtures_json() << '\n';
  return 0;
}
