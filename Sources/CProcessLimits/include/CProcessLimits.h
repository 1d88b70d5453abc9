#ifndef BAYYINA_CPROCESSLIMITS_H
#define BAYYINA_CPROCESSLIMITS_H

#include <sys/types.h>

/// Caps the address space of the running process `pid` at `bytes` (Linux prlimit(2) on RLIMIT_AS); 0 on success.
/// A helper program is capped this way right after it starts, instead of through a `prlimit` wrapper process.
int bayyina_limit_address_space(pid_t pid, unsigned long long bytes);

#endif
