#ifndef BAYYINA_CZLIB_SHIM_H
#define BAYYINA_CZLIB_SHIM_H
#include <zlib.h>
#endif
