#include "io/generation.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <utility>

namespace baobab::io {

namespace {

// "<path>: <what>[: <reason>]" (appended piecewise: GCC 12 warns falsely
// about operator+ chains of strings at -O3, bug 105329).
Error io_error(const std::string& path, const char* what, const char* reason = nullptr) {
  std::string message = path;
  message.append(": ").append(what);
  if (reason != nullptr) message.append(": ").append(reason);
  return Error{ErrorCode::kIo, std::move(message), "checkpoint"};
}

// fsync of a file or directory.
bool sync_path(const std::string& path, bool directory) {
  const int fd = ::open(path.c_str(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

Status commit_on_this_process(const std::string& path) {
  const std::string partial = partial_path(path);
  if (!sync_path(partial, false)) {
    return io_error(partial, "cannot sync the new generation", std::strerror(errno));
  }
  std::error_code ec;
  if (std::filesystem::exists(path, ec) &&
      std::rename(path.c_str(), previous_path(path).c_str()) != 0) {
    return io_error(path, "cannot rename it to <path>.prev", std::strerror(errno));
  }
  if (std::rename(partial.c_str(), path.c_str()) != 0) {
    return io_error(partial, "cannot rename it over the current generation", std::strerror(errno));
  }
  std::filesystem::path directory = std::filesystem::path(path).parent_path();
  if (directory.empty()) directory = std::filesystem::current_path(ec);
  if (!sync_path(directory.string(), true)) {
    return io_error(directory.string(), "cannot sync the directory", std::strerror(errno));
  }
  return Ok{};
}

}  // namespace

std::string partial_path(const std::string& path) {
  return path + ".partial";
}

std::string previous_path(const std::string& path) {
  return path + ".prev";
}

Status commit_generation(const std::string& path, dist::Communicator& comm) {
  comm.barrier();  // every rank has closed the file
  return dist::first_error(comm, comm.rank() == 0 ? commit_on_this_process(path) : Status(Ok{}));
}

Result<std::string> current_generation(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return path;
  if (std::filesystem::exists(previous_path(path), ec)) return previous_path(path);
  return io_error(path, "no checkpoint there (nor a previous generation, <path>.prev)");
}

}  // namespace baobab::io
