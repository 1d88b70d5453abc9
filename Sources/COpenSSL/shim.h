#ifndef BAYYINA_COPENSSL_SHIM_H
#define BAYYINA_COPENSSL_SHIM_H
#include <openssl/evp.h>
#endif
