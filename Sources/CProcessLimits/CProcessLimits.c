#define _GNU_SOURCE
#include <errno.h>
#include <stddef.h>
#include <sys/resource.h>
#include "CProcessLimits.h"

int bayyina_limit_address_space(pid_t pid, unsigned long long bytes) {
#ifdef __linux__
    struct rlimit limit = { .rlim_cur = (rlim_t)bytes, .rlim_max = (rlim_t)bytes };
    return prlimit(pid, RLIMIT_AS, &limit, NULL);
#else
    (void)pid;
    (void)bytes;
    errno = ENOSYS;
    return -1;
#endif
}
