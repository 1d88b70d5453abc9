#define _GNU_SOURCE
#include <unistd.h>
#include "CFileSystem.h"

int bayyina_syncfs(int descriptor) {
#ifdef __linux__
    return syncfs(descriptor);
#else
    (void)descriptor;
    sync();
    return 0;
#endif
}
