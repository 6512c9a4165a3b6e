// File and formatting helpers shared by the `baobab` subcommands: whole-file
// reads, atomic writes (a reader never sees half a proof: the bytes go to
// PATH.tmp, which is then renamed over PATH), hex and JSON string encoding.
#pragma once

#include <cstdint>
#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace baobab::cli {

// The whole file into `out`; false when it cannot be opened or read.
bool read_file(const std::string& path, std::vector<uint8_t>& out);

// Writes `bytes` to path + ".tmp" and renames it to `path`; on any failure
// removes the temporary file and returns false.
// Writes `bytes` to a C stream (nothing for an empty span: fwrite must not
// see the null data() of an empty vector).
void write_stream(std::FILE* stream, std::span<const uint8_t> bytes);

bool write_file_atomically(const std::string& path, std::span<const uint8_t> bytes);
bool write_file_atomically(const std::string& path, std::string_view text);

// `text` as a JSON string literal, quotes included.
std::string json_string(std::string_view text);

// `value` as a JSON number with `decimals` digits after the point, or null
// where it is not finite (JSON has no infinity or NaN).
std::string json_number(double value, int decimals = 6);

}  // namespace baobab::cli
