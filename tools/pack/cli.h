// The realcheck-pack command line: parses the arguments, runs a command, prints its
// messages (the table in messages.h) and located problems. In the library so the tests
// run commands without a process.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace rc::packtool {

// Exit status: 0 done (validate: no errors), 1 failed or problems found, 2 bad usage.
// `progress_to_terminal`: draw the import's progress bar on `err`.
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            bool progress_to_terminal = false);

}  // namespace rc::packtool
