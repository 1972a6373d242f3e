// SIGINT / SIGTERM during a conformance run. The handler only records which
// signal arrived; the runner and the process implementation check it, stop the
// implementation, mark what did not run NOT_RUN and still write every report.
// Installed without SA_RESTART, so a blocking poll() returns EINTR at once.
#pragma once

namespace tokcheck::conformance {

void install_interrupt_handlers();
// The signal that interrupted the run, or 0.
int interrupt_signal();
// For tests that simulate an interrupt without sending a signal.
void set_interrupt_signal_for_testing(int signal);

}  // namespace tokcheck::conformance
