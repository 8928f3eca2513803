# SPDX-License-Identifier: MIT
# 32-bit big-endian cross build (the AVR32's word size and byte order), run under qemu-user.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR powerpc)
set(CMAKE_C_COMPILER powerpc-linux-gnu-gcc)
set(CMAKE_FIND_ROOT_PATH /usr/powerpc-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-ppc;-L;/usr/powerpc-linux-gnu)
# The tests read scene folders: 64-bit file offsets and inode numbers, or readdir fails with
# EOVERFLOW on file systems whose inode numbers do not fit 32 bits.
set(CMAKE_C_FLAGS_INIT "-D_FILE_OFFSET_BITS=64")
