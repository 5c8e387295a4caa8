// toml++'s parser compiled into the config fuzzer from Debian's headers (the same source as
// libtomlplusplus.so), so coverage guides the fuzzer through the TOML grammar too and
// AddressSanitizer sees the parser's memory. These definitions take precedence over the shared
// library's in this one program; nothing else links this file.
//
// Built as Debian builds the library: without toml++'s internal assertions. Version 3.3.0 asserts
// a precondition of parse_key that malformed table headers such as "[&" break (fixed upstream,
// marzer/tomlplusplus pull request 301); with the assertion compiled out, as in the library Podium
// runs with, the parser reports a normal parse error. The input is in
// tests/fuzz/regressions/kiosk_config/. A plain no-op, not NDEBUG: under clang, NDEBUG would turn
// the check into __builtin_assume, which GCC (Debian's compiler) does not do.
//
// Also built without UBSan's unreachable check (tests/fuzz/CMakeLists.txt): 3.3.0's
// is_non_ascii_horizontal_whitespace reaches __builtin_unreachable for some non-ASCII characters
// (marzer/tomlplusplus issues 190 and 295, fixed upstream by returning false). Compiled by GCC,
// Debian's library returns false there, so the parser reports "saw 'ҏ'" as it should; clang's
// code does the same. That input is in tests/fuzz/regressions/kiosk_config/ as well.
#define TOML_ASSERT(expr) static_cast<void>(0)
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
