#include "cli/guard.h"

#include <iostream>
#include <new>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/text_escape.h"
#include "reference/schemes/scheme.h"

namespace tokcheck::cli {

void print_error(std::string_view command, std::string_view message) {
  // Line by line, so a multi-line report stays readable while a control byte
  // inside a line (from a token or a key) is still escaped.
  std::cerr << "tokcheck" << (command.empty() ? "" : " ") << command << ": ";
  std::size_t start = 0;
  while (true) {
    const std::size_t end = message.find('\n', start);
    std::cerr << printable(message.substr(start, end - start)) << "\n";
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
}

int guarded(std::string_view command, const std::function<int()>& body) {
  try {
    return body();
  } catch (const schemes::UsageError& e) {
    print_error(command, e.what());
  } catch (const nlohmann::json::type_error& e) {
    print_error(command, std::string("a field has the wrong JSON type: ") + e.what());
  } catch (const nlohmann::json::exception& e) {
    print_error(command, std::string("unusable JSON input: ") + e.what());
  } catch (const std::bad_alloc&) {
    print_error(command, "out of memory");
  } catch (const std::exception& e) {
    print_error(command, std::string("cannot continue: ") + e.what());
  }
  return kExitUsage;
}

}  // namespace tokcheck::cli
