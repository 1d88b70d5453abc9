#ifndef BAYYINA_CFILESYSTEM_H
#define BAYYINA_CFILESYSTEM_H

/// Flushes every pending write of the file system that holds `descriptor` (Linux syncfs(2)); 0 on success.
/// One call makes a whole batch of staged files and renames durable. Falls back to sync(2) elsewhere.
int bayyina_syncfs(int descriptor);

#endif
