// A streaming conformance run (runner.h stream_vector_cases) frees what it
// parsed as it goes. glibc's defaults give the freed top of
// the heap back to the kernel (trim above 128 KiB) and serve blocks from 128 KiB
// up with fresh mmaps, so every file faulted its pages in again. Measured on the
// shipped vectors (1,794 cases; docs/BENCHMARKS.md, 12 alternating runs): 3,158
// page faults and 28 ms of system time per run with the defaults, 1,407 and 12 ms
// with the memory kept; peak RSS 13.0 vs 13.4 MiB (the next file reuses what the
// last one freed). Re-measured once a run held one case instead of one file
// (2026-12-07, 30 alternating runs; docs/BENCHMARKS.md): still 959 against 2,048
// faults and 75 against 91 ms of CPU on the shipped set, and at 32x the set
// 1,134 against 35,577 faults, 24 against 252 ms of system time.
#pragma once

namespace tokcheck::conformance {

// Keeps freed heap memory in the process for the next file. Process-wide, so
// the command calls it (tokcheck conformance, the throughput bench's library
// child), not the library on its own. A no-op where the C library is not glibc.
void keep_freed_memory_for_reuse();

}  // namespace tokcheck::conformance
