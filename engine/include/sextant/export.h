/* SEXTANT_API marks what libsextant.so exports: the C API and the out-of-line functions of the
 * C++ API in these headers. The library is compiled with hidden visibility, so everything else
 * (the engine's internals, and the inline code of RocksDB and ANTLR compiled into it) stays
 * local. Valid C and C++. */
#ifndef SEXTANT_EXPORT_H_
#define SEXTANT_EXPORT_H_

#if defined(__GNUC__)
#define SEXTANT_API __attribute__((visibility("default")))
#else
#define SEXTANT_API
#endif

#endif /* SEXTANT_EXPORT_H_ */
